import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fromDayNumber, isoWeek, isoWeekday, isoWeeksInYear, isValidDay, seasonStartYear, toDayNumber,
} from '../../server/src/core/dates/calendar';

test('day numbers agree with Date for 1899–2101', () => {
  for (let n = toDayNumber({ year: 1899, month: 1, day: 1 }); n <= toDayNumber({ year: 2101, month: 12, day: 31 }); n += 1) {
    const d = new Date(n * 86_400_000);
    const ymd = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    assert.deepEqual(fromDayNumber(n), ymd);
    assert.equal(toDayNumber(ymd), n);
  }
});

test('weekdays and ISO weeks', () => {
  assert.equal(isoWeekday({ year: 2024, month: 4, day: 19 }), 5); // Friday
  assert.equal(isoWeekday({ year: 2024, month: 4, day: 21 }), 7); // Sunday
  assert.deepEqual(isoWeek({ year: 2024, month: 4, day: 19 }), { year: 2024, week: 16 });
  assert.deepEqual(isoWeek({ year: 2021, month: 1, day: 3 }), { year: 2020, week: 53 });
  assert.deepEqual(isoWeek({ year: 2024, month: 12, day: 30 }), { year: 2025, week: 1 });
  assert.equal(isoWeeksInYear(2020), 53);
  assert.equal(isoWeeksInYear(2024), 52);
});

test('football seasons run July to June; leap days', () => {
  assert.equal(seasonStartYear(2024, 4), 2023);
  assert.equal(seasonStartYear(2024, 7), 2024);
  assert.ok(isValidDay(2024, 2, 29));
  assert.ok(!isValidDay(2023, 2, 29));
  assert.ok(!isValidDay(1900, 2, 29));
  assert.ok(isValidDay(2000, 2, 29));
});
