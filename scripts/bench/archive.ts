/**
 * Archive benchmark for `touchline check`: the BBC sport corpus (../shared/corpora/bbc-sport,
 * 511 articles) copied a hundred times into a temporary folder (51,100 files), checked with
 * `node dist/cli.js check <dir> --format json --quiet` with `--jobs 1` and `--jobs 2`.
 * Reports wall time, files/s, MB/s and peak resident memory (from `/usr/bin/time -v`, else
 * from `process.resourceUsage()` at exit), with the machine's load. The folder is removed
 * afterwards. Says so and exits 0 when ../shared is missing.
 *
 *     npm run bench:archive            (builds first)
 *     node --import tsx scripts/bench/archive.ts [--copies N] [--jobs 1,2] [--shared <path>]
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const TIME = '/usr/bin/time';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Measure {
  readonly jobs: number;
  readonly code: number | null;
  readonly seconds: number;
  readonly maxRssMB: number | undefined;
  /** CPU the run got (100 = one core), from /usr/bin/time. */
  readonly cpuPercent: number | undefined;
  readonly files: number;
  readonly outputMB: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

/** Runs the CLI over `dir`, counting the files in its JSON output without keeping it. */
function measure(dir: string, jobs: number, preload: string): Promise<Measure> {
  const useTime = existsSync(TIME);
  const nodeArgs = [...(useTime ? [] : ['--require', preload]), CLI, 'check', dir, '--format', 'json', '--quiet', '--jobs', String(jobs), '--no-config'];
  const [cmd, args] = useTime ? [TIME, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const loadBefore = loadavg()[0]!;
  const started = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let files = 0;
    let bytes = 0;
    let tail = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
      const text = tail + chunk;
      files += text.split('"findings": [').length - 1;
      // The marker is 13 characters: keeping 12 catches one split across chunks, never counts one twice.
      tail = text.slice(-12);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = /Percent of CPU this job got: (\d+)%/.exec(stderr)?.[1];
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? /TOUCHLINE_MAXRSS_KB=(\d+)/.exec(stderr)?.[1];
      if (code !== 0 && code !== 1) process.stderr.write(stderr);
      done({ jobs, code, seconds, maxRssMB: rss ? Number(rss) / 1024 : undefined, cpuPercent: cpu ? Number(cpu) : undefined, files, outputMB: bytes / 1e6, loadBefore, loadAfter: loadavg()[0]! });
    });
  });
}

async function main(): Promise<void> {
  const shared = resolve(arg('--shared') ?? join(ROOT, '..', 'shared'));
  const corpus = join(shared, 'corpora', 'bbc-sport');
  if (!existsSync(corpus)) {
    console.log(`The BBC sport corpus is not at ${corpus} (../shared is not part of a user's clone): archive benchmark skipped.`);
    return;
  }
  if (!existsSync(CLI)) {
    console.log(`${CLI} is missing: run "npm run build" first.`);
    process.exitCode = 1;
    return;
  }
  const copies = Number(arg('--copies') ?? 100);
  const jobsList = (arg('--jobs') ?? '1,2').split(',').map(Number);
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
  const corpusBytes = names.reduce((n, f) => n + statSync(join(corpus, f)).size, 0);
  const dir = mkdtempSync(join(tmpdir(), 'touchline-archive-'));
  const preload = join(dir, 'maxrss.js');
  const results: Measure[] = [];
  try {
    const t0 = Date.now();
    const articles = join(dir, 'articles');
    for (let i = 0; i < copies; i++) {
      const to = join(articles, `copy-${String(i).padStart(3, '0')}`);
      mkdirSync(to, { recursive: true });
      cpSync(corpus, to, { recursive: true });
    }
    writeFileSync(preload, "process.on('exit', () => require('fs').writeSync(2, `\\nTOUCHLINE_MAXRSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");
    const files = names.length * copies;
    const mb = (corpusBytes * copies) / (1024 * 1024);
    console.log(`Archive: ${files} files (${copies} copies of ${names.length}), ${mb.toFixed(1)} MB, copied in ${((Date.now() - t0) / 1000).toFixed(1)} s to ${articles}`);
    console.log(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`Peak memory from ${existsSync(TIME) ? '/usr/bin/time -v (whole process, all threads)' : 'process.resourceUsage().maxRSS'}.\n`);
    for (const jobs of jobsList) {
      const m = await measure(articles, jobs, preload);
      results.push(m);
      const ok = m.files === files ? '' : ` (output lists ${m.files} files!)`;
      console.log(
        `--jobs ${jobs}: ${m.seconds.toFixed(1)} s wall, ${(files / m.seconds).toFixed(0)} files/s, ${(mb / m.seconds).toFixed(2)} MB/s, ` +
          `peak RSS ${m.maxRssMB !== undefined ? `${m.maxRssMB.toFixed(0)} MB` : 'unknown'}${m.cpuPercent !== undefined ? `, CPU ${m.cpuPercent}%` : ''}, exit ${m.code}, JSON ${m.outputMB.toFixed(1)} MB${ok}; ` +
          `load ${m.loadBefore.toFixed(2)} → ${m.loadAfter.toFixed(2)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (results.some((m) => m.code !== 0 && m.code !== 1)) process.exitCode = 1;
}

void main();
