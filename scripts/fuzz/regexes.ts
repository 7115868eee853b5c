/**
 * Regular-expression safety: find every regular expression on the analysis path and time
 * each on adversarial inputs — long runs of the characters it matches, of the words it
 * names and of what it matched in real articles, each followed by a near miss — at two
 * sizes. A regex whose time more than triples when the input doubles is super-linear; one
 * that does not finish within a time limit backtracks catastrophically.
 *
 * The regexes come from two places: regex literals found in the core's sources, and every
 * regex that actually runs while the core analyses articles (this catches `new RegExp`
 * built from word lists), recorded by wrapping `RegExp.prototype.exec`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface FoundRegex {
  readonly source: string;
  readonly flags: string;
  /** Where it was found: a source file, or the first core frame that ran it. */
  readonly where: string;
  /** Strings it matched while the core ran (a few, for adversarial inputs). */
  readonly matched: string[];
}

const ROOT = resolve(__dirname, '../..');
export const CORE = join(ROOT, 'server', 'src', 'core');
/** Importers run on maintainers' data files, not on what users open: not on the analysis path. */
const NOT_ANALYSIS = [join(CORE, 'kb', 'import')];

export function key(source: string, flags: string): string {
  return `/${source}/${flags}`;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (NOT_ANALYSIS.some((x) => p.startsWith(x))) continue;
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

// A regex literal: after an operator, bracket, keyword or line start; classes may hold '/'.
const LITERAL = /(?<=[=(,:[!&|?{};]|\breturn|\btypeof|^)\s*\/(?![*/])((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuvy]*)/gm;

/** Regex literals in the core's sources (comments left out). */
export function staticRegexes(): FoundRegex[] {
  const out = new Map<string, FoundRegex>();
  for (const file of tsFiles(CORE)) {
    const src = readFileSync(file, 'utf8').replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, '');
    for (const m of src.matchAll(LITERAL)) {
      let re: RegExp;
      try {
        re = new RegExp(m[1]!, m[2]);
      } catch {
        continue; // Not a regex after all (a division).
      }
      const k = key(re.source, re.flags);
      if (!out.has(k)) out.set(k, { source: re.source, flags: re.flags, where: relative(ROOT, file), matched: [] });
    }
  }
  return [...out.values()];
}

/**
 * Run `work` with every regex execution recorded; returns the regexes whose first run came
 * from the core (by stack frame), with a few strings each matched.
 */
export function observeRegexes(work: () => void): FoundRegex[] {
  const seen = new Map<string, FoundRegex | null>();
  const original = RegExp.prototype.exec;
  const coreFrame = new RegExp(`\\(?(${CORE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^):]*)`);
  // Building a stack trace runs regexes of its own (source maps): those are not recorded.
  let inside = false;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const m = original.call(this, s);
    if (inside) return m;
    const k = key(this.source, this.flags);
    let entry = seen.get(k);
    if (entry === undefined) {
      inside = true;
      try {
        const frame = original.call(coreFrame, new Error().stack ?? '');
        entry = frame ? { source: this.source, flags: this.flags, where: relative(ROOT, frame[1]!), matched: [] } : null;
      } finally {
        inside = false;
      }
      seen.set(k, entry);
    }
    if (entry && m && m[0].length > 0 && entry.matched.length < 6 && m[0].length <= 200 && !entry.matched.includes(m[0])) entry.matched.push(m[0]);
    return m;
  };
  try {
    work();
  } finally {
    RegExp.prototype.exec = original;
  }
  return [...seen.values()].filter((e): e is FoundRegex => e !== null);
}

/** Static and observed regexes, merged by source and flags. */
export function mergeRegexes(...lists: FoundRegex[][]): FoundRegex[] {
  const out = new Map<string, FoundRegex>();
  for (const list of lists) {
    for (const r of list) {
      const k = key(r.source, r.flags);
      const prev = out.get(k);
      if (!prev) out.set(k, { ...r, matched: [...r.matched] });
      else for (const m of r.matched) if (!prev.matched.includes(m)) prev.matched.push(m);
    }
  }
  return [...out.values()];
}

// --- adversarial inputs ------------------------------------------------------------------

export interface AdversarialInput {
  readonly name: string;
  /** Repeated to the input size. */
  readonly unit: string;
  /** Appended after the run: a near miss. */
  readonly tail: string;
}

/** Characters every regex is tried on: letters, digits, spaces, marks, quotes, punctuation. */
const POOL = ['a', 'A', 'é', '7', ' ', '\t', '\n', '\r', '.', ',', '-', ':', "'", '’', '"', '“', '«', '\u0301', '\u00a0', '😀', '\ud800'];
const TAILS = ['', '!', '\u0000', 'x', '1'];

/** Representative characters for the escapes and classes a regex uses. */
const ESCAPES: readonly [RegExp, string][] = [
  [/\\d|\\p\{N[d]?\}/u, '5'],
  [/\\s|\\p\{Z[sl]?\}/u, ' '],
  [/\\w|\\p\{L[lu]?\}/u, 'b'],
  [/\\p\{Lu\}/u, 'B'],
  [/\\p\{M\}/u, '\u0300'],
  [/\\p\{So\}/u, '⚽'],
];

/** Literal characters and words named in a regex source. */
function literals(source: string): { chars: string[]; words: string[] } {
  const chars = new Set<string>();
  for (const [test, c] of ESCAPES) if (test.test(source)) chars.add(c);
  const plain = source.replace(/\\u\{?([0-9a-fA-F]{4,5})\}?/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/\\p\{[^}]*\}|\\[dDsSwWbBnrtfv]/g, ' ');
  for (const ch of plain.replace(/\\(.)/g, '$1')) if (!'()[]{}|?*+^$'.includes(ch)) chars.add(ch);
  const words = [...new Set(plain.match(/\p{L}[\p{L}’' ]*\p{L}/gu) ?? [])].filter((w) => w.length >= 2);
  return { chars: [...chars], words };
}

/** The adversarial inputs for one regex (a few dozen; all linear regexes pass them fast). */
export function adversarialInputs(r: FoundRegex): AdversarialInput[] {
  const out: AdversarialInput[] = [];
  const { chars, words } = literals(r.source);
  const singles = [...new Set([...POOL, ...chars.slice(0, 24)])];
  for (const c of singles) {
    out.push({ name: `run of ${JSON.stringify(c)}`, unit: c, tail: '' });
    out.push({ name: `run of ${JSON.stringify(c)} then "!"`, unit: c, tail: '!' });
  }
  const pairs = ['a ', 'a.', '7,', ' ,', 'a-', 'A.', '7.', 'a’', ' :', 'a\n', ' \n', 'aA', '7a', ' \u0301', 'a\u0301'];
  for (const p of pairs) out.push({ name: `run of ${JSON.stringify(p)}`, unit: p, tail: TAILS[p.length % TAILS.length]! });
  const pieces = [...words.slice(0, 12), ...r.matched];
  for (const w of pieces) {
    out.push({ name: `repeated ${JSON.stringify(w)}`, unit: w, tail: '!' });
    out.push({ name: `repeated ${JSON.stringify(w)} with spaces`, unit: `${w} `, tail: '\u0000' });
    if (w.length > 1) out.push({ name: `repeated near miss ${JSON.stringify(w.slice(0, -1))}`, unit: w.slice(0, -1), tail: 'x' });
  }
  return out;
}

// --- timing ------------------------------------------------------------------------------

export interface RegexVerdict {
  readonly regex: FoundRegex;
  /** Set when the regex did not finish in time (catastrophic backtracking). */
  readonly hung?: string;
  /** Inputs on which doubling the size more than tripled the time. */
  readonly superLinear: { name: string; times: readonly number[] }[];
  /** The slowest input at the final size, and its time. */
  readonly final?: { name: string; ms: number };
}

export interface TimingOptions {
  /** The two sizes compared (n and 2n). */
  readonly sizes: readonly [number, number];
  /** Size of the final completion check on the worst input, or 0 to skip it. */
  readonly finalSize: number;
  /** Give up on one regex after this long. */
  readonly timeoutMs: number;
  /** Growth factor, from n to 2n, above which a regex is called super-linear (linear: 2, quadratic: 4). */
  readonly factor: number;
  /** Times below this (ms at 2n) are noise and never count as super-linear. */
  readonly floorMs: number;
}

export const DEFAULT_TIMING: TimingOptions = { sizes: [25_000, 50_000], finalSize: 1_000_000, timeoutMs: 8_000, factor: 3.2, floorMs: 15 };

/** Times regexes one by one in a worker thread, replacing the worker after a hang. */
export class RegexTimer {
  private worker: Worker | undefined;

  private spawn(): Worker {
    this.worker ??= new Worker(join(__dirname, 'regexWorker.mjs'));
    return this.worker;
  }

  private async job(r: FoundRegex, inputs: readonly AdversarialInput[], sizes: readonly number[], final: number, timeoutMs: number): Promise<{ results: { name: string; times: number[] }[]; final?: { name: string; ms: number } } | 'timeout'> {
    const worker = this.spawn();
    let timer: NodeJS.Timeout | undefined;
    const answer = new Promise<{ results: { name: string; times: number[] }[]; final?: { name: string; ms: number } }>((res, rej) => {
      worker.once('message', res);
      worker.once('error', rej);
    });
    const timeout = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), timeoutMs)));
    worker.postMessage({ source: r.source, flags: r.flags, inputs, sizes, final });
    const out = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    if (out === 'timeout') {
      await worker.terminate();
      this.worker = undefined;
    }
    return out;
  }

  async check(r: FoundRegex, options: TimingOptions = DEFAULT_TIMING): Promise<RegexVerdict> {
    const inputs = adversarialInputs(r);
    const first = await this.job(r, inputs, options.sizes, options.finalSize, options.timeoutMs);
    if (first === 'timeout') return { regex: r, hung: `did not finish within ${options.timeoutMs} ms`, superLinear: [] };
    const growth = (t: readonly number[]): boolean => t[1]! > options.floorMs && t[1]! > options.factor * t[0]!;
    let suspects = first.results.filter((x) => growth(x.times));
    // Measure suspects again, twice: a busy machine can slow one run, not three in a row.
    for (let round = 0; round < 2 && suspects.length > 0; round++) {
      const again = await this.job(r, inputs.filter((i) => suspects.some((s) => s.name === i.name)), options.sizes, 0, options.timeoutMs);
      if (again === 'timeout') return { regex: r, hung: `did not finish within ${options.timeoutMs} ms (second run)`, superLinear: suspects };
      suspects = again.results.filter((x) => growth(x.times));
    }
    return { regex: r, superLinear: suspects, ...(first.final ? { final: first.final } : {}) };
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
