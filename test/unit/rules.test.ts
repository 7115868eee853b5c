import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ForeignClaim } from '../../server/src/core/checks';
import { claimKey } from '../../server/src/core/checks/claimKey';
import type { KbMismatchData } from '../../server/src/core/checks/kbMismatch';
import { analyse, findings } from './claimsHelpers';

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);
const warnings = (fs: { severity: string; rule: string }[]) => fs.filter((f) => f.severity === 'warning').map((f) => f.rule);

test('the seed articles agree with the bundled knowledge base: no warnings', async () => {
  const dir = resolve(__dirname, '../../samples');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const { findings: found } = await findings(readFileSync(join(dir, file), 'utf8'));
    assert.deepEqual(warnings(found), [], file);
  }
});

test('kb-mismatch: a wrong figure is flagged with the knowledge base value, source and a fix in the same style', async () => {
  const { article, findings: found } = await findings('date 2024-04-19\nCasemiro played 300 games for Real Madrid.');
  const f = found.find((x) => x.rule === 'kb-mismatch');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), '300');
  assert.match(f.message, /The knowledge base says Casemiro made 331 appearances for Real Madrid \(2013–2022; source: .*2024-04-19\); the article says 300\./);
  assert.equal((f.data as KbMismatchData).replacement, '331');
});

test('kb-mismatch in Italian with number words: "sei" becomes the right word', async () => {
  const { article, findings: found } = await findings("date 2025-01\nCarlo Ancelotti con il Real Madrid ha vinto sei edizioni della Champions League da allenatore.");
  const f = found.find((x) => x.rule === 'kb-mismatch');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), 'sei');
  assert.match(f.message, /^Secondo la base di conoscenza Carlo Ancelotti ha vinto 3 volte UEFA Champions League con Real Madrid/);
  assert.equal((f.data as KbMismatchData).replacement, 'tre');
});

test('time: a smaller figure before the figure grew is not wrong; after the stint ended it is', async () => {
  const before = await findings('date 2019-05-01\nCasemiro has played 250 games for Real Madrid so far.');
  assert.deepEqual(warnings(before.findings), []);
  const after = await findings('date 2023-05-01\nCasemiro played 250 games for Real Madrid.');
  assert.deepEqual(warnings(after.findings), ['kb-mismatch']);
});

test('contract end and moves are checked; approximations are read as such', async () => {
  assert.deepEqual(warnings((await findings('date 2025-01\nAncelotti ha un contratto con il Real Madrid fino al 2027.')).findings), ['kb-mismatch']);
  assert.deepEqual(warnings((await findings('date 2024-04-19\nCasemiro decided to move to Manchester United in 2021.')).findings), ['kb-mismatch']);
  assert.deepEqual(warnings((await findings('date 2024-04-19\nCasemiro spent almost a decade at Real Madrid.')).findings), []);
  assert.deepEqual(warnings((await findings('date 2024-04-19\nCasemiro spent almost five seasons at Real Madrid.')).findings), ['kb-mismatch']);
});

test('internal: the same article gives two values for the same thing', async () => {
  const { article, findings: found } = await findings('Toni Kroos scored 5 goals for Real Madrid. Later we learn that Kroos scored 7 goals for Real Madrid.');
  const f = found.find((x) => x.rule === 'internal');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), '7');
  assert.equal(article.text.slice(f.related![0]!.start, f.related![0]!.end), '5');
});

test('cross-article: two articles disagree and the knowledge base cannot settle it; time is taken into account', async () => {
  const other = await analyse('date 2024-05-01\nToni Kroos scored 28 goals for Real Madrid.');
  const otherClaims = (claim: Parameters<typeof claimKey>[0]): ForeignClaim[] =>
    other.claims.filter((c) => claimKey(c) === claimKey(claim)).map((c) => ({ source: 'file:///other.txt', claim: c, date: other.date!, language: other.language }));
  const same = await findings('date 2024-05-01\nToni Kroos scored 30 goals for Real Madrid.', { otherClaims });
  const f = same.findings.find((x) => x.rule === 'cross-article');
  assert.ok(f, JSON.stringify(same.findings));
  assert.equal(f.related![0]!.source, 'file:///other.txt');
  assert.match(f.message, /Another article \(other\.txt, 2024-05-01\) says 28/);
  // An earlier article with a smaller figure is consistent with a later, larger one.
  const earlier = await findings('date 2020-01-01\nToni Kroos scored 20 goals for Real Madrid.', { otherClaims });
  assert.deepEqual(rules(earlier.findings).filter((r) => r === 'cross-article'), []);
});

test('cross-article is silent where the knowledge base settles it (kb-mismatch flags the wrong one)', async () => {
  const other = await analyse('date 2024-04-19\nCasemiro played 331 games for Real Madrid.');
  const otherClaims = (claim: Parameters<typeof claimKey>[0]): ForeignClaim[] =>
    other.claims.filter((c) => claimKey(c) === claimKey(claim)).map((c) => ({ source: 'file:///ok.txt', claim: c, date: other.date!, language: other.language }));
  const wrong = await findings('date 2024-04-19\nCasemiro played 300 games for Real Madrid.', { otherClaims });
  assert.deepEqual(warnings(wrong.findings), ['kb-mismatch']);
});

test('list-mismatch: a team outside the complete list of teams coached', async () => {
  const { article, findings: found } = await findings('date 2024-11\nCarlo Ancelotti ha allenato Reggiana, Parma, Roma e Napoli.');
  const f = found.find((x) => x.rule === 'list-mismatch');
  assert.ok(f, JSON.stringify(found));
  assert.equal(article.text.slice(f.start, f.end), 'Roma');
  assert.deepEqual(warnings((await findings('date 2024-11\nCarlo Ancelotti ha allenato Reggiana, Parma e Napoli.')).findings), []);
});

test('unknown-entity hints once per name, and unattributed quotes need at least a short sentence', async () => {
  const { findings: found } = await findings('Hansi Flick arrived. Flick said nothing.\n\n“We will fight until the very last minute of the season.”\n\nThey were a “galactic” side.');
  assert.deepEqual(rules(found).sort(), ['unattributed-quote', 'unknown-entity']);
});
