/**
 * The tag commands the server executes: set or remove a claim's rating, set or remove its
 * comment, delete an (orphaned) annotation. Each reads the sidecar afresh and changes only its
 * annotation; a refusal (the article changed, the file has problems) is shown to the user.
 */
import { randomUUID } from 'node:crypto';
import type { Connection } from 'vscode-languageserver';
import { createAnnotation, withComment, withRating, type Change } from '../../core/annotations/build';
import type { Annotation } from '../../core/annotations/model';
import { isRatingId, type RatingId } from '../../core/annotations/ratings';
import type { PlacedArticles } from './placed';
import { COMMENT_COMMAND, DELETE_COMMAND, RATE_COMMAND, type ClaimRef } from './protocol';
import type { AnnotationStore, WriteResult } from './store';

/** The command ids, for `executeCommandProvider`. */
export const TAG_COMMANDS = [RATE_COMMAND, COMMENT_COMMAND, DELETE_COMMAND];

type Content = { rating?: RatingId; comment?: string };

export class TagCommands {
  constructor(
    private readonly connection: Connection,
    private readonly store: AnnotationStore,
    private readonly placed: PlacedArticles,
    /** The annotator's name for an article. */
    private readonly annotatorFor: (uri: string) => Promise<string>,
    /** Called after a sidecar was changed. */
    private readonly changed: () => void,
  ) {}

  /** Run a command; arguments that are not what it takes are ignored. */
  async execute(command: string, args: readonly unknown[]): Promise<void> {
    const [first, second] = args;
    if (command === RATE_COMMAND && isClaimRef(first) && (second === null || isRatingId(second))) await this.rate(first, second);
    else if (command === COMMENT_COMMAND && isClaimRef(first) && (second === null || typeof second === 'string')) await this.comment(first, second);
    else if (command === DELETE_COMMAND && isDeletion(first)) await this.delete(first.uri, first.annotationId);
  }

  private rate(ref: ClaimRef, rating: RatingId | null): Promise<void> {
    return this.changeClaim(ref, (existing, change, create) => (existing ? withRating(existing, rating ?? undefined, change) : rating ? create({ rating }) : undefined));
  }

  private comment(ref: ClaimRef, comment: string | null): Promise<void> {
    const text = comment?.trim() ?? '';
    return this.changeClaim(ref, (existing, change, create) => (existing ? withComment(existing, text || undefined, change) : text ? create({ comment: text }) : undefined));
  }

  private async delete(uri: string, annotationId: string): Promise<void> {
    const result = await this.store.write(uri, (annotations) => (annotations.some((a) => a.id === annotationId) ? [{ id: annotationId, annotation: undefined }] : []));
    this.report(result);
  }

  /**
   * Change the annotation on a claim (or make one): `apply` gets the annotation as it is on
   * disk now, and returns it changed, a new one (through `create`), or undefined to remove it.
   */
  private async changeClaim(ref: ClaimRef, apply: (existing: Annotation | undefined, change: Change, create: (content: Content) => Annotation) => Annotation | undefined): Promise<void> {
    const placed = await this.placed.get(ref.uri);
    if (!placed?.entry) {
      void this.connection.window.showWarningMessage('Touchline keeps tags only for articles saved as files: save the article first.');
      return;
    }
    if (placed.text.slice(ref.start, ref.end) !== ref.quote) {
      void this.connection.window.showWarningMessage(`The article changed since the action was offered, so “${ref.quote}” was not tagged. Try again.`);
      return;
    }
    const change: Change = { annotator: await this.annotatorFor(ref.uri), now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const onClaim = placed.tags.find((t) => t.annotation.id === ref.annotationId) ?? placed.tags.find((t) => t.claim?.start === ref.start && t.claim.end === ref.end);
    const id = `urn:uuid:${randomUUID()}`;
    const { source } = placed.entry.location;
    const text = placed.text;
    const create = (content: Content) => createAnnotation(id, { source, text, span: ref, ...(ref.property ? { property: ref.property } : {}) }, change, content);
    const result = await this.store.write(ref.uri, (annotations) => {
      const existing = onClaim ? annotations.find((a) => a.id === onClaim.annotation.id) : undefined;
      const next = apply(existing, change, create);
      if (existing) return next === existing ? [] : [{ id: existing.id, annotation: next }];
      return next ? [{ id, annotation: next }] : [];
    });
    this.report(result);
  }

  private report(result: WriteResult): void {
    if (!result.ok) void this.connection.window.showWarningMessage(result.message);
    else this.changed();
  }
}

function isClaimRef(v: unknown): v is ClaimRef {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r['uri'] === 'string' && Number.isInteger(r['start']) && Number.isInteger(r['end']) && typeof r['quote'] === 'string' && typeof r['property'] === 'string' && (r['start'] as number) < (r['end'] as number);
}

function isDeletion(v: unknown): v is { uri: string; annotationId: string } {
  return typeof v === 'object' && v !== null && typeof (v as { uri?: unknown }).uri === 'string' && typeof (v as { annotationId?: unknown }).annotationId === 'string';
}
