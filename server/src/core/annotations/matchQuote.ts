/**
 * Re-anchoring a quote in text that may have changed, as Hypothesis does
 * (hypothesis/client `match-quote.ts`), with thresholds so a tag is never attached to the
 * wrong words:
 *
 * 1. the position hint, if the text there still equals the quote;
 * 2. else an exact occurrence of the quote: the one whose surroundings best match the stored
 *    prefix and suffix, the nearest to the hint among equals; accepted only when its
 *    surroundings are similar enough;
 * 3. else a fuzzy match (`approx-string-match`, at most a quarter of the quote's characters
 *    different), scored by similarity of quote (weight 50), prefix (20), suffix (20) and
 *    closeness to the hint (2); accepted only when its surroundings are similar enough.
 *
 * Nothing accepted → undefined: the caller reports an orphan.
 */
import search from 'approx-string-match';
import type { Span } from '../model';
import type { QuoteTarget } from './selectors';

/** How an anchor was found. `tracked`: moved with edits made in the editor. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy' | 'tracked';

/** A quote found in a text. */
export interface QuoteMatch extends Span {
  readonly method: AnchorMethod;
}

/** The least similarity (1 − edits ÷ length) a fuzzy match must have with the quote. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** The least mean similarity of prefix and suffix for a match away from the hint. */
export const MIN_CONTEXT_SIMILARITY = 0.5;
/** Exact occurrences scored, nearest to the hint first: a very common quote is ambiguous anyway. */
const MAX_CANDIDATES = 200;
/** Occurrences collected at most (a one-letter quote in a huge text). */
const MAX_OCCURRENCES = 100_000;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL_WEIGHT = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * Find `target` in `text`; undefined when nothing matches well enough. With `fuzzy: false`
 * only the first two steps run (cheap: used to retry orphans after each keystroke).
 */
export function matchQuote(text: string, target: QuoteTarget, options: { readonly fuzzy?: boolean } = {}): QuoteMatch | undefined {
  const { exact } = target;
  if (exact.length === 0 || text.length === 0) return undefined;
  const hint = target.hint;
  if (hint !== undefined && hint >= 0 && text.startsWith(exact, hint)) return { start: hint, end: hint + exact.length, method: 'position' };

  const exactMatches = occurrences(text, exact);
  if (exactMatches.length > 0) {
    const near = hint === undefined ? exactMatches : [...exactMatches].sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint));
    let best: { start: number; context: number } | undefined;
    for (const start of near.slice(0, MAX_CANDIDATES)) {
      const context = contextSimilarity(text, start, start + exact.length, target);
      // Candidates come nearest first, so a strictly better context is needed to move further.
      if (!best || context > best.context) best = { start, context };
    }
    if (best && best.context >= MIN_CONTEXT_SIMILARITY) return { start: best.start, end: best.start + exact.length, method: 'quote' };
  }

  const maxErrors = Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors === 0 || options.fuzzy === false) return undefined;
  let best: { match: Span; score: number } | undefined;
  for (const m of search(text, exact, Math.min(256, maxErrors))) {
    if (m.end <= m.start) continue;
    const context = contextSimilarity(text, m.start, m.end, target);
    if (context < MIN_CONTEXT_SIMILARITY) continue;
    const quoteScore = 1 - m.errors / exact.length;
    const positionScore = hint === undefined ? 1 : 1 - Math.abs(m.start - hint) / text.length;
    const score = (WEIGHTS.quote * quoteScore + (WEIGHTS.prefix + WEIGHTS.suffix) * context + WEIGHTS.position * positionScore) / TOTAL_WEIGHT;
    if (!best || score > best.score) best = { match: { start: m.start, end: m.end }, score };
  }
  return best ? { ...best.match, method: 'fuzzy' } : undefined;
}

/** Similarity in [0, 1] of `actual` to `expected`: 1 − (edits to turn one into the other) ÷ length. */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0;
  if (actual === expected) return 1;
  return Math.max(0, 1 - editDistance(actual, expected) / Math.max(expected.length, actual.length));
}

/** Mean similarity of the text around [start, end) to the stored prefix and suffix. */
function contextSimilarity(text: string, start: number, end: number, target: QuoteTarget): number {
  const prefix = target.prefix === '' ? 1 : windowScore(text.slice(Math.max(0, start - target.prefix.length), start), target.prefix);
  const suffix = target.suffix === '' ? 1 : windowScore(text.slice(end, end + target.suffix.length), target.suffix);
  return (prefix + suffix) / 2;
}

/** How well `expected` matches somewhere in `window` (Hypothesis's `textMatchScore`). */
function windowScore(window: string, expected: string): number {
  if (window.length === 0) return 0;
  if (window === expected) return 1;
  const matches = search(window, expected, expected.length);
  return matches.length === 0 ? 0 : 1 - matches[0]!.errors / expected.length;
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i !== -1 && out.length < MAX_OCCURRENCES; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

/** Levenshtein distance, two rows. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
