/**
 * A short fixed-seed fuzz run against the real bundled server over stdio (the long run is
 * `npm run fuzz:long`): documents opened and edited, then hovers, semantic tokens (full and
 * range), pull diagnostics, symbols, code actions, references, definition and workspace
 * symbols, some cancelled at once. Every answer must come within its time budget and lie
 * inside the client's copy of the document; the server must neither exit nor log an error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFailure } from '../../scripts/fuzz/report';
import { runServerFuzz } from '../../scripts/fuzz/server';

/** The seed of `npm test`; `npm run fuzz -- --server-only --seed 20261121 --case N` replays a case. */
const SEED = 20261121;

test(`server: 60 fuzz documents over stdio, seed ${SEED}`, { timeout: 180_000 }, async (t) => {
  const report = await runServerFuzz({ seed: SEED, count: 60, corpus: false });
  t.diagnostic(`${report.documents} documents, ${report.requests} requests, ${report.edits} edits in ${(report.ms / 1000).toFixed(1)} s; slowest ${report.slowest.method} ${report.slowest.ms.toFixed(0)} ms`);
  assert.equal(report.documents, 60);
  assert.ok(report.requests > 200);
  assert.deepEqual(report.failures.map(formatFailure), []);
  assert.ok(report.cleanExit, 'the server exits after shutdown and exit');
});
