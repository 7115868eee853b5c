import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { articleDate, parseDateHeader, parseDateSetting, parseIsoDate } from '../../server/src/core/dates';

const samples = resolve(__dirname, '../../samples');

test('the date header: day and month precision, text after it, leading space', () => {
  const text = ' date 2024-04-19 Advertisement\n\nReal Madrid manager…';
  const d = parseDateHeader(text);
  assert.deepEqual(d, { value: '2024-04-19', precision: 'day', source: 'header', span: { start: 6, end: 16 } });
  assert.equal(text.slice(d!.span!.start, d!.span!.end), '2024-04-19');
  assert.deepEqual(parseDateHeader(' date 2025-01 Carlo Ancelotti lascerà'), { value: '2025-01', precision: 'month', source: 'header', span: { start: 6, end: 13 } });
  assert.equal(parseDateHeader('date 2024')?.precision, 'year');
  assert.equal(parseDateHeader('Date: 2024-04-19')?.value, '2024-04-19');
  assert.equal(parseDateHeader('data 2024-04-19 Il Real…')?.value, '2024-04-19');
});

test('the date header with a BOM, CRLF, tabs', () => {
  assert.deepEqual(parseDateHeader('\uFEFFdate 2024-04-19\r\nText')?.span, { start: 6, end: 16 });
  assert.equal(parseDateHeader('\t date\t2024-04-19\r\n')?.value, '2024-04-19');
  assert.equal(parseDateHeader('date 2024-04-19')?.value, '2024-04-19');
});

test('malformed or missing headers give undefined and never throw', () => {
  for (const text of [
    'date 2024-13-45', 'date 2024-02-30', 'date 2023-02-29', 'date foo', 'date', 'date ', 'date 2024-4-19', 'date 2024-04-19x',
    'date 2024-04-19-01', 'date 24-04-19', 'Carlo Ancelotti potrebbe…', '', '\n date 2024-04-19', 'update 2024-04-19',
    'date\n2024-04-19', '\uD800date 2024-04-19',
  ]) {
    assert.equal(parseDateHeader(text), undefined, JSON.stringify(text));
  }
  assert.equal(parseDateHeader('date 2024-02-29')?.value, '2024-02-29');
  assert.equal(parseDateHeader(' '.repeat(1_000_000) + 'date 2024-04-19'), undefined);
});

test('the seed articles: three headers, one without', () => {
  const found = readdirSync(samples)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDateHeader(readFileSync(join(samples, f), 'utf8'))?.value);
  assert.deepEqual(found, ['2024-04-19', '2025-01', undefined, '2024-11']);
});

test('a date from a setting', () => {
  assert.deepEqual(parseDateSetting('2024-04-19'), { value: '2024-04-19', precision: 'day', source: 'setting' });
  assert.deepEqual(parseIsoDate(' 2024-04 '), { value: '2024-04', precision: 'month' });
  assert.deepEqual(parseIsoDate('2024'), { value: '2024', precision: 'year' });
  assert.deepEqual(parseIsoDate('2024-W16'), { value: '2024-W16', precision: 'week' });
  assert.deepEqual(parseIsoDate('2021/22'), { value: '2021/2022', precision: 'season' });
  assert.deepEqual(parseIsoDate('2021/2022'), { value: '2021/2022', precision: 'season' });
  assert.deepEqual(parseIsoDate('2024-04-19T10:30:00Z'), { value: '2024-04-19', precision: 'day' });
  assert.deepEqual(parseIsoDate('2024-04-19T10:30:00.123+02:00'), { value: '2024-04-19', precision: 'day' });
  for (const bad of ['2024-13', '2024-02-30', '2021/23', '2024-W54', 'garbage', '', '19-04-2024', '2024-04-19T25']) {
    assert.equal(parseIsoDate(bad), undefined, bad);
  }
  assert.equal(parseDateSetting(undefined), undefined);
  assert.equal(parseIsoDate('2020-W53')?.value, '2020-W53');
});

test('the header wins over the setting', () => {
  assert.equal(articleDate('date 2024-04-19\n', '2020-01-01')?.source, 'header');
  assert.deepEqual(articleDate('No header here.', '2020-01-01'), { value: '2020-01-01', precision: 'day', source: 'setting' });
  assert.equal(articleDate('date 2024-13-45', 'nope'), undefined);
});
