import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAnnotation } from '../../server/src/core/annotations/build';
import type { Annotation } from '../../server/src/core/annotations/model';
import { readSidecar } from '../../server/src/core/annotations/sidecar';
import { tagView } from '../../server/src/core/annotations/tagView';
import { sidecarPathFor } from '../../server/src/host/sidecarFiles';
import { AnnotationStore } from '../../server/src/lsp/annotations/store';

const TEXT = 'Casemiro played 331 games for the club and scored 31 goals. He won 5 UEFA Champions League titles.';

function setUp(location = '') {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-store-'));
  const article = join(dir, 'article.txt');
  writeFileSync(article, TEXT);
  const uri = pathToFileURL(article).href;
  const store = new AnnotationStore(async () => ({ sidecarPath: sidecarPathFor(article, dir, location), source: 'article.txt' }));
  return { dir, article, uri, store, sidecar: sidecarPathFor(article, dir, location) };
}

function tagOn(quote: string, id: string, rating: 'false' | 'verified' = 'false'): Annotation {
  const start = TEXT.indexOf(quote);
  return createAnnotation(id, { source: 'article.txt', text: TEXT, span: { start, end: start + quote.length } }, { annotator: 'Alice', now: '2024-04-20T10:00:00Z' }, { rating });
}

const add = (a: Annotation) => () => [{ id: a.id, annotation: a }];

test('tags added in quick succession all survive, written atomically', async () => {
  const { dir, uri, store, sidecar } = setUp();
  const quotes = ['331 games', '31 goals', '5 UEFA Champions League', 'Casemiro', 'club'];
  const results = await Promise.all(quotes.map((q, i) => store.write(uri, add(tagOn(q, `urn:uuid:${i}`)))));
  assert.ok(results.every((r) => r.ok));
  const read = readSidecar(readFileSync(sidecar, 'utf8'));
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.annotations.map((a) => a.id).sort(), quotes.map((_, i) => `urn:uuid:${i}`));
  assert.deepEqual(readdirSync(dir).sort(), ['article.txt', 'article.txt.annotations.json'], 'no temporary file is left behind');
});

test('a sidecar edited by hand is read again, not overwritten', async () => {
  const { uri, store, sidecar } = setUp();
  assert.ok((await store.write(uri, add(tagOn('331 games', 'urn:uuid:a')))).ok);
  // A person adds a comment by hand.
  const page = JSON.parse(readFileSync(sidecar, 'utf8'));
  page.items[0].body.push({ type: 'TextualBody', purpose: 'commenting', value: 'Written by hand.' });
  page.note = 'kept';
  writeFileSync(sidecar, JSON.stringify(page, null, 2));
  assert.equal(await store.reread(sidecar), uri);
  const entry = await store.get(uri);
  assert.equal(tagView(entry!.sidecar.content.annotations[0]!).comment, 'Written by hand.');
  assert.ok((await store.write(uri, add(tagOn('31 goals', 'urn:uuid:b')))).ok);
  const after = JSON.parse(readFileSync(sidecar, 'utf8'));
  assert.equal(after.note, 'kept');
  assert.equal(after.items[0].body.at(-1).value, 'Written by hand.');
  assert.equal(after.items.length, 2);
});

test('a hand edit saved while a tag is being written is kept: the write starts again', async () => {
  const { uri, store, sidecar } = setUp();
  assert.ok((await store.write(uri, add(tagOn('331 games', 'urn:uuid:a')))).ok);
  let attempts = 0;
  const result = await store.write(uri, (annotations) => {
    attempts++;
    if (attempts === 1) {
      const page = JSON.parse(readFileSync(sidecar, 'utf8'));
      page.items[0].motivation = 'commenting';
      page.items[0].body = [{ type: 'TextualBody', purpose: 'commenting', value: 'Saved meanwhile by hand.' }];
      writeFileSync(sidecar, JSON.stringify(page, null, 2));
    }
    return annotations.some((a) => a.id === 'urn:uuid:b') ? [] : [{ id: 'urn:uuid:b', annotation: tagOn('31 goals', 'urn:uuid:b') }];
  });
  assert.ok(result.ok);
  assert.equal(attempts, 2);
  const read = readSidecar(readFileSync(sidecar, 'utf8'));
  assert.equal(tagView(read.annotations[0]!).comment, 'Saved meanwhile by hand.');
  assert.equal(read.annotations.length, 2);
});

test('a malformed sidecar is never written, and says why', async () => {
  const { uri, store, sidecar } = setUp();
  const broken = '{ "@context": "http://www.w3.org/ns/anno.jsonld", "items": [ { "id": ';
  writeFileSync(sidecar, broken);
  const result = await store.write(uri, add(tagOn('331 games', 'urn:uuid:a')));
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.message : '', /article\.txt\.annotations\.json has problems/);
  assert.equal(readFileSync(sidecar, 'utf8'), broken);
  const entry = await store.get(uri);
  assert.ok(entry!.sidecar.content.problems.length > 0);
});

test('anchors follow edits made in the editor and re-anchor after the text changes on disk', async () => {
  const { uri, store } = setUp();
  assert.ok((await store.write(uri, add(tagOn('31 goals', 'urn:uuid:a')))).ok);
  const entry = (await store.get(uri))!;
  const anchors = store.anchorsIn(entry, TEXT)!;
  assert.ok(store.tracks(uri));
  const after = `Brazilian ${TEXT}`;
  store.edited(uri, TEXT, [{ start: 0, end: 0, newText: 'Brazilian ' }], after);
  const a = anchors.get('urn:uuid:a');
  assert.ok(a?.kind === 'anchored' && after.slice(a.start, a.end) === '31 goals');
  const onDisk = after.replace('and scored 31 goals', 'and, remarkably, scored 31 goals');
  const b = store.anchorsIn(entry, onDisk)!.get('urn:uuid:a');
  assert.ok(b?.kind === 'anchored' && onDisk.slice(b.start, b.end) === '31 goals');
  const gone = onDisk.replace('31 goals', '');
  assert.deepEqual(store.anchorsIn(entry, gone)!.get('urn:uuid:a'), { kind: 'orphan' });
});

test('a sidecar location folder mirrors the article paths', () => {
  const sidecar = sidecarPathFor('/ws/news/2024/a.txt', '/ws', '.touchline/tags');
  assert.equal(sidecar, '/ws/.touchline/tags/news/2024/a.txt.annotations.json');
  assert.equal(sidecarPathFor('/elsewhere/a.txt', '/ws', '.touchline/tags'), '/elsewhere/a.txt.annotations.json');
  assert.equal(sidecarPathFor('/ws/a.txt', '/ws', ''), '/ws/a.txt.annotations.json');
});

test('with a location folder, the sidecar and its folders are created there', async () => {
  const { dir, uri, store, sidecar } = setUp('tags');
  assert.ok((await store.write(uri, add(tagOn('331 games', 'urn:uuid:a')))).ok);
  assert.equal(sidecar, join(dir, 'tags', 'article.txt.annotations.json'));
  assert.equal(readSidecar(readFileSync(sidecar, 'utf8')).annotations.length, 1);
});

test('a tag that cannot be written is reported with the reason, not thrown', async () => {
  // The tags folder named by the settings is a file: the write fails whoever runs the test.
  const { dir, uri, store } = setUp('tags');
  writeFileSync(join(dir, 'tags'), 'not a folder');
  const result = await store.write(uri, add(tagOn('331 games', 'urn:uuid:w')));
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.message : '', /article\.txt\.annotations\.json.*the tag was not saved/);
});
