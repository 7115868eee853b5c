/**
 * 32-bit hashing of token text without building strings: lower-cased and accent-folded
 * forms, word shapes, and mixing of feature-template ids. Shared by the recogniser at run
 * time and by the training script, so both see identical features.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Lower-case code unit for each BMP code unit (0 = not computed yet). */
const lowerTable = new Uint16Array(65536);
/** Lower-cased, accent-stripped code unit (0 = not computed; 0xffff = drop, e.g. a mark). */
const foldTable = new Uint16Array(65536);

const RE_MARK = /\p{M}/u;

/** Lower-case form of one code unit (unchanged when it has no single-unit lower case). */
export function lowerUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let l = lowerTable[c]!;
  if (l === 0) {
    if (c >= 0xd800 && c <= 0xdfff) l = c;
    else {
      const s = String.fromCharCode(c).toLowerCase();
      l = s.length === 1 ? s.charCodeAt(0) : c;
    }
    if (l === 0x2019 || l === 0x02bc || l === 0x2018) l = 0x27; // apostrophes fold to '
    lowerTable[c] = l;
  }
  return l;
}

/** Lower-cased, accent-folded code unit; 0xffff means "skip" (combining marks). */
export function foldUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  let f = foldTable[c]!;
  if (f === 0) {
    const l = lowerUnit(c);
    if (c >= 0xd800 && c <= 0xdfff) f = c;
    else {
      const ch = String.fromCharCode(l);
      if (RE_MARK.test(ch)) f = 0xffff;
      else {
        const d = ch.normalize('NFD');
        f = d.charCodeAt(0);
        if (l === 0xdf) f = 0x73; // ß → s (close enough for matching)
        if (l === 0x2010 || l === 0x2011) f = 0x2d;
      }
    }
    foldTable[c] = f;
  }
  return f;
}

/** FNV-1a step. */
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

export const HASH_SEED = FNV_OFFSET;

/** Finaliser (murmur3 fmix32) mixing a value with a template id. Result is unsigned. */
export function mix(h: number, salt: number): number {
  h = (h ^ Math.imul(salt, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Combines two hashes (order-sensitive). */
export function combine(a: number, b: number): number {
  return mix(Math.imul(a, 31) ^ b, 0x5bd1e995);
}

/** Hash of the lower-cased text[start, end). */
export function lowerHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let p = start; p < end; p++) h = fnvStep(h, lowerUnit(text.charCodeAt(p)));
  return h >>> 0;
}

/** Hash of the lower-cased, accent-folded text[start, end) (combining marks skipped). */
export function foldHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let p = start; p < end; p++) {
    const f = foldUnit(text.charCodeAt(p));
    if (f !== 0xffff) h = fnvStep(h, f);
  }
  return h >>> 0;
}

/** A token's key for gazetteer sequences: its folded hash, never 0. */
export function foldKey(text: string, start: number, end: number): number {
  return (foldHash(text, start, end) | 1) >>> 0;
}

/** Hash of a sequence of token fold hashes; `prev` is the hash of the shorter prefix (0 to start). */
export function sequenceStep(prev: number, tokenFold: number): number {
  return (mix(prev ^ tokenFold, 0x2545f491) | 1) >>> 0;
}

/** Coarse character kinds for word shapes. */
export const CharKind = { Other: 0, Upper: 1, Lower: 2, OtherLetter: 3, Digit: 4, Mark: 5 } as const;

const kindTable = new Uint8Array(65536);
const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_LOWER = /\p{Ll}/u;
const RE_LETTER = /\p{L}/u;
const RE_DIGIT = /\p{Nd}/u;

/** The {@link CharKind} of a code unit (surrogates count as other letters: astral scripts). */
export function charKind(c: number): number {
  let k = kindTable[c]!;
  if (k === 0) {
    if (c >= 0xd800 && c <= 0xdfff) k = CharKind.OtherLetter;
    else {
      const ch = String.fromCharCode(c);
      if (RE_UPPER.test(ch)) k = CharKind.Upper;
      else if (RE_LOWER.test(ch)) k = CharKind.Lower;
      else if (RE_LETTER.test(ch)) k = CharKind.OtherLetter;
      else if (RE_DIGIT.test(ch)) k = CharKind.Digit;
      else if (RE_MARK.test(ch)) k = CharKind.Mark;
      else k = CharKind.Other;
    }
    kindTable[c] = k | 0x80;
  }
  return k & 0x7f;
}
