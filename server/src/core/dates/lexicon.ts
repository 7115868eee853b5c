/**
 * The words date expressions are made of, in English and Italian: month and weekday names,
 * relative-day words, time units, number words and the cues that make a bare number a year.
 * Keys are lower case; Italian elisions keep their apostrophe, normalised to `'`.
 */
import type { Language } from '../model';

/** A unit that relative expressions count in. */
export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'season';

export interface Lexicon {
  /** Full month names → 1–12. */
  readonly months: ReadonlyMap<string, number>;
  /** Abbreviated month names → 1–12 (used only next to a day or a year). */
  readonly monthAbbreviations: ReadonlyMap<string, number>;
  /** Weekday names → ISO weekday 1 (Monday) – 7 (Sunday). */
  readonly weekdays: ReadonlyMap<string, number>;
  /** Words naming a day relative to the article's ("yesterday" → -1). */
  readonly relativeDays: ReadonlyMap<string, number>;
  /** Unit nouns, singular and plural. */
  readonly units: ReadonlyMap<string, { readonly unit: Unit; readonly plural: boolean }>;
  /** Small numbers written as words ("a", "two", "tre"). */
  readonly numberWords: ReadonlyMap<string, number>;
  /** Words before a bare number that make it a year ("in 2022", "nel 2025"). */
  readonly yearCues: ReadonlySet<string>;
  /** Words between two years of a range ("to", "al"): the second is a year too. */
  readonly rangeLinks: ReadonlySet<string>;
  /** Words after a number that say it counts something ("2000 fans"): never a year. */
  readonly countNouns: ReadonlySet<string>;
  /** Season nouns ("season", "stagione"). */
  readonly seasonNouns: ReadonlySet<string>;
  /** Before a date: "early", "late", "mid", "inizio", "fine", "metà" (kept in the span). */
  readonly edgeModifiers: ReadonlySet<string>;
  /** Definite articles kept at the start of a relative phrase ("la settimana scorsa"). */
  readonly articles: ReadonlySet<string>;
  /** Regular-expression source of the words that start a scan (besides digits). */
  readonly triggerSource: string;
}

function map<T>(entries: readonly (readonly [string, T])[]): ReadonlyMap<string, T> {
  return new Map(entries);
}

function months(names: readonly string[]): ReadonlyMap<string, number> {
  return map(names.map((n, i) => [n, i + 1] as const));
}

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const IT_MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

const EN_NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const IT_NUMBER_WORDS = ['uno', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici'];

const COUNT_NOUNS_EN = [
  'metres', 'meters', 'm', 'km', 'kg', 'minutes', 'mins', 'seconds', 'fans', 'people', 'spectators', 'supporters',
  'games', 'matches', 'goals', 'points', 'runs', 'yards', 'euros', 'euro', 'dollars', 'pounds', 'tickets', 'times',
  'members', 'players', 'miles', 'votes', 'jobs', 'shares', 'cars', 'units', 'pupils', 'students',
  'gmt', 'bst', 'cet', 'utc', 'et', 'hrs', 'hours', 'pm', 'am',
];
const COUNT_NOUNS_IT = [
  'metri', 'm', 'km', 'kg', 'minuti', 'secondi', 'tifosi', 'spettatori', 'persone', 'partite', 'gol', 'reti', 'punti',
  'presenze', 'euro', 'dollari', 'sterline', 'biglietti', 'volte', 'abitanti', 'soci', 'giocatori', 'chilometri',
  'ore', 'gmt', 'cet', 'utc',
];

const EN: Lexicon = {
  months: months(EN_MONTHS),
  monthAbbreviations: map([
    ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
    ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ]),
  weekdays: map([['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7]]),
  relativeDays: map([['yesterday', -1], ['today', 0], ['tonight', 0], ['tomorrow', 1]]),
  units: map([
    ['day', { unit: 'day', plural: false }], ['days', { unit: 'day', plural: true }],
    ['week', { unit: 'week', plural: false }], ['weeks', { unit: 'week', plural: true }],
    ['weekend', { unit: 'weekend', plural: false }], ['weekends', { unit: 'weekend', plural: true }],
    ['month', { unit: 'month', plural: false }], ['months', { unit: 'month', plural: true }],
    ['year', { unit: 'year', plural: false }], ['years', { unit: 'year', plural: true }],
    ['season', { unit: 'season', plural: false }], ['seasons', { unit: 'season', plural: true }],
    ['campaign', { unit: 'season', plural: false }],
  ]),
  numberWords: map([['a', 1], ['an', 1], ...EN_NUMBER_WORDS.map((w, i) => [w, i + 1] as const)]),
  yearCues: new Set([
    'in', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'throughout', 'circa', 'around',
    'between', 'early', 'late', 'mid', 'fiscal', 'summer', 'winter', 'spring', 'autumn', 'fall', 'year', 'through',
    'for', 'both',
  ]),
  rangeLinks: new Set(['to', 'and', 'until', 'till', 'through', '-', '\u2013']),
  countNouns: new Set(COUNT_NOUNS_EN),
  seasonNouns: new Set(['season', 'campaign']),
  edgeModifiers: new Set(['early', 'late', 'mid', 'earlier', 'later', 'fiscal']),
  articles: new Set(['the']),
  triggerSource:
    'january|february|march|april|may|june|july|august|september|october|november|december|' +
    'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
    'yesterday|today|tonight|tomorrow|' +
    'days?|weekends?|weeks?|months?|years?|seasons?|campaign',
};

const IT: Lexicon = {
  months: months(IT_MONTHS),
  monthAbbreviations: map([
    ['gen', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['mag', 5], ['giu', 6], ['lug', 7], ['ago', 8],
    ['set', 9], ['sett', 9], ['ott', 10], ['nov', 11], ['dic', 12],
  ]),
  weekdays: map([
    ['lunedì', 1], ['martedì', 2], ['mercoledì', 3], ['giovedì', 4], ['venerdì', 5], ['sabato', 6], ['domenica', 7],
    ['lunedi', 1], ['martedi', 2], ['mercoledi', 3], ['giovedi', 4], ['venerdi', 5],
    ['lunedí', 1], ['martedí', 2], ['mercoledí', 3], ['giovedí', 4], ['venerdí', 5],
  ]),
  relativeDays: map([
    ['ieri', -1], ['oggi', 0], ['stasera', 0], ['stamattina', 0], ['stamani', 0], ['stanotte', 0],
    ['domani', 1], ['dopodomani', 2], ['altroieri', -2],
  ]),
  units: map([
    ['giorno', { unit: 'day', plural: false }], ['giorni', { unit: 'day', plural: true }],
    ['settimana', { unit: 'week', plural: false }], ['settimane', { unit: 'week', plural: true }],
    ['weekend', { unit: 'weekend', plural: false }],
    ['mese', { unit: 'month', plural: false }], ['mesi', { unit: 'month', plural: true }],
    ['anno', { unit: 'year', plural: false }], ['anni', { unit: 'year', plural: true }],
    ['stagione', { unit: 'season', plural: false }], ['stagioni', { unit: 'season', plural: true }],
    ['annata', { unit: 'season', plural: false }],
  ]),
  numberWords: map([['un', 1], ['una', 1], ["un'", 1], ...IT_NUMBER_WORDS.map((w, i) => [w, i + 1] as const)]),
  yearCues: new Set([
    'nel', 'dal', 'al', 'del', 'il', 'entro', 'sin', 'fin', 'durante', 'prima', 'dopo', 'inizio', 'fine', 'metà',
    'estate', 'inverno', 'primavera', 'autunno', 'anno', "nell'", "dall'", "dell'", "all'", "l'", 'tra', 'fra',
    'verso', 'circa',
  ]),
  rangeLinks: new Set(['al', 'e', 'a', '-', '\u2013', 'fino']),
  countNouns: new Set(COUNT_NOUNS_IT),
  seasonNouns: new Set(['stagione', 'annata']),
  edgeModifiers: new Set(['inizio', 'fine', 'metà']),
  articles: new Set(['il', 'lo', 'la', "l'"]),
  triggerSource:
    'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre|' +
    'luned[iìí]|marted[iìí]|mercoled[iìí]|gioved[iìí]|venerd[iìí]|sabato|domenica|' +
    'ieri|oggi|domani|stasera|stamattina|stamani|stanotte|dopodomani|altroieri|' +
    'giorn[oi]|settiman[ae]|weekend|mes[ei]|ann[oi]|annata|stagion[ei]',
};

/** The lexicon of a language. */
export function lexicon(lang: Language): Lexicon {
  return lang === 'it' ? IT : EN;
}
