/**
 * Where files are checked: in the main thread (`--jobs 1`) or in worker threads, one
 * knowledge base per worker. Either way results come back in the order the files were
 * given, through a bounded window, so output is identical for any number of jobs and memory
 * does not depend on the number of files.
 *
 * Workers run the CLI's own bundle (`dist/cli.js`, whose entry point starts a worker when it
 * is loaded as one); from source (tests) they load `main.ts` through tsx.
 */
import { join } from 'node:path';
import { Worker, type MessagePort } from 'node:worker_threads';
import { FileChecker, type CheckInit, type Job, type KbReport, type Outcome } from './checkFile';

/** Marks the workerData of a check worker. */
export const WORKER_KIND = 'touchline-check-worker';

export interface WorkerInit {
  readonly kind: typeof WORKER_KIND;
  readonly init: CheckInit;
}

type ToWorker = { readonly id: number; readonly job: Job } | { readonly surnames: [string, string][] };
type FromWorker =
  | { readonly ready: true; readonly kb: KbReport }
  | { readonly id: number; readonly outcome: Outcome }
  | { readonly id: number; readonly failure: string };

export interface Runner {
  /** Problems loading the knowledge base (from the first checker to load it). */
  readonly kbReport: Promise<KbReport>;
  /** How many jobs may usefully be in flight at once. */
  readonly window: number;
  check(job: Job): Promise<Outcome>;
  /** Jobs sent after this analyse with these workspace surnames. */
  setWorkspaceSurnames(entries: [string, string][]): void;
  close(): Promise<void>;
}

/** A runner for `jobs` threads: the main thread for 1, workers otherwise. */
export async function createRunner(init: CheckInit, jobs: number): Promise<Runner> {
  if (jobs <= 1) {
    const checker = await FileChecker.create(init);
    return {
      kbReport: Promise.resolve(checker.kbReport),
      // A few files in flight let reads overlap analysis.
      window: 4,
      check: (job) => checker.check(job),
      setWorkspaceSurnames: (entries) => checker.setWorkspaceSurnames(entries),
      close: async () => {},
    };
  }
  return new WorkerRunner(init, jobs);
}

class WorkerRunner implements Runner {
  readonly kbReport: Promise<KbReport>;
  readonly window: number;
  private readonly workers: { worker: Worker; busy: number; dead?: Error }[] = [];
  private readonly pending = new Map<number, { resolve: (o: Outcome) => void; reject: (e: Error) => void; slot: number }>();
  private nextId = 0;

  constructor(init: CheckInit, jobs: number) {
    this.window = jobs * 8;
    let reportKb: (r: KbReport) => void = () => {};
    this.kbReport = new Promise((r) => (reportKb = r));
    for (let i = 0; i < jobs; i++) {
      const worker = spawn({ kind: WORKER_KIND, init });
      const slot = { worker, busy: 0 } as (typeof this.workers)[number];
      this.workers.push(slot);
      worker.on('message', (m: FromWorker) => {
        if ('ready' in m) {
          if (i === 0) reportKb(m.kb);
          return;
        }
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        slot.busy--;
        if ('outcome' in m) p.resolve(m.outcome);
        else p.reject(new Error(m.failure));
      });
      const fail = (error: Error): void => {
        slot.dead = error;
        if (i === 0) reportKb({ diagnostics: [], unreadable: [] });
        for (const [id, p] of this.pending) {
          if (p.slot !== i) continue;
          this.pending.delete(id);
          p.reject(error);
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0 && !slot.dead) fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
    }
  }

  check(job: Job): Promise<Outcome> {
    let best = -1;
    for (let i = 0; i < this.workers.length; i++) {
      const w = this.workers[i]!;
      if (w.dead) continue;
      if (best < 0 || w.busy < this.workers[best]!.busy) best = i;
    }
    if (best < 0) return Promise.reject(this.workers[0]?.dead ?? new Error('no worker thread is running'));
    const slot = this.workers[best]!;
    const id = this.nextId++;
    slot.busy++;
    return new Promise<Outcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot: best });
      slot.worker.postMessage({ id, job } satisfies ToWorker);
    });
  }

  setWorkspaceSurnames(entries: [string, string][]): void {
    for (const w of this.workers) if (!w.dead) w.worker.postMessage({ surnames: entries } satisfies ToWorker);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

function spawn(data: WorkerInit): Worker {
  if (__filename.endsWith('.ts')) {
    // Running from source (tests): load the entry point through tsx.
    const entry = join(__dirname, 'main.ts');
    const tsx = require.resolve('tsx/cjs');
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData: data });
  }
  // Bundled: every module lives in dist/cli.js, whose entry point starts the worker.
  return new Worker(__filename, { workerData: data });
}

/** The worker side: load the knowledge base once, then check files as they come. */
export async function runWorker(data: WorkerInit, port: MessagePort): Promise<void> {
  const checker = await FileChecker.create(data.init);
  port.postMessage({ ready: true, kb: checker.kbReport } satisfies FromWorker);
  port.on('message', (m: ToWorker) => {
    if ('surnames' in m) {
      checker.setWorkspaceSurnames(m.surnames);
      return;
    }
    checker.check(m.job).then(
      (outcome) => port.postMessage({ id: m.id, outcome } satisfies FromWorker),
      (error: unknown) => port.postMessage({ id: m.id, failure: error instanceof Error ? error.message : String(error) } satisfies FromWorker),
    );
  });
}

/**
 * Runs `jobs` through `run` with at most `window` in flight and yields the outcomes in the
 * jobs' order (a reorder buffer the size of the window).
 */
export async function* inOrder<J, R>(jobs: Iterable<J>, run: (job: J) => Promise<R>, window: number): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  const iterator = jobs[Symbol.iterator]();
  let done = false;
  const fill = (): void => {
    while (!done && inFlight.length < window) {
      const next = iterator.next();
      if (next.done) {
        done = true;
        return;
      }
      const p = run(next.value);
      p.catch(() => {}); // Handled when its turn comes; avoids an unhandled rejection meanwhile.
      inFlight.push(p);
    }
  };
  fill();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    fill();
    yield result;
  }
}
