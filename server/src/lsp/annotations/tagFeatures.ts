/**
 * Claim tagging in the language server: the annotation store wired to the connection. It
 * registers the tag commands, inlay hints and the Claims view and export requests, and gives
 * `server.ts` what the other features need (code actions, diagnostics, the hover's tag, edit
 * tracking, file events).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InlayHint,
  type Range,
  type ServerCapabilities,
  type TextDocuments,
  type TextDocumentsConfiguration,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { retarget, targets } from '../../core/annotations/build';
import { claimReviews } from '../../core/annotations/claimReview';
import type { HoverContext } from '../../core/features/hover';
import { annotationSource, SIDECAR_SUFFIX, sidecarPathFor } from '../../host/sidecarFiles';
import type { Analyses } from '../analyses';
import type { Guard } from '../guard';
import type { WorkspaceIndex } from '../workspaceIndex';
import { categoriesOf, claimsEntries } from './claimsList';
import { orphanActions, tagActions } from './codeActions';
import { articleTagDiagnostics, sidecarDiagnostics } from './diagnostics';
import { tagHints } from './inlayHints';
import { PlacedArticles } from './placed';
import {
  ANNOTATIONS_CHANGED_NOTIFICATION, claimsRequest, exportClaimReviewRequest,
  type ClaimsArticle, type ClaimsParams, type ClaimsResult, type ExportResult,
} from './protocol';
import { AnnotationSettingsStore, type AnnotationSettings } from './settings';
import { AnnotationStore, type ArticleAnnotations, type ArticleLocation } from './store';
import { TAG_COMMANDS, TagCommands } from './tagCommands';
import { trackingDocuments } from './tracking';

/** What tagging needs from the rest of the server. */
export interface TagDependencies {
  readonly documents: TextDocuments<TextDocument>;
  readonly analyses: Analyses;
  readonly index: WorkspaceIndex;
  readonly folders: () => readonly string[];
  readonly guard: Guard;
  /** Ask the client to pull diagnostics again (and push them to clients that cannot pull). */
  readonly refresh: () => void;
}

export class TagFeatures {
  private readonly store: AnnotationStore;
  private readonly settings: AnnotationSettingsStore;
  private deps: TagDependencies | undefined;
  private placedArticles: PlacedArticles | undefined;
  private inlayRefresh = false;
  private readonly published = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.settings = new AnnotationSettingsStore(connection);
    this.store = new AnnotationStore(
      (uri) => this.locate(uri),
      (entry) => this.publishSidecar(entry),
    );
  }

  /** Capabilities to add to the server's. */
  readonly capabilities: Pick<ServerCapabilities, 'executeCommandProvider' | 'inlayHintProvider'> = {
    executeCommandProvider: { commands: TAG_COMMANDS },
    inlayHintProvider: true,
  };

  /** Configuration for `TextDocuments` that tracks edits of tagged articles. */
  documentsConfiguration(): TextDocumentsConfiguration<TextDocument> {
    return trackingDocuments(
      (uri) => this.store.tracks(uri),
      (uri, before, edits, after) => this.store.edited(uri, before, edits, after),
    );
  }

  /** Record what the client supports. */
  initialize(capabilities: ClientCapabilities): void {
    this.settings.supported = capabilities.workspace?.configuration === true;
    this.inlayRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
  }

  /** Register the handlers. */
  connect(deps: TagDependencies): void {
    this.deps = deps;
    this.placedArticles = new PlacedArticles(deps.analyses, deps.index, this.store);
    const { connection } = this;
    const commands = new TagCommands(connection, this.store, this.placedArticles, async (uri) => (await this.settingsFor(uri)).annotator, () => this.changed());
    connection.onExecuteCommand((params, token) => deps.guard(`command ${params.command}`, undefined, token, () => commands.execute(params.command, params.arguments ?? [])));
    connection.onRequest(claimsRequest, (params, token) => deps.guard<ClaimsResult>('claims list', { articles: [] }, token, () => this.claims(params ?? {})));
    connection.onRequest(exportClaimReviewRequest, (token) => deps.guard('ClaimReview export', { json: '[]', count: 0 }, token, () => this.exportClaimReview()));
  }

  /** Hints after tagged claims in an open article (the server merges them with its other hints). */
  async inlayHints(uri: string, range: Range): Promise<InlayHint[]> {
    if (!this.deps?.documents.get(uri)) return [];
    const placed = await this.placed().get(uri);
    return placed ? tagHints(placed, range) : [];
  }

  /** An article was opened: read its sidecar now, so edits are tracked from the start. */
  async opened(uri: string): Promise<void> {
    await this.placed().get(uri);
  }

  /** An article was saved: store anchors that edits moved, so the sidecar matches the file. */
  async saved(uri: string): Promise<void> {
    const placed = await this.placed().get(uri);
    const entry = placed?.entry;
    if (!placed || !entry || entry.sidecar.content.problems.length > 0) return;
    const moved = new Map<string, { start: number; end: number }>();
    for (const t of placed.tags) if (t.anchor.kind === 'anchored' && !targets(t.annotation, placed.text, t.anchor)) moved.set(t.annotation.id, t.anchor);
    if (moved.size === 0) return;
    const text = placed.text;
    const result = await this.store.write(uri, (annotations) =>
      annotations.flatMap((a) => {
        const span = moved.get(a.id);
        return span ? [{ id: a.id, annotation: retarget(a, text, span) }] : [];
      }),
    );
    if (result.ok) this.changed();
  }

  /** Watched files changed: sidecars are read again (hand edits, checkouts). */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    let changed = false;
    for (const change of changes) {
      if (!change.uri.startsWith('file:') || !change.uri.endsWith(SIDECAR_SUFFIX)) continue;
      if (await this.store.reread(fileURLToPath(change.uri))) changed = true;
    }
    if (changed) this.changed();
  }

  /** Settings changed: forget sidecars whose location moved. */
  async settingsChanged(): Promise<void> {
    this.settings.invalidate();
    let moved = false;
    for (const entry of [...this.store.all()]) {
      const location = await this.locate(entry.uri);
      if (location?.sidecarPath === entry.location.sidecarPath) continue;
      this.store.forget(entry.uri);
      moved = true;
    }
    if (moved) this.changed();
  }

  /** Tagging actions (after the other quick fixes) for a code-action request. */
  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const only = params.context.only;
    if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const out = orphanActions(params.textDocument.uri, params.context.diagnostics);
    const placed = await this.placed().get(params.textDocument.uri);
    if (placed) out.push(...tagActions(placed, params.range));
    return out;
  }

  /** Orphan and sidecar diagnostics for an article. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const placed = await this.placed().get(uri);
    return placed ? articleTagDiagnostics(placed) : [];
  }

  /** `base` with the article's tags added to claim hovers. */
  async hoverContext(base: HoverContext, uri: string): Promise<HoverContext> {
    const placed = await this.placed().get(uri);
    if (!placed || placed.tags.length === 0) return base;
    return { ...base, claimTag: (claim) => placed.tags.find((t) => t.claim === claim || (t.claim?.id === claim.id && t.claim.end === claim.end))?.tag };
  }

  /** Tell the client tags may have changed (after any refresh of diagnostics). */
  notifyClient(): void {
    if (this.inlayRefresh) void this.connection.languages.inlayHint.refresh().catch(() => undefined);
    this.connection.sendNotification(ANNOTATIONS_CHANGED_NOTIFICATION, {}).catch(() => undefined);
  }

  private changed(): void {
    this.deps?.refresh();
  }

  private placed(): PlacedArticles {
    if (!this.placedArticles) throw new Error('TagFeatures used before connect()');
    return this.placedArticles;
  }

  private async locate(uri: string): Promise<ArticleLocation | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    const folder = this.folderOf(uri);
    const path = fileURLToPath(uri);
    const folderPath = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    const { location } = await this.settingsFor(uri);
    return { sidecarPath: sidecarPathFor(path, folderPath, location), source: annotationSource(path, folderPath) };
  }

  /** The workspace folder holding `uri` (the innermost), if any. */
  private folderOf(uri: string): string | undefined {
    return (this.deps?.folders() ?? []).filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
  }

  /** Settings are asked per workspace folder: one request, not one per article, for a big workspace. */
  private settingsFor(uri: string): Promise<AnnotationSettings> {
    return this.settings.forResource(this.folderOf(uri) ?? uri);
  }

  private publishSidecar(entry: ArticleAnnotations): void {
    const uri = pathToFileURL(entry.location.sidecarPath).href;
    const diagnostics = sidecarDiagnostics(entry.sidecar);
    if (diagnostics.length === 0 && !this.published.has(uri)) return;
    if (diagnostics.length > 0) this.published.add(uri);
    else this.published.delete(uri);
    this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  }

  private async claims(params: ClaimsParams): Promise<ClaimsResult> {
    const categories = params.categories ? new Set(params.categories) : undefined;
    if (params.uri) {
      const placed = await this.placed().get(params.uri);
      const sidecar = placed?.entry ? pathToFileURL(placed.entry.location.sidecarPath).href : undefined;
      return { entries: placed ? claimsEntries(placed, categories, sidecar) : [] };
    }
    const articles: ClaimsArticle[] = [];
    for (const uri of this.articleUris()) {
      const placed = await this.placed().get(uri);
      if (!placed) continue;
      const all = categoriesOf(placed);
      const shown = categories ? all.filter((c) => categories.has(c)).length : all.length;
      if (all.length === 0 || shown === 0) continue;
      articles.push({ uri, name: this.nameOf(uri), shown, total: all.length, orphans: all.filter((c) => c === 'orphan').length });
    }
    return { articles: articles.sort((a, b) => a.name.localeCompare(b.name)) };
  }

  private async exportClaimReview(): Promise<ExportResult> {
    const reviews: Record<string, unknown>[] = [];
    for (const uri of this.articleUris()) {
      const placed = await this.placed().get(uri);
      if (!placed || placed.tags.length === 0) continue;
      const { reviewUrl } = await this.settingsFor(uri);
      reviews.push(...claimReviews({ file: this.nameOf(uri), url: uri, article: placed.article, tags: placed.tags }, reviewUrl));
    }
    return { json: `${JSON.stringify(reviews, null, 2)}\n`, count: reviews.length };
  }

  /** Every article: indexed or open. */
  private articleUris(): string[] {
    const deps = this.deps!;
    const uris = new Set<string>();
    for (const a of deps.index.all()) uris.add(a.uri);
    for (const d of deps.documents.all()) if (d.languageId === 'sports-article') uris.add(d.uri);
    return [...uris];
  }

  /** An article's path relative to its workspace folder, for display. */
  private nameOf(uri: string): string {
    const folder = this.folderOf(uri);
    const rest = folder ? uri.slice(folder.replace(/\/$/, '').length + 1) : uri.slice(uri.lastIndexOf('/') + 1);
    return decodeURIComponent(rest);
  }
}

