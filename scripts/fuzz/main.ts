/**
 * `npm run fuzz`: feed hostile and mutated articles to the analysis core and to the real
 * bundled server over stdio, and report what broke.
 *
 *   npm run fuzz                          fixed seed, a quick run (about a minute)
 *   npm run fuzz -- --random              a random seed, printed so it can be replayed
 *   npm run fuzz -- --seed 7 --count 500 --server-count 50 --time-budget 30000
 *   npm run fuzz -- --core-only --seed 1 --case 220     replay one document
 *   npm run fuzz:long                     100,000 core documents, 3,000 server documents, the huge ones
 *
 * Options: --seed N | --random; --count N (core documents); --server-count N; --time-budget
 * MS (per part: no new document is started after it); --huge (the megabyte-sized documents);
 * --no-corpus (leave out ../shared's BBC corpus); --core-only | --server-only; --case N;
 * --strict (known issues fail too). Failing documents are saved under .test-output/fuzz/.
 * Exit code 1 when anything failed.
 */
import { runCoreFuzz } from './core';
import { KNOWN_ISSUES } from './known';
import { formatFailure, rate } from './report';
import { randomSeed } from './rng';
import { runServerFuzz } from './server';

interface Options {
  seed: number;
  count: number;
  serverCount: number;
  timeBudgetMs?: number;
  huge: boolean;
  corpus: boolean;
  core: boolean;
  server: boolean;
  only?: number;
  strict: boolean;
}

function parse(argv: readonly string[]): Options {
  const o: Options = { seed: 1, count: 3000, serverCount: 150, huge: false, corpus: true, core: true, server: true, strict: false };
  const num = (i: number): number => {
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v)) throw new Error(`${argv[i]} needs a number`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed') o.seed = num(i++) >>> 0;
    else if (a === '--random') o.seed = randomSeed();
    else if (a === '--count') o.count = num(i++);
    else if (a === '--server-count') o.serverCount = num(i++);
    else if (a === '--time-budget') o.timeBudgetMs = num(i++);
    else if (a === '--case') o.only = num(i++);
    else if (a === '--huge') o.huge = true;
    else if (a === '--no-corpus') o.corpus = false;
    else if (a === '--core-only') o.server = false;
    else if (a === '--server-only') o.core = false;
    else if (a === '--strict') o.strict = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

async function main(): Promise<number> {
  let o: Options;
  try {
    o = parse(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run fuzz -- [--seed N | --random] [--count N] [--server-count N] [--time-budget MS] [--huge] [--no-corpus] [--core-only | --server-only] [--case N] [--strict]`);
    return 2;
  }
  console.log(`Touchline fuzz — seed ${o.seed} (replay with --seed ${o.seed})`);
  const log = (line: string): void => console.log(line);
  let failed = 0;
  const known = new Map<string, number>();
  const common = { seed: o.seed, corpus: o.corpus, huge: o.huge, strict: o.strict, log, ...(o.only !== undefined ? { only: o.only } : {}), ...(o.timeBudgetMs !== undefined ? { timeBudgetMs: o.timeBudgetMs } : {}) };
  const lines: string[] = [];

  if (o.core) {
    const r = await runCoreFuzz({ ...common, count: o.count });
    failed += r.failures.length;
    for (const [id, n] of r.known) known.set(id, (known.get(id) ?? 0) + n);
    lines.push(
      rate('core', r.documents, r.chars, r.ms),
      `  ${r.kbFiles} knowledge-base files loaded; BBC corpus ${r.corpus ? 'used' : o.corpus ? 'not found (../shared is missing)' : 'left out (--no-corpus)'}; slowest document ${r.slowest.ms.toFixed(0)} ms (${r.slowest.chars} chars, ${r.slowest.origin})`,
      `  failures: ${r.failures.length}`,
    );
  }
  if (o.server) {
    const r = await runServerFuzz({ ...common, count: o.serverCount });
    failed += r.failures.length;
    for (const [id, n] of r.known) known.set(id, (known.get(id) ?? 0) + n);
    lines.push(
      rate('server', r.documents, r.chars, r.ms),
      `  ${r.requests} requests (${(r.requests / (r.ms / 1000)).toFixed(0)}/s) and ${r.edits} edits; start-up ${r.startupMs.toFixed(0)} ms; slowest request ${r.slowest.ms.toFixed(0)} ms (${r.slowest.method}, ${r.slowest.chars} chars); clean shutdown: ${r.cleanExit ? 'yes' : 'no'}`,
      `  failures: ${r.failures.length}`,
    );
    if (r.failures.length > 0) for (const f of r.failures.filter((x) => x.case === -1000)) console.log(formatFailure(f));
  }
  console.log('');
  for (const l of lines) console.log(l);
  if (known.size > 0) {
    console.log('known issues (reported, not counted as failures; --strict counts them):');
    for (const [id, n] of known) {
      const k = KNOWN_ISSUES.find((x) => x.id === id)!;
      console.log(`  ${id}: ${n} documents — ${k.description} (${k.test})`);
    }
  }
  console.log(failed === 0 ? `OK — seed ${o.seed}` : `${failed} failing documents — seed ${o.seed}; see above and .test-output/fuzz/`);
  return failed === 0 ? 0 : 1;
}

void main().then((code) => {
  process.exitCode = code;
});
