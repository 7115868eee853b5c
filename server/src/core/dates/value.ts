/**
 * Date values as the model writes them, parsed into parts; the placeholder values of
 * relative dates that cannot be resolved; and the first and last day a value covers.
 */
import type { DatePrecision, DateValue } from '../model';
import { formatSeason, isValidDay, isoWeekMonday, isoWeeksInYear, addDays, daysInMonth, type Ymd } from './calendar';

/** A date value split into its parts. */
export type ParsedDate =
  | { readonly precision: 'day'; readonly year: number; readonly month: number; readonly day: number }
  | { readonly precision: 'week'; readonly year: number; readonly week: number }
  | { readonly precision: 'month'; readonly year: number; readonly month: number }
  | { readonly precision: 'year'; readonly year: number }
  | { readonly precision: 'season'; readonly year: number };

/**
 * Values given to relative dates ("yesterday", "domenica", "next season") when the article
 * has no date precise enough to resolve them: TimeML-style placeholders that never equal a
 * real value. {@link isResolved} tells them apart.
 */
export const UNRESOLVED: Readonly<Record<DatePrecision, string>> = {
  day: 'XXXX-XX-XX',
  week: 'XXXX-WXX',
  month: 'XXXX-XX',
  year: 'XXXX',
  season: 'XXXX/XXXX',
};

/** False for the placeholder values of relative dates that could not be resolved. */
export function isResolved(value: DateValue): boolean {
  return !value.value.includes('X');
}

const VALUE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|\/(\d{4}))?$/;

/** Parse a value in the model's formats; undefined when it is not one or names no real date. */
export function parseDateValue(value: string): ParsedDate | undefined {
  const m = VALUE_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1) return undefined;
  if (m[3] !== undefined) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    return isValidDay(year, month, day) ? { precision: 'day', year, month, day } : undefined;
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { precision: 'month', year, month } : undefined;
  }
  if (m[4] !== undefined) {
    const week = Number(m[4]);
    return week >= 1 && week <= isoWeeksInYear(year) ? { precision: 'week', year, week } : undefined;
  }
  if (m[5] !== undefined) return Number(m[5]) === year + 1 ? { precision: 'season', year } : undefined;
  return { precision: 'year', year };
}

/** The first and last day a value covers (a season runs 1 July – 30 June). */
export function dayRange(d: ParsedDate): { readonly first: Ymd; readonly last: Ymd } {
  switch (d.precision) {
    case 'day':
      return { first: d, last: d };
    case 'week': {
      const first = isoWeekMonday(d.year, d.week);
      return { first, last: addDays(first, 6) };
    }
    case 'month':
      return { first: { year: d.year, month: d.month, day: 1 }, last: { year: d.year, month: d.month, day: daysInMonth(d.year, d.month) } };
    case 'year':
      return { first: { year: d.year, month: 1, day: 1 }, last: { year: d.year, month: 12, day: 31 } };
    case 'season':
      return { first: { year: d.year, month: 7, day: 1 }, last: { year: d.year + 1, month: 6, day: 30 } };
  }
}

const ISO_SETTING_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?|-W(\d{2})|\/(\d{2}|\d{4}))?$/;

/**
 * Parse a date given in a setting or on a command line: `2024-04-19` (a time part such as
 * `T10:30:00Z` is accepted and dropped), `2024-04`, `2024`, `2024-W16`, `2021/2022` or
 * `2021/22`. Surrounding whitespace is ignored. Undefined for anything else; never throws.
 */
export function parseIsoDate(input: string): DateValue | undefined {
  if (typeof input !== 'string' || input.length > 64) return undefined;
  const m = ISO_SETTING_RE.exec(input.trim());
  if (!m) return undefined;
  if (m[5] !== undefined) {
    const start = Number(m[1]);
    const second = Number(m[5]);
    const ok = m[5].length === 2 ? second === (start + 1) % 100 : second === start + 1;
    return ok ? { value: formatSeason(start), precision: 'season' } : undefined;
  }
  const canonical = m[4] !== undefined ? `${m[1]}-W${m[4]}` : [m[1], m[2], m[3]].filter((p) => p !== undefined).join('-');
  const parsed = parseDateValue(canonical);
  return parsed ? { value: canonical, precision: parsed.precision } : undefined;
}
