/**
 * Worker threads that analyse articles for the workspace index, so a cold index of thousands
 * of articles uses every core while the main thread keeps answering the editor. Workers run
 * the server's own bundle (`dist/server.js`, whose entry point starts a worker when asked),
 * build the same knowledge-base context from the same files, and live only for one build.
 */
import { availableParallelism } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import { createContext } from '../core/context';
import { loadKb, type KbFile } from '../core/kb';
import type { Article } from '../core/model';
import type { AnalysisSettings } from '../core/settings';
import { readArticleSync } from '../host/readArticle';
import { analyseForIndex } from './indexAnalysis';

/** One article to index. */
export interface IndexJob {
  readonly uri: string;
  readonly path: string;
  readonly settings: AnalysisSettings;
}

/** An indexed article, or nothing when the file could not be read as text. */
export interface IndexOutcome {
  readonly uri: string;
  readonly article?: Article;
}

/** The workerData of an index worker. */
export interface IndexWorkerInit {
  readonly touchlineIndexWorker: true;
  readonly kbFiles: readonly KbFile[];
}

type ToWorker = { readonly id: number; readonly jobs: readonly IndexJob[] };
type FromWorker = { readonly ready: true } | { readonly id: number; readonly outcomes: readonly IndexOutcome[] };

export function isIndexWorkerInit(data: unknown): data is IndexWorkerInit {
  return typeof data === 'object' && data !== null && (data as Partial<IndexWorkerInit>).touchlineIndexWorker === true;
}

/**
 * Workers are worth starting only when the main thread alone would need well over the time a
 * worker takes to start: about a second here (loading the bundle and the knowledge base,
 * compiling the analysis). On two shared cores one worker made 511 articles (1 MB) slower,
 * 2.6 s against 1.9 s, and 5,110 articles (10 MB) about 0.5 s faster when started at once.
 */
const WORKER_WORTH_MS = 2000;

/** The main thread's pace while it is still compiling the analysis, in characters per millisecond, measured on two shared cores. */
const CHARS_PER_MS = 1500;

/**
 * How many workers to start for articles of `chars` characters in all: none when the main
 * thread will soon be done, else one per core beyond the main thread's, at most three (each
 * holds its own copy of the knowledge base).
 */
export function workerCount(chars: number): number {
  // From source (tests under tsx) there is no bundle for a worker to run.
  if (chars / CHARS_PER_MS < WORKER_WORTH_MS || !__filename.endsWith('.js')) return 0;
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/** A started worker: runs batches of jobs, one at a time. */
export class IndexWorker {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (o: readonly IndexOutcome[]) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;
  /** Resolves when the worker has loaded the knowledge base and can take jobs. */
  readonly ready: Promise<void>;

  private constructor(private readonly worker: Worker) {
    let onReady: () => void = () => undefined;
    let onFail: (e: Error) => void = () => undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFail = reject;
    });
    worker.on('message', (m: FromWorker) => {
      if ('ready' in m) onReady();
      else this.settle(m.id, (p) => p.resolve(m.outcomes));
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      onFail(error);
      for (const id of [...this.pending.keys()]) this.settle(id, (p) => p.reject(error));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the index worker stopped (exit code ${code})`)));
    // A worker must never keep the server alive on its own.
    worker.unref();
  }

  /** Starts a worker; undefined when the platform refuses one (the main thread then does the work). */
  static start(kbFiles: readonly KbFile[]): IndexWorker | undefined {
    const init: IndexWorkerInit = { touchlineIndexWorker: true, kbFiles };
    try {
      return new IndexWorker(new Worker(__filename, { workerData: init }));
    } catch {
      return undefined;
    }
  }

  /** Analyses `jobs` on the worker; rejects if the worker fails. */
  run(jobs: readonly IndexJob[]): Promise<readonly IndexOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, jobs } satisfies ToWorker);
    });
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error('the index worker was stopped');
    await this.worker.terminate();
  }

  private settle(id: number, how: (p: { resolve: (o: readonly IndexOutcome[]) => void; reject: (e: Error) => void }) => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    how(p);
  }
}

/** The worker side: build the context once, then analyse batches as they come. */
export function runIndexWorker(init: IndexWorkerInit, port: MessagePort): void {
  const context = createContext(loadKb(init.kbFiles).kb);
  port.postMessage({ ready: true } satisfies FromWorker);
  port.on('message', (m: ToWorker) => {
    const outcomes = m.jobs.map((job): IndexOutcome => {
      const read = readArticleSync(job.path);
      return read.ok ? { uri: job.uri, article: analyseForIndex(read.text, job.settings, context) } : { uri: job.uri };
    });
    port.postMessage({ id: m.id, outcomes } satisfies FromWorker);
  });
}
