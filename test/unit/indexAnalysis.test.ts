import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { analyseForIndex, SharedStrings, shareStrings } from '../../server/src/lsp/indexAnalysis';
import { bundledContext } from './claimsHelpers';

test('sharing an indexed article’s strings changes nothing in it, as it arrives from a worker or not', async () => {
  const context = await bundledContext();
  const strings = new SharedStrings();
  const texts = [
    'date 2024-04-19\nCasemiro played 331 games for Real Madrid. “We won everything,” Casemiro said.\n\nHansi Flick won the league.',
    'date 2024-05-02\nCarlo Ancelotti ha detto: «Casemiro è stato fondamentale». Flick non ha commentato.',
  ];
  for (const text of texts) {
    const article = analyseForIndex(text, DEFAULT_SETTINGS, context);
    assert.ok(article.entities.length >= 2 && article.quotes.some((q) => q.speaker));
    assert.deepEqual(shareStrings(article, strings), article);
    const cloned = structuredClone(article);
    assert.deepEqual(shareStrings(cloned, strings), article);
  }
});
