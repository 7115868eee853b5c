/**
 * Corrections that change a count between one and many also change its noun: "two titles"
 * becomes "one title", "due edizioni" becomes "un'edizione". Only nouns whose forms are
 * known are inflected; for any other noun (a competition's own name, "due Mondiali per
 * club") the caller offers no correction rather than an ungrammatical one.
 */
import type { Language } from '../model';

interface NounForms {
  readonly one: string;
  readonly many: string;
  /** Italian gender, for the article that says "one" (un, una, un'). */
  readonly feminine?: boolean;
}

const EN: readonly NounForms[] = [
  ['game', 'games'], ['match', 'matches'], ['appearance', 'appearances'], ['cap', 'caps'], ['outing', 'outings'],
  ['goal', 'goals'], ['title', 'titles'], ['trophy', 'trophies'], ['medal', 'medals'], ['crown', 'crowns'],
  ['edition', 'editions'], ['season', 'seasons'], ['year', 'years'],
].map(([one, many]) => ({ one: one!, many: many! }));

const IT: readonly NounForms[] = [
  { one: 'presenza', many: 'presenze', feminine: true },
  { one: 'partita', many: 'partite', feminine: true },
  { one: 'gara', many: 'gare', feminine: true },
  { one: 'apparizione', many: 'apparizioni', feminine: true },
  { one: 'rete', many: 'reti', feminine: true },
  { one: 'edizione', many: 'edizioni', feminine: true },
  { one: 'vittoria', many: 'vittorie', feminine: true },
  { one: 'stagione', many: 'stagioni', feminine: true },
  { one: 'gettone', many: 'gettoni' },
  { one: 'gol', many: 'gol' },
  { one: 'titolo', many: 'titoli' },
  { one: 'trofeo', many: 'trofei' },
  { one: 'anno', many: 'anni' },
];

const BY_WORD: Record<Language, ReadonlyMap<string, NounForms>> = {
  en: new Map(EN.flatMap((f) => [[f.one, f], [f.many, f]] as const)),
  it: new Map(IT.flatMap((f) => [[f.one, f], [f.many, f]] as const)),
};

/** A replacement for a count and the noun after it. */
export interface CountedNounFix {
  readonly text: string;
  /** UTF-16 length of the original count, the spaces and the noun. */
  readonly length: number;
}

/**
 * The count `written` (as the article writes `expected`: digits or a word) with the noun that
 * follows the count at `end` of `text` put in the matching number; undefined when the noun is
 * not one whose forms are known or is not on the same line.
 */
export function countWithNoun(text: string, start: number, end: number, expected: number, written: string, lang: Language): CountedNounFix | undefined {
  const m = /^[ \t\u00a0]+(\p{L}+)/u.exec(text.slice(end, end + 40));
  if (!m) return undefined;
  const word = m[1]!;
  const forms = BY_WORD[lang].get(word.toLowerCase());
  if (!forms) return undefined;
  const noun = casedLike(word, expected === 1 ? forms.one : forms.many);
  const length = end + m[0].length - start;
  if (expected !== 1 || lang === 'en' || /^\d/.test(written)) return { text: `${written} ${noun}`, length };
  // Italian "one" in words is the indefinite article: un titolo, una presenza, un'edizione.
  const article = !forms.feminine ? 'un ' : /^[aeiou]/i.test(noun) ? "un'" : 'una ';
  return { text: `${casedLike(written, article)}${noun}`, length };
}

/** `word` with a capital first letter when `original` has one ("Sei" becomes "Cinque"). */
export function casedLike(original: string, word: string): string {
  return /^\p{Lu}/u.test(original) ? word[0]!.toUpperCase() + word.slice(1) : word;
}
