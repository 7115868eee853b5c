/**
 * Paragraphs and sentences. Both are found by single linear scans; sentences never cross
 * a line break, because in plain-text articles a line break ends a headline or paragraph.
 */
import type { Span } from '../model';

/**
 * A block: one paragraph (a run of non-blank lines) with the blank lines after it (the first
 * block also holds any blank lines before it). Blocks tile the text, so analysis can work
 * block by block and an edit changes only the blocks it touches.
 */
export interface Block extends Span {
  /** The paragraph: the block's non-blank lines, trimmed of surrounding white space. */
  readonly paragraph?: Span;
}

/**
 * The blocks of `text[0, to)`. CR, LF and CRLF all end a line; a line of white space only is
 * blank. Linear.
 */
export function findBlocks(text: string, to = text.length): Block[] {
  const out: Block[] = [];
  let blockStart = 0;
  let first = -1; // first non-space character of the block's paragraph
  let last = -1; // last one
  let afterBlank = false; // a blank line ended the block's paragraph
  // Lines are found by a native search; within a line only its white-space ends are read.
  const lineEnd = /\r\n?|\n/g;
  for (let lineStart = 0; ; ) {
    lineEnd.lastIndex = lineStart;
    const m = lineStart < to ? lineEnd.exec(text) : null;
    const end = m && m.index < to ? m.index : to;
    let f = lineStart;
    while (f < end && isSpace(text.charCodeAt(f))) f++;
    if (f < end) {
      if (afterBlank && first >= 0) {
        out.push({ start: blockStart, end: lineStart, paragraph: { start: first, end: last + 1 } });
        blockStart = lineStart;
        first = -1;
      }
      if (first < 0) first = f;
      let l = end - 1;
      while (isSpace(text.charCodeAt(l))) l--;
      last = l;
      afterBlank = false;
    } else if (first >= 0) {
      afterBlank = true;
    }
    if (end >= to) break;
    lineStart = Math.min(to, end + m![0].length);
  }
  out.push(first >= 0 ? { start: blockStart, end: to, paragraph: { start: first, end: last + 1 } } : { start: blockStart, end: to });
  return out;
}

/** Paragraphs: runs of non-blank lines, trimmed of surrounding white space. */
export function findParagraphs(text: string, to = text.length): Span[] {
  return findBlocks(text, to).flatMap((b) => (b.paragraph ? [b.paragraph] : []));
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

/** White space within a line. */
export function isSpace(c: number): boolean {
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
