/**
 * The recogniser's model: a first-order linear-chain model (structured averaged perceptron)
 * over BIO labels, with hashed feature weights quantised to 8 bits, decoded with Viterbi.
 */

import { TokenFlag } from '../text/tokenize';
import { decodeBase64 } from './base64';
import { MAX_FEATURES, X_CANDIDATE, featuresAt, type Prepared } from './features';

/** The serialised model, as written by `scripts/ner/train.ts`. */
export interface ModelData {
  /** BIO labels; index 0 is "O", then B-X, I-X pairs. */
  readonly labels: readonly string[];
  /** log2 of the number of weight buckets. */
  readonly bits: number;
  /** Transition scores, (labels + 1) rows × labels: the last row is the sequence start. */
  readonly transitions: readonly number[];
  /** Quantisation: [min, ratio]; code ±k (1…127) means ±min·ratio^(k-1). */
  readonly levels: readonly [number, number];
  /** Sparse weight codes: base64 of (varint index delta, int8 code) pairs. */
  readonly weights: string;
}

/** A decoded model, ready to score. */
export interface NerModel {
  readonly labels: readonly string[];
  /** Entity type of each label ("" for O). */
  readonly types: readonly string[];
  /** True for B- labels. */
  readonly begins: readonly boolean[];
  readonly size: number;
  readonly shift: number;
  /** Weights in units of `unit`, bucket-major with a stride of {@link STRIDE} labels. */
  readonly weights: Int16Array;
  /** Transition scores into label `to` from label `from` at `to * STRIDE + from`. */
  readonly into: Float64Array;
  /** The same where the token starts a line: I- labels are forbidden there. */
  readonly intoAtLineStart: Float64Array;
  /** Scores of each label at the sequence start. */
  readonly start: Float64Array;
}

/** Labels per weight bucket at run time (models have at most this many labels). */
export const STRIDE = 9;

/** Score that forbids a transition (I-X after anything but B-X or I-X). */
export const FORBIDDEN = -1e9;

/** Whether label `to` may follow label `from` (-1 = sequence start) under BIO. */
export function allowedTransition(labels: readonly string[], from: number, to: number): boolean {
  const t = labels[to]!;
  if (!t.startsWith('I-')) return true;
  if (from < 0) return false;
  const f = labels[from]!;
  return f !== 'O' && f.slice(2) === t.slice(2);
}

export function decodeModel(d: ModelData): NerModel {
  const L = d.labels.length;
  // Codes ±k (1…127) stand for ±min·ratio^(k-1); at run time weights are 16-bit integers in
  // units of max/32000, so scoring is one load and one add per label.
  const [min, ratio] = d.levels;
  const unit = (min * Math.pow(ratio, 126)) / 32000;
  const levels = new Int16Array(256);
  for (let k = 1; k <= 127; k++) {
    const v = Math.round((min * Math.pow(ratio, k - 1)) / unit);
    levels[k] = v;
    levels[256 - k] = -v;
  }
  if (L > STRIDE) throw new Error(`at most ${STRIDE} labels`);
  const weights = new Int16Array((1 << d.bits) * STRIDE);
  const bytes = decodeBase64(d.weights);
  let idx = -1;
  for (let p = 0; p < bytes.length; ) {
    let delta = 0;
    let mul = 1;
    for (;;) {
      const b = bytes[p++]!;
      delta += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
    }
    idx += delta;
    weights[Math.floor(idx / L) * STRIDE + (idx % L)] = levels[bytes[p++]!]!;
  }
  // Transitions, padded to the stride: labels past the model's own are never reachable.
  const into = new Float64Array(STRIDE * STRIDE).fill(FORBIDDEN);
  const intoAtLineStart = new Float64Array(STRIDE * STRIDE).fill(FORBIDDEN);
  const start = new Float64Array(STRIDE).fill(FORBIDDEN);
  for (let to = 0; to < L; to++) {
    const inside = d.labels[to]!.startsWith('I-');
    if (allowedTransition(d.labels, -1, to)) start[to] = d.transitions[L * L + to]! / unit;
    for (let from = 0; from < L; from++) {
      if (!allowedTransition(d.labels, from, to)) continue;
      into[to * STRIDE + from] = d.transitions[from * L + to]! / unit;
      if (!inside) intoAtLineStart[to * STRIDE + from] = into[to * STRIDE + from]!;
    }
  }
  return {
    labels: d.labels,
    types: d.labels.map((l) => (l === 'O' ? '' : l.slice(2))),
    begins: d.labels.map((l) => l.startsWith('B-')),
    size: L,
    shift: 32 - d.bits,
    weights,
    into,
    intoAtLineStart,
    start,
  };
}

/**
 * Work buffers of {@link decodeLabels}, reused across calls: a text decoded block by block
 * makes many small calls, and allocating them each time cost more than the decoding.
 */
const scratch = {
  back: new Uint8Array(4096 * STRIDE),
  prev: new Float64Array(STRIDE),
  cur: new Float64Array(STRIDE),
  em: new Float64Array(STRIDE),
  feats: new Uint32Array(MAX_FEATURES),
};

/**
 * Best label sequence for the prepared tokens (Viterbi). Tokens that are not candidates are
 * labelled O without scoring; an entity never continues across a line break (training
 * sequences are lines). Linear in the number of tokens; loops over labels are unrolled to the
 * fixed stride, which V8 runs several times faster than generic loops.
 */
export function decodeLabels(model: NerModel, prep: Prepared): Uint8Array {
  const n = prep.stream.count;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const { weights, shift } = model;
  if (scratch.back.length < n * STRIDE) scratch.back = new Uint8Array(Math.max(n * STRIDE, scratch.back.length * 2));
  // Unwritten entries must read 0 (the predecessor was O).
  const back = scratch.back.fill(0, 0, n * STRIDE);
  let prev = scratch.prev.fill(0);
  let cur = scratch.cur.fill(0);
  const em = scratch.em;
  const feats = scratch.feats;
  const ctx = prep.ctx;
  const flags = prep.stream.flags;
  // True while the previous token could only be O (it was not a candidate): then only
  // prev[0] is meaningful and every label's best predecessor is O.
  let prevOnlyO = true;
  for (let i = 0; i < n; i++) {
    const T = flags[i]! & TokenFlag.NewlineBefore ? model.intoAtLineStart : model.into;
    const row = i * STRIDE;
    if (!(ctx[i]! & X_CANDIDATE)) {
      if (i === 0) prev[0] = model.start[0]!;
      else if (prevOnlyO) prev[0] = prev[0]! + T[0]!;
      else {
        const [best, arg] = bestInto(prev, T, 0);
        back[row] = arg;
        prev[0] = best;
      }
      prevOnlyO = true;
      continue;
    }
    const m = featuresAt(prep, i, feats);
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0, e8 = 0; // prettier-ignore
    for (let f = 0; f < m; f++) {
      const b = (feats[f]! >>> shift) * STRIDE;
      e0 += weights[b]!;
      e1 += weights[b + 1]!;
      e2 += weights[b + 2]!;
      e3 += weights[b + 3]!;
      e4 += weights[b + 4]!;
      e5 += weights[b + 5]!;
      e6 += weights[b + 6]!;
      e7 += weights[b + 7]!;
      e8 += weights[b + 8]!;
    }
    em[0] = e0;
    em[1] = e1;
    em[2] = e2;
    em[3] = e3;
    em[4] = e4;
    em[5] = e5;
    em[6] = e6;
    em[7] = e7;
    em[8] = e8;
    if (i === 0) {
      for (let y = 0; y < STRIDE; y++) cur[y] = model.start[y]! + em[y]!;
    } else if (prevOnlyO) {
      const p0 = prev[0]!;
      for (let y = 0; y < STRIDE; y++) cur[y] = p0 + T[y * STRIDE]! + em[y]!;
    } else {
      for (let y = 0; y < STRIDE; y++) {
        const [best, arg] = bestInto(prev, T, y);
        cur[y] = best + em[y]!;
        back[row + y] = arg;
      }
    }
    const t = prev;
    prev = cur;
    cur = t;
    prevOnlyO = false;
  }
  let best = 0;
  if (!prevOnlyO) for (let y = 1; y < STRIDE; y++) if (prev[y]! > prev[best]!) best = y;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = best;
    best = back[i * STRIDE + best]!;
  }
  return labels;
}

const bestResult: [number, number] = [0, 0];

/** The best score into label `to` from the previous scores, and its predecessor. */
function bestInto(prev: Float64Array, T: Float64Array, to: number): [number, number] {
  const b = to * STRIDE;
  let best = prev[0]! + T[b]!;
  let arg = 0;
  let s = prev[1]! + T[b + 1]!;
  if (s > best) (best = s), (arg = 1);
  s = prev[2]! + T[b + 2]!;
  if (s > best) (best = s), (arg = 2);
  s = prev[3]! + T[b + 3]!;
  if (s > best) (best = s), (arg = 3);
  s = prev[4]! + T[b + 4]!;
  if (s > best) (best = s), (arg = 4);
  s = prev[5]! + T[b + 5]!;
  if (s > best) (best = s), (arg = 5);
  s = prev[6]! + T[b + 6]!;
  if (s > best) (best = s), (arg = 6);
  s = prev[7]! + T[b + 7]!;
  if (s > best) (best = s), (arg = 7);
  s = prev[8]! + T[b + 8]!;
  if (s > best) (best = s), (arg = 8);
  bestResult[0] = best;
  bestResult[1] = arg;
  return bestResult;
}
