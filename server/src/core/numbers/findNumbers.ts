/**
 * Numbers written as digits or words, each with the word that follows it (the thing it
 * counts, as in "331 games" or "tre supercoppe"). One regular-expression scan finds only
 * digit runs and number words, so the rest of the text is skipped quickly.
 */
import type { Language, NumberMention } from '../model';
import { ANAPHORIC_COUNTS, numberWords, numberWordValue } from './numberWords';

/** Words that may stand between a number and its noun ("three more titles", "tre ulteriori trofei"). */
const SKIP_BEFORE_NOUN = new Set(['more', 'other', 'further', 'straight', 'consecutive', 'più', 'altri', 'altre', 'ulteriori']);

const PATTERNS: Record<Language, RegExp> = { en: pattern('en'), it: pattern('it') };

function pattern(lang: Language): RegExp {
  // Longest first, so "a decade" wins over shorter words and "ventuno" over "venti".
  const words = [...numberWords(lang), ...ANAPHORIC_COUNTS]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'));
  // Latin letters around the words and no `u` flag: Unicode case folding slows the scan many times over.
  return new RegExp(`(\\d+(?:[.,]\\d+)*)|(?<![A-Za-z\\u00C0-\\u024F\\d])(${words.join('|')})(?![A-Za-z\\u00C0-\\u024F])`, 'gi');
}

const NEXT_WORD = /[ \t\u00a0]+([\p{L}][\p{L}\p{M}'’-]*)/uy;

/**
 * Find the numbers in `text[from, to)`. Digits inside words ("U21", "teCw4uB") and
 * ordinals ("3rd", "2°") are not counts; the pipeline drops numbers inside dates.
 */
export function findNumbers(text: string, lang: Language, from = 0, to = text.length): NumberMention[] {
  const out: NumberMention[] = [];
  const re = PATTERNS[lang];
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    let value: number | undefined;
    let form: NumberMention['form'];
    if (m[1] !== undefined) {
      if (isWordChar(text.charCodeAt(start - 1)) || isLetterCode(text.charCodeAt(end)) || isOrdinalMark(text.charCodeAt(end))) continue;
      value = parseDigits(m[1], lang);
      form = 'digits';
    } else {
      const word = m[0].toLowerCase().replace(/\s+/g, ' ');
      if (ANAPHORIC_COUNTS.has(word)) {
        value = Number.NaN;
        form = 'anaphor';
      } else {
        value = numberWordValue(word, lang);
        form = 'words';
        // "one of the", "uno dei": a choice among many, not a count.
        if (value === 1 && /^\s+(?:of|dei|degli|delle|di)(?![\p{L}])/u.test(text.slice(end, end + 8))) continue;
      }
    }
    if (value === undefined) continue;
    out.push({ start, end, text: m[0], value, form, ...nounAfter(text, end) });
  }
  return out;
}

/** The word a number counts: the next word, past "more" / "ulteriori" and the like. */
function nounAfter(text: string, end: number): Pick<NumberMention, 'noun' | 'nounSpan'> {
  let at = end;
  for (let skips = 0; skips < 3; skips++) {
    NEXT_WORD.lastIndex = at;
    const m = NEXT_WORD.exec(text);
    if (!m) return {};
    const word = m[1]!.toLowerCase();
    const start = NEXT_WORD.lastIndex - m[1]!.length;
    if (!SKIP_BEFORE_NOUN.has(word)) return { noun: word, nounSpan: { start, end: NEXT_WORD.lastIndex } };
    at = NEXT_WORD.lastIndex;
  }
  return {};
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
