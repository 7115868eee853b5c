/** Words that signal each kind of claim, in English and Italian (lower-case, accents kept). */
import { isWordCode, type KbRole } from '../kb';
import type { Language } from '../model';

/**
 * A case-insensitive list of words or phrases, found as whole words by {@link findCue}.
 * The boundaries are checked in code: `\b` knows only ASCII letters (it never matches
 * beside "lasciò" or "è"), and Unicode lookarounds made the scan five times slower. A cheap
 * Latin-letter lookahead after the phrase still lets the engine try a longer alternative
 * ("è alla Roma" after "è al"); a phrase ending in an apostrophe runs into its word ("dell'Inter").
 */
function wordCue(alternatives: string): RegExp {
  return new RegExp(`(?:${alternatives})(?:(?<=['’])|(?![A-Za-z0-9_\u00C0-\u024F]))`, 'gi');
}

const APOSTROPHES: ReadonlySet<string> = new Set(["'", '’']);

/** Whether `text[i]` is part of a word: a letter, digit or mark of any script, or `_` (as for `\b`). */
function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c === 95 || isWordCode(c, text, i);
}

/** The first whole-word occurrence of `cue` in `text` at or after `from`. */
export function findCue(cue: RegExp, text: string, from = 0): RegExpExecArray | null {
  cue.lastIndex = from;
  for (let m = cue.exec(text); m; m = cue.exec(text)) {
    const end = m.index + m[0].length;
    if (!isWordAt(text, m.index - 1) && (APOSTROPHES.has(text[end - 1]!) || !isWordAt(text, end))) return m;
    cue.lastIndex = m.index + 1;
  }
  return null;
}

/** The kinds of claim read from a whole sentence, each opened by its cue words. */
export type CueKind = 'contract' | 'list' | 'move' | 'record';

/** Where each kind of cue starts in a text, in ascending order. */
export type CueHits = Readonly<Record<CueKind, number[]>>;

/** Finds the cues of every kind in `text`. */
export function findCues(text: string, lang: Language): CueHits {
  const hits = (cue: RegExp): number[] => {
    const out: number[] = [];
    for (let m = findCue(cue, text); m; m = findCue(cue, text, m.index + 1)) out.push(m.index);
    return out;
  };
  return { contract: hits(CONTRACT_CUES[lang]), list: hits(LIST_CUES[lang]), move: hits(MOVE_CUES[lang]), record: hits(RECORD_CUES[lang]) };
}

/** Nouns counted by an appearances or goals figure. */
export const STAT_NOUNS: Record<Language, ReadonlyMap<string, 'appearances' | 'goals'>> = {
  en: new Map([
    ...['games', 'game', 'matches', 'match', 'appearances', 'appearance', 'apps', 'caps', 'outings'].map((w) => [w, 'appearances'] as const),
    ...['goals', 'goal'].map((w) => [w, 'goals'] as const),
  ]),
  it: new Map([
    ...['presenze', 'presenza', 'partite', 'partita', 'gare', 'gara', 'gettoni', 'apparizioni'].map((w) => [w, 'appearances'] as const),
    ...['gol', 'goal', 'reti', 'rete', 'marcature'].map((w) => [w, 'goals'] as const),
  ]),
};

/** Nouns that stand for "titles of" a competition named after them ("tre edizioni della Champions"). */
export const TITLE_NOUNS: ReadonlySet<string> = new Set([
  'titles', 'title', 'trophies', 'trophy', 'editions', 'crowns', 'winners', 'medals',
  'titoli', 'titolo', 'trofei', 'trofeo', 'edizioni', 'edizione', 'vittorie',
]);

/**
 * Nouns of a tenure ("nine seasons", "per nove stagioni") and what they count: seasons are
 * checked as football counts them (July to June), years loosely.
 */
export const TENURE_NOUNS: ReadonlyMap<string, 'seasons' | 'years'> = new Map([
  ['seasons', 'seasons'], ['season', 'seasons'], ['stagioni', 'seasons'], ['stagione', 'seasons'],
  ['years', 'years'], ['year', 'years'], ['anni', 'years'], ['anno', 'years'],
]);

/** Words before a tenure that make it one ("spent nine seasons", "per nove stagioni", "almost a decade"). */
export const TENURE_LEADS: ReadonlySet<string> = new Set([
  'spent', 'spending', 'stayed', 'remained', 'for', 'after', 'almost', 'nearly', 'over', 'about', 'around', 'some',
  'per', 'dopo', 'quasi', 'circa', 'oltre', 'ben', 'durante', 'rimasto', 'rimasta', 'restato', 'restata',
]);

/** Qualifiers of a figure's precision. */
export const APPROXIMATIONS: ReadonlyMap<string, 'almost' | 'about' | 'over'> = new Map([
  ['almost', 'almost'], ['nearly', 'almost'], ['quasi', 'almost'],
  ['about', 'about'], ['around', 'about'], ['some', 'about'], ['circa', 'about'], ['roughly', 'about'],
  ['over', 'over'], ['more than', 'over'], ['oltre', 'over'], ['più di', 'over'],
]);

/** Words after a figure that make it a point in time or an age, not a stay ("nine years ago", "nove anni fa"). */
export const NOT_TENURE_AFTER: ReadonlySet<string> = new Set(['ago', 'fa', 'old', 'anni', 'later', 'dopo']);

/**
 * Words after a figure that make it a point in time only when they end the phrase: "nine
 * years before," is earlier; "nove stagioni prima di approdare" is a stay before a move.
 */
export const NOT_TENURE_AT_PHRASE_END: ReadonlySet<string> = new Set(['prima', 'before']);

/** Counts of wins: "won La Liga three times", "ha vinto tre volte la Liga". */
export const TIMES_NOUNS: ReadonlySet<string> = new Set(['times', 'volte']);

/** Verbs of winning that make "three times" next to a competition an honours count. */
export const WIN_WORDS: ReadonlySet<string> = new Set([
  'won', 'win', 'wins', 'winning', 'lifted', 'claimed', 'clinched', 'collected',
  'vinto', 'vinse', 'vince', 'vincendo', 'conquistato', 'conquistò', 'alzato', 'sollevato',
]);

/** Contract words: a year after one of these in the sentence is the contract's end. */
export const CONTRACT_CUES: Record<Language, RegExp> = {
  en: wordCue('contract|deal'),
  it: wordCue('contratto|accordi|accordo|scadenza|rinnovo'),
};

/** Verbs that open a list of teams coached or played for. */
export const LIST_CUES: Record<Language, RegExp> = {
  en: wordCue('(?<coached>coached|managed|overseen|oversaw|was in charge of|has been in charge of|led)|(?<played>played for|has played for|turned out for)'),
  it: wordCue('(?<coached>allenato|allenava|allenò|guidato|ha guidato)|(?<played>giocato (?:con|per|nel|nella)|vestito la maglia (?:del|della|di))'),
};

/** Verbs of a move to a team, or from one. */
export const MOVE_CUES: Record<Language, RegExp> = {
  en: wordCue('(?<joined>move to new challenges at|move to|moved to|moving to|joined|signed for|switched to|transferred to|took over at|took over as coach of|took over as manager of|took charge of|was appointed at)|(?<left>left|leaving|departed)|(?<since>has been at|has been with|has been in charge of|has played for|has coached|has managed|is at|plays for)|(?<sinceAs>has been (?:the )?(?<role>president|chairman|head coach|coach|manager)(?: (?:of|at))?)'),
  it: wordCue('(?<joined>passato al|passato alla|approdato al|approdato alla|trasferito al|trasferito alla|si è trasferito|è arrivato al|arrivato al)|(?<left>lasciò|ha lasciato|lasciato|lascia)|(?<since>è al|è alla|è all’|è all\'|è nel|è nella|gioca nel|gioca nella|gioca con|gioca per|milita nel|milita nella|allena il|allena la|allena l’|allena l\'|guida il|guida la)|(?<sinceAs>è (?:il |l’|l\')?(?<role>presidente|tecnico|allenatore)(?: (?:del|della|dello|dell’|dell\'|dei|delle|degli))?)'),
};

/** The role a "has been president since", "è tecnico del … dal" cue names. */
export const SINCE_ROLES: ReadonlyMap<string, KbRole> = new Map([
  ['president', 'president'], ['chairman', 'president'], ['presidente', 'president'],
  ['coach', 'coach'], ['head coach', 'coach'], ['manager', 'coach'], ['tecnico', 'coach'], ['allenatore', 'coach'],
]);

/** Words before the year of a stay that started then and goes on ("since 2012", "dal 2012"). */
export const SINCE_WORDS: Record<Language, RegExp> = {
  en: /\bsince\s+(?:(?:early|late|mid|the\s+summer\s+of|the\s+start\s+of)\s+)?$/iu,
  it: /(?:^|[^\p{L}])(?:dal|dalla|dall’|dall'|dai|dagli)\s*(?:(?:lontano|l’estate|l'estate|estate|inizio|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\s+(?:del\s+)?)?$/iu,
};

/** Phrases of a "most titles" record. */
export const RECORD_CUES: Record<Language, RegExp> = {
  en: wordCue('the most|most successful|record number of'),
  it: wordCue('maggior numero di|il maggior numero|più vincente|record di'),
};

/** Role words near a record or a list ("the coach with the most…", "l'allenatore ad aver vinto…"). */
export const COACH_WORDS: ReadonlySet<string> = new Set(['coach', 'manager', 'boss', 'allenatore', 'tecnico', 'mister']);
export const PLAYER_WORDS: ReadonlySet<string> = new Set(['player', 'footballer', 'midfielder', 'striker', 'defender', 'goalkeeper', 'giocatore', 'calciatore', 'centrocampista', 'attaccante', 'difensore', 'portiere']);
