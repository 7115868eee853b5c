/**
 * Feature extraction for the entity recogniser. Works on token offsets into a text (from
 * `tokenize` at run time, from corpus tokens at training time) and yields, per token, a list
 * of 32-bit feature hashes; the model maps each to a weight bucket. No strings are built.
 */

import { TokenFlag, TokenKind } from '../text/tokenize';
import { CharKind, HASH_SEED, charKind, combine, fnvStep, foldKey, lowerUnit, mix, sequenceStep } from './hash';
import { GazFlag, type Gazetteer } from './gazetteer';

/** The token view features need (a `Tokens` from `tokenize` satisfies it). */
export interface TokenStream {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint8Array;
  /** Token kinds when known (from `tokenize`): URLs and handles are never entities. */
  readonly kinds?: Uint8Array;
}

// Per-token case bits.
const K_LETTER = 1;
const K_INIT_UPPER = 2;
const K_HAS_UPPER = 4;
const K_HAS_LOWER = 8;
const K_DIGIT = 16;
const K_SENT_END = 32; // . ! ? … ...
const K_OPENER = 64; // opening quotes, brackets and dashes that may precede a sentence start

// Per-token context bits.
const X_SENT_INIT = 1;
const X_CAPS_LINE = 2;
const X_DOC_LOWER = 4; // the word appears all lower-case, mid-sentence, elsewhere in the text
const X_DOC_CAP = 8; // the word appears capitalised, mid-sentence, elsewhere in the text
/** Tokens that can be part of an entity; the others are always outside (O). */
export const X_CANDIDATE = 16;

/** Whether token i's capital may be due to its position (sentence start, line in capitals). */
export function positionalCapital(p: Prepared, i: number): boolean {
  return (p.ctx[i]! & (X_SENT_INIT | X_CAPS_LINE)) !== 0;
}

/** Per-token facts computed once per text. */
export interface Prepared {
  readonly stream: TokenStream;
  readonly lang: number;
  readonly lower: Uint32Array;
  readonly fold: Uint32Array;
  readonly shape: Uint32Array;
  readonly kase: Uint8Array;
  readonly ctx: Uint8Array;
  /** Longest gazetteer match covering the token: position (1 B, 2 I, 3 single) << 4 | list bits. */
  readonly gazSeq: Uint8Array;
  /** Gazetteer bits of the token alone. */
  readonly gazTok: Uint8Array;
}

/** `featuresAt` dropout bits, for training only. */
export const DROP_WORD = 1;
export const DROP_DOC = 2;

/** Maximum features per token. */
export const MAX_FEATURES = 40;

/** The shape hash of a lower-case word ("x"). */
const SHAPE_LOWER = fnvStep(HASH_SEED, CharKind.Lower) >>> 0;

/** Beyond the text's ends a neighbour looks like a full stop, as between training sentences. */
const EDGE = fnvStep(HASH_SEED, 0x2e) >>> 0;
/** The stand-in for a word hidden by training dropout. */
const UNKNOWN_WORD = 0x9e3779b9 >>> 0;

/** Languages as feature salts. */
export const LANG_IDS = { en: 1, it: 2 } as const;

/**
 * Computes per-token facts: hashes, case, sentence starts, capitalised lines, document-level
 * case evidence, gazetteer matches, and which tokens are candidates, for a stream that is the
 * whole text. Linear in the tokens.
 */
export function prepare(stream: TokenStream, gaz: Gazetteer, lang: 'en' | 'it'): Prepared {
  const prepared = prepareLocal(stream, gaz, lang);
  const evidence = caseEvidence(prepared);
  applyDocEvidence(prepared, evidence, DocCaseTable.build([evidence]));
  return prepared;
}

/**
 * Everything {@link prepare} computes except the document-level case evidence, which
 * depends on the rest of the text: a stream that is one block of a longer text gets it
 * from {@link applyDocEvidence} once every block's {@link caseEvidence} is known.
 */
export function prepareLocal(stream: TokenStream, gaz: Gazetteer, lang: 'en' | 'it'): Prepared {
  const n = stream.count;
  const { text, starts, ends, flags } = stream;
  // One buffer for all the per-token arrays: texts come paragraph by paragraph, and many
  // small allocations cost more than the work.
  const buffer = new ArrayBuffer(n * 16);
  const lower = new Uint32Array(buffer, 0, n);
  const fold = new Uint32Array(buffer, 4 * n, n);
  const shape = new Uint32Array(buffer, 8 * n, n);
  const kase = new Uint8Array(buffer, 12 * n, n);
  const ctx = new Uint8Array(buffer, 13 * n, n);

  for (let i = 0; i < n; i++) {
    let hl = HASH_SEED;
    const s = starts[i]!;
    const e = ends[i]!;
    // Fast path: most tokens are lower-case ASCII words (shape "x").
    let p = s;
    while (p < e) {
      const c = text.charCodeAt(p);
      if (c < 0x61 || c > 0x7a) break;
      hl = fnvStep(hl, c);
      p++;
    }
    if (p === e) {
      lower[i] = hl >>> 0;
      shape[i] = SHAPE_LOWER;
      kase[i] = K_LETTER | K_HAS_LOWER;
      continue;
    }
    hl = HASH_SEED;
    let hs = HASH_SEED;
    let lastShape = -1;
    let shapeLen = 0;
    let k = 0;
    for (let p = s; p < e; p++) {
      const c = text.charCodeAt(p);
      let ck: number;
      let lc: number;
      if (c < 0x80) {
        if (c >= 0x61 && c <= 0x7a) ck = CharKind.Lower;
        else if (c >= 0x41 && c <= 0x5a) ck = CharKind.Upper;
        else if (c >= 0x30 && c <= 0x39) ck = CharKind.Digit;
        else ck = CharKind.Other;
        lc = ck === CharKind.Upper ? c + 32 : c;
        hl = fnvStep(hl, lc);
      } else {
        ck = charKind(c);
        lc = lowerUnit(c);
        hl = fnvStep(hl, lc);
      }
      switch (ck) {
        case CharKind.Upper:
          k |= K_LETTER | K_HAS_UPPER;
          if (p === s) k |= K_INIT_UPPER;
          break;
        case CharKind.Lower:
          k |= K_LETTER | K_HAS_LOWER;
          break;
        case CharKind.OtherLetter:
          k |= K_LETTER;
          break;
        case CharKind.Digit:
          k |= K_DIGIT;
          break;
        case CharKind.Mark:
          continue; // marks do not change the shape
      }
      const sc = ck === CharKind.Other ? lc : ck;
      if (sc !== lastShape && shapeLen < 8) {
        hs = fnvStep(hs, sc);
        lastShape = sc;
        shapeLen++;
      }
    }
    if (!(k & (K_LETTER | K_DIGIT))) {
      const c = text.charCodeAt(s);
      if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026) k |= K_SENT_END;
      else if (
        c === 0x22 || c === 0x28 || c === 0x5b || c === 0xab || c === 0x201c || c === 0x2018 || c === 0x201e ||
        c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x27
      ) {
        k |= K_OPENER;
      }
    }
    lower[i] = hl >>> 0;
    shape[i] = hs >>> 0;
    kase[i] = k;
  }

  // Sentence starts and lines written in capitals.
  let lineStart = 0;
  let lineHasLower = false;
  let lineCapsWords = 0;
  const closeLine = (end: number): void => {
    if (!lineHasLower && lineCapsWords > 0) for (let j = lineStart; j < end; j++) ctx[j]! |= X_CAPS_LINE;
  };
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    if (i === 0 || f & TokenFlag.NewlineBefore) {
      if (i > 0) closeLine(i);
      lineStart = i;
      lineHasLower = false;
      lineCapsWords = 0;
      ctx[i]! |= X_SENT_INIT;
    } else {
      const pk = kase[i - 1]!;
      if (pk & K_SENT_END || (pk & K_OPENER && ctx[i - 1]! & X_SENT_INIT)) ctx[i]! |= X_SENT_INIT;
    }
    const k = kase[i]!;
    if (k & K_HAS_LOWER) lineHasLower = true;
    else if (k & K_HAS_UPPER && ends[i]! - starts[i]! > 1) lineCapsWords++;
  }
  if (n > 0) closeLine(n);

  // Candidates: tokens with a capital; numbers next to one (Euro 2024, Schalke 04); short
  // lower-case words between capitalised ones (Bank of England, Coppa del Re, Banca d'Italia)
  // or just before one (de Gea). Italian annotations also take in lower-case words around a
  // name (provincia di Ascoli, governo cinese), so there every lower-case neighbour counts.
  const upper = (j: number): boolean => j >= 0 && j < n && (kase[j]! & K_HAS_UPPER) !== 0;
  const connector = (j: number): boolean => {
    const k = kase[j]!;
    return !(k & K_HAS_UPPER) && (k & K_LETTER) !== 0 && ends[j]! - starts[j]! <= 5;
  };
  const italian = lang === 'it';
  const kinds = stream.kinds;
  for (let i = 0; i < n; i++) {
    const k = kase[i]!;
    if (kinds && kinds[i] === TokenKind.Url) continue;
    if (k & K_HAS_UPPER) ctx[i]! |= X_CANDIDATE;
    else if (k & K_DIGIT) {
      if (upper(i - 1) || upper(i + 1)) ctx[i]! |= X_CANDIDATE;
    } else if (k & K_LETTER) {
      const before = upper(i + 1) || (i + 1 < n && connector(i + 1) && upper(i + 2));
      if (italian) {
        if (before || upper(i - 1)) ctx[i]! |= X_CANDIDATE;
      } else if (before && connector(i) && ends[i]! - starts[i]! <= 3) {
        ctx[i]! |= X_CANDIDATE; // particles: de Gea, van Persie, of (in Bank of England)
      } else if (connector(i) && (upper(i - 1) || (connector(i - 1) && upper(i - 2))) && before) {
        ctx[i]! |= X_CANDIDATE;
      }
    }
  }

  // Gazetteer: longest match starting at each capitalised token, left to right.
  const gazSeq = new Uint8Array(buffer, 14 * n, n);
  const gazTok = new Uint8Array(buffer, 15 * n, n);
  const maxLen = gaz.maxLen;
  /** Folded hash of token j, computed when first needed (0 = not yet). */
  const foldAt = (j: number): number => {
    let f = fold[j]!;
    if (f === 0) {
      f = foldKey(text, starts[j]!, ends[j]!);
      fold[j] = f;
    }
    return f;
  };
  const NAME = GazFlag.Club | GazFlag.City;
  for (let i = 0; i < n; i++) {
    if (!(kase[i]! & (K_HAS_UPPER | K_DIGIT))) continue;
    let h = sequenceStep(0, foldAt(i));
    const single = gaz.get(h);
    gazTok[i] = single;
    if (gazSeq[i] !== 0) continue;
    let best = single & NAME ? 1 : 0;
    let bestFlags = single & NAME;
    let g = single;
    for (let j = i + 1; j < n && j - i < maxLen && g & GazFlag.Prefix; j++) {
      if (flags[j]! & TokenFlag.NewlineBefore) break;
      h = sequenceStep(h, foldAt(j));
      g = gaz.get(h);
      if (g & NAME && kase[j]! & (K_LETTER | K_DIGIT)) {
        best = j - i + 1;
        bestFlags = g & NAME;
      }
    }
    if (best === 1) gazSeq[i] = (3 << 4) | bestFlags;
    else if (best > 1) {
      gazSeq[i] = (1 << 4) | bestFlags;
      for (let j = i + 1; j < i + best; j++) gazSeq[j] = (2 << 4) | bestFlags;
    }
  }

  return { stream, lang: LANG_IDS[lang], lower, fold, shape, kase, ctx, gazSeq, gazTok };
}

/**
 * What a stream contributes to the document-level case evidence and needs from it: the
 * capitalised words whose case says little (sentence starts, lines in capitals), and the
 * words written mid-sentence in lower case or capitalised.
 */
export interface CaseEvidence {
  /** Token indices of the uncertain capitalised words. */
  readonly uncertain: Int32Array;
  /** Their lower-case hashes. */
  readonly uncertainWords: Uint32Array;
  /** Lower-case hashes of words written all in lower case mid-sentence. */
  readonly lowerMid: Uint32Array;
  /** Lower-case hashes of words written Capitalised mid-sentence. */
  readonly capMid: Uint32Array;
}

/** Collects a prepared stream's {@link CaseEvidence}. Linear in the tokens. */
export function caseEvidence(p: Prepared): CaseEvidence {
  const { kase, ctx, lower } = p;
  const n = p.stream.count;
  if (evidenceScratch.length < n) evidenceScratch = new Uint32Array(Math.max(n, evidenceScratch.length * 2));
  const words = evidenceScratch;
  // One pass fills the scratch buffer from both ends: mid-sentence lower-case words from the
  // front, capitalised ones from the back; uncertain words are few and go to a list.
  const uncertain: number[] = [];
  let lo = 0;
  let hi = n;
  for (let i = 0; i < n; i++) {
    const k = kase[i]!;
    if (ctx[i]! & (X_SENT_INIT | X_CAPS_LINE)) {
      if (k & K_HAS_UPPER) uncertain.push(i);
    } else if (k & K_LETTER) {
      if (!(k & K_HAS_UPPER)) words[lo++] = lower[i]!;
      else if (k & K_INIT_UPPER && k & K_HAS_LOWER) words[--hi] = lower[i]!;
    }
  }
  return {
    uncertain: Int32Array.from(uncertain),
    uncertainWords: Uint32Array.from(uncertain, (i) => lower[i]!),
    lowerMid: words.slice(0, lo),
    capMid: words.slice(hi, n),
  };
}

let evidenceScratch = new Uint32Array(4096);

/**
 * Sets the document-level case bits of a stream's uncertain words from `table`. Returns true
 * when any bit changed (the stream's labels must then be decoded again).
 */
export function applyDocEvidence(p: Prepared, evidence: CaseEvidence, table: DocCaseLookup): boolean {
  const ctx = p.ctx;
  let changed = false;
  evidence.uncertain.forEach((i, k) => {
    const before = ctx[i]!;
    const after = (before & ~(X_DOC_LOWER | X_DOC_CAP)) | table.get(evidence.uncertainWords[k]!);
    if (after !== before) {
      ctx[i] = after;
      changed = true;
    }
  });
  return changed;
}

/** The document-level case bits of a word, by its lower-case hash (see {@link DocCaseTable}). */
export interface DocCaseLookup {
  get(key: number): number;
}

/** Hash keys as the case tables store them: 0 marks an empty slot, so the low bit is set. */
function caseKey(hash: number): number {
  return (hash | 1) >>> 0;
}

/**
 * The document-level case evidence of a whole text, built from the evidence of its blocks:
 * is each uncertain word written in lower case, or capitalised, mid-sentence anywhere? An
 * open-addressing map from word hash to bits, sized for the text.
 */
export class DocCaseTable implements DocCaseLookup {
  private readonly keys: Uint32Array;
  private readonly vals: Uint8Array;
  private readonly mask: number;

  private constructor(n: number) {
    let size = 64;
    while (size < n * 2) size <<= 1;
    this.keys = new Uint32Array(size);
    this.vals = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** The table of a text, from the evidence of all its streams. */
  static build(parts: readonly CaseEvidence[]): DocCaseTable {
    let n = 0;
    for (const e of parts) n += e.uncertainWords.length;
    const table = new DocCaseTable(n);
    if (n === 0) return table;
    for (const e of parts) for (const h of e.uncertainWords) table.slot(h, true);
    for (const e of parts) {
      for (const h of e.lowerMid) table.orIfPresent(h, X_DOC_LOWER);
      for (const h of e.capMid) table.orIfPresent(h, X_DOC_CAP);
    }
    return table;
  }

  /** The document-level case bits of a word, by its lower-case hash. */
  get(key: number): number {
    const s = this.slot(key, false);
    return s < 0 ? 0 : this.vals[s]!;
  }

  private orIfPresent(key: number, bits: number): void {
    const s = this.slot(key, false);
    if (s >= 0) this.vals[s]! |= bits;
  }

  /** The slot of `key`, inserting it when `insert`; -1 when absent. */
  private slot(key: number, insert: boolean): number {
    key = caseKey(key);
    let s = key & this.mask;
    for (;;) {
      const k = this.keys[s]!;
      if (k === key) return s;
      if (k === 0) {
        if (!insert) return -1;
        this.keys[s] = key;
        return s;
      }
      s = (s + 1) & this.mask;
    }
  }
}

/**
 * The case evidence of a text that changes a block at a time: the same answers as
 * {@link DocCaseTable.build} over the same blocks, but updated with only the blocks that came
 * or went since the last version, so an edit in a long article costs the edited paragraph's
 * words rather than every word of the article.
 */
export class DocCaseCounts implements DocCaseLookup {
  /** Mid-sentence lower-case and capitalised uses of each word, by case key; absent when none. */
  private readonly lower = new Map<number, number>();
  private readonly cap = new Map<number, number>();
  /** The evidence of the current version's blocks (a text that repeats a block repeats its object). */
  private blocks = new Set<CaseEvidence>();

  /** Makes the counts those of a text made of these blocks' evidence (in any order); returns them. */
  update(parts: readonly CaseEvidence[]): this {
    const next = new Set(parts);
    for (const e of this.blocks) if (!next.has(e)) this.count(e, -1);
    for (const e of next) if (!this.blocks.has(e)) this.count(e, 1);
    this.blocks = next;
    return this;
  }

  get(key: number): number {
    const k = caseKey(key);
    return (this.lower.has(k) ? X_DOC_LOWER : 0) | (this.cap.has(k) ? X_DOC_CAP : 0);
  }

  private count(e: CaseEvidence, by: number): void {
    for (const h of e.lowerMid) add(this.lower, caseKey(h), by);
    for (const h of e.capMid) add(this.cap, caseKey(h), by);
  }
}

function add(counts: Map<number, number>, key: number, by: number): void {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/** A coarse case class of a token: 0 other, 1 lower, 2 Capitalised, 3 ALLCAPS, 4 mixed, 5 digits. */
function caseClass(k: number): number {
  if (k & K_LETTER) {
    if (!(k & K_HAS_UPPER)) return 1;
    if (!(k & K_HAS_LOWER)) return 3;
    return k & K_INIT_UPPER ? 2 : 4;
  }
  return k & K_DIGIT ? 5 : 0;
}

/**
 * Writes the feature hashes of token `i` into `out` and returns how many were written.
 * Call only for candidate tokens.
 */
export function featuresAt(p: Prepared, i: number, out: Uint32Array, dropout = 0): number {
  const { stream, lower, shape, kase, ctx, gazSeq, gazTok } = p;
  const n = stream.count;
  const L = p.lang << 8;
  let m = 0;
  const w0 = lower[i]!;
  const wm1 = i > 0 ? lower[i - 1]! : EDGE;
  const wp1 = i + 1 < n ? lower[i + 1]! : EDGE;
  const s0 = shape[i]!;
  const sm1 = i > 0 ? shape[i - 1]! : EDGE;
  const sp1 = i + 1 < n ? shape[i + 1]! : EDGE;
  const k = kase[i]!;
  const x = ctx[i]!;
  const cc = caseClass(k);
  const init = x & X_SENT_INIT ? 1 : 0;
  const caps = x & X_CAPS_LINE ? 1 : 0;
  const pos = init | (caps << 1);

  if (!(k & K_HAS_UPPER)) {
    // Lower-case words and numbers next to a name: is it part of it? A smaller feature set.
    out[m++] = mix(L, 50);
    out[m++] = mix(w0, 51);
    out[m++] = mix(wm1, 52);
    out[m++] = mix(wp1, 53);
    out[m++] = mix(combine(sm1, s0), 54);
    out[m++] = mix(combine(s0, sp1), 55);
    return m;
  }
  out[m++] = mix(L, 1);
  // Training hides some rare words' identity and some document evidence (`dropout`), so the
  // model learns to find names it has never seen, mentioned once, from context and shape.
  const w = dropout & DROP_WORD ? UNKNOWN_WORD : w0;
  const doc = dropout & DROP_DOC ? 0 : x & (X_DOC_LOWER | X_DOC_CAP);
  out[m++] = mix(w, 2);
  out[m++] = mix(wm1, 3);
  out[m++] = mix(wp1, 4);
  out[m++] = mix(s0, 7);
  out[m++] = mix(combine(sm1, s0), 8);
  out[m++] = mix(combine(s0, sp1), 9);
  out[m++] = mix(combine(s0, pos), 14);
  out[m++] = mix(combine(w, pos), 15);
  out[m++] = mix((cc << 8) | (pos << 4) | doc, 16);

  // Suffixes of the lower-cased word.
  const s = stream.starts[i]!;
  const e = stream.ends[i]!;
  const len = e - s;
  if (len > 2 && k & K_LETTER) {
    const text = stream.text;
    let h = HASH_SEED;
    for (let q = e - 1; q >= e - 4 && q >= s; q--) {
      h = fnvStep(h, lowerUnit(text.charCodeAt(q)));
      if (q <= e - 2) out[m++] = mix(h, 30 + e - q); // suffixes of 2, 3, 4
    }
  }
  out[m++] = mix((cc << 4) | Math.min(len, 12), 40);

  // Gazetteers: longest club/city match, the word alone, and its neighbours.
  const g = gazSeq[i]!;
  if (g !== 0) out[m++] = mix(g | (cc << 8), 41);
  const gt = gazTok[i]!;
  const lowerBit = p.lang === LANG_IDS.en ? GazFlag.LowerEn : GazFlag.LowerIt;
  const tokBits = (gt & (GazFlag.FirstName | GazFlag.Club | GazFlag.City)) | (gt & lowerBit ? 0x80 : 0);
  if (tokBits !== 0) out[m++] = mix(tokBits | (cc << 8) | (pos << 12), 42);
  // Whether a capitalised word is a common lower-case word, where case says little.
  if (pos !== 0) out[m++] = mix((gt & lowerBit ? 1 : 0) | (cc << 4) | (pos << 8), 46);
  if (i > 0 && gazTok[i - 1]! & GazFlag.FirstName && kase[i - 1]! & K_INIT_UPPER) out[m++] = mix(cc, 43);
  if (i + 1 < n && gazTok[i + 1]! & GazFlag.FirstName && kase[i + 1]! & K_INIT_UPPER) out[m++] = mix(cc, 44);
  if (i > 0 && gazSeq[i - 1]! !== 0 && gazSeq[i]! >> 4 !== 2) out[m++] = mix(gazSeq[i - 1]! | (cc << 8), 45);
  return m;
}
