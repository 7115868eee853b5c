/**
 * The Claims view's content: per article, every claim with its rating (or none), tags whose
 * text no longer reads as a claim, and orphaned tags, filtered by category.
 */
import type { PlacedTag } from '../../core/annotations/attach';
import { ratingById } from '../../core/annotations/ratings';
import { claimTagMarkdown } from '../../core/features/claimCard';
import { escapeMarkdown } from '../../core/features/markdown';
import type { Claim, Span } from '../../core/model';
import { LineIndex } from '../../core/positions';
import { toRange } from '../convert';
import { preview } from './codeActions';
import type { PlacedArticle } from './placed';
import type { ClaimCategory, ClaimsEntry } from './protocol';

/** One line of the view before it is dressed for the client. */
interface Item {
  readonly category: ClaimCategory;
  readonly at: number;
  readonly claim?: Claim;
  readonly tag?: PlacedTag;
}

/** Categories of an article's entries, one per entry (for counts). */
export function categoriesOf(placed: PlacedArticle): ClaimCategory[] {
  return items(placed).map((i) => i.category);
}

/** The article's entries in the given categories (all when undefined), in text order, orphans last. */
export function claimsEntries(placed: PlacedArticle, categories: ReadonlySet<ClaimCategory> | undefined, sidecarUri: string | undefined): ClaimsEntry[] {
  return items(placed)
    .filter((i) => !categories || categories.has(i.category))
    .map((i) => entry(placed, i, sidecarUri));
}

function items(placed: PlacedArticle): Item[] {
  const byClaim = new Map<Claim, PlacedTag>();
  for (const t of placed.tags) if (t.claim) byClaim.set(t.claim, t);
  const out: Item[] = [];
  for (const claim of placed.article.claims) {
    const tag = byClaim.get(claim);
    out.push({ category: tag?.tag.rating ?? 'untagged', at: claim.start, claim, ...(tag ? { tag } : {}) });
  }
  for (const t of placed.tags) {
    if (t.claim) continue;
    out.push({ category: t.anchor.kind === 'orphan' ? 'orphan' : (t.tag.rating ?? 'untagged'), at: t.anchor.kind === 'anchored' ? t.anchor.start : Infinity, tag: t });
  }
  return out.sort((a, b) => a.at - b.at);
}

function entry(placed: PlacedArticle, item: Item, sidecarUri: string | undefined): ClaimsEntry {
  const { tag, claim } = item;
  const lang = placed.article.language;
  const rating = tag?.tag.rating ? ratingById(tag.tag.rating) : undefined;
  const ratingText = rating ? `${rating.symbol} ${rating.label.en}` : tag?.tag.comment ? '💬 comment' : 'not tagged';
  if (tag && tag.anchor.kind === 'orphan') {
    const text = sidecarUri && placed.entry?.sidecar.file.kind === 'text' ? placed.entry.sidecar.file.text : '';
    const at = Math.max(0, text.indexOf(JSON.stringify(tag.annotation.id)));
    const lines = new LineIndex(text);
    return {
      category: 'orphan',
      label: preview(tag.tag.exact),
      description: `orphaned · ${ratingText}`,
      tooltip: `**Orphaned tag**: “${escapeMarkdown(tag.tag.exact)}” is no longer in the article. The tag is kept in the tags file.\n\n${claimTagMarkdown(tag.tag, lang, tag.tag.exact)}`,
      target: { uri: sidecarUri ?? placed.uri, range: toRange(lines, { start: at, end: at }) },
      annotationId: tag.annotation.id,
      ...(tag.tag.comment ? { comment: tag.tag.comment } : {}),
    };
  }
  const span: Span = claim ?? (tag!.anchor as Span);
  const text = placed.text.slice(span.start, span.end);
  const subject = claim ? `${claim.subjectName} · ${claim.property}` : 'no longer read as a claim';
  const tooltip = [`“${escapeMarkdown(text.replace(/\s+/g, ' '))}”${claim ? ` — ${escapeMarkdown(claim.subjectName)}, ${claim.property}` : ''}`];
  if (tag) tooltip.push(claimTagMarkdown(tag.tag, lang, text));
  return {
    category: item.category,
    label: preview(text),
    description: `${ratingText} · ${subject}`,
    tooltip: tooltip.join('\n\n'),
    target: { uri: placed.uri, range: toRange(placed.lines, span) },
    ref: { uri: placed.uri, start: span.start, end: span.end, property: claim?.property ?? tag?.tag.property ?? '', quote: text, ...(tag ? { annotationId: tag.annotation.id } : {}) },
    ...(tag ? { annotationId: tag.annotation.id } : {}),
    ...(tag?.tag.comment ? { comment: tag.tag.comment } : {}),
  };
}
