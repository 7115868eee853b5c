/**
 * The workspace index: every article under the workspace folders, open or not, analysed and
 * summarised for cross-article features (references, workspace symbols, other quotes by a
 * speaker, surnames named in full elsewhere, and later cross-article claims). Open documents
 * are indexed from the editor's text; the rest from disk, kept current through file events.
 */
import { statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnalysisContext } from '../core/context';
import type { Article, EntityMention, Quote } from '../core/model';
import { claimKey } from '../core/checks/claimKey';
import { articleNames, WorkspaceSurnames } from '../core/entities/workspaceSurnames';
import type { ForeignClaim } from '../core/checks';
import { LineIndex } from '../core/positions';
import type { AnalysisSettings } from '../core/settings';
import { expandPaths } from '../host/expandPaths';
import { readArticleSync } from '../host/readArticle';
import type { KbFile } from '../core/kb';
import { analyseForIndex, SharedStrings, shareStrings, slimArticle } from './indexAnalysis';
import { IndexWorker, workerCount, type IndexJob } from './indexWorkers';

/** Files a worker analyses per message: enough to make messaging cheap, few enough to balance. */
const WORKER_BATCH = 24;
/**
 * Batches each worker has queued at once. With one, a worker sat idle from posting its results
 * until the main thread, busy with its own slice, read them and sent the next batch: about an
 * eighth of its time on 5,110 articles.
 */
const BATCHES_IN_FLIGHT = 2;
/** A file's state during a build (0: waiting). */
const SENT = 1;
const DONE = 2;
/** Longest the main thread analyses without letting the editor's messages through. */
const SLICE_MS = 10;
/** Below this many files their sizes are not added up: workers would not pay for themselves. */
const FEW_FILES = 200;

/** What the index keeps of an article. */
export interface IndexedArticle {
  readonly uri: string;
  readonly lines: LineIndex;
  readonly article: Article;
  /** Name mentions only: pronouns and "the club" are left out of cross-article features. */
  readonly names: readonly EntityMention[];
  readonly quotes: readonly Quote[];
}

export interface ArticleScope {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly settings: AnalysisSettings;
}

/** Reports indexing progress (done, total). */
export type Progress = (done: number, total: number) => void;

export class WorkspaceIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly open = new Set<string>();
  private surnamesRevision = 0;
  private surnameMap: ReadonlyMap<string, string> = new Map();
  /** Claims by claim key, then by article: what cross-article checks compare. */
  private readonly claimsByKey = new Map<string, Map<string, ForeignClaim[]>>();
  /** Each article's claim keys (so an update touches only those), values and places. */
  private readonly claimsOf = new Map<string, { readonly keys: readonly string[]; readonly signature: string; readonly places: string }>();
  private claimsRevisionNumber = 0;
  private claimPlacesRevisionNumber = 0;
  /** Strings shared by the articles read from disk; a new build starts afresh. */
  private strings = new SharedStrings();

  constructor(private readonly knowledge: () => { readonly context: AnalysisContext; readonly files: readonly KbFile[] }) {}

  get size(): number {
    return this.articles.size;
  }

  /** Changes whenever the workspace surnames change (part of the analysis cache key). */
  get revision(): number {
    return this.surnamesRevision;
  }

  /** Full names by folded surname, for people named in full in exactly one way. */
  get surnames(): ReadonlyMap<string, string> {
    return this.surnameMap;
  }

  /** Changes whenever any article's claims change: cross-article findings depend on it. */
  get claimsRevision(): number {
    return this.claimsRevisionNumber;
  }

  /** Changes whenever claims move without changing: other articles' related information follows them. */
  get claimPlacesRevision(): number {
    return this.claimPlacesRevisionNumber;
  }

  /** Claims of other articles with the same key as `claim`. */
  claimsLike(claim: Parameters<typeof claimKey>[0], exceptUri: string): ForeignClaim[] {
    const byUri = this.claimsByKey.get(claimKey(claim));
    if (!byUri) return [];
    const out: ForeignClaim[] = [];
    for (const [uri, claims] of byUri) if (uri !== exceptUri) out.push(...claims);
    return out;
  }

  all(): Iterable<IndexedArticle> {
    return this.articles.values();
  }

  get(uri: string): IndexedArticle | undefined {
    return this.articles.get(uri);
  }

  /**
   * Index every article of the folders from disk (open documents keep their editor text).
   * The main thread analyses files one by one, pausing every few milliseconds so the editor's
   * requests are answered meanwhile; when there is enough to share, worker threads take
   * batches of files too.
   */
  async build(folders: readonly { uri: string; scope: ArticleScope }[], progress: Progress, cancelled: () => boolean): Promise<void> {
    const files: IndexJob[] = [];
    for (const folder of folders) {
      if (!folder.uri.startsWith('file:')) continue;
      const { files: found } = await expandPaths([fileURLToPath(folder.uri)], folder.scope.include, folder.scope.exclude);
      for (const path of found) files.push({ uri: pathToFileURL(path).href, path, settings: folder.scope.settings });
    }
    this.strings = new SharedStrings();
    const seen = new Set(files.map((f) => f.uri));
    for (const uri of [...this.articles.keys()]) if (!seen.has(uri) && !this.open.has(uri)) this.drop(uri);
    // Each file is waiting, sent to a worker, or done; the first result for a file counts.
    const state = new Uint8Array(files.length);
    let next = 0;
    let done = 0;
    const accept = (at: number, article: Article | undefined): void => {
      if (state[at] === DONE) return;
      state[at] = DONE;
      const uri = files[at]!.uri;
      if (!this.open.has(uri)) {
        if (article) this.put(indexed(uri, shareStrings(article, this.strings)));
        else this.drop(uri);
      }
      progress(++done, files.length);
    };
    const here = (at: number): void => accept(at, this.open.has(files[at]!.uri) ? undefined : this.analyse(files[at]!));
    const viaWorker = async (worker: IndexWorker): Promise<void> => {
      await worker.ready;
      while (next < files.length && !cancelled()) {
        const from = next;
        const batch = files.slice(from, (next += WORKER_BATCH));
        state.fill(SENT, from, from + batch.length);
        const outcomes = await worker.run(batch);
        outcomes.forEach((outcome, k) => accept(from + k, outcome.article));
      }
    };
    const pool = Array.from({ length: workerCount(totalSize(files)) }, () => IndexWorker.start(this.knowledge().files)).filter((w) => w !== undefined);
    // A worker that cannot start or fails leaves its files to the main thread (below).
    const running = pool.flatMap((worker) => Array.from({ length: BATCHES_IN_FLIGHT }, () => viaWorker(worker).catch(() => undefined)));
    let slice = performance.now();
    const pause = async (): Promise<void> => {
      if (performance.now() - slice <= SLICE_MS) return;
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    };
    while (next < files.length && !cancelled()) {
      here(next++);
      await pause();
    }
    // Then the files still out with workers, from the last: a worker goes through its batches
    // from the first, so the two meet, and the build ends even if a worker is slow or stuck.
    for (let at = files.length - 1; at >= 0 && !cancelled(); at--) {
      if (state[at] !== SENT) continue;
      here(at);
      await pause();
    }
    await Promise.all(pool.map((w) => w.terminate()));
    await Promise.all(running);
    if (cancelled()) return;
    // Keep the workspace's file order, whichever thread finished first.
    const ordered = new Map<string, IndexedArticle>();
    for (const f of files) {
      const a = this.articles.get(f.uri);
      if (a) ordered.set(f.uri, a);
    }
    for (const [uri, a] of this.articles) if (!ordered.has(uri)) ordered.set(uri, a);
    this.articles.clear();
    for (const [uri, a] of ordered) this.articles.set(uri, a);
    this.refreshSurnames();
  }

  private analyse(job: IndexJob): Article | undefined {
    const read = readArticleSync(job.path);
    return read.ok ? analyseForIndex(read.text, job.settings, this.knowledge().context) : undefined;
  }

  /** Re-read one article from disk (created or changed outside the editor). */
  refreshFromDisk(uri: string, settings: AnalysisSettings): void {
    if (this.open.has(uri)) return;
    this.indexFromDisk(uri, fileURLToPath(uri), settings);
    this.refreshSurnames();
  }

  /** An article deleted on disk. */
  remove(uri: string): void {
    if (this.open.has(uri)) return;
    if (this.drop(uri)) this.refreshSurnames();
  }

  /** An open document's latest analysis replaces what was read from disk. */
  setOpen(uri: string, article: Article, lines: LineIndex): void {
    this.open.add(uri);
    this.put(indexed(uri, slimArticle(article), lines));
  }

  /** A document was closed: from now on its file on disk counts (or nothing, if it has none). */
  closed(uri: string, settings: AnalysisSettings, onDisk: boolean): void {
    this.open.delete(uri);
    if (onDisk && uri.startsWith('file:')) this.indexFromDisk(uri, fileURLToPath(uri), settings);
    else this.drop(uri);
    this.refreshSurnames();
  }

  private indexFromDisk(uri: string, path: string, settings: AnalysisSettings): void {
    const article = this.analyse({ uri, path, settings });
    if (article) this.put(indexed(uri, shareStrings(article, this.strings)));
    else this.drop(uri);
  }

  private put(indexed: IndexedArticle): void {
    this.articles.set(indexed.uri, indexed);
    this.setClaims(indexed.uri, indexed.article);
  }

  private drop(uri: string): boolean {
    this.setClaims(uri, undefined);
    return this.articles.delete(uri);
  }

  /**
   * Replace an article's claims in the claim map. The claims revision changes only when their
   * keys or values change (what cross-article findings compare); an edit that only moves them
   * changes the places revision (where other articles' related information points).
   */
  private setClaims(uri: string, article: Article | undefined): void {
    const claims = article?.claims ?? [];
    const keys = claims.map(claimKey);
    const signature = claims.map((c, i) => `${keys[i]}=${String(c.value)}`).join('\n');
    // Other articles' related information points at the values.
    const places = claims.map((c) => `${c.valueSpan.start},${c.valueSpan.end}`).join(' ');
    const before = this.claimsOf.get(uri);
    const sameValues = (before?.signature ?? '') === signature;
    if (sameValues && (before?.places ?? '') === places) return;
    for (const key of before?.keys ?? []) {
      const byUri = this.claimsByKey.get(key);
      byUri?.delete(uri);
      if (byUri?.size === 0) this.claimsByKey.delete(key);
    }
    claims.forEach((claim, i) => {
      let byUri = this.claimsByKey.get(keys[i]!);
      if (!byUri) this.claimsByKey.set(keys[i]!, (byUri = new Map()));
      const list = byUri.get(uri) ?? [];
      list.push({ source: uri, claim, ...(article!.date ? { date: article!.date } : {}), language: article!.language });
      byUri.set(uri, list);
    });
    if (claims.length === 0) this.claimsOf.delete(uri);
    else this.claimsOf.set(uri, { keys, signature, places });
    if (!sameValues) this.claimsRevisionNumber++;
    // Only another article with a claim of the same key can point at these.
    else if (keys.some((key) => this.claimsByKey.get(key)!.size > 1)) this.claimPlacesRevisionNumber++;
  }

  private refreshSurnames(): void {
    const surnames = new WorkspaceSurnames();
    for (const a of this.articles.values()) {
      const names = articleNames(a.article);
      if (names) surnames.add(names.full);
    }
    const next = new Map(surnames.entries());
    if (!sameMap(next, this.surnameMap)) {
      this.surnameMap = next;
      this.surnamesRevision++;
    }
  }
}

/** The size of the files in UTF-16 units, near enough (bytes on disk); 0 for a few files. */
function totalSize(files: readonly IndexJob[]): number {
  if (files.length < FEW_FILES) return 0;
  let size = 0;
  for (const f of files) {
    try {
      size += statSync(f.path).size;
    } catch {
      // A file that cannot be read is reported when it is indexed.
    }
  }
  return size;
}

/** An index entry for a slimmed article (see `analyseForIndex`). */
function indexed(uri: string, article: Article, lines = new LineIndex(article.text)): IndexedArticle {
  return { uri, lines, article, names: article.entities, quotes: article.quotes };
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
