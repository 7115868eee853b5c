/**
 * Semantic tokens as plain offset ranges: entities, dates and quotes, flattened so that
 * no two tokens overlap (a quote is split around the names and dates inside it).
 */
import type { Article, EntityType } from '../model';

/** Token types, in legend order. The LSP layer's legend is built from this list. */
export const TOKEN_TYPES = ['person', 'team', 'competition', 'place', 'organization', 'date', 'quote'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

/** Token modifiers, in legend order. `linked`: resolved to a knowledge-base entry. */
export const TOKEN_MODIFIERS = ['linked'] as const;

export interface TokenSpan {
  readonly start: number;
  readonly end: number;
  readonly type: TokenType;
  readonly linked: boolean;
}

/**
 * The article's tokens, sorted and non-overlapping, optionally limited to `[from, to)`.
 * Pronouns and anaphors are not coloured: they would drown the names.
 */
export function semanticTokenSpans(article: Article, from = 0, to = article.text.length): TokenSpan[] {
  const inner: TokenSpan[] = [];
  for (const e of article.entities) {
    if (e.kind === 'pronoun' || e.kind === 'anaphor') continue;
    if (e.end <= from || e.start >= to) continue;
    inner.push({ start: e.start, end: e.end, type: e.type satisfies EntityType, linked: e.entityId !== undefined });
  }
  for (const d of article.dates) {
    if (d.end <= from || d.start >= to) continue;
    inner.push({ start: d.start, end: d.end, type: 'date', linked: false });
  }
  inner.sort((a, b) => a.start - b.start || b.end - a.end);
  const points = dropOverlaps(inner);

  // Quotes: only outermost ones (nested quotes are inside them), split around inner tokens.
  const out: TokenSpan[] = [];
  let k = 0;
  for (const q of article.quotes) {
    if (q.depth > 0 || q.end <= from || q.start >= to) continue;
    let cursor = Math.max(q.start, from);
    const qEnd = Math.min(q.end, to);
    while (k < points.length && points[k]!.end <= cursor) out.push(points[k++]!);
    while (k < points.length && points[k]!.start < qEnd) {
      const p = points[k++]!;
      if (p.start > cursor) out.push({ start: cursor, end: p.start, type: 'quote', linked: false });
      out.push(p);
      cursor = Math.max(cursor, p.end);
    }
    if (cursor < qEnd) out.push({ start: cursor, end: qEnd, type: 'quote', linked: false });
  }
  while (k < points.length) out.push(points[k++]!);
  return out;
}

/** Keep the first (longest at equal start) of overlapping spans. Input sorted by start. */
function dropOverlaps(spans: TokenSpan[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let end = -1;
  for (const s of spans) {
    if (s.start >= end && s.end > s.start) {
      out.push(s);
      end = s.end;
    }
  }
  return out;
}
