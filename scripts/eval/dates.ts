/**
 * Date detection and normalisation, measured: `npx tsx scripts/eval/dates.ts`.
 *
 * Accuracy on TimeBank 1.2 (../shared/corpora/timebank, English news 1989–1998): every
 * TIMEX3 of type DATE in a document's TEXT is a gold mention (the creation-time TIMEX3
 * sits outside TEXT and is the article's date). Scored:
 *  - detection P/R/F1 with exact spans and with overlapping spans (one-to-one, greedy);
 *  - over all DATE mentions, and over the "in-scope" ones whose value the model can hold
 *    (day, ISO week, month, year: not quarters "1989-Q3", seasons of the year "1989-SU",
 *    half years, "PRESENT_REF"/"PAST_REF"/"FUTURE_REF", or "XXXX" unknowns);
 *  - a prediction overlapping a TIMEX3 that is not scored (TIME, DURATION, SET, or an
 *    out-of-scope DATE) counts neither way;
 *  - value accuracy: on overlap-matched in-scope mentions, our value equals the gold value
 *    with its time part and "-WE" (weekend) suffix dropped.
 * chrono-node (English casual parser, the creation time as reference date) is scored the same
 * way; its value is the day, month or year of its first date, by the components it is
 * certain of.
 *
 * Speed on ../shared/corpora/bbc-sport (511 articles): MB/s of findDates and of chrono-node,
 * median of 5 runs after a warm-up.
 *
 * Exits 0 with a notice when ../shared is missing (a user's clone has none).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import type { DateValue } from '../../server/src/core/model';
import { findDates } from '../../server/src/core/dates/findDates';
import { parseIsoDate } from '../../server/src/core/dates/value';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(process.env.TOUCHLINE_SHARED ?? join(here, '../../../shared'));
const timebankDir = join(shared, 'corpora/timebank');
const bbcDir = join(shared, 'corpora/bbc-sport');

interface Gold {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

interface Doc {
  readonly name: string;
  readonly text: string;
  readonly dct: DateValue;
  readonly gold: readonly Gold[];
}

interface Predicted {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Plain text of a TimeML TEXT element, with the TIMEX3 spans in it. */
function readTimeml(name: string, xml: string): Doc | undefined {
  const dctMatch = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dctValue = dctMatch ? /value="([^"]*)"/.exec(dctMatch[0])?.[1] : undefined;
  const dct = dctValue ? parseIsoDate(dctValue.slice(0, 10)) : undefined;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
  if (!dct || body === undefined) return undefined;
  let text = '';
  const gold: Gold[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(amp|lt|gt|quot|apos);|([^<&]+|&)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[5] !== undefined) text += m[5];
    else if (m[4] !== undefined) text += ENTITIES[m[4]];
    else if (m[2] === 'TIMEX3') {
      if (m[1] === '/') {
        const t = open.pop();
        if (t) gold.push({ start: t.start, end: text.length, type: t.type, value: t.value });
      } else {
        open.push({
          start: text.length,
          type: /type="([^"]*)"/.exec(m[3] ?? '')?.[1] ?? '',
          value: /value="([^"]*)"/.exec(m[3] ?? '')?.[1] ?? '',
        });
      }
    }
  }
  // Trim whitespace inside gold spans (a few annotations include a leading space).
  const trimmed = gold.map((g) => {
    let { start, end } = g;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { ...g, start, end };
  });
  return { name, text, dct, gold: trimmed };
}

function normaliseGold(value: string): string {
  return value.replace(/T.*$/, '').replace(/-WE$/, '');
}

const IN_SCOPE = /^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2})?$/;

function inScope(g: Gold): boolean {
  return g.type === 'DATE' && IN_SCOPE.test(normaliseGold(g.value));
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  valueRight: number;
  valueTotal: number;
}

const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, valueRight: 0, valueTotal: 0 });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Score one document's predictions; `scored` picks the gold mentions that count. */
function score(gold: readonly Gold[], predicted: readonly Predicted[], scored: (g: Gold) => boolean, exact: boolean, t: Tally): void {
  const counted = gold.filter(scored);
  const neutral = gold.filter((g) => !scored(g));
  const used = new Set<number>();
  for (const p of predicted) {
    const i = counted.findIndex((g, k) => !used.has(k) && (exact ? g.start === p.start && g.end === p.end : overlaps(g, p)));
    if (i >= 0) {
      used.add(i);
      t.tp++;
      const g = counted[i]!;
      if (!exact && inScope(g)) {
        t.valueTotal++;
        if (normaliseGold(g.value) === p.value) t.valueRight++;
      }
    } else if (counted.some((g) => overlaps(g, p)) || !neutral.some((g) => overlaps(g, p))) {
      t.fp++; // a wrong span for a counted mention, or nothing at all
    }
  }
  t.fn += counted.length - used.size;
}

/** chrono-node's mentions, valued by the components it is certain of. */
function chronoPredict(text: string, dct: DateValue): Predicted[] {
  const [y, m, d] = dct.value.split('-').map(Number);
  const ref = new Date(y!, (m ?? 1) - 1, d ?? 1, 12);
  return chrono.en.parse(text, ref).map((r) => {
    const c = r.start;
    const date = c.date();
    const yy = String(date.getFullYear()).padStart(4, '0');
    const mm = String(date.getMonth() + 1).padStart(2, '0');
    const dd = String(date.getDate()).padStart(2, '0');
    let value = `${yy}-${mm}-${dd}`;
    if (!c.isCertain('day') && !c.isCertain('weekday')) {
      if (c.isCertain('month')) value = `${yy}-${mm}`;
      else if (c.isCertain('year')) value = yy;
    }
    return { start: r.index, end: r.index + r.text.length, value };
  });
}

function f1(t: Tally): { p: number; r: number; f: number } {
  const p = t.tp + t.fp === 0 ? 0 : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? 0 : t.tp / (t.tp + t.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

const fmt = (x: number): string => x.toFixed(3);

function timebank(): void {
  const files = readdirSync(timebankDir).filter((f) => f.endsWith('.tml')).sort();
  const docs = files.map((f) => readTimeml(f, readFileSync(join(timebankDir, f), 'utf8'))).filter((d): d is Doc => d !== undefined);
  const systems: Record<string, (d: Doc) => Predicted[]> = {
    touchline: (d) => findDates(d.text, 'en', d.dct).map((x) => ({ start: x.start, end: x.end, value: x.value })),
    'chrono-node': (d) => chronoPredict(d.text, d.dct),
  };
  const goldAll = docs.reduce((n, d) => n + d.gold.filter((g) => g.type === 'DATE').length, 0);
  const goldIn = docs.reduce((n, d) => n + d.gold.filter(inScope).length, 0);
  console.log(`TimeBank 1.2: ${docs.length} documents, ${goldAll} DATE mentions (${goldIn} in scope: day, week, month, year values)`);
  console.log('exact: same start and end; overlap: overlapping spans, one to one. A prediction overlapping an unscored');
  console.log('TIMEX3 (TIME, DURATION, SET; out-of-scope DATE in the "in scope" rows) counts neither way. Value accuracy:');
  console.log('overlap matches with an in-scope gold value (time part and "-WE" dropped). Article date: the creation time.');
  console.log('');
  console.log('system        scope     match    P      R      F1     value acc.');
  for (const [name, predict] of Object.entries(systems)) {
    const rows: [string, string, Tally][] = [
      ['all DATE', 'exact', tally()],
      ['all DATE', 'overlap', tally()],
      ['in scope', 'exact', tally()],
      ['in scope', 'overlap', tally()],
    ];
    for (const d of docs) {
      const predicted = predict(d);
      for (const [scope, match, t] of rows) {
        score(d.gold, predicted, scope === 'all DATE' ? (g) => g.type === 'DATE' : inScope, match === 'exact', t);
      }
    }
    for (const [scope, match, t] of rows) {
      const { p, r, f } = f1(t);
      const acc = t.valueTotal > 0 ? `${fmt(t.valueRight / t.valueTotal)} (${t.valueRight}/${t.valueTotal})` : '';
      console.log(`${name.padEnd(13)} ${scope.padEnd(9)} ${match.padEnd(8)} ${fmt(p)}  ${fmt(r)}  ${fmt(f)}  ${acc}`);
    }
  }
  if (process.argv.includes('--errors')) showErrors(docs);
}

/** With --errors: our misses and false alarms on in-scope mentions, and wrong values. */
function showErrors(docs: readonly Doc[]): void {
  for (const d of docs) {
    const ours = findDates(d.text, 'en', d.dct);
    for (const g of d.gold.filter(inScope)) {
      const p = ours.find((o) => overlaps(o, g));
      const ctx = d.text.slice(Math.max(0, g.start - 40), g.end + 20).replace(/\s+/g, ' ');
      if (!p) console.log(`MISS  ${d.name} ${JSON.stringify(d.text.slice(g.start, g.end))} ${g.value} | ${ctx}`);
      else if (p.value !== normaliseGold(g.value)) console.log(`VALUE ${d.name} ${JSON.stringify(p.text)} ours ${p.value} gold ${g.value} dct ${d.dct.value} | ${ctx}`);
      else if (p.start !== g.start || p.end !== g.end) console.log(`SPAN  ${d.name} ${JSON.stringify(p.text)} gold ${JSON.stringify(d.text.slice(g.start, g.end))}`);
    }
    for (const o of ours) {
      if (!d.gold.some((g) => overlaps(g, o))) {
        console.log(`FALSE ${d.name} ${JSON.stringify(o.text)} ${o.value} | ${d.text.slice(Math.max(0, o.start - 40), o.end + 20).replace(/\s+/g, ' ')}`);
      }
    }
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function throughput(): void {
  const files = readdirSync(bbcDir).filter((f) => f.endsWith('.txt')).sort();
  // Decoded as UTF-8 the way an editor would (199.txt is not UTF-8: it gets replacement characters).
  const buffers = files.map((f) => readFileSync(join(bbcDir, f)));
  const texts = buffers.map((b) => b.toString('utf8'));
  const mb = buffers.reduce((n, b) => n + b.length, 0) / 1e6;
  const ref: DateValue = { value: '2005-03-01', precision: 'day' };
  const refDate = new Date(Date.UTC(2005, 2, 1, 12));
  /** MB/s of `fn` over every text: median and best of `reps` runs after a warm-up run. */
  const run = (fn: (t: string) => unknown, reps: number): { median: number; best: number } => {
    for (const t of texts) fn(t);
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      for (const t of texts) fn(t);
      times.push(performance.now() - t0);
    }
    return { median: mb / (median(times) / 1000), best: mb / (Math.min(...times) / 1000) };
  };
  let count = 0;
  for (const t of texts) count += findDates(t, 'en', ref).length;
  const ours = run((t) => findDates(t, 'en', ref), 5);
  const theirs = run((t) => chrono.en.parse(t, refDate), 5);
  console.log('');
  console.log(`bbc-sport: ${files.length} articles, ${mb.toFixed(2)} MB, ${count} dates found by touchline`);
  console.log(
    `throughput, MB/s (median of 5, best in brackets): touchline ${ours.median.toFixed(1)} (${ours.best.toFixed(1)}), ` +
      `chrono-node ${theirs.median.toFixed(1)} (${theirs.best.toFixed(1)}), ratio ${(ours.median / theirs.median).toFixed(1)}x`,
  );
}

function main(): void {
  if (!existsSync(shared)) {
    console.log(`dates eval: ${shared} is missing; nothing to measure (the corpora are not part of the project).`);
    return;
  }
  if (existsSync(timebankDir)) timebank();
  else console.log(`dates eval: ${timebankDir} is missing; accuracy not measured.`);
  if (existsSync(bbcDir)) throughput();
  else console.log(`dates eval: ${bbcDir} is missing; throughput not measured.`);
}

main();
