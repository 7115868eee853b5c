/**
 * Scores entity recognition on the development splits and measures its throughput.
 *
 *   npx tsx scripts/eval/ner.ts [--no-peer] [--details]
 *
 * - English: ../shared/corpora/conll2003-dev/eng.testa; Italian: kind-it-dev WN_dev.
 * - Exact-span precision/recall/F1, typed and untyped (micro-averaged), for
 *     "ours (labels)": the model's own PER/ORG/LOC/MISC spans;
 *     "ours (types)":  the public API, types mapped back (person→PER, team and
 *                      organization→ORG, place→LOC, competition→MISC; other MISC is dropped);
 *     "compromise":    people→PER, places→LOC, organizations→ORG.
 *   Documents are rebuilt as natural text and every system reads that text; spans are
 *   compared as character ranges, so tokenisation differences count against us.
 * - Throughput of recognizeEntities on ../shared/corpora/bbc-sport (median of 5 runs), with
 *   the recogniser bundled by esbuild as it ships, run in a child process.
 * Exits 0 with a note when ../shared is missing.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import type { EntityType } from '../../server/src/core/model';
import { recognizeEntities, recognizeLabels } from '../../server/src/core/ner/recognize';
import { readConll, readKind, type CorpusDoc } from '../ner/corpora';

const SHARED = resolve(import.meta.dirname, '../../../shared');
const EN_DEV = join(SHARED, 'corpora/conll2003-dev/eng.testa');
const IT_DEV = join(SHARED, 'corpora/kind-it-dev/evalita-2023_WN_dev.tsv');
const BBC = join(SHARED, 'corpora/bbc-sport');
const withPeer = !process.argv.includes('--no-peer');
const details = process.argv.includes('--details');

interface Labelled {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
}

const TYPE_TO_LABEL: Record<EntityType, string> = {
  person: 'PER',
  team: 'ORG',
  organization: 'ORG',
  place: 'LOC',
  competition: 'MISC',
};

function score(gold: readonly Labelled[], pred: readonly Labelled[], typed: boolean, only?: string): Score {
  const key = (e: Labelled): string => (typed ? `${e.start}:${e.end}:${e.label}` : `${e.start}:${e.end}`);
  const g = new Set(gold.filter((e) => !only || e.label === only).map(key));
  const p = new Set(pred.filter((e) => !only || e.label === only).map(key));
  let tp = 0;
  for (const k of p) if (g.has(k)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

function add(a: Score, b: Score): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

function prf(s: Score): [number, number, number] {
  const p = s.tp / Math.max(1, s.tp + s.fp);
  const r = s.tp / Math.max(1, s.tp + s.fn);
  return [p, r, p + r === 0 ? 0 : (2 * p * r) / (p + r)];
}

/** Compromise's spans, trimmed of the punctuation and possessives it keeps. */
function compromiseSpans(text: string): Labelled[] {
  const doc = nlp(text);
  const out: Labelled[] = [];
  const take = (matches: Array<{ offset: { start: number; length: number } }>, label: string): void => {
    for (const m of matches) {
      let s = m.offset.start;
      let e = s + m.offset.length;
      let trimmed = true;
      while (trimmed) {
        trimmed = false;
        const tail = text.slice(Math.max(s, e - 2), e);
        if (/['’]s$/i.test(tail)) {
          e -= 2;
          trimmed = true;
        }
        while (e > s && /[^\p{L}\p{N}]/u.test(text[e - 1]!)) {
          e--;
          trimmed = true;
        }
      }
      while (s < e && /[^\p{L}\p{N}]/u.test(text[s]!)) s++;
      if (e > s) out.push({ start: s, end: e, label });
    }
  };
  take(doc.people().json({ offset: true }), 'PER');
  take(doc.places().json({ offset: true }), 'LOC');
  take(doc.organizations().json({ offset: true }), 'ORG');
  return out;
}

interface SystemResult {
  typed: Score;
  untyped: Score;
  perLabel: Map<string, Score>;
  seconds: number;
}

function evaluate(docs: readonly CorpusDoc[], labels: readonly string[], run: (text: string) => Labelled[]): SystemResult {
  const r: SystemResult = { typed: { tp: 0, fp: 0, fn: 0 }, untyped: { tp: 0, fp: 0, fn: 0 }, perLabel: new Map(), seconds: 0 };
  for (const l of labels) r.perLabel.set(l, { tp: 0, fp: 0, fn: 0 });
  for (const d of docs) {
    const gold = d.entities.map((e) => ({ start: e.start, end: e.end, label: e.type }));
    const t0 = performance.now();
    const pred = run(d.text);
    r.seconds += (performance.now() - t0) / 1000;
    add(r.typed, score(gold, pred, true));
    add(r.untyped, score(gold, pred, false));
    for (const l of labels) add(r.perLabel.get(l)!, score(gold, pred, true, l));
  }
  return r;
}

function fmt(x: number): string {
  return x.toFixed(3);
}

function row(name: string, r: SystemResult, labels: readonly string[]): string {
  const [tp, tr, tf] = prf(r.typed);
  const [, , uf] = prf(r.untyped);
  const per = labels.map((l) => `${l} ${fmt(prf(r.perLabel.get(l)!)[2])}`).join('  ');
  return `${name.padEnd(20)} ${fmt(tp)}  ${fmt(tr)}  ${fmt(tf)}   ${fmt(uf)}    ${per}`;
}

function evalLanguage(title: string, docs: readonly CorpusDoc[], lang: 'en' | 'it', labels: readonly string[]): void {
  const entities = docs.reduce((n, d) => n + d.entities.length, 0);
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`\n${title}: ${docs.length} documents, ${entities} entities, ${(chars / 1e6).toFixed(2)} MB`);
  console.log(`${'system'.padEnd(20)} P(typ)  R(typ)  F1(typ)  F1(untyped)  per-type F1`);
  const ours = evaluate(docs, labels, (text) => recognizeLabels(text, lang));
  console.log(row('ours (labels)', ours, labels));
  const api = evaluate(docs, labels, (text) => recognizeEntities(text, lang).map((e) => ({ start: e.start, end: e.end, label: TYPE_TO_LABEL[e.type] })));
  console.log(row('ours (types)', api, labels));
  if (withPeer) {
    const peer = evaluate(docs, labels, compromiseSpans);
    console.log(row('compromise', peer, labels));
  }
  if (details) printErrors(docs.slice(0, 40), lang);
}

function printErrors(docs: readonly CorpusDoc[], lang: 'en' | 'it'): void {
  for (const d of docs) {
    const pred = recognizeLabels(d.text, lang);
    const gold = new Map(d.entities.map((e) => [`${e.start}:${e.end}`, e.type]));
    const predMap = new Map(pred.map((e) => [`${e.start}:${e.end}`, e.label as string]));
    for (const [k, l] of predMap) {
      const [s, e] = k.split(':').map(Number) as [number, number];
      if (gold.get(k) !== l) console.log(`  FP ${l.padEnd(4)} ${JSON.stringify(d.text.slice(s, e))} gold=${gold.get(k) ?? '-'}`);
    }
    for (const [k, l] of gold) {
      const [s, e] = k.split(':').map(Number) as [number, number];
      if (!predMap.has(k)) console.log(`  FN ${l.padEnd(4)} ${JSON.stringify(d.text.slice(s, e))}`);
    }
  }
}

/**
 * Measures throughput on bbc-sport with the recogniser bundled by esbuild (as it ships in
 * dist/), in a child process: median of 5 runs after a warm-up, wall-clock and CPU time.
 */
async function throughput(): Promise<void> {
  if (!existsSync(BBC)) return;
  const esbuild = await import('esbuild');
  const root = resolve(import.meta.dirname, '../..');
  const bench = `
    import { readFileSync, readdirSync } from 'node:fs';
    import { recognizeEntities } from './server/src/core/ner';
    import { tokenize } from './server/src/core/text/tokenize';
    const dir = ${JSON.stringify(BBC)};
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(dir + '/' + f, 'utf8'));
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const measure = (fn) => {
      for (let r = 0; r < 2; r++) for (const t of texts) fn(t);
      const wall = [], used = [];
      for (let r = 0; r < 5; r++) {
        const w0 = performance.now(), c0 = cpu();
        for (const t of texts) fn(t);
        wall.push(performance.now() - w0);
        used.push(cpu() - c0);
      }
      return { wall: bytes / 1000 / median(wall), cpu: bytes / 1000 / median(used) };
    };
    const one = texts.join('\\n\\n');
    recognizeEntities(one, 'en');
    const t0 = performance.now();
    recognizeEntities(one, 'en');
    const oneMs = performance.now() - t0;
    console.log(JSON.stringify({
      articles: texts.length, bytes,
      tokenize: measure((t) => tokenize(t)),
      en: measure((t) => recognizeEntities(t, 'en')),
      it: measure((t) => recognizeEntities(t, 'it')),
      oneMs, oneBytes: Buffer.byteLength(one),
    }));
  `;
  const out = join(tmpdir(), `touchline-ner-bench-${process.pid}.mjs`);
  await esbuild.build({ stdin: { contents: bench, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' });
  try {
    const run = spawnSync(process.execPath, [out], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    const r = JSON.parse(run.stdout) as {
      articles: number;
      bytes: number;
      tokenize: { wall: number; cpu: number };
      en: { wall: number; cpu: number };
      it: { wall: number; cpu: number };
      oneMs: number;
      oneBytes: number;
    };
    const f = (x: { wall: number; cpu: number }): string => `${x.wall.toFixed(1).padStart(6)} MB/s wall  ${x.cpu.toFixed(1).padStart(6)} MB/s CPU`;
    console.log(`\nThroughput on bbc-sport (bundled, one thread): ${r.articles} articles, ${(r.bytes / 1e6).toFixed(2)} MB, median of 5 runs`);
    console.log(`  tokenize                    ${f(r.tokenize)}`);
    console.log(`  recognizeEntities, English  ${f(r.en)}`);
    console.log(`  recognizeEntities, Italian  ${f(r.it)}`);
    console.log(`  all articles as one ${(r.oneBytes / 1e6).toFixed(2)} MB text: ${r.oneMs.toFixed(0)} ms`);
    console.log(`  (machine load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
  } finally {
    rmSync(out, { force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(EN_DEV) || !existsSync(IT_DEV)) {
    console.log(`NER evaluation skipped: the corpora are not in ${SHARED} (they are not part of the repository).`);
    return;
  }
  evalLanguage('English, CoNLL-2003 eng.testa', readConll(EN_DEV), 'en', ['PER', 'ORG', 'LOC', 'MISC']);
  evalLanguage('Italian, KIND WN_dev', readKind(IT_DEV), 'it', ['PER', 'ORG', 'LOC']);
  if (!process.argv.includes('--no-speed')) await throughput();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
