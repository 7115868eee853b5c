import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createAnnotation, retarget, targets, withComment, withRating } from '../../server/src/core/annotations/build';
import { ANNOTATION_CONTEXT } from '../../server/src/core/annotations/model';
import { quoteTargetOf } from '../../server/src/core/annotations/selectors';
import { newSidecarText, readSidecar, sidecarWith } from '../../server/src/core/annotations/sidecar';
import { tagView } from '../../server/src/core/annotations/tagView';
import { LineIndex } from '../../server/src/core/positions';

const fixture = (name: string) => readFileSync(resolve(__dirname, '../fixtures/annotations', name), 'utf8');
const TEXT = 'date 2024-04-19\n\n🏆 Casemiro played 331 games for the club and scored 31 goals.';
const SPAN = { start: TEXT.indexOf('331 games'), end: TEXT.indexOf('331 games') + 9 };
const ALICE = { annotator: 'Alice', now: '2024-04-20T10:00:00Z' };
const BOB = { annotator: 'Bob', now: '2024-04-21T11:30:00Z' };

function newAnnotation() {
  return createAnnotation('urn:uuid:aaaa', { source: 'samples/a.txt', text: TEXT, span: SPAN, property: 'appearances' }, ALICE, { rating: 'false' });
}

test('a new annotation is a W3C Web Annotation: id, times, creator, assessing body, quote and code-point position selectors', () => {
  const a = newAnnotation();
  assert.equal(a.type, 'Annotation');
  assert.equal(a.motivation, 'assessing');
  assert.deepEqual(a.creator, { type: 'Person', name: 'Alice' });
  assert.equal(a.created, ALICE.now);
  assert.deepEqual(a.body[0], { type: 'TextualBody', purpose: 'assessing', value: 'false', format: 'text/plain', creator: { type: 'Person', name: 'Alice' }, created: ALICE.now, modified: ALICE.now });
  assert.deepEqual(a.body[1], { type: 'TextualBody', purpose: 'tagging', value: 'appearances' });
  const [quote, position] = a.target.selector as [Record<string, unknown>, Record<string, unknown>];
  assert.equal(quote['exact'], '331 games');
  assert.equal(quote['prefix'], TEXT.slice(SPAN.start - 32, SPAN.start));
  assert.equal(quote['suffix'], ' for the club and scored 31 goal');
  // The trophy is two UTF-16 units but one code point.
  assert.deepEqual([position['start'], position['end']], [SPAN.start - 1, SPAN.end - 1]);
  // And back: the hint is in UTF-16 units of the text.
  assert.equal(quoteTargetOf(a, TEXT)?.hint, SPAN.start);
  const page = newSidecarText('urn:uuid:page', [a]);
  const read = readSidecar(page);
  assert.deepEqual(read.problems, []);
  assert.equal(JSON.parse(page)['@context'], ANNOTATION_CONTEXT);
  assert.equal(read.annotations.length, 1);
});

test('ratings and comments change, keep their authors, and removing both removes the annotation', () => {
  const a = newAnnotation();
  const rated = withRating(a, 'verified', BOB)!;
  const commented = withComment(rated, '  Checked against the club site.  ', BOB)!;
  const view = tagView(commented);
  assert.equal(view.rating, 'verified');
  assert.equal(view.ratedBy, 'Bob');
  assert.equal(view.comment, 'Checked against the club site.');
  assert.equal(view.creator, 'Alice');
  assert.equal(view.property, 'appearances');
  assert.equal(commented.modified, BOB.now);
  const unrated = withRating(commented, undefined, BOB)!;
  assert.equal(unrated.motivation, 'commenting');
  assert.equal(tagView(unrated).comment, 'Checked against the club site.');
  assert.equal(withComment(unrated, '', BOB), undefined);
  assert.equal(withRating(a, 'false', BOB), a, 'setting the same rating changes nothing');
});

test('retargeting follows the text; unchanged selectors are recognised', () => {
  const a = newAnnotation();
  assert.ok(targets(a, TEXT, SPAN));
  const edited = TEXT.replace('331 games', '332 games').replace('date', 'Date:');
  const span = { start: edited.indexOf('332 games'), end: edited.indexOf('332 games') + 9 };
  assert.ok(!targets(a, edited, span));
  const moved = retarget(a, edited, span);
  assert.ok(targets(moved, edited, span));
  assert.equal(tagView(moved).rating, 'false');
  assert.equal(moved.id, a.id);
});

test('a hand-written sidecar is read, and a rewrite keeps what Touchline does not know and its formatting', () => {
  const text = fixture('valid.annotations.json');
  const read = readSidecar(text);
  assert.deepEqual(read.problems, []);
  assert.equal(read.annotations.length, 1);
  const view = tagView(read.annotations[0]!);
  assert.equal(view.rating, 'verified');
  assert.equal(view.ratedBy, 'Giulia Rossi');
  assert.equal(view.comment, 'Matches Transfermarkt.');
  const changed = sidecarWith(text, read.annotations[0]!.id, withRating(read.annotations[0]!, 'misleading', BOB));
  const again = JSON.parse(changed);
  assert.equal(again.rights, 'https://creativecommons.org/licenses/by/4.0/');
  assert.equal(again.items[0]['x-reviewed-by-desk'], true);
  assert.equal(tagView(readSidecar(changed).annotations[0]!).rating, 'misleading');
  // Lines outside the changed annotation are byte for byte the same (four-space indentation kept).
  assert.ok(changed.startsWith(text.slice(0, text.indexOf('"items"'))));
  assert.match(changed, /\n {8}\{/);
  // Appending and removing.
  const added = sidecarWith(changed, 'urn:uuid:aaaa', newAnnotation());
  assert.equal(readSidecar(added).annotations.length, 2);
  const removed = sidecarWith(added, read.annotations[0]!.id, undefined);
  assert.deepEqual(readSidecar(removed).annotations.map((a) => a.id), ['urn:uuid:aaaa']);
  assert.deepEqual(readSidecar(removed).problems, []);
});

test('a malformed sidecar is reported with its line and column, and nothing is read from it', () => {
  const text = fixture('malformed.annotations.json');
  const read = readSidecar(text);
  assert.equal(read.annotations.length, 0);
  assert.ok(read.problems.length > 0);
  const at = new LineIndex(text).positionAt(read.problems[0]!.start);
  assert.equal(at.line + 1, 6);
  assert.match(read.problems[0]!.message, /not valid JSON/);
});

test('a sidecar that breaks the schema is reported where it breaks it, in plain words', () => {
  const text = fixture('invalid.annotations.json');
  const { problems, annotations } = readSidecar(text);
  const lines = new LineIndex(text);
  const described = problems.map((p) => `${lines.positionAt(p.start).line + 1}: ${p.message}`);
  assert.ok(described.some((d) => /^10: .*date and time/.test(d)), described.join('\n'));
  assert.ok(described.some((d) => /^11: .*verified, .*opinion/.test(d.replace(/"/g, ''))), described.join('\n'));
  assert.ok(described.some((d) => /^12: .*TextQuoteSelector/.test(d)), described.join('\n'));
  // Its only annotation has no quote to anchor by.
  assert.equal(annotations.length, 0);
  assert.ok(readSidecar('').problems.length > 0);
  assert.match(readSidecar('[]').problems[0]!.message, /must be an object|The file/);
});

test('two annotations with one id are a problem', () => {
  const a = newAnnotation();
  const text = newSidecarText('urn:uuid:p', [a, a]);
  const read = readSidecar(text);
  assert.equal(read.annotations.length, 1);
  assert.match(read.problems[0]!.message, /Two annotations have the id/);
});
