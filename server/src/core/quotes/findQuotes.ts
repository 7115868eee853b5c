/**
 * Quotation finder: one linear pass with a bounded stack of open quotes.
 *
 * Handles “…”, „…“, „…”, «…», ‹…›, ‘…’, "…" and '…', nested quotes, quotes that run over
 * several paragraphs (each new paragraph reopening with the same mark, as typographers
 * do), and apostrophes (L’avventura, dell’Atletico, Ancelotti’s, don't) that must never
 * open or close a quote. An unterminated quote ends at the end of its paragraph.
 */
import type { Span } from '../model';

/** A quotation found in the text, before speaker attribution. */
export interface QuoteSpan extends Span {
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly depth: number;
  readonly closed: boolean;
}

/** Beyond this nesting depth opening marks are ignored: real quotes never nest deeper. */
const MAX_DEPTH = 8;

interface Open {
  readonly opener: number;
  readonly start: number;
  readonly depth: number;
}

const LDQUO = 0x201c; // “
const RDQUO = 0x201d; // ”
const BDQUO = 0x201e; // „
const LSQUO = 0x2018; // ‘
const RSQUO = 0x2019; // ’
const LAQUO = 0xab; // «
const RAQUO = 0xbb; // »
const LSAQUO = 0x2039; // ‹
const RSAQUO = 0x203a; // ›
const QUOT = 0x22; // "
const APOS = 0x27; // '

/** Find the quotations of `text`, sorted by start offset. */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: Open[] = [];
  const n = text.length;
  let lastNonSpace = -1;

  const closeAbove = (index: number, closeAt: number): void => {
    // Quotes left open inside the one being closed end where it ends.
    while (stack.length > index + 1) {
      const o = stack.pop()!;
      out.push({ start: o.start, end: closeAt, contentStart: o.start + 1, contentEnd: closeAt, depth: o.depth, closed: false });
    }
  };
  const closeAt = (index: number, markOffset: number): void => {
    closeAbove(index, markOffset);
    const o = stack.pop()!;
    out.push({ start: o.start, end: markOffset + 1, contentStart: o.start + 1, contentEnd: markOffset, depth: o.depth, closed: true });
  };
  const open = (opener: number, at: number): void => {
    if (stack.length < MAX_DEPTH) stack.push({ opener, start: at, depth: stack.length });
  };
  const find = (pred: (opener: number) => boolean): number => {
    for (let k = stack.length - 1; k >= 0; k--) if (pred(stack[k]!.opener)) return k;
    return -1;
  };

  // Only line breaks and quotation marks matter: a native search jumps to the next one. The
  // last non-space character before a mark is worked out when a quote needs it (`settle`).
  const marks = /[\n\r"'\u00ab\u00bb\u2018\u2019\u201c\u201d\u201e\u2039\u203a]/g;
  let seen = 0; // characters before this have been accounted for in lastNonSpace
  const settle = (upTo: number): void => {
    for (let k = upTo - 1; k >= seen; k--) {
      const c = text.charCodeAt(k);
      if (c !== 10 && c !== 13 && !isSpaceCode(c)) {
        lastNonSpace = k;
        break;
      }
    }
    seen = Math.max(seen, upTo);
  };
  for (let i = 0; i < n; i++) {
    marks.lastIndex = i;
    if (!marks.test(text)) break;
    i = marks.lastIndex - 1;
    settle(i);
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      seen = i + 1;
      if (stack.length > 0) {
        const next = paragraphBreakEnd(text, i);
        if (next >= 0) {
          // A paragraph that reopens with the outermost quote's mark continues the quote.
          if (next < n && text.charCodeAt(next) === stack[0]!.opener && stack.length === 1) {
            i = next;
            seen = next + 1;
            continue;
          }
          closeAbove(-1, lastNonSpace + 1);
          i = next - 1;
          seen = next;
          continue;
        }
      }
      continue;
    }
    lastNonSpace = i;
    seen = i + 1;
    switch (c) {
      case LDQUO: {
        const k = stack.length > 0 && stack[stack.length - 1]!.opener === BDQUO ? stack.length - 1 : -1;
        if (k >= 0) closeAt(k, i);
        else open(c, i);
        break;
      }
      case RDQUO: {
        const k = find((o) => o === LDQUO || o === BDQUO || o === QUOT);
        if (k >= 0) closeAt(k, i);
        break;
      }
      case BDQUO:
      case LAQUO:
      case LSAQUO:
        open(c, i);
        break;
      case RAQUO: {
        const k = find((o) => o === LAQUO);
        if (k >= 0) closeAt(k, i);
        break;
      }
      case RSAQUO: {
        const k = find((o) => o === LSAQUO);
        if (k >= 0) closeAt(k, i);
        break;
      }
      case LSQUO:
        if (!isWordChar(text, i - 1)) open(c, i);
        break;
      case RSQUO: {
        if (isWordChar(text, i - 1) && isWordChar(text, i + 1)) break; // apostrophe inside a word
        const k = find((o) => o === LSQUO);
        if (k >= 0 && !isElisionOrPossessive(text, i) && !isDecadeAbbreviation(text, i)) closeAt(k, i);
        break;
      }
      case QUOT: {
        const k = find((o) => o === QUOT || o === LDQUO);
        if (k >= 0 && !(stack[k]!.opener === LDQUO && opensHere(text, i))) closeAt(k, i);
        else if (opensHere(text, i)) open(c, i);
        break;
      }
      case APOS: {
        if (isWordChar(text, i - 1) && isWordChar(text, i + 1)) break;
        const k = find((o) => o === APOS);
        if (k >= 0 && i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) {
          if (!isElisionOrPossessive(text, i)) closeAt(k, i);
        } else if (!isWordChar(text, i - 1) && isLetter(text, i + 1) && !isDecadeAbbreviation(text, i) && !isClippedWord(text, i)) {
          open(c, i);
        }
        break;
      }
    }
  }
  settle(n);
  closeAbove(-1, lastNonSpace + 1);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** If a blank line starts at `i` (a line break), the offset of the next paragraph's first non-space character, else -1. */
function paragraphBreakEnd(text: string, i: number): number {
  let j = i;
  let breaks = 0;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 13) {
      breaks++;
      if (text.charCodeAt(j + 1) === 10) j++;
    } else if (c === 10) breaks++;
    else if (!isSpaceCode(c)) break;
    j++;
  }
  return breaks >= 2 || j >= text.length ? j : -1;
}

/** A `"` opens a quote when something other than white space follows it. */
function opensHere(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  return i + 1 < text.length && !isSpaceCode(next) && next !== 10 && next !== 13 && !isWordChar(text, i - 1);
}

/** How far ahead a later closing mark is looked for when a mark could be an apostrophe. */
const CLOSER_LOOKAHEAD = 200;

/**
 * `players’ shirts`, `po’ di`: a mark after -s or -o and before a lower-case word is an
 * apostrophe, provided another mark that could close the quote follows on the same line.
 */
function isElisionOrPossessive(text: string, i: number): boolean {
  if (!isLetter(text, i - 1) || (text[i - 1] !== 's' && text[i - 1] !== 'o')) return false;
  let j = i + 1;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  if (j === i + 1 || !/\p{Ll}/u.test(text[j] ?? '')) return false;
  const mark = text.charCodeAt(i);
  const limit = Math.min(text.length, i + CLOSER_LOOKAHEAD);
  for (let k = j; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return false;
    if (c === mark && !(isWordChar(text, k - 1) && isWordChar(text, k + 1))) return true;
  }
  return false;
}

/** `rock 'n' roll`, `let 'em play`: an apostrophe clipping a word, not an opening quote. */
function isClippedWord(text: string, i: number): boolean {
  return /^'(?:n'|em\b|til\b|cause\b)/i.test(text.slice(i, i + 7));
}

/** `'90s`, `’22`: an apostrophe standing for a century. */
function isDecadeAbbreviation(text: string, i: number): boolean {
  return /\d/.test(text[i + 1] ?? '') && /\d/.test(text[i + 2] ?? '');
}

function isLetter(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(text[i]!);
}

function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}\p{M}]/u.test(text[i]!);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 12 || c === 11;
}
