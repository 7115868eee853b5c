/**
 * Resolving relative dates against the article's date.
 *
 * The rule for a date that names no year or direction ("on Sunday", "domenica", "in
 * December", "21 aprile"):
 *  1. an explicit word decides: "last"/"scorso" → the previous one, strictly before the
 *     article's date; "next"/"prossimo" → the following one, strictly after; "this"/"questo"
 *     → the coming one, the article's day included; "since" → on or before;
 *  2. else the clause's tense (see `tense.ts`): past → the latest on or before the article's
 *     date, future → the earliest on or after, looking no further than six days for a
 *     weekday, eleven months for a month and six months for a day of a month (a payment
 *     "due Dec. 7" in a past-tense sentence written in October is still this December);
 *  3. else a weekday is the latest on or before the article's date (news reports mostly look
 *     back: in TimeBank 120 of 125 bare weekdays are the article's day or before it), and a
 *     month or a day of a month is the nearest one (ties go to the past).
 * "Day-month without year takes the year from the article date" is the common case of 3.
 *
 * A reference too coarse for the expression ("yesterday" in an article dated `2025-01`)
 * gives the {@link UNRESOLVED} placeholder of the expression's precision, never a guess.
 */
import type { DatePrecision, DateValue } from '../model';
import {
  addDays, formatDay, formatMonthIndex, formatSeason, formatWeek, formatYear, isValidDay, isoWeekMonday,
  isoWeekday, monthIndex, seasonStartYear, toDayNumber, type Ymd,
} from './calendar';
import { UNRESOLVED, parseDateValue, type ParsedDate } from './value';
import type { Unit } from './lexicon';

/**
 * How a date without a year is placed relative to the article's date: by an explicit word
 * ("last", "next", "this"; "since" = on or before), by the clause's tense ("past",
 * "future"), or the nearest.
 */
export type Direction = 'last' | 'next' | 'this' | 'onOrBefore' | 'past' | 'future' | 'nearest';

/** The article's date as a reference for resolution. */
export interface Reference {
  /** The exact day, when the article's date has day precision. */
  readonly day?: Ymd;
  /** Monday of the article's ISO week, when known (day or week precision). */
  readonly monday?: Ymd;
  /** Year and month, when known (day or month precision; a week's Thursday). */
  readonly month?: { readonly year: number; readonly month: number };
  /** The calendar year, when known. */
  readonly year?: number;
  /** First year of the football season the article's date falls in, when known. */
  readonly season?: number;
}

/** A reference from the article's date; an empty one when there is none. */
export function referenceOf(articleDate: DateValue | undefined): Reference {
  const p: ParsedDate | undefined = articleDate ? parseDateValue(articleDate.value) : undefined;
  if (!p) return {};
  switch (p.precision) {
    case 'day':
      return { day: p, monday: addDays(p, 1 - isoWeekday(p)), month: p, year: p.year, season: seasonStartYear(p.year, p.month) };
    case 'week': {
      const monday = isoWeekMonday(p.year, p.week);
      const thursday = addDays(monday, 3);
      return { monday, month: thursday, year: thursday.year, season: seasonStartYear(thursday.year, thursday.month) };
    }
    case 'month':
      return { month: p, year: p.year, season: seasonStartYear(p.year, p.month) };
    case 'year':
      return { year: p.year };
    case 'season':
      return { season: p.year };
  }
}

const unresolved = (precision: DatePrecision): DateValue => ({ value: UNRESOLVED[precision], precision });

/** The day `offset` days from the article's day. */
export function resolveDayOffset(ref: Reference, offset: number): DateValue {
  return ref.day ? { value: formatDay(addDays(ref.day, offset)), precision: 'day' } : unresolved('day');
}

/** "last week", "this weekend", "two weeks ago": the ISO week `offset` weeks from the article's. */
export function resolveWeekOffset(ref: Reference, offset: number): DateValue {
  return ref.monday ? { value: formatWeek(addDays(ref.monday, offset * 7)), precision: 'week' } : unresolved('week');
}

/**
 * "the weekend" / "il weekend" with no other word: the one just past when the clause is
 * in the past tense or the article is dated Monday–Wednesday, else the coming one.
 */
export function resolveWeekend(ref: Reference, direction: Direction): DateValue {
  if (!ref.day) return unresolved('week');
  const wd = isoWeekday(ref.day);
  let offset = 0;
  if (direction === 'last') offset = -1;
  else if (direction === 'next') offset = wd >= 6 ? 1 : 0;
  else if (direction === 'past' || direction === 'onOrBefore') offset = wd >= 6 ? 0 : -1;
  else if (direction === 'nearest') offset = wd <= 3 ? -1 : 0;
  return resolveWeekOffset(ref, offset);
}

export function resolveMonthOffset(ref: Reference, offset: number): DateValue {
  if (!ref.month) return unresolved('month');
  return { value: formatMonthIndex(monthIndex(ref.month.year, ref.month.month) + offset), precision: 'month' };
}

export function resolveYearOffset(ref: Reference, offset: number): DateValue {
  return ref.year !== undefined ? { value: formatYear(ref.year + offset), precision: 'year' } : unresolved('year');
}

export function resolveSeasonOffset(ref: Reference, offset: number): DateValue {
  return ref.season !== undefined ? { value: formatSeason(ref.season + offset), precision: 'season' } : unresolved('season');
}

/** `offset` units from the article's date ("a year ago" = year −1, "next season" = season +1). */
export function resolveUnitOffset(ref: Reference, unit: Unit, offset: number): DateValue {
  switch (unit) {
    case 'day':
      return resolveDayOffset(ref, offset);
    case 'week':
    case 'weekend':
      return resolveWeekOffset(ref, offset);
    case 'month':
      return resolveMonthOffset(ref, offset);
    case 'year':
      return resolveYearOffset(ref, offset);
    case 'season':
      return resolveSeasonOffset(ref, offset);
  }
}

/**
 * Pick among candidate offsets (ascending) by direction. The tense directions ("past",
 * "future") only look within `window` units and otherwise give way to the nearest; the
 * explicit ones ("last", "next", "onOrBefore" for "since") reach as far as needed.
 */
function choose(offsets: readonly number[], direction: Direction, window: number): number | undefined {
  switch (direction) {
    case 'last':
      return last(offsets.filter((o) => o < 0));
    case 'next':
      return offsets.find((o) => o > 0);
    case 'onOrBefore':
      return last(offsets.filter((o) => o <= 0));
    case 'this':
    case 'future':
      return offsets.find((o) => o >= 0 && o <= window) ?? nearest(offsets);
    case 'past':
      return last(offsets.filter((o) => o <= 0 && -o <= window)) ?? nearest(offsets);
    case 'nearest':
      return nearest(offsets);
  }
}

/** The offset closest to zero; ties keep the earlier (past) one. */
function nearest(offsets: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const o of offsets) if (best === undefined || Math.abs(o) < Math.abs(best)) best = o;
  return best;
}

function last<T>(xs: readonly T[]): T | undefined {
  return xs.length > 0 ? xs[xs.length - 1] : undefined;
}

/** A weekday (1 = Monday … 7 = Sunday) placed by direction around the article's day. */
export function resolveWeekday(ref: Reference, weekday: number, direction: Direction): DateValue {
  if (!ref.day) return unresolved('day');
  const delta = weekday - isoWeekday(ref.day); // −6 … 6
  const before = delta > 0 ? delta - 7 : delta; // −6 … 0
  const after = delta < 0 ? delta + 7 : delta; // 0 … 6
  let offset: number;
  switch (direction) {
    case 'last':
      offset = before === 0 ? -7 : before;
      break;
    case 'next':
      offset = after === 0 ? 7 : after;
      break;
    case 'this':
    case 'future':
      offset = after;
      break;
    case 'past':
    case 'onOrBefore':
      offset = before;
      break;
    case 'nearest':
      offset = -before <= after ? before : after;
      break;
  }
  return { value: formatDay(addDays(ref.day, offset)), precision: 'day' };
}

/** A month without a year ("in December", "a gennaio"), placed by direction. */
export function resolveMonth(ref: Reference, month: number, direction: Direction): DateValue {
  if (ref.month) {
    const base = monthIndex(ref.month.year, ref.month.month);
    const offsets = [-1, 0, 1].map((dy) => monthIndex(ref.month!.year + dy, month) - base);
    const offset = direction === 'this' ? monthIndex(ref.month.year, month) - base : choose(offsets, direction, 11);
    if (offset !== undefined) return { value: formatMonthIndex(base + offset), precision: 'month' };
  }
  const year = yearForMonth(ref, month);
  return year !== undefined ? { value: formatMonthIndex(monthIndex(year, month)), precision: 'month' } : unresolved('month');
}

/** A day and month without a year ("21 aprile", "April 21st"), placed by direction. */
export function resolveDayMonth(ref: Reference, month: number, day: number, direction: Direction): DateValue {
  if (ref.day) {
    if (direction === 'this') {
      return isValidDay(ref.day.year, month, day) ? { value: formatDay({ year: ref.day.year, month, day }), precision: 'day' } : unresolved('day');
    }
    const base = toDayNumber(ref.day);
    const offsets: number[] = [];
    for (const dy of [-1, 0, 1]) {
      const y = ref.day.year + dy;
      if (isValidDay(y, month, day)) offsets.push(toDayNumber({ year: y, month, day }) - base);
    }
    const offset = choose(offsets, direction, 183);
    return offset !== undefined ? { value: formatDay(addDays(ref.day, offset)), precision: 'day' } : unresolved('day');
  }
  let year: number | undefined;
  if (ref.month) {
    const base = monthIndex(ref.month.year, ref.month.month);
    const offsets = [-1, 0, 1].map((dy) => monthIndex(ref.month!.year + dy, month) - base);
    const offset = choose(offsets, direction === 'this' ? 'future' : direction, 6);
    if (offset !== undefined) year = Math.floor((base + offset) / 12);
  } else {
    year = yearForMonth(ref, month);
  }
  return year !== undefined && isValidDay(year, month, day) ? { value: formatDay({ year, month, day }), precision: 'day' } : unresolved('day');
}

/** The year of a month when only the article's year or season is known. */
function yearForMonth(ref: Reference, month: number): number | undefined {
  if (ref.year !== undefined) return ref.year;
  if (ref.season !== undefined) return month >= 7 ? ref.season : ref.season + 1;
  return undefined;
}
