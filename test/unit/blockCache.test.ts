import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/core/analyze';
import { BlockCache } from '../../server/src/core/blockAnalysis';
import type { AnalysisContext } from '../../server/src/core/context';
import { buildNameIndex } from '../../server/src/core/kb';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { bundledContext } from './claimsHelpers';

const samplesDir = join(__dirname, '../../samples');
const samples = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(samplesDir, f), 'utf8'));

/** Edits that exercise the block cache: inside a paragraph, across paragraphs, blank lines, case. */
const INSERTS = ['x', ' ', '\n', '\n\n', '\r\n\r\n', 'The ', 'Real Madrid ', 'real', '. Milan', '“', '”', '\n\nCasemiro said:', ' nel 2022', '331', 'tre'];

function edit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.4) return text.slice(0, at) + INSERTS[Math.floor(rand() * INSERTS.length)] + text.slice(at);
  if (r < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 40)));
  // Change the case of a word: moves the document-level case evidence of other paragraphs.
  const m = /\p{L}+/u.exec(text.slice(at));
  if (!m) return text;
  const s = at + m.index;
  const w = m[0];
  const flipped = w[0] === w[0]!.toLowerCase() ? w[0]!.toUpperCase() + w.slice(1) : w.toLowerCase();
  return text.slice(0, s) + flipped + text.slice(s + w.length);
}

describe('the block cache', () => {
  let context: AnalysisContext;
  before(async () => {
    context = await bundledContext();
  });

  it('gives the same analysis as a fresh one after every edit', () => {
    let seed = 20261121;
    const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    for (const sample of samples) {
      const cache = new BlockCache();
      let text = sample;
      for (let k = 0; k < 60; k++) {
        text = edit(text, rand);
        const cached = analyzeArticle(text, DEFAULT_SETTINGS, context, cache);
        const fresh = analyzeArticle(text, DEFAULT_SETTINGS, context);
        assert.deepEqual(cached, fresh, `edit ${k} of a sample gives a different analysis with the cache`);
      }
      assert.ok(cache.size > 0);
    }
  });

  it('labels an unchanged paragraph again when another paragraph changes what its words are', () => {
    // "Stone" opening a sentence is a name, unless the article writes "stone" in lower case elsewhere.
    const cache = new BlockCache();
    const first = 'Stone scored twice on Saturday.\n\n';
    const names = (text: string): string[] => analyzeArticle(text, DEFAULT_SETTINGS, undefined, cache).entities.map((e) => e.text);
    assert.deepEqual(names(`${first}It was a fine day for all.`), ['Stone']);
    assert.deepEqual(names(`${first}It was a stone day for all.`), []);
    assert.deepEqual(names(`${first}It was a fine day for all.`), ['Stone']);
  });

  it('keeps a paragraph the text repeats in the document-level case evidence until its last copy goes', () => {
    // Two copies of the paragraph that writes "stone" in lower case: removing one leaves the other.
    const cache = new BlockCache();
    const first = 'Stone scored twice on Saturday.\n\n';
    const lower = 'It was a stone day for all.\n\n';
    const names = (text: string): string[] => analyzeArticle(text, DEFAULT_SETTINGS, undefined, cache).entities.map((e) => e.text);
    assert.deepEqual(names(`${first}${lower}${lower}`), []);
    assert.deepEqual(names(`${first}${lower}`), [], 'one copy still writes it in lower case');
    assert.deepEqual(names(`${first}It was a fine day.`), ['Stone'], 'no copy does');
    assert.deepEqual(names(`${first}${lower}${lower}`), [], 'both copies come back from the cache');
  });

  it('re-analyses only what changed: the cache keeps about two versions of the blocks', () => {
    const cache = new BlockCache();
    const text = samples.join('\n\n');
    analyzeArticle(text, DEFAULT_SETTINGS, context, cache);
    const blocks = cache.size;
    analyzeArticle(`${text} x`, DEFAULT_SETTINGS, context, cache);
    assert.equal(cache.size, blocks + 1, 'one edited block is added');
    analyzeArticle(`${text} xy`, DEFAULT_SETTINGS, context, cache);
    assert.equal(cache.size, blocks + 1, 'the block from two versions ago is dropped');
  });

  it('starts afresh when the knowledge base changes', () => {
    const cache = new BlockCache();
    const text = samples[0]!;
    analyzeArticle(text, DEFAULT_SETTINGS, context, cache);
    const noNames: AnalysisContext = { kb: context.kb, names: buildNameIndex([]) };
    const withOther = analyzeArticle(text, DEFAULT_SETTINGS, noNames, cache);
    assert.ok(withOther.entities.every((e) => !e.entityId), 'names of the previous knowledge base are not reused');
    assert.deepEqual(withOther, analyzeArticle(text, DEFAULT_SETTINGS, noNames));
    assert.deepEqual(analyzeArticle(text, DEFAULT_SETTINGS, undefined, cache), analyzeArticle(text));
  });
});
