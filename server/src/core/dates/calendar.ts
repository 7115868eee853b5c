/**
 * Calendar arithmetic on plain numbers (proleptic Gregorian, no time zones): day numbers,
 * weekdays, ISO weeks, football seasons, and the value strings of the model
 * (`2024-04-21`, `2024-W16`, `2024-04`, `2024`, `2021/2022`).
 */

/** A calendar day. `month` is 1–12. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year/month/day name a real day (years 1–9999). */
export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 1 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 (plain arithmetic: H. Hinnant's days-from-civil). */
export function toDayNumber(d: Ymd): number {
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((d.month + 9) % 12) + 2) / 5) + d.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day `n` days after 1970-01-01. */
export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Add `n` days. */
export function addDays(d: Ymd, n: number): Ymd {
  return fromDayNumber(toDayNumber(d) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Ymd): number {
  const w = (toDayNumber(d) + 3) % 7; // 1970-01-01 was a Thursday (3 with Monday = 0)
  return (w < 0 ? w + 7 : w) + 1;
}

/** ISO 8601 week-numbering year and week of a day. */
export function isoWeek(d: Ymd): { readonly year: number; readonly week: number } {
  const n = toDayNumber(d);
  const thursday = fromDayNumber(n - isoWeekday(d) + 4);
  const jan1 = toDayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((toDayNumber(thursday) - jan1) / 7) + 1 };
}

/** Monday of ISO week `week` of ISO year `year`. */
export function isoWeekMonday(year: number, week: number): Ymd {
  const jan4: Ymd = { year, month: 1, day: 4 };
  return addDays(jan4, (week - 1) * 7 - (isoWeekday(jan4) - 1));
}

/** Number of ISO weeks (52 or 53) in ISO year `year`. */
export function isoWeeksInYear(year: number): number {
  return isoWeek({ year, month: 12, day: 28 }).week;
}

/**
 * First calendar year of the football season containing a month: seasons run July–June,
 * so April 2024 is in 2023/2024 and August 2024 in 2024/2025.
 */
export function seasonStartYear(year: number, month: number): number {
  return month >= 7 ? year : year - 1;
}

/** Months since year 0, for month arithmetic. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** Zero-padded decimal. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatDay(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

export function formatWeek(d: Ymd): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week, 2)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function formatMonthIndex(index: number): string {
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

export function formatYear(year: number): string {
  return pad(year, 4);
}

/** A season value from its first year: 2021 → `2021/2022`. */
export function formatSeason(startYear: number): string {
  return `${pad(startYear, 4)}/${pad(startYear + 1, 4)}`;
}
