import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAnnotation } from '../../server/src/core/annotations/build';
import { RATING_SCALE } from '../../server/src/core/annotations/ratings';
import { RECORD_COLUMNS } from '../../server/src/core/annotations/records';
import { reviewUrl } from '../../server/src/core/annotations/claimReview';
import { newSidecarText } from '../../server/src/core/annotations/sidecar';
import { runExport } from '../../server/src/cli/export';
import type { Io } from '../../server/src/cli/io';

const SAMPLE = resolve(__dirname, '../../samples/000_691f7d17e64d9296.txt');
const NAME = '000_691f7d17e64d9296.txt';
let dir: string;

function io(): Io & { out: string; err: string } {
  const o = { out: '', err: '', stdout: (t: string) => void (o.out += t), stderr: (t: string) => void (o.err += t), cwd: '' };
  o.cwd = dir;
  return o;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'touchline-export-'));
  copyFileSync(SAMPLE, join(dir, NAME));
  const text = readFileSync(SAMPLE, 'utf8');
  const span = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  const target = (quote: string, property?: string) => ({ source: NAME, text, span: span(quote), ...(property ? { property } : {}) });
  const alice = { annotator: 'Alice, "the desk"', now: '2024-04-20T10:00:00Z' };
  const annotations = [
    createAnnotation('urn:uuid:11111111-1111-4111-8111-111111111111', target('331 games', 'appearances'), alice, { rating: 'false', comment: 'The club says 336,\nnot 331.' }),
    createAnnotation('urn:uuid:22222222-2222-4222-8222-222222222222', target('3 La Liga', 'honours'), alice, { comment: 'Check the 2019/20 title.' }),
    createAnnotation('urn:uuid:33333333-3333-4333-8333-333333333333', { source: NAME, text: `${text} He once scored 99 goals in a season.`, span: { start: text.length + 16, end: text.length + 24 } }, alice, { rating: 'verified' }),
  ];
  writeFileSync(join(dir, `${NAME}.annotations.json`), newSidecarText('urn:uuid:page', annotations));
});

test('export claimreview: one ClaimReview per rated claim, with the properties fact-check readers require', async () => {
  const o = io();
  const code = await runExport(['claimreview', '.', '--no-config', '--url', 'https://checks.example.org/{id}'], o);
  assert.equal(code, 0, o.err);
  const reviews = JSON.parse(o.out) as Record<string, any>[]; // JSON-LD objects: checked field by field below.
  // The orphaned "verified" tag is still a review; the comment-only tag is not.
  assert.equal(reviews.length, 2);
  for (const r of reviews) {
    assert.equal(r['@context'], 'https://schema.org');
    assert.equal(r['@type'], 'ClaimReview');
    for (const key of ['url', 'claimReviewed', 'datePublished', 'author', 'reviewRating', 'itemReviewed']) assert.ok(r[key], `${key} is present`);
    assert.match(r.url, /^https:\/\/checks\.example\.org\/[0-9a-f-]{36}$/);
    assert.match(r.datePublished, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(r.author['@type'], 'Person');
    assert.equal(r.reviewRating['@type'], 'Rating');
    assert.equal(r.reviewRating.bestRating, RATING_SCALE.bestRating);
    assert.equal(r.reviewRating.worstRating, RATING_SCALE.worstRating);
    assert.ok(r.reviewRating.ratingValue >= RATING_SCALE.worstRating && r.reviewRating.ratingValue <= RATING_SCALE.bestRating);
    assert.equal(typeof r.reviewRating.alternateName, 'string');
    assert.equal(r.itemReviewed['@type'], 'Claim');
    assert.equal(r.itemReviewed.datePublished, '2024-04-19');
    assert.equal(r.itemReviewed.appearance.datePublished, '2024-04-19');
    assert.match(r.itemReviewed.appearance.url, /^file:\/\/.*000_691f7d17e64d9296\.txt$/);
  }
  const falseOne = reviews.find((r) => r.reviewRating.alternateName === 'False')!;
  assert.match(falseOne.claimReviewed, /played 331 games for the club/);
  assert.equal(falseOne.reviewBody, 'The club says 336,\nnot 331.');
  assert.equal(falseOne.author.name, 'Alice, "the desk"');
});

/** RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF), for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  assert.equal(field, '', 'the CSV ends with a line break');
  return rows;
}

test('export annotations: JSON Lines and CSV hold the same records, and the CSV parses back', async () => {
  const j = io();
  assert.equal(await runExport(['annotations', '--format', 'jsonl', '.', '--no-config'], j), 0, j.err);
  const records = j.out.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const c = io();
  assert.equal(await runExport(['annotations', '--format', 'csv', '.', '--no-config'], c), 0, c.err);
  const [header, ...rows] = parseCsv(c.out);
  assert.deepEqual(header, [...RECORD_COLUMNS]);
  assert.equal(rows.length, records.length);
  rows.forEach((row, i) => {
    const r = records[i]!;
    RECORD_COLUMNS.forEach((col, k) => {
      const v = r[col];
      const expected = v === null ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
      assert.equal(row[k], expected, `row ${i + 1}, ${col}`);
    });
  });
  const tagged = records.find((r) => r['annotation_id'] === 'urn:uuid:11111111-1111-4111-8111-111111111111')!;
  assert.deepEqual(
    { kind: tagged['kind'], text: tagged['text'], property: tagged['property'], value: tagged['value'], rating: tagged['rating'], annotator: tagged['annotator'], line: tagged['line'] },
    { kind: 'claim', text: '331 games', property: 'appearances', value: 331, rating: 'false', annotator: 'Alice, "the desk"', line: 39 },
  );
  assert.equal(tagged['subject_id'], 'casemiro');
  const commented = records.find((r) => r['annotation_id'] === 'urn:uuid:22222222-2222-4222-8222-222222222222')!;
  assert.equal(commented['rating'], null);
  assert.equal(commented['comment'], 'Check the 2019/20 title.');
  const orphan = records.find((r) => r['kind'] === 'orphan')!;
  assert.equal(orphan['text'], '99 goals');
  assert.equal(orphan['line'], null);
  assert.ok(records.filter((r) => r['kind'] === 'claim' && r['rating'] === null).length > 5, 'untagged claims are exported too');
});

test('export: usage errors exit 2 and say what is wrong', async () => {
  for (const args of [[], ['nonsense', '.'], ['annotations', '--format', 'xml', '.'], ['claimreview']]) {
    const o = io();
    assert.equal(await runExport(args, o), 2, args.join(' '));
    assert.match(o.err, /touchline export: /);
  }
});

test('ClaimReview addresses come from the setting: {id}, an anchor, or the tag id', () => {
  const id = 'urn:uuid:11111111-1111-4111-8111-111111111111';
  assert.equal(reviewUrl('https://x.org/checks/{id}.html', id), 'https://x.org/checks/11111111-1111-4111-8111-111111111111.html');
  assert.equal(reviewUrl('https://x.org/checks', id), 'https://x.org/checks#11111111-1111-4111-8111-111111111111');
  assert.equal(reviewUrl('', id), id);
});
