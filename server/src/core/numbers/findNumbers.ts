/**
 * Numbers written as digits or words, each with the word that follows it (the thing it
 * counts, as in "331 games" or "tre supercoppe"). A linear scan over words and digit runs.
 */
import type { Language, NumberMention, Span } from '../model';
import { ANAPHORIC_COUNTS, numberWordValue } from './numberWords';

/** Articles and other words that may stand between a number word and its noun, or that make "un"/"a" not a count. */
const SKIP_BEFORE_NOUN = new Set(['more', 'other', 'further', 'straight', 'consecutive', 'più', 'altri', 'altre', 'ulteriori']);

// A digit run with optional thousands/decimal separators, or a word (letters, inner hyphens).
const TOKEN = /(\d+(?:[.,]\d+)*)|(\p{L}+(?:-\p{L}+)*)/gu;

/**
 * Find the numbers in `text[from, to)`. Digits inside words ("U21", "teCw4uB") and parts
 * of dates or scores are left to other stages; the pipeline drops numbers inside dates.
 */
export function findNumbers(text: string, lang: Language, from = 0, to = text.length): NumberMention[] {
  const out: NumberMention[] = [];
  TOKEN.lastIndex = from;
  let pending: { mention: Omit<NumberMention, 'noun' | 'nounSpan'>; } | undefined;
  for (let m = TOKEN.exec(text); m && m.index < to; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      flush(out, pending);
      pending = undefined;
      // Digits inside words ("U21") and ordinals ("3rd", "2°") are not counts.
      if (isWordChar(text.charCodeAt(start - 1)) || isLetterCode(text.charCodeAt(end)) || isOrdinalMark(text.charCodeAt(end))) continue;
      const value = parseDigits(m[1], lang);
      if (value === undefined) continue;
      pending = { mention: { start, end, text: m[0], value, form: 'digits' } };
      continue;
    }
    const word = m[0].toLowerCase();
    if (pending) {
      if (SKIP_BEFORE_NOUN.has(word)) continue;
      out.push({ ...pending.mention, noun: word, nounSpan: { start, end } });
      pending = undefined;
      continue;
    }
    const phrase = twoWordNumber(text, word, end, lang);
    if (phrase) {
      pending = { mention: { start, end: phrase.end, text: text.slice(start, phrase.end), value: phrase.value, form: 'words' } };
      TOKEN.lastIndex = phrase.end;
      continue;
    }
    if (ANAPHORIC_COUNTS.has(word)) {
      pending = { mention: { start, end, text: m[0], value: Number.NaN, form: 'anaphor' } };
      continue;
    }
    const value = numberWordValue(word, lang);
    // "one of the", "uno dei": a choice among many, not a count.
    if (value === 1 && /^\s+(?:of|dei|degli|delle|di)\b/u.test(text.slice(end, end + 8))) continue;
    // "un"/"una"/"one" are usually articles or pronouns: only a count when a noun follows directly.
    if (value !== undefined && !(value === 1 && word !== 'one' && word !== 'uno')) {
      pending = { mention: { start, end, text: m[0], value, form: 'words' } };
    }
  }
  flush(out, pending);
  return out;
}

function flush(out: NumberMention[], pending: { mention: Omit<NumberMention, 'noun' | 'nounSpan'> } | undefined): void {
  if (pending) out.push(pending.mention);
}

/** "a decade", "a dozen", "un decennio": two-word number phrases. */
function twoWordNumber(text: string, first: string, end: number, lang: Language): (Span & { value: number }) | undefined {
  if (first !== 'a' && first !== 'un' && first !== 'una' && first !== 'one') return undefined;
  const next = /\s+(\p{L}+)/uy;
  next.lastIndex = end;
  const m = next.exec(text);
  if (!m) return undefined;
  const value = numberWordValue(`${first} ${m[1]!.toLowerCase()}`, lang);
  return value === undefined ? undefined : { start: end, end: next.lastIndex, value };
}

/** Parse "331", "1,000" / "1.000" (thousands), "3.5" / "3,5" (decimal, by language). */
function parseDigits(s: string, lang: Language): number | undefined {
  const thousands = lang === 'it' ? '.' : ',';
  const decimal = lang === 'it' ? ',' : '.';
  const groups = s.split(thousands);
  if (groups.length > 1 && groups.slice(1).every((g) => /^\d{3}(?:[.,]\d+)?$/.test(g)) && groups[0]!.length <= 3) {
    s = groups.join('');
  }
  const parts = s.split(decimal);
  if (parts.length > 2 || parts.some((p) => !/^\d+$/.test(p))) return undefined;
  const v = Number(parts.join('.'));
  return Number.isFinite(v) ? v : undefined;
}

function isOrdinalMark(c: number): boolean {
  return c === 0xb0 || c === 0xaa || c === 0xba; // ° ª º
}

function isLetterCode(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(String.fromCharCode(c));
}

function isWordChar(c: number): boolean {
  return isLetterCode(c) || (c >= 48 && c <= 57);
}
