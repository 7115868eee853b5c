/**
 * Closed-class words (articles, prepositions, conjunctions, pronouns, sentence adverbs) that
 * never start a name when they are capitalised only because they start a sentence or stand
 * in a headline written in capitals.
 */

import type { Language } from '../model';

const EN = `a an the this that these those while when whenever after before as at in on onto for from with
by of to and but or nor if so then there here he she it they we i you his her its their our my your him them
us me despite although though since until till during under over above below about against between into
through without within among amid yet also however meanwhile now today yesterday tonight tomorrow last next
every each all both some many most much more few no not what who whom whose which where why how whether once
indeed instead still even just only perhaps maybe whereas because unless upon via per than`;

const IT = `il lo la i gli le l' un uno una un' del dello della dei degli delle dell' al allo alla ai agli alle
all' dal dallo dalla dai dagli dalle dall' nel nello nella nei negli nelle nell' sul sullo sulla sui sugli
sulle sull' col coi di d' a ad da in con su per tra fra e ed o od ma se che chi cui come quando dove perché
mentre dopo prima anche ancora già poi però quindi infatti oggi ieri domani stasera questo questa questi
queste quello quella quelli quelle quest' quell' non né secondo durante contro verso senza lui lei loro noi
voi io tu suo sua suoi sue mio mia tuo tua nostro nostra ogni tutto tutti tutta tutte ecco inoltre intanto
insomma oltre circa sempre mai dunque pure anzi cioè ovvero oppure neanche nemmeno neppure sia`;

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}

/** Function words by language, lower-case, apostrophes as '. */
export const FUNCTION_WORDS: Readonly<Record<Language, ReadonlySet<string>>> = { en: set(EN), it: set(IT) };
