/**
 * The annotation store: each article's sidecar as last read from disk, and the anchors of its
 * annotations in the article's current text.
 *
 * - Reads are cached and redone when the file watcher reports a change (a person edited the
 *   sidecar, `git checkout`…).
 * - Writes are read-modify-write under one queue per sidecar: the file is read again, changed
 *   with minimal text edits, checked to be unchanged on disk, then written atomically. Two tags
 *   added quickly both survive; a hand edit saved meanwhile is kept.
 * - A sidecar with problems (bad JSON, schema errors) is never written.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AnchorSet, type TextEdit } from '../../core/annotations/anchorSet';
import type { Annotation } from '../../core/annotations/model';
import { newSidecarText, readSidecar, sidecarWith, type SidecarContent } from '../../core/annotations/sidecar';
import { quoteTargetOf } from '../../core/annotations/selectors';
import { readSidecarFile, sidecarStamp, writeFileAtomic, type SidecarFile } from '../../host/sidecarFiles';

/** Where an article's sidecar is, and how annotations name the article. */
export interface ArticleLocation {
  readonly sidecarPath: string;
  readonly source: string;
}

/** Finds an article's location; undefined for articles not on disk (untitled, virtual). */
export type Locate = (articleUri: string) => Promise<ArticleLocation | undefined>;

/** A sidecar as last read. */
export interface SidecarState {
  readonly path: string;
  readonly file: SidecarFile;
  readonly content: SidecarContent;
  /** Bumped whenever the content changes. */
  readonly revision: number;
}

/** One article's annotations. */
export interface ArticleAnnotations {
  readonly uri: string;
  readonly location: ArticleLocation;
  sidecar: SidecarState;
  anchors?: AnchorSet;
  /** The sidecar revision the anchors were last synchronised with. */
  anchorsRevision: number;
}

/** One change to make: the annotation with this id replaced (or added, or removed when undefined). */
export interface SidecarChange {
  readonly id: string;
  readonly annotation: Annotation | undefined;
}

/** Result of a write: done, or why not (a message for the user). */
export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

const EMPTY: SidecarContent = { annotations: [], problems: [] };
/** Attempts of a write when the file keeps changing under it. */
const WRITE_ATTEMPTS = 5;

export class AnnotationStore {
  private readonly loading = new Map<string, Promise<ArticleAnnotations | undefined>>();
  private readonly loaded = new Map<string, ArticleAnnotations>();
  private readonly articleOfSidecar = new Map<string, string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private revisions = 0;

  /**
   * @param locate where an article's sidecar is
   * @param onRead told after a sidecar is read for the first time or its content changes
   */
  constructor(
    private readonly locate: Locate,
    private readonly onRead: (entry: ArticleAnnotations) => void = () => undefined,
  ) {}

  /** An article's annotations, reading its sidecar the first time. */
  get(uri: string): Promise<ArticleAnnotations | undefined> {
    let pending = this.loading.get(uri);
    if (!pending) {
      pending = this.load(uri);
      this.loading.set(uri, pending);
    }
    return pending;
  }

  /** Everything read so far. */
  all(): IterableIterator<ArticleAnnotations> {
    return this.loaded.values();
  }

  /** Forget an article's annotations (its sidecar moved: the location setting changed). */
  forget(uri: string): void {
    const entry = this.loaded.get(uri);
    if (entry) this.articleOfSidecar.delete(entry.location.sidecarPath);
    this.loading.delete(uri);
    this.loaded.delete(uri);
  }

  /**
   * The anchors of an article's annotations in `text` (its current text), kept in step with the
   * sidecar. Undefined when the article has no annotations.
   */
  anchorsIn(entry: ArticleAnnotations, text: string): AnchorSet | undefined {
    const annotations = entry.sidecar.content.annotations;
    if (annotations.length === 0 && !entry.anchors) return undefined;
    if (!entry.anchors) entry.anchors = new AnchorSet(text);
    else if (entry.anchors.text !== text) entry.anchors.replaceText(text);
    if (entry.anchorsRevision !== entry.sidecar.revision) {
      const anchors = entry.anchors;
      const ids = new Set<string>();
      for (const a of annotations) {
        const target = quoteTargetOf(a, anchors.text);
        if (!target) continue;
        ids.add(a.id);
        anchors.update(a.id, target);
      }
      for (const id of [...anchors.ids()]) if (!ids.has(id)) anchors.delete(id);
      entry.anchorsRevision = entry.sidecar.revision;
    }
    return entry.anchors;
  }

  /**
   * Edits made in the editor to an open article, in order, each in offsets of the text before
   * it. `before` is the text they apply to, `after` the document's text after them: anchors
   * describing another text are left alone (they are re-anchored when next read).
   */
  edited(uri: string, before: string, edits: Iterable<TextEdit | { readonly text: string }>, after: string): void {
    const anchors = this.loaded.get(uri)?.anchors;
    if (!anchors || anchors.text !== before) return;
    for (const e of edits) {
      if ('newText' in e) anchors.edit(e);
      else anchors.replaceText(e.text);
    }
    // Should the editor's arithmetic ever differ from ours, the document's text wins.
    if (anchors.text !== after) anchors.replaceText(after);
  }

  /** True when an open article's edits should be tracked (it has anchors). */
  tracks(uri: string): boolean {
    return this.loaded.get(uri)?.anchors !== undefined;
  }

  /**
   * Read a sidecar again after the watcher reported it changed. Returns the article it belongs
   * to when its content changed.
   */
  async reread(sidecarPath: string): Promise<string | undefined> {
    const uri = this.articleOfSidecar.get(sidecarPath);
    const entry = uri ? this.loaded.get(uri) : undefined;
    if (!entry) return undefined;
    // Queued behind writes, so a write's own change is seen after it completes.
    return this.queued(sidecarPath, async () => {
      const file = await readSidecarFile(sidecarPath);
      return this.setSidecar(entry, file) ? entry.uri : undefined;
    });
  }

  /**
   * Change an article's sidecar: `change` gets the annotations as they are on disk now and
   * returns the changes to make (or a message refusing). Serialised per file.
   */
  async write(uri: string, change: (annotations: readonly Annotation[]) => readonly SidecarChange[] | string): Promise<WriteResult> {
    const entry = await this.get(uri);
    if (!entry) return { ok: false, message: 'Tags can be kept only for articles saved as files.' };
    const path = entry.location.sidecarPath;
    return this.queued(path, async (): Promise<WriteResult> => {
      for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
        const file = await readSidecarFile(path);
        this.setSidecar(entry, file);
        if (file.kind === 'unreadable') return { ok: false, message: `Touchline could not read ${basename(path)} (${file.message}), so the tag was not saved.` };
        const content = entry.sidecar.content;
        if (content.problems.length > 0) {
          return { ok: false, message: `${basename(path)} has problems (see the Problems view), so Touchline did not change it and the tag was not saved. Fix the file, then try again.` };
        }
        const changes = change(content.annotations);
        if (typeof changes === 'string') return { ok: false, message: changes };
        if (changes.length === 0) return { ok: true };
        let text = file.kind === 'text' ? file.text : undefined;
        for (const c of changes) {
          if (text === undefined) text = c.annotation ? newSidecarText(`urn:uuid:${randomUUID()}`, [c.annotation]) : undefined;
          else text = sidecarWith(text, c.id, c.annotation);
        }
        if (text === undefined) return { ok: true };
        // Someone saved the file since it was read: read it again and redo the change.
        if ((await sidecarStamp(path)) !== (file.kind === 'text' ? file.stamp : undefined)) continue;
        try {
          await writeFileAtomic(path, text);
        } catch (error) {
          // A read-only folder or a full disk: say so; the temporary file is already removed.
          const code = (error as NodeJS.ErrnoException).code;
          const reason = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'the folder is read-only' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
          return { ok: false, message: `Touchline could not save ${basename(path)} (${reason}), so the tag was not saved.` };
        }
        const stamp = await sidecarStamp(path);
        this.setSidecar(entry, { kind: 'text', text, stamp: stamp ?? '' });
        return { ok: true };
      }
      return { ok: false, message: `${basename(path)} kept changing while Touchline tried to save the tag; the tag was not saved. Try again.` };
    });
  }

  private async load(uri: string): Promise<ArticleAnnotations | undefined> {
    const location = uri.startsWith('file:') ? await this.locate(uri) : undefined;
    if (!location) return undefined;
    const file = await readSidecarFile(location.sidecarPath);
    const entry: ArticleAnnotations = { uri, location, sidecar: { path: location.sidecarPath, file, content: contentOf(file), revision: ++this.revisions }, anchorsRevision: 0 };
    this.loaded.set(uri, entry);
    this.articleOfSidecar.set(location.sidecarPath, uri);
    this.onRead(entry);
    return entry;
  }

  /** Record what was read; true when the content changed. */
  private setSidecar(entry: ArticleAnnotations, file: SidecarFile): boolean {
    const old = entry.sidecar.file;
    const same = old.kind === file.kind && (file.kind !== 'text' || (old.kind === 'text' && old.text === file.text));
    if (same) {
      entry.sidecar = { ...entry.sidecar, file };
      return false;
    }
    entry.sidecar = { path: entry.sidecar.path, file, content: contentOf(file), revision: ++this.revisions };
    this.onRead(entry);
    return true;
  }

  private queued<T>(path: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(path) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(path, settled);
    void settled.then(() => {
      if (this.queues.get(path) === settled) this.queues.delete(path);
    });
    return next;
  }
}

function contentOf(file: SidecarFile): SidecarContent {
  return file.kind === 'text' ? readSidecar(file.text) : EMPTY;
}
