/**
 * A short fixed-seed fuzz run on the analysis core (the long run is `npm run fuzz:long`):
 * generated and mutated articles through `analyzeArticle` with the bundled knowledge base
 * and every core feature; no exception may escape and every model invariant must hold.
 * Then one document of each hostile kind, including a megabyte-sized one.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisContext } from '../../server/src/core/context';
import { LineIndex } from '../../server/src/core/positions';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { analyzeArticle } from '../../server/src/core/analyze';
import { loadKb } from '../../server/src/core/kb';
import { tokenize } from '../../server/src/core/text/tokenize';
import { loadKnowledge } from '../../server/src/host/knowledgeBase';
import { checkDocument, coreBudgetMs, runCoreFuzz } from '../../scripts/fuzz/core';
import { HOSTILE, QUOTE_PAIRS } from '../../scripts/fuzz/generate';
import { splitsPair, Violations } from '../../scripts/fuzz/invariants';
import { knownIssue } from '../../scripts/fuzz/known';
import { formatFailure } from '../../scripts/fuzz/report';
import { Rng } from '../../scripts/fuzz/rng';

/** The seed of `npm test`; `npm run fuzz -- --core-only --seed 20261121 --case N` replays a case. */
const SEED = 20261121;

let context: AnalysisContext;
before(async () => {
  context = (await loadKnowledge()).context;
});

test(`core: 250 fuzz documents, seed ${SEED}`, async () => {
  const report = await runCoreFuzz({ seed: SEED, count: 250, corpus: false });
  assert.equal(report.documents, 250);
  assert.deepEqual(report.failures.map(formatFailure), []);
});

const line = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const HOSTILE_DOCUMENTS: Record<string, string> = {
  empty: '',
  'lone surrogates': `date 2024-04-19\n\ud800Casemiro\udc00 said “\ud83d”. ${HOSTILE.loneSurrogates.join(' ')}`,
  'NUL and controls': `Real\u0000Madrid ${HOSTILE.controls.join('Ancelotti ')}\u0000“quote\u0000”`,
  'CR only': 'date 2024-04-19\rCarlo Ancelotti said:\r“I will stay.”\r\rReal Madrid won 331 games.\r',
  'mixed line ends': HOSTILE.lineEnds.map((e) => `Casemiro said “yes${e}no”${e}`).join(''),
  'RTL text': `${HOSTILE.rtl.join(' Real Madrid ')} “${HOSTILE.rtl[4]}”, said Casemiro.`,
  'combining marks': `C\u0301a\u0308s\u0327emiro ${'e\u0301'.repeat(500)} Ancelotti${'\u0300'.repeat(200)} said “no”.`,
  'zero-width joiners': `Real\u200dMadrid Carlo\u200bAncelotti ${HOSTILE.joiners.join('Casemiro')} said “yes”.`,
  'astral letters': '𝐂𝐚𝐫𝐥𝐨 𝐀𝐧𝐜𝐞𝐥𝐨𝐭𝐭𝐢 said “😀⚽🏆” on 21 April 2024. 👨‍👩‍👧 🇮🇹',
  'malformed date headers': ['date 2024-13-45', 'date ', 'date 9999999999999999', 'date 2024-02-30', `date ${'9'.repeat(400)}`].join('\n'),
  'quotes nested 5,000 deep': `Casemiro said: ${QUOTE_PAIRS.map(([o]) => o).join('').repeat(500)}yes${QUOTE_PAIRS.map(([, c]) => c).join('').repeat(500)}`,
  'thousands of numbers and dates': Array.from({ length: 3000 }, (_, i) => `${i * 37} games on ${(i % 28) + 1} April ${1990 + (i % 40)}, 1.000,5 or 3,5`).join('; '),
  '256 KB of unterminated quotes of every style': QUOTE_PAIRS.map(([o]) => line(`${o}Casemiro said `, 32 * 1024)).join(''),
  '1 MB single line': line('Carlo Ancelotti said “Real Madrid” was great and Casemiro agreed in Madrid on 21 April 2024 ', 1 << 20),
  '1 MB single line full of figures': line('Carlo Ancelotti said Real Madrid won 331 games on 21 April 2024 ', 1 << 20),
};

for (const [name, text] of Object.entries(HOSTILE_DOCUMENTS)) {
  test(`core: ${name}`, () => {
    const v = new Violations((m) => knownIssue(m, text)?.id);
    const t0 = performance.now();
    checkDocument(v, text, DEFAULT_SETTINGS, context, new Rng(SEED, 0));
    const ms = performance.now() - t0;
    assert.deepEqual(v.list, []);
    assert.ok(ms < coreBudgetMs(text.length) * 2, `${ms.toFixed(0)} ms for ${text.length} characters`);
  });
}

test('found by the fuzzer: a position is never inside a CRLF (a span ending at its \\r gave character = line length + 1)', () => {
  const text = 'name: “x\r\nnext\r\n\r\nlast';
  const index = new LineIndex(text);
  for (let o = 0; o <= text.length; o++) {
    const p = index.positionAt(o);
    assert.ok(p.character <= index.lineEnd(p.line) - index.lineStart(p.line), `offset ${o} → ${p.line}:${p.character}`);
  }
  // Inside "\r\n" means before it, as vscode-languageserver-textdocument says.
  assert.deepEqual(index.positionAt(text.indexOf('\n')), { line: 0, character: 8 });
  assert.deepEqual(index.positionAt(text.indexOf('\n') + 1), { line: 1, character: 0 });
});

test('found by the fuzzer: no token starts inside an astral format character (U+E0001 was skipped one code unit at a time)', () => {
  for (const text of ['a. \u{e0001}He', 'x\u{e0001}y', '\u{1d173}Casemiro']) {
    const t = tokenize(text, 0, text.length);
    for (let i = 0; i < t.count; i++) assert.ok(!splitsPair(text, t.starts[i]!) && !splitsPair(text, t.ends[i]!), `${JSON.stringify(text)}: token ${t.starts[i]}-${t.ends[i]}`);
  }
  const text = 'Ancelotti said. \u{e0001}He is happy.';
  for (const e of analyzeArticle(text).entities) assert.ok(!splitsPair(text, e.start) && !splitsPair(text, e.end), `entity ${JSON.stringify(e.text)}`);
});

test('found by the fuzzer: a YAML syntax error at an astral character covers the whole character', () => {
  const text = ': \u{1d422}:'; // ": 𝐢:" — "Nested mappings are not allowed in compact mappings"
  const syntax = loadKb([{ path: 'file:///w/x.kb.yaml', text, layer: 'workspace' }]).diagnostics.filter((d) => d.code === 'kb-syntax');
  assert.ok(syntax.length > 0);
  for (const d of syntax) assert.ok(!splitsPair(text, d.span.start) && !splitsPair(text, d.span.end), `span ${d.span.start}-${d.span.end}`);
});

test('found by the fuzzer: a long line full of figures is analysed in linear time (claims were quadratic in a sentence)', () => {
  const unit = 'Carlo Ancelotti said Real Madrid won 331 games on 21 April 2024 ';
  const time = (size: number): number => {
    const t0 = performance.now();
    analyzeArticle(line(unit, size), undefined, context);
    return performance.now() - t0;
  };
  time(32 * 1024);
  const small = Math.min(time(64 * 1024), time(64 * 1024));
  const large = Math.min(time(256 * 1024), time(256 * 1024));
  // Linear: about 4 times as long for 4 times the text; 10 leaves room for a busy machine.
  assert.ok(large < 10 * small + 50, `64 KB: ${small.toFixed(0)} ms, 256 KB: ${large.toFixed(0)} ms`);
});
