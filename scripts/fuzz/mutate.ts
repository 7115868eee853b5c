/**
 * Mutations of real articles (the samples, the seeds, the BBC sport corpus): insertions of
 * hostile fragments, deletions, repetitions, line-end rewrites, quote and header damage,
 * cuts through surrogate pairs. Offsets are chosen in UTF-16 units, so a mutation may split
 * a surrogate pair or a CRLF, as a broken file or a bad decoder would.
 */
import { Rng } from './rng';
import { HOSTILE, QUOTE_PAIRS, dateHeader, fragment } from './generate';

type Mutator = (rng: Rng, text: string) => string;

const at = (rng: Rng, text: string): number => rng.int(text.length + 1);

const MUTATORS: readonly (readonly [number, string, Mutator])[] = [
  [8, 'insert', (rng, t) => {
    const i = at(rng, t);
    return t.slice(0, i) + fragment(rng) + t.slice(i);
  }],
  [4, 'delete', (rng, t) => {
    const i = at(rng, t);
    return t.slice(0, i) + t.slice(Math.min(t.length, i + rng.size(2_000) + 1));
  }],
  [2, 'repeat', (rng, t) => {
    const i = at(rng, t);
    const piece = t.slice(i, i + rng.range(1, 200));
    return t.slice(0, i) + piece.repeat(rng.range(2, 200)) + t.slice(i);
  }],
  [2, 'line-ends', (rng, t) => {
    const to = rng.pick(['\r', '\r\n', '\n', '\u2028', '\n\r', 'mixed']);
    return t.replace(/\r\n|\r|\n/g, () => (to === 'mixed' ? rng.pick(HOSTILE.lineEnds) : to));
  }],
  [2, 'drop-closing-quotes', (_rng, t) => t.replace(/[”»›’"]/g, '')],
  [2, 'swap-quotes', (rng, t) => t.replace(/[“”"«»‘’']/g, (q) => (rng.chance(0.5) ? rng.pick(QUOTE_PAIRS.flat()) : q))],
  [2, 'header', (rng, t) => {
    const nl = t.search(/[\r\n]/);
    const first = nl < 0 ? t : t.slice(0, nl);
    const rest = nl < 0 ? '' : t.slice(nl);
    return /^\s*date\b/.test(first) && rng.chance(0.7) ? dateHeader(rng) + first.replace(/^\s*date\s+\S*/, '') + rest : dateHeader(rng) + '\n' + t;
  }],
  [2, 'case', (rng, t) => {
    const i = at(rng, t);
    const j = Math.min(t.length, i + rng.size(3_000));
    return t.slice(0, i) + (rng.chance(0.5) ? t.slice(i, j).toUpperCase() : t.slice(i, j).toLowerCase()) + t.slice(j);
  }],
  [2, 'sprinkle', (rng, t) => {
    const chars = rng.pick(Object.values(HOSTILE));
    return t.replace(/[\s\S]/g, (c) => (rng.chance(0.03) ? c + rng.pick(chars) : c));
  }],
  [1, 'nul-bytes', (rng, t) => t.replace(/[\s\S]/g, (c) => (rng.chance(0.05) ? '\u0000' : c))],
  [1, 'split-surrogates', (rng, t) => {
    // Keep only one half of astral characters, or of a pair inserted on purpose.
    const s = t.replace(/[\ud800-\udbff][\udc00-\udfff]/g, (p) => (rng.chance(0.5) ? p[0]! : p[1]!));
    const i = at(rng, s);
    return s.slice(0, i) + rng.pick(HOSTILE.loneSurrogates) + s.slice(i);
  }],
  [1, 'truncate', (rng, t) => t.slice(0, at(rng, t))],
  [1, 'shuffle-lines', (rng, t) => {
    const lines = t.split(/(?<=\n)/);
    for (let i = lines.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return lines.join('');
  }],
  [1, 'reverse', (rng, t) => {
    const i = at(rng, t);
    const j = Math.min(t.length, i + rng.size(500));
    return t.slice(0, i) + t.slice(i, j).split('').reverse().join('') + t.slice(j);
  }],
];

/** Apply one to five random mutations, possibly splicing in part of `other`. */
export function mutate(rng: Rng, text: string, other?: string): { text: string; steps: string[] } {
  const steps: string[] = [];
  let t = text;
  if (other !== undefined && rng.chance(0.15)) {
    const i = at(rng, t);
    const j = rng.int(other.length + 1);
    t = t.slice(0, i) + other.slice(j, j + rng.size(5_000));
    steps.push('splice');
  }
  const n = rng.range(1, 5);
  for (let k = 0; k < n; k++) {
    const [, name, m] = rng.weighted(MUTATORS.map((e) => [e[0], e] as const));
    t = m(rng, t);
    steps.push(name);
  }
  // Keep mutated documents small enough for the default mix.
  if (t.length > 200_000) t = t.slice(0, 200_000);
  return { text: t, steps };
}
