/**
 * Dates in the knowledge base and in queries, as inclusive intervals of days.
 *
 * A date names a period: `2024` the whole year, `2024-04` the month, `2024-04-19` the day,
 * `2013/2014` (or `2013/14`) a football season, taken as 1 July 2013 – 30 June 2014, and
 * `2024-W16` an ISO week. Comparisons are conservative: something happened "surely before"
 * a period when its own period ends on or before the other's start.
 */

/** An inclusive interval of days since 1970-01-01. */
export interface DayInterval {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;

function day(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

function lastDayOfMonth(y: number, m: number): number {
  return day(y, m + 1, 1) - 1;
}

const DATE_RE = /^([12]\d{3})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const SEASON_RE = /^([12]\d{3})\/(\d{2}|\d{4})$/;
const WEEK_RE = /^([12]\d{3})-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** Normalises a date as written in a file (`2013` may be a number in YAML) to a string. */
export function dateString(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'string') return v.trim();
  return undefined;
}

/** Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` into its interval; undefined when invalid. */
export function parseDate(s: string): DayInterval | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (!m[2]) return { start: day(y, 1, 1), end: day(y, 12, 31) };
  const mo = Number(m[2]);
  if (!m[3]) return { start: day(y, mo, 1), end: lastDayOfMonth(y, mo) };
  const d = Number(m[3]);
  const v = day(y, mo, d);
  // Reject 2023-02-30 and the like.
  if (v > lastDayOfMonth(y, mo)) return undefined;
  return { start: v, end: v };
}

/** Parses a season `2013/2014` or `2013/14`: 1 July of the first year to 30 June of the next. */
export function parseSeason(s: string): DayInterval | undefined {
  const m = SEASON_RE.exec(s);
  if (!m) return undefined;
  const y1 = Number(m[1]);
  const y2 = m[2]!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (y2 !== y1 + 1) return undefined;
  return { start: day(y1, 7, 1), end: day(y2, 6, 30) };
}

/** Any date a query may carry: dates, seasons and ISO weeks (`2024-W16`). */
export function parseAnyDate(s: string): DayInterval | undefined {
  const d = parseDate(s) ?? parseSeason(s);
  if (d) return d;
  const w = WEEK_RE.exec(s);
  if (!w) return undefined;
  const y = Number(w[1]);
  const jan4 = day(y, 1, 4);
  // Day 0 (1970-01-01) was a Thursday: weekday index with Monday = 0.
  const weekday = (((jan4 + 3) % 7) + 7) % 7;
  const start = jan4 - weekday + (Number(w[2]) - 1) * 7;
  return { start, end: start + 6 };
}

/** The interval a query date stands for; no date means "as late as is known". */
export function queryInterval(asOf: string | undefined): DayInterval {
  if (asOf === undefined) return { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
  return parseAnyDate(asOf) ?? { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
}
