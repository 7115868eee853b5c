/** Searches over spans sorted by position. */
import type { Span } from '../model';

/** Index of the first of `items` (sorted by start) starting at or after `offset`; `items.length` if none. */
export function firstStartingAt(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first of `items` (sorted, none inside another) ending after `offset`: the first that reaches past it. */
export function firstEndingAfter(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
