/**
 * Every regular expression on the analysis path, timed on adversarial inputs: long runs of
 * the characters and words it matches, each ending in a near miss. Found two ways: regex
 * literals in `server/src/core`, and every regex that runs while the core analyses the
 * samples and fuzz documents (this catches patterns built with `new RegExp`). A regex must
 * finish on 1 MB and must not more than triple its time when its input doubles (linear
 * doubles it, quadratic quadruples it). The few that are super-linear but only ever see a
 * short, bounded input are listed below with the bound, and are checked at that bound.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle } from '../../server/src/core/analyze';
import { runChecks } from '../../server/src/core/checks';
import type { AnalysisContext } from '../../server/src/core/context';
import { outline } from '../../server/src/core/features/outline';
import { semanticTokenSpans } from '../../server/src/core/features/semanticTokens';
import { loadKb } from '../../server/src/core/kb';
import { isCueGap } from '../../server/src/core/quotes/attributeSpeakers';
import { loadKnowledge } from '../../server/src/host/knowledgeBase';
import { makeDocument } from '../../scripts/fuzz/documents';
import { key, mergeRegexes, observeRegexes, RegexTimer, staticRegexes, DEFAULT_TIMING, type FoundRegex } from '../../scripts/fuzz/regexes';
import { Rng } from '../../scripts/fuzz/rng';
import { seedArticles, seedKbFiles } from '../../scripts/fuzz/seeds';

/** Super-linear regexes whose input the code bounds: where, the bound, and why. */
const BOUNDED: readonly { where: string; source: string; flags: string; maxInput: number; why: string }[] = [
  {
    where: 'server/src/core/claims/extractClaims.ts',
    source: String.raw`([\p{L}]+)\s+$`,
    flags: 'u',
    maxInput: 20,
    why: 'wordBefore() runs it on the 20 characters before an offset',
  },
  {
    where: 'server/src/core/claims/extractClaims.ts',
    source: String.raw`^\s*(?:,|and|e|ed|&|as well as)?\s*(?:(?:più recentemente|recently|also|anche|il|la|lo|l’|l')\s*)*$`,
    flags: 'iu',
    maxInput: 2000,
    why: 'listClaim() runs it on the gap between two teams of one sentence, and sentences over 2000 characters are skipped',
  },
  {
    where: 'server/src/core/kb/parse.ts',
    source: String.raw`\s*\(line \d+ column \d+\)`,
    flags: '',
    maxInput: 2000,
    why: 'runs on a parser error message, whose quoted excerpt is short',
  },
];

const boundedKeys = new Set(BOUNDED.map((b) => key(b.source, b.flags)));
let regexes: FoundRegex[] = [];
const timer = new RegexTimer();

before(async () => {
  const { context } = await loadKnowledge();
  const { texts } = seedArticles({ corpus: false });
  const observed = observeRegexes(() => exercise(context, texts));
  regexes = mergeRegexes(staticRegexes(), observed);
});

after(() => timer.close());

/** Run the analysis and every feature on the samples, fuzz documents and knowledge-base files. */
function exercise(context: AnalysisContext, texts: readonly { name: string; text: string }[]): void {
  const docs = [...texts.map((t) => t.text)];
  for (let i = 0; i < 40; i++) docs.push(makeDocument(new Rng(11, i), texts).text);
  for (const text of docs) {
    for (const language of ['auto', 'en', 'it'] as const) {
      const article = analyzeArticle(text, { language, maxChars: 1 << 22, articleDate: '2024-04-19' }, context);
      runChecks(article);
      semanticTokenSpans(article);
      outline(article, (_, fallback) => fallback);
    }
  }
  for (const kb of seedKbFiles()) loadKb([{ path: 'file:///x.kb.yaml', text: kb.text, layer: 'workspace' }]);
  loadKb([{ path: 'file:///x.kb.json', text: '{"entities": [ {"id": 1,, } ', layer: 'workspace' }]);
}

test('the regexes of the analysis path are found, including those built at run time', () => {
  assert.ok(regexes.length >= 60, `only ${regexes.length} regexes found`);
  const dynamic = regexes.filter((r) => r.where.endsWith('speechCues.ts') && r.source.length > 200);
  assert.ok(dynamic.length > 0, 'the speech-cue pattern built with new RegExp is observed');
});

test('every regex is linear on adversarial input and finishes on 1 MB', { timeout: 600_000 }, async (t) => {
  const problems: string[] = [];
  let checked = 0;
  for (const r of regexes) {
    if (boundedKeys.has(key(r.source, r.flags))) continue;
    // Generous: a linear battery takes well under a second; a catastrophic one never ends.
    const v = await timer.check(r, { ...DEFAULT_TIMING, timeoutMs: 15_000 });
    checked++;
    const name = `${r.where} /${r.source.length > 120 ? `${r.source.slice(0, 120)}…` : r.source}/${r.flags}`;
    if (v.hung) problems.push(`${name}: ${v.hung}`);
    for (const s of v.superLinear) problems.push(`${name}: super-linear on ${s.name} (${s.times.map((x) => x.toFixed(1)).join(' ms → ')} ms)`);
    if (v.final && v.final.ms > 2_000) problems.push(`${name}: ${v.final.ms.toFixed(0)} ms on 1 MB of ${v.final.name}`);
  }
  t.diagnostic(`${checked} regexes checked, ${BOUNDED.length} bounded ones listed`);
  assert.deepEqual(problems, []);
});

test('the bounded regexes are fast at their bound', { timeout: 120_000 }, async (t) => {
  for (const b of BOUNDED) {
    const found = regexes.find((r) => r.source === b.source && r.flags === b.flags);
    if (!found) {
      // The code changed: the entry is stale, and the regex (if any) is checked as unbounded above.
      t.diagnostic(`not found any more: ${b.where} /${b.source}/${b.flags}`);
      continue;
    }
    const v = await timer.check(found, { ...DEFAULT_TIMING, sizes: [b.maxInput >> 1, b.maxInput], finalSize: b.maxInput, timeoutMs: 5_000 });
    assert.equal(v.hung, undefined, `${b.where}: ${v.hung}`);
    assert.ok(v.final && v.final.ms < 50, `${b.where} /${b.source}/ takes ${v.final?.ms.toFixed(1)} ms on ${b.maxInput} characters of ${v.final?.name} (${b.why})`);
  }
});

test('linear replacements agree with the regexes they replace', () => {
  const cueGap = /^[\s,.;:!?—–-]*[\p{L}\s’']*$/u;
  const alphabet = [' ', '\u00a0', '\n', ',', '.', ';', '!', '—', '-', 'a', 'é', 'Z', '’', "'", '1', '"', '”', '𝐀', '\ud800', '😀', '_'];
  const rng = new Rng(5, 0);
  for (let i = 0; i < 20_000; i++) {
    const s = Array.from({ length: rng.int(12) }, () => rng.pick(alphabet)).join('');
    assert.equal(isCueGap(s), cueGap.test(s), JSON.stringify(s));
  }
  // And it is linear where the regex is not.
  const long = `${' '.repeat(1_000_000)}1`;
  const t0 = performance.now();
  assert.equal(isCueGap(long), false);
  assert.ok(performance.now() - t0 < 2_000);
});
