/**
 * Tagging code actions on the claims under the cursor or selection, with or without a
 * diagnostic: tag as verified / false / misleading / needs source / opinion, change or remove
 * the tag, add or edit a comment; and deleting an orphaned tag from its diagnostic.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { RATINGS, ratingById } from '../../core/annotations/ratings';
import type { Claim } from '../../core/model';
import { toSpan } from '../convert';
import type { PlacedArticle } from './placed';
import { ADD_COMMENT_COMMAND, DELETE_COMMAND, RATE_COMMAND, type ClaimRef } from './protocol';
import { ORPHAN_CODE, type OrphanData } from './diagnostics';

/** Claims offered at most, nearest first (a selection over a long paragraph). */
const MAX_CLAIMS = 3;
const QUOTE_PREVIEW = 40;

/** The tagging actions for `range` of the placed article. */
export function tagActions(placed: PlacedArticle, range: Range): CodeAction[] {
  if (!placed.entry) return [];
  const span = toSpan(placed.lines, range);
  const claims = placed.article.claims
    .filter((c) => (span.start === span.end ? c.start <= span.start && span.start <= c.end : c.start < span.end && span.start < c.end))
    .sort((a, b) => Math.abs(a.start - span.start) - Math.abs(b.start - span.start))
    .slice(0, MAX_CLAIMS);
  return claims.flatMap((claim) => actionsFor(placed, claim));
}

/** "Delete the orphaned tag" for orphan diagnostics among `diagnostics`. */
export function orphanActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'touchline' || d.code !== ORPHAN_CODE) continue;
    const data = d.data as OrphanData | undefined;
    if (!data?.annotationId) continue;
    out.push({
      title: `Delete the orphaned tag on “${preview(data.exact)}” from ${data.sidecarName}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title: 'Delete the orphaned tag', command: DELETE_COMMAND, arguments: [{ uri, annotationId: data.annotationId }] },
    });
  }
  return out;
}

function actionsFor(placed: PlacedArticle, claim: Claim): CodeAction[] {
  const tag = placed.tags.find((t) => t.claim === claim)?.tag;
  const quote = placed.text.slice(claim.start, claim.end);
  const ref: ClaimRef = { uri: placed.uri, start: claim.start, end: claim.end, property: claim.property, quote, ...(tag ? { annotationId: tag.id } : {}) };
  const shown = preview(quote);
  const current = tag?.rating ? ratingById(tag.rating) : undefined;
  const out: CodeAction[] = [];
  for (const rating of RATINGS) {
    if (rating.id === current?.id) continue;
    const title = current ? `Change the tag on “${shown}” from ${current.label.en} to ${rating.label.en}` : `Tag “${shown}” as ${rating.label.en}`;
    out.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: RATE_COMMAND, arguments: [ref, rating.id] } });
  }
  if (current) {
    const title = `Remove the tag “${current.label.en}” from “${shown}”`;
    out.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: RATE_COMMAND, arguments: [ref, null] } });
  }
  const commentTitle = tag?.comment ? `Edit the comment on “${shown}”…` : `Add a comment to “${shown}”…`;
  out.push({ title: commentTitle, kind: CodeActionKind.QuickFix, command: { title: commentTitle, command: ADD_COMMENT_COMMAND, arguments: [ref, tag?.comment ?? ''] } });
  return out;
}

/** A quote shortened for a menu. */
export function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_PREVIEW ? `${flat.slice(0, QUOTE_PREVIEW - 1)}…` : flat;
}
