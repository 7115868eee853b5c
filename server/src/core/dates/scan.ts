/**
 * The scanner's state and what every date reader shares: characters, tokens read forwards
 * and backwards around a position (bounded: a few words, never past the previous mention),
 * the modifiers an expression can reach back to, and the clause's tense.
 */
import type { DatePrecision, DateMention, DateValue, Language } from '../model';
import type { Lexicon } from './lexicon';
import type { Direction, Reference } from './resolve';
import { ClauseTenses } from './tense';

/** Longest word read as a token; longer runs of letters are never part of a date. */
const MAX_WORD = 24;
/** Most whitespace between two words of one expression (one line break at most). */
const MAX_GAP = 8;

/** A word, a run of digits or one punctuation character. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'num' | 'punct';
  /** Lower-cased word (elisions end in `'`), digits, or the punctuation character. */
  readonly low: string;
}

/** One scan of one text: what every reader needs. */
export interface Scan {
  readonly text: string;
  readonly lang: Language;
  readonly lex: Lexicon;
  readonly ref: Reference;
  /** Range start and end. */
  readonly lo: number;
  readonly hi: number;
  /** End of the last mention: nothing reads back past it. */
  floor: number;
  /** Tense cues, made when a date first needs them. */
  tenses?: ClauseTenses;
  readonly out: DateMention[];
}

/** A date found at a trigger, or a stretch to skip (a malformed date such as `2024-13-45`). */
export type Found =
  | { readonly kind: 'date'; readonly start: number; readonly end: number; readonly date: DateValue; readonly relative: boolean }
  | { readonly kind: 'skip'; readonly end: number };

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isCombining(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

/** Letters (Latin, Greek, Cyrillic) and combining marks: what a word is made of. NaN → false. */
export function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return c >= 0x300 && c <= 0x52f;
}

export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

function isUpper(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function isHorizontalSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** Lower case, NFC, curly apostrophe → straight. */
export function fold(word: string): string {
  let w = word.toLowerCase();
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isCombining(c) || c === 0x2019) {
      w = w.normalize('NFC').replace(/\u2019/g, "'");
      break;
    }
  }
  return w;
}

/** Skip whitespace forwards (at most {@link MAX_GAP} characters, one line break); -1 if too much. */
function skipForward(s: Scan, pos: number): number {
  let i = pos;
  let breaks = 0;
  while (i < s.hi) {
    const c = s.text.charCodeAt(i);
    if (c === 0x0a) breaks++;
    else if (c !== 0x0d && !isHorizontalSpace(c)) break;
    if (breaks > 1 || i - pos >= MAX_GAP) return -1;
    i++;
  }
  return i;
}

/** Skip whitespace backwards, never below the floor; -1 if too much or at the floor. */
function skipBackward(s: Scan, pos: number): number {
  let i = pos;
  let breaks = 0;
  while (i > s.floor) {
    const c = s.text.charCodeAt(i - 1);
    if (c === 0x0a) breaks++;
    else if (c !== 0x0d && !isHorizontalSpace(c)) break;
    if (breaks > 1 || pos - i >= MAX_GAP) return -1;
    i--;
  }
  return i > s.floor ? i : -1;
}

/** The token starting at or after `pos` (after a little whitespace), within the range. */
export function next(s: Scan, pos: number): Token | undefined {
  const i = skipForward(s, pos);
  if (i < 0 || i >= s.hi) return undefined;
  const t = s.text;
  const c = t.charCodeAt(i);
  let j = i + 1;
  if (isDigit(c)) {
    while (j < s.hi && isDigit(t.charCodeAt(j))) if (++j - i > 6) return undefined;
    return { start: i, end: j, kind: 'num', low: t.slice(i, j) };
  }
  if (isLetter(c)) {
    while (j < s.hi && isLetter(t.charCodeAt(j))) if (++j - i > MAX_WORD) return undefined;
    if (s.lang === 'it' && j + 1 < s.hi && isApostrophe(t.charCodeAt(j)) && isLetter(t.charCodeAt(j + 1))) {
      return { start: i, end: j + 1, kind: 'word', low: `${fold(t.slice(i, j))}'` };
    }
    return { start: i, end: j, kind: 'word', low: fold(t.slice(i, j)) };
  }
  return { start: i, end: j, kind: 'punct', low: t[i] ?? '' };
}

/** The token ending at or before `pos` (after a little whitespace), never below the floor. */
export function prev(s: Scan, pos: number): Token | undefined {
  const j = skipBackward(s, pos);
  if (j < 0) return undefined;
  const t = s.text;
  const c = t.charCodeAt(j - 1);
  let i = j - 1;
  if (isDigit(c)) {
    while (i > s.floor && isDigit(t.charCodeAt(i - 1))) if (j - --i > 6) return undefined;
    return { start: i, end: j, kind: 'num', low: t.slice(i, j) };
  }
  if (isApostrophe(c) && s.lang === 'it' && isLetter(t.charCodeAt(j - 2)) && isLetter(t.charCodeAt(j))) {
    i = j - 2;
    while (i > s.floor && isLetter(t.charCodeAt(i - 1))) if (j - --i > MAX_WORD) return undefined;
    return { start: i, end: j, kind: 'word', low: `${fold(t.slice(i, j - 1))}'` };
  }
  if (isLetter(c)) {
    while (i > s.floor && isLetter(t.charCodeAt(i - 1))) if (j - --i > MAX_WORD) return undefined;
    if (i === s.floor && i > 0 && isLetter(t.charCodeAt(i - 1))) return undefined;
    return { start: i, end: j, kind: 'word', low: fold(t.slice(i, j)) };
  }
  return { start: i, end: j, kind: 'punct', low: t[i] ?? '' };
}

type WordToken = Token & { readonly kind: 'word' };

/** True when `tok` is one of the words given (narrows only the true branch). Fixed arity: no allocation. */
export function isWord(tok: Token | undefined, w1: string, w2?: string, w3?: string, w4?: string, w5?: string, w6?: string): tok is WordToken {
  if (tok === undefined || tok.kind !== 'word') return false;
  const l = tok.low;
  return l === w1 || l === w2 || l === w3 || l === w4 || l === w5 || l === w6;
}

export function capitalised(s: Scan, at: number): boolean {
  return isUpper(s.text.charCodeAt(at));
}

/** True when the token before `at` ends a sentence (or there is none). */
export function sentenceStart(s: Scan, at: number): boolean {
  const p = prev(s, at);
  return p === undefined || (p.kind === 'punct' && '.!?:;"“«—-'.includes(p.low));
}

export function date(start: number, end: number, value: DateValue, relative: boolean): Found {
  return { kind: 'date', start, end, date: value, relative };
}

/** True when a mention of `precision` ends just before `pos` ("dal 2013 al …", "March and May"). */
export function followsDate(s: Scan, pos: number, precision: DatePrecision): boolean {
  const last = s.out[s.out.length - 1];
  return last !== undefined && last.precision === precision && pos - last.end <= 2 && pos >= last.end;
}

/**
 * Reach back over a modifier that belongs to the expression: "early", "late", "mid-",
 * "earlier", "the end of"; "inizio", "fine", "metà" (with "di"/"del"/"della" after them).
 */
export function extendBack(s: Scan, start: number): number {
  const p = prev(s, start);
  if (!p) return start;
  if (s.lang === 'en') {
    if (p.low === '-' && p.end === start) {
      const mid = prev(s, p.start);
      return isWord(mid, 'mid') && mid.end === p.start ? mid.start : start;
    }
    if (p.kind === 'word' && s.lex.edgeModifiers.has(p.low)) return p.start;
    if (isWord(p, 'of')) {
      const edge = prev(s, p.start);
      if (edge?.kind === 'word' && (EDGE_NOUNS.has(edge.low) || SEASONS_OF_YEAR.has(edge.low))) {
        const the = prev(s, edge.start);
        return isWord(the, 'the') ? the.start : edge.start;
      }
    }
    return start;
  }
  if (p.kind === 'word' && s.lex.edgeModifiers.has(p.low)) return p.start;
  if (isWord(p, 'di', 'del', 'dello', 'della', "dell'")) {
    const edge = prev(s, p.start);
    if (edge?.kind === 'word' && s.lex.edgeModifiers.has(edge.low)) return edge.start;
  }
  return start;
}

const SEASONS_OF_YEAR = new Set(['summer', 'winter', 'spring', 'autumn', 'fall']);

/** The direction the clause's tense gives, or "nearest". */
export function tenseDirection(s: Scan, start: number, end: number, fallback: Direction): Direction {
  s.tenses ??= new ClauseTenses(s.text, s.lang);
  return s.tenses.tense(start, end) ?? fallback;
}

/** Direction words in Italian relative phrases. */
export const IT_PAST = new Set(['scorso', 'scorsa', 'passato', 'passata']);
export const IT_NEXT = new Set(['prossimo', 'prossima']);
export const IT_THIS = new Set(['questo', 'questa', "quest'", 'attuale', 'corrente']);

/** Edge nouns in "the end of the season", "the start of next year". */
export const EDGE_NOUNS = new Set(['end', 'start', 'beginning', 'middle', 'rest', 'remainder', 'turn']);
