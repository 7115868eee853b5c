/**
 * Paragraphs and sentences. Both are found by single linear scans; sentences never cross
 * a line break, because in plain-text articles a line break ends a headline or paragraph.
 */
import type { Span } from '../model';

/** Paragraphs: runs of non-blank lines, trimmed of surrounding white space. */
export function findParagraphs(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = -1;
  let lastNonSpace = -1;
  let lineHasText = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (!lineHasText && start >= 0) {
        out.push({ start, end: lastNonSpace + 1 });
        start = -1;
      }
      lineHasText = false;
      if (i === to && start >= 0) out.push({ start, end: lastNonSpace + 1 });
    } else if (!isSpace(c)) {
      if (start < 0) start = i;
      lineHasText = true;
      lastNonSpace = i;
    }
  }
  return out;
}

/** Abbreviations after which a full stop does not end a sentence (lower-cased, no dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'vs', 'v', 'no', 'nos', 'etc', 'fc', 'ac', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'sig', 'sigg', 'dott', 'ing', 'avv',
  'ecc', 'pag', 'n', 'gen', 'lt', 'col', 'mt', 'inc', 'ltd', 'co', 'corp', 'u.s', 'e.g', 'i.e',
]);

/**
 * Sentences: split at `.`, `!`, `?`, `…` followed by white space and then something that
 * can start a sentence, and at every line break. Abbreviations and initials do not split.
 */
export function findSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = -1;
  let lastNonSpace = -1;
  const close = (): void => {
    if (start >= 0) out.push({ start, end: lastNonSpace + 1 });
    start = -1;
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      close();
      continue;
    }
    if (isSpace(c)) continue;
    if (start < 0) start = i;
    lastNonSpace = i;
    if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */) {
      // Swallow runs of terminators and closing quotes/brackets: `...`, `?!`, `."`, `.)`.
      let j = i + 1;
      while (j < to && isTrailing(text.charCodeAt(j))) j++;
      if (j < to && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) continue;
      if (c === 46 && j === i + 1 && isAbbreviationBefore(text, i)) continue;
      // Look at what follows the white space: a lower-case letter continues the sentence.
      let k = j;
      while (k < to && isSpace(text.charCodeAt(k))) k++;
      if (k < to && isLowerStart(text.charCodeAt(k))) continue;
      lastNonSpace = j - 1;
      i = j - 1;
      close();
    }
  }
  close();
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x200b || c === 0xfeff || c === 12 || c === 11;
}

function isTrailing(c: number): boolean {
  // . ! ? … " ' ) ] » ” ’
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 34 || c === 39 || c === 41 || c === 93 || c === 0xbb || c === 0x201d || c === 0x2019;
}

function isLowerStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  // Abbreviations are short: bounding the look-back keeps long runs of "a.a.a." linear.
  let s = dot;
  while (s > 0 && dot - s < 8 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  if (s > 0 && /\p{L}/u.test(text[s - 1]!)) return false;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 0) return false;
  // A single capital letter is an initial ("J. Smith").
  if (word.length === 1 && /\p{Lu}/u.test(text[s]!)) return true;
  return ABBREVIATIONS.has(word);
}
