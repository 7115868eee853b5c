import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DatePrecision, DateValue } from '../../server/src/core/model';
import { dateHoverMarkdown, describeDate } from '../../server/src/core/dates';

const v = (value: string, precision: DatePrecision): DateValue => ({ value, precision });
const FRI = v('2024-04-19', 'day');

test('distance in days, pluralised, both languages', () => {
  assert.deepEqual(describeDate(v('2024-04-21', 'day'), FRI, 'en'), {
    iso: '2024-04-21', precision: 'day', precisionLabel: 'day', resolved: true, distance: "2 days after the article's date",
  });
  assert.equal(describeDate(v('2024-04-21', 'day'), FRI, 'it').distance, "2 giorni dopo la data dell'articolo");
  assert.equal(describeDate(v('2024-04-18', 'day'), FRI, 'en').distance, "1 day before the article's date");
  assert.equal(describeDate(v('2024-04-18', 'day'), FRI, 'it').distance, "1 giorno prima della data dell'articolo");
  assert.equal(describeDate(v('2024-04-19', 'day'), FRI, 'en').distance, "the article's date");
  assert.equal(describeDate(v('2024-04-19', 'day'), FRI, 'it').distance, "la data dell'articolo");
});

test('long distances in years, months and days', () => {
  assert.equal(describeDate(v('2023-01-03', 'day'), FRI, 'en').distance, "1 year, 3 months and 16 days before the article's date");
  assert.equal(describeDate(v('2024-06-19', 'day'), FRI, 'it').distance, "2 mesi dopo la data dell'articolo");
  assert.equal(describeDate(v('2024-03-01', 'day'), v('2024-04-30', 'day'), 'en').distance, "1 month and 29 days before the article's date");
  assert.equal(describeDate(v('2022-04', 'month'), FRI, 'en').distance, "2 years before the article's date");
  assert.equal(describeDate(v('2021-01', 'month'), FRI, 'it').distance, "3 anni e 3 mesi prima della data dell'articolo");
});

test('coarser precisions compare at the coarser level', () => {
  assert.equal(describeDate(v('2024-01', 'month'), FRI, 'en').distance, "3 months before the article's date");
  assert.equal(describeDate(v('2024-04', 'month'), FRI, 'en').distance, "the same month as the article's date");
  assert.equal(describeDate(v('2024-W15', 'week'), FRI, 'en').distance, "1 week before the article's date");
  assert.equal(describeDate(v('2024-W16', 'week'), FRI, 'it').distance, "la stessa settimana della data dell'articolo");
  assert.equal(describeDate(v('2022', 'year'), FRI, 'en').distance, "2 years before the article's date");
  assert.equal(describeDate(v('2022', 'year'), FRI, 'it').distance, "2 anni prima della data dell'articolo");
  assert.equal(describeDate(v('2024/2025', 'season'), FRI, 'en').distance, "1 season after the article's date");
  assert.equal(describeDate(v('2026/2027', 'season'), FRI, 'it').distance, "3 stagioni dopo la data dell'articolo");
  assert.equal(describeDate(v('2023/2024', 'season'), FRI, 'en').distance, "the same season as the article's date");
  assert.equal(describeDate(v('2024-04-21', 'day'), v('2025-01', 'month'), 'en').distance, "9 months before the article's date");
  assert.equal(describeDate(v('2023/2024', 'season'), v('2024', 'year'), 'en').distance, "overlaps the article's date");
  assert.equal(describeDate(v('2020/2021', 'season'), v('2024', 'year'), 'en').distance, "3 years before the article's date");
});

test('unresolved relative dates and articles without a date', () => {
  const d = describeDate({ value: 'XXXX-XX-XX', precision: 'day', relative: true }, undefined, 'en');
  assert.equal(d.resolved, false);
  assert.equal(d.distance, "relative to the article's date, which is not known");
  assert.equal(describeDate(v('XXXX-XX-XX', 'day'), v('2025-01', 'month'), 'it').distance, "relativa alla data dell'articolo (2025-01), non abbastanza precisa per risolverla");
  assert.equal(describeDate(v('2022', 'year'), undefined, 'en').distance, undefined);
});

test('hover markdown', () => {
  assert.equal(dateHoverMarkdown(v('2024-04-21', 'day'), FRI, 'en'), "**2024-04-21** · day\n\n2 days after the article's date (2024-04-19)");
  assert.equal(dateHoverMarkdown(v('2024/2025', 'season'), FRI, 'it'), "**2024/2025** · stagione\n\n1 stagione dopo la data dell'articolo (2024-04-19)");
  assert.equal(dateHoverMarkdown(v('2022', 'year'), undefined, 'en'), '**2022** · year');
  assert.equal(dateHoverMarkdown(v('XXXX-XX-XX', 'day'), undefined, 'en'), "**relative date** · day\n\nrelative to the article's date, which is not known");
});
