/** Inlay hints: a small label after each tagged claim (its rating, or that it has a comment). */
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver';
import { ratingById } from '../../core/annotations/ratings';
import { claimTagMarkdown } from '../../core/features/claimCard';
import { toRange, toSpan } from '../convert';
import type { PlacedArticle } from './placed';

export function tagHints(placed: PlacedArticle, range: Range): InlayHint[] {
  const span = toSpan(placed.lines, range);
  const out: InlayHint[] = [];
  for (const t of placed.tags) {
    if (t.anchor.kind !== 'anchored' || t.anchor.end < span.start || t.anchor.end > span.end) continue;
    const rating = t.tag.rating ? ratingById(t.tag.rating) : undefined;
    const label = rating ? `${rating.symbol} ${rating.label[placed.article.language]}` : t.tag.comment ? '💬' : undefined;
    if (!label) continue;
    const current = placed.text.slice(t.anchor.start, t.anchor.end);
    out.push({
      position: toRange(placed.lines, { start: t.anchor.end, end: t.anchor.end }).start,
      label,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: claimTagMarkdown(t.tag, placed.article.language, current) },
    });
  }
  return out;
}
