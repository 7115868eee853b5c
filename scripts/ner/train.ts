/**
 * Trains the entity recogniser and writes its data modules into server/src/core/ner/data/.
 *
 *   npx tsx scripts/ner/train.ts [--bits 18] [--epochs 12] [--lang en|it|both] [--out dir]
 *
 * Inputs (training splits only; the development splits are never read here):
 *   ../shared/corpora/conll2003-dev/eng.train          English, IOB1, PER/ORG/LOC/MISC
 *   ../shared/corpora/kind-it-dev/evalita-2023_WN_train.tsv   Italian, IOB2, PER/ORG/LOC
 *   ../shared/data/openfootball-clubs                  club and place names (CC0)
 * Deterministic: the same inputs give the same model.
 */

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GazFlag, decodeGazetteer, type GazetteerData } from '../../server/src/core/ner/gazetteer';
import { DROP_DOC, DROP_WORD, prepare } from '../../server/src/core/ner/features';
import { foldKey, sequenceStep } from '../../server/src/core/ner/hash';
import type { ModelData } from '../../server/src/core/ner/model';
import { tokenize } from '../../server/src/core/text/tokenize';
import { readClubLists } from './clubs';
import { COMMON_FIRST_NAMES } from './first-names';
import { readConll, readKind, withCapitalisedHeadline, type CorpusDoc } from './corpora';
import { TrainingSet, prng, quantise, train } from './perceptron';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const CONLL_TRAIN = join(SHARED, 'corpora/conll2003-dev/eng.train');
const KIND_TRAIN = join(SHARED, 'corpora/kind-it-dev/evalita-2023_WN_train.tsv');
const CLUBS = join(SHARED, 'data/openfootball-clubs');

export const LABELS_EN = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
export const LABELS_IT = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'];
const MAX_GAZ_TOKENS = 6;
const UNKNOWN_RATE = Number(arg('unknown', '0.5'));
const WORD_DROP_RATE = Number(arg('worddrop', '0.15'));
const DOC_DROP_RATE = Number(arg('docdrop', '0.3'));
const LEXICON_MIN = Number(arg('lexmin', '3'));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}

/** Sequence hashes of a name's prefixes as the recogniser sees them (empty when too long). */
function nameKeys(name: string): number[] {
  const t = tokenize(name);
  if (t.count === 0 || t.count > MAX_GAZ_TOKENS) return [];
  const keys: number[] = [];
  let h = 0;
  for (let i = 0; i < t.count; i++) {
    h = sequenceStep(h, foldKey(name, t.starts[i]!, t.ends[i]!));
    keys.push(h);
  }
  return keys;
}

/** Lower-case words seen mid-sentence at least `min` times. */
function lowerLexicon(docs: CorpusDoc[], min: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) {
    const sentStarts = new Set(d.sentences);
    for (let i = 0; i < d.count; i++) {
      if (sentStarts.has(i)) continue;
      const w = d.text.slice(d.starts[i], d.ends[i]);
      if (/^\p{Ll}[\p{Ll}\p{M}'’-]*$/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  for (const [w, c] of counts) if (c < min) counts.delete(w);
  return counts;
}

/** First tokens of multi-token person names seen at least `min` times. */
function firstNames(docs: CorpusDoc[], min: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) {
    for (const e of d.entities) {
      if (e.type !== 'PER' || e.endToken - e.startToken < 2) continue;
      const w = d.text.slice(d.starts[e.startToken], d.ends[e.startToken]);
      if (/^\p{Lu}\p{Ll}+$/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  for (const [w, c] of counts) if (c < min) counts.delete(w);
  return counts;
}

function buildGazetteer(en: CorpusDoc[], it: CorpusDoc[]): { data: GazetteerData; stats: string } {
  const entries = new Map<number, number>();
  const add = (name: string, flag: number): void => {
    const keys = nameKeys(name);
    keys.forEach((k, i) => {
      const f = i === keys.length - 1 ? flag : GazFlag.Prefix;
      entries.set(k, (entries.get(k) ?? 0) | f);
    });
  };
  const { clubs, places } = readClubLists(CLUBS);
  for (const c of clubs) add(c, GazFlag.Club);
  for (const p of places) add(p, GazFlag.City);
  const first = firstNames([...en, ...it], 2);
  for (const f of COMMON_FIRST_NAMES.split(/\s+/)) if (f) first.set(f, 1);
  for (const f of first.keys()) add(f, GazFlag.FirstName);
  const lowEn = lowerLexicon(en, LEXICON_MIN);
  const lowIt = lowerLexicon(it, LEXICON_MIN);
  for (const w of lowEn.keys()) add(w, GazFlag.LowerEn);
  for (const w of lowIt.keys()) add(w, GazFlag.LowerIt);

  const sorted = [...entries.keys()].sort((a, b) => a - b);
  const bytes = new Uint8Array(sorted.length * 5);
  const view = new DataView(bytes.buffer);
  sorted.forEach((k, i) => {
    view.setUint32(i * 4, k, true);
    bytes[sorted.length * 4 + i] = entries.get(k)!;
  });
  return {
    data: { maxLen: MAX_GAZ_TOKENS, count: sorted.length, data: Buffer.from(bytes).toString('base64') },
    stats: `${clubs.size} club names, ${places.size} places, ${first.size} first names, ${lowEn.size}+${lowIt.size} lower-case words`,
  };
}

function goldLabels(doc: CorpusDoc, labels: readonly string[]): Uint8Array {
  const out = new Uint8Array(doc.count);
  for (const e of doc.entities) {
    const b = labels.indexOf(`B-${e.type}`);
    if (b < 0) throw new Error(`unknown entity type ${e.type}`);
    out[e.startToken] = b;
    for (let t = e.startToken + 1; t < e.endToken; t++) out[t] = b + 1;
  }
  return out;
}

function writeModule(path: string, header: string, exportName: string, typeImport: string, type: string, value: unknown): void {
  const json = JSON.stringify(value);
  writeFileSync(path, `${header}\n${typeImport}\n\nexport const ${exportName}: ${type} = ${json};\n`);
}

function main(): void {
  if (!existsSync(CONLL_TRAIN) || !existsSync(KIND_TRAIN) || !existsSync(CLUBS)) {
    console.error(`Training data not found under ${SHARED}; nothing to do.`);
    process.exit(1);
  }
  const bits = Number(arg('bits', '15'));
  const epochs = Number(arg('epochs', '12'));
  const lang = arg('lang', 'both');
  const outDir = resolve(ROOT, arg('out', 'server/src/core/ner/data'));
  mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();

  const en = readConll(CONLL_TRAIN);
  const it = readKind(KIND_TRAIN);
  console.log(`read ${en.length} English and ${it.length} Italian training documents`);

  const gaz = buildGazetteer(en, it);
  console.log(`gazetteer: ${gaz.stats}; ${gaz.data.count} entries`);
  const header = '// Generated by scripts/ner/train.ts — do not edit.';
  writeModule(join(outDir, 'gazetteer.ts'), header, 'GAZETTEER', "import type { GazetteerData } from '../gazetteer';", 'GazetteerData', gaz.data);
  const gazetteer = decodeGazetteer(gaz.data);

  const jobs: Array<{ lang: 'en' | 'it'; docs: CorpusDoc[]; labels: string[] }> = [];
  if (lang !== 'it') jobs.push({ lang: 'en', docs: en, labels: LABELS_EN });
  if (lang !== 'en') {
    // Italian news has few headlines in capitals: write a quarter of them so, to learn them.
    const rand = prng(7);
    jobs.push({ lang: 'it', docs: it.map((d) => (rand() < 0.25 ? withCapitalisedHeadline(d) : d)), labels: LABELS_IT });
  }
  for (const job of jobs) {
    const t1 = performance.now();
    const set = new TrainingSet();
    // Words seen once in training are shown as unknown half the time (word dropout), so the
    // model learns what an unseen name looks like.
    const counts = new Map<number, number>();
    const preps = job.docs.map((d) => prepare(d, gazetteer, job.lang));
    for (const p of preps) for (const h of p.lower) counts.set(h, (counts.get(h) ?? 0) + 1);
    const rand = prng(11);
    job.docs.forEach((d, k) => {
      const p = preps[k]!;
      set.add(p, goldLabels(d, job.labels), d.sentences, (i) => {
        let bits = 0;
        if (rand() < (counts.get(p.lower[i]!) === 1 ? UNKNOWN_RATE : WORD_DROP_RATE)) bits |= DROP_WORD;
        if (rand() < DOC_DROP_RATE) bits |= DROP_DOC;
        return bits;
      });
    });
    console.log(`${job.lang}: ${set.gold.length} tokens, ${set.featCount} features, ${set.lostTokens} entity tokens outside candidates`);
    const { weights, transitions } = train(set, { labels: job.labels, bits, epochs, seed: 42, log: console.log });
    const q = quantise(job.labels, bits, weights, transitions);
    const name = job.lang === 'en' ? 'MODEL_EN' : 'MODEL_IT';
    writeModule(join(outDir, `${job.lang}.ts`), header, name, "import type { ModelData } from '../model';", 'ModelData', q.data satisfies ModelData);
    console.log(
      `${job.lang}: ${q.nonZero} non-zero weights, ${(q.bytes / 1024).toFixed(0)} KiB (${((q.data.weights.length) / 1024).toFixed(0)} KiB base64), ` +
        `trained in ${((performance.now() - t1) / 1000).toFixed(1)} s`,
    );
  }
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
