/**
 * Structured averaged perceptron over BIO labels with hashed features (Collins 2002), and
 * its quantisation into the compact form the recogniser loads (`ModelData`).
 */

import { MAX_FEATURES, X_CANDIDATE, featuresAt, type Prepared } from '../../server/src/core/ner/features';
import { FORBIDDEN, allowedTransition, type ModelData } from '../../server/src/core/ner/model';

/** Training examples: features of every candidate token, gold labels, and sequences. */
export class TrainingSet {
  feats: Uint32Array = new Uint32Array(1 << 20);
  featCount = 0;
  /** Per token: start of its features in `feats`; one extra entry at the end. */
  featStart: number[] = [0];
  gold: number[] = [];
  candidate: boolean[] = [];
  /** Sequences as [start, end) token indices. */
  sequences: Array<[number, number]> = [];
  /** Gold entity tokens that are not candidates (lost recall). */
  lostTokens = 0;

  /**
   * Adds a prepared document with its gold labels, one sequence per sentence. `dropout(i)`
   * gives the feature dropout bits for token i (see `featuresAt`).
   */
  add(prep: Prepared, gold: Uint8Array, sentences: readonly number[], dropout: (i: number) => number = () => 0): void {
    const base = this.gold.length;
    const buf = new Uint32Array(MAX_FEATURES);
    for (let i = 0; i < prep.stream.count; i++) {
      const cand = (prep.ctx[i]! & X_CANDIDATE) !== 0;
      if (cand) {
        const m = featuresAt(prep, i, buf, dropout(i));
        this.reserve(m);
        this.feats.set(buf.subarray(0, m), this.featCount);
        this.featCount += m;
      } else if (gold[i] !== 0) this.lostTokens++;
      this.featStart.push(this.featCount);
      this.gold.push(cand ? gold[i]! : 0);
      this.candidate.push(cand);
    }
    for (let s = 0; s < sentences.length; s++) {
      const end = s + 1 < sentences.length ? sentences[s + 1]! : prep.stream.count;
      this.sequences.push([base + sentences[s]!, base + end]);
    }
  }

  private reserve(m: number): void {
    if (this.featCount + m <= this.feats.length) return;
    const next = new Uint32Array(this.feats.length * 2);
    next.set(this.feats.subarray(0, this.featCount));
    this.feats = next;
  }
}

/** A deterministic PRNG (mulberry32) so training is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TrainOptions {
  readonly labels: readonly string[];
  readonly bits: number;
  readonly epochs: number;
  readonly seed: number;
  readonly log?: (msg: string) => void;
}

/** Trains and returns averaged float weights and transitions. */
export function train(set: TrainingSet, opts: TrainOptions): { weights: Float64Array; transitions: Float64Array } {
  const L = opts.labels.length;
  const shift = 32 - opts.bits;
  const size = (1 << opts.bits) * L;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const T = (L + 1) * L;
  const tw = new Float64Array(T);
  const tu = new Float64Array(T);
  const allowed = new Float64Array(T);
  for (let from = -1; from < L; from++) {
    for (let to = 0; to < L; to++) allowed[(from < 0 ? L : from) * L + to] = allowedTransition(opts.labels, from, to) ? 0 : FORBIDDEN;
  }
  const { feats, featStart, gold, candidate } = set;
  const order = set.sequences.map((_, i) => i);
  const rand = prng(opts.seed);
  let c = 1;
  let maxLen = 0;
  for (const [s, e] of set.sequences) maxLen = Math.max(maxLen, e - s);
  const em = new Float64Array(maxLen * L);
  const score = new Float64Array(maxLen * L);
  const back = new Int32Array(maxLen * L);
  const pred = new Int32Array(maxLen);

  const update = (j: number, d: number): void => {
    w[j]! += d;
    u[j]! += c * d;
  };
  const updateT = (j: number, d: number): void => {
    tw[j]! += d;
    tu[j]! += c * d;
  };

  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const q of order) {
      const [s, e] = set.sequences[q]!;
      const n = e - s;
      tokens += n;
      // Emissions.
      for (let t = 0; t < n; t++) {
        const tok = s + t;
        const row = t * L;
        if (!candidate[tok]) {
          em[row] = 0;
          for (let y = 1; y < L; y++) em[row + y] = -Infinity;
          continue;
        }
        for (let y = 0; y < L; y++) em[row + y] = 0;
        for (let f = featStart[tok]!; f < featStart[tok + 1]!; f++) {
          const base = (feats[f]! >>> shift) * L;
          for (let y = 0; y < L; y++) em[row + y]! += w[base + y]!;
        }
      }
      // Viterbi.
      for (let t = 0; t < n; t++) {
        for (let y = 0; y < L; y++) {
          let best = -Infinity;
          let arg = 0;
          if (t === 0) best = tw[L * L + y]! + allowed[L * L + y]!;
          else {
            for (let yp = 0; yp < L; yp++) {
              const v = score[(t - 1) * L + yp]! + tw[yp * L + y]! + allowed[yp * L + y]!;
              if (v > best) {
                best = v;
                arg = yp;
              }
            }
          }
          score[t * L + y] = best + em[t * L + y]!;
          back[t * L + y] = arg;
        }
      }
      let y = 0;
      for (let k = 1; k < L; k++) if (score[(n - 1) * L + k]! > score[(n - 1) * L + y]!) y = k;
      for (let t = n - 1; t >= 0; t--) {
        pred[t] = y;
        y = back[t * L + y]!;
      }
      // Update where the prediction differs from gold.
      let wrong = false;
      for (let t = 0; t < n; t++) {
        const g = gold[s + t]!;
        const p = pred[t]!;
        const gPrev = t === 0 ? L : gold[s + t - 1]!;
        const pPrev = t === 0 ? L : pred[t - 1]!;
        if (g !== p) {
          wrong = true;
          const tok = s + t;
          for (let f = featStart[tok]!; f < featStart[tok + 1]!; f++) {
            const base = (feats[f]! >>> shift) * L;
            update(base + g, 1);
            update(base + p, -1);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          updateT(gPrev * L + g, 1);
          updateT(pPrev * L + p, -1);
        }
      }
      if (wrong) errors++;
      c++;
    }
    opts.log?.(`  epoch ${epoch + 1}: ${errors}/${order.length} sentences wrong (${tokens} tokens)`);
  }
  const weights = new Float64Array(size);
  for (let j = 0; j < size; j++) weights[j] = w[j]! - u[j]! / c;
  const transitions = new Float64Array(T);
  for (let j = 0; j < T; j++) transitions[j] = tw[j]! - tu[j]! / c;
  return { weights, transitions };
}

/**
 * Quantises weights to signed 8-bit codes on a logarithmic scale: code ±k stands for
 * ±min·ratio^(k-1), k = 1…127, with `min` a low percentile of the non-zero magnitudes (smaller
 * weights become 0) and the largest weight at code 127. Encoded sparsely.
 */
export function quantise(
  labels: readonly string[],
  bits: number,
  weights: Float64Array,
  transitions: Float64Array,
  prunePercentile = 0.02,
): { data: ModelData; nonZero: number; bytes: number } {
  const mags: number[] = [];
  for (let j = 0; j < weights.length; j++) if (weights[j] !== 0) mags.push(Math.abs(weights[j]!));
  mags.sort((a, b) => a - b);
  const min = mags[Math.floor(mags.length * prunePercentile)] ?? 1;
  const max = mags[mags.length - 1] ?? 1;
  const ratio = Math.pow(max / min, 1 / 126);
  const logRatio = Math.log(ratio);
  const out: number[] = [];
  let last = -1;
  let nonZero = 0;
  for (let j = 0; j < weights.length; j++) {
    const v = weights[j]!;
    const a = Math.abs(v);
    if (a < min / Math.sqrt(ratio)) continue;
    const k = Math.max(1, Math.min(127, 1 + Math.round(Math.log(a / min) / logRatio)));
    let delta = j - last;
    last = j;
    while (delta >= 0x80) {
      out.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    out.push(delta);
    out.push((v < 0 ? -k : k) & 0xff);
    nonZero++;
  }
  const bytes = Uint8Array.from(out);
  const round = (x: number): number => Number(x.toPrecision(6));
  return {
    data: {
      labels,
      bits,
      levels: [round(min), round(ratio)],
      transitions: Array.from(transitions, round),
      weights: Buffer.from(bytes).toString('base64'),
    },
    nonZero,
    bytes: bytes.length,
  };
}
