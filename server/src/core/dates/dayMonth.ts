/**
 * A day and month, with or without a year: "21 aprile 2024", "21st of April", "1° maggio",
 * "April 21, 2024", "Sept. 30", "3 July last year"; and years named relative to the
 * article's after a date ("July last year", "luglio dell'anno scorso").
 */
import type { DateValue } from '../model';
import { daysInMonth, formatDay, isValidDay } from './calendar';
import { resolveDayMonth, type Direction } from './resolve';
import {
  IT_NEXT, IT_PAST, capitalised, date, isDigit, isLetter, isWord, next, prev, tenseDirection, type Found, type Scan, type Token,
} from './scan';
import { UNRESOLVED } from './value';

interface DayMonth {
  readonly end: number;
  readonly month: number;
  readonly day: number;
  readonly year?: number;
}

/** Ordinal suffix after a day number: "21st", "1°"; returns where the day ends, or -1. */
function dayEnd(s: Scan, numEnd: number): number {
  const t = s.text;
  const c = t.charCodeAt(numEnd);
  if (c === 0xb0 || c === 0xba || c === 0xaa) return numEnd + 1;
  if (isLetter(c)) {
    const suffix = t.slice(numEnd, numEnd + 2).toLowerCase();
    if (s.lang === 'en' && (suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th') && !isLetter(t.charCodeAt(numEnd + 2))) return numEnd + 2;
    return -1;
  }
  return numEnd;
}

/** "21 aprile [2024]", "21st of April[, 2024]" starting at the day number. */
export function dayMonthAt(s: Scan, at: number): DayMonth | undefined {
  const num = next(s, at);
  if (!num || num.kind !== 'num' || num.start !== at || num.low.length > 2) return undefined;
  const day = Number(num.low);
  if (day < 1 || day > 31) return undefined;
  const dEnd = dayEnd(s, num.end);
  if (dEnd < 0) return undefined;
  let tok = next(s, dEnd);
  if (s.lang === 'en' && isWord(tok, 'of')) tok = next(s, tok.end);
  const month = monthToken(s, tok);
  if (!month || day > daysInMonth(2000, month.month)) return undefined;
  const year = yearAfter(s, month.end);
  return year ? { end: year.end, month: month.month, day, year: year.year } : { end: month.end, month: month.month, day };
}

/** A month name or abbreviation (with its dot); English months must be capitalised. */
function monthToken(s: Scan, tok: Token | undefined): { readonly month: number; readonly end: number } | undefined {
  if (!tok || tok.kind !== 'word') return undefined;
  if (s.lang === 'en' && !capitalised(s, tok.start)) return undefined;
  const full = s.lex.months.get(tok.low);
  if (full) return { month: full, end: tok.end };
  const abbr = s.lex.monthAbbreviations.get(tok.low);
  if (!abbr) return undefined;
  return { month: abbr, end: s.text.charCodeAt(tok.end) === 0x2e ? tok.end + 1 : tok.end };
}

/** A year after a date: "[,] 2024" (or "del 2024", "of 2024"). */
export function yearAfter(s: Scan, pos: number): { readonly year: number; readonly end: number } | undefined {
  let tok = next(s, pos);
  if (tok?.kind === 'punct' && tok.low === ',') tok = next(s, tok.end);
  if (tok?.kind !== 'num' || tok.low.length !== 4) return undefined;
  const c = s.text.charCodeAt(tok.end);
  if (isLetter(c) || isDigit(c) || ((c === 0x2d || c === 0x2f || c === 0x2013) && isDigit(s.text.charCodeAt(tok.end + 1)))) return undefined;
  const year = Number(tok.low);
  return year >= 1000 && year <= 2999 ? { year, end: tok.end } : undefined;
}

export function dayMonthDate(s: Scan, start: number, dm: DayMonth): Found {
  if (dm.year !== undefined) {
    return isValidDay(dm.year, dm.month, dm.day)
      ? date(start, dm.end, { value: formatDay({ year: dm.year, month: dm.month, day: dm.day }), precision: 'day' }, false)
      : { kind: 'skip', end: dm.end };
  }
  const rel = relativeYearAfter(s, dm.end);
  if (rel) {
    const year = s.ref.year === undefined ? undefined : s.ref.year + rel.offset;
    const value: DateValue =
      year !== undefined && isValidDay(year, dm.month, dm.day) ? { value: formatDay({ year, month: dm.month, day: dm.day }), precision: 'day' } : { value: UNRESOLVED.day, precision: 'day' };
    return date(start, rel.end, value, true);
  }
  const direction = sinceDirection(s, start) ?? tenseDirection(s, start, dm.end, 'nearest');
  return date(start, dm.end, resolveDayMonth(s.ref, dm.month, dm.day, direction), true);
}

/** "since" before a date without a year: on or before the article's date. */
function sinceDirection(s: Scan, start: number): Direction | undefined {
  return s.lang === 'en' && isWord(prev(s, start), 'since') ? 'onOrBefore' : undefined;
}

/**
 * A year relative to the article's after a month or a day: "last year", "this year",
 * "next year"; "dell'anno scorso", "dello scorso anno", "di quest'anno", "del prossimo anno".
 */
export function relativeYearAfter(s: Scan, pos: number): { readonly offset: number; readonly end: number } | undefined {
  const a = next(s, pos);
  if (!a || a.kind !== 'word') return undefined;
  if (s.lang === 'en') {
    const b = isWord(a, 'last', 'this', 'next') ? next(s, a.end) : undefined;
    return isWord(b, 'year') ? { offset: a.low === 'last' ? -1 : a.low === 'next' ? 1 : 0, end: b.end } : undefined;
  }
  // "dell'anno scorso", "l'anno prossimo"
  if (isWord(a, "dell'", "l'")) {
    const anno = next(s, a.end);
    const which = isWord(anno, 'anno') ? next(s, anno.end) : undefined;
    const offset = itYearOffset(which);
    return which && offset !== undefined && offset !== 0 ? { offset, end: which.end } : undefined;
  }
  // "dello scorso anno", "del prossimo anno", "di questo anno", "di quest'anno"
  if (isWord(a, 'di', 'del', 'dello', 'il', 'lo')) {
    const which = next(s, a.end);
    const offset = itYearOffset(which);
    const anno = which ? next(s, which.end) : undefined;
    if (offset !== undefined && isWord(anno, 'anno')) return { offset, end: anno.end };
  }
  return undefined;
}

/** −1 for "scorso", +1 for "prossimo", 0 for "questo"/"quest'". */
function itYearOffset(tok: Token | undefined): number | undefined {
  if (tok?.kind !== 'word') return undefined;
  if (IT_PAST.has(tok.low)) return -1;
  if (IT_NEXT.has(tok.low)) return 1;
  return tok.low === 'questo' || tok.low === "quest'" ? 0 : undefined;
}

/** English "April 21[st][, 2024]" from the month's token. */
export function monthDayAt(s: Scan, tok: Token | undefined): DayMonth | undefined {
  const m = monthToken(s, tok);
  if (!m) return undefined;
  const num = next(s, m.end);
  if (num?.kind !== 'num' || num.low.length > 2) return undefined;
  const day = Number(num.low);
  const dEnd = dayEnd(s, num.end);
  const t = s.text;
  const c = t.charCodeAt(num.end);
  const timeOrScore =
    (c === 0x3a && isDigit(t.charCodeAt(num.end + 1))) ||
    ((c === 0x2d || c === 0x2013) && isDigit(t.charCodeAt(num.end + 1)) && !isDayRange(s, num.end, day));
  if (day < 1 || day > daysInMonth(2000, m.month) || dEnd < 0 || timeOrScore) return undefined;
  const year = yearAfter(s, dEnd);
  return year ? { end: year.end, month: m.month, day, year: year.year } : { end: dEnd, month: m.month, day };
}

/** "April 5-6": a day number followed by "-" and a later day, not a score. */
function isDayRange(s: Scan, pos: number, day: number): boolean {
  const second = next(s, pos + 1);
  if (second?.kind !== 'num' || second.start !== pos + 1 || second.low.length > 2) return false;
  const n = Number(second.low);
  return n > day && n <= 31;
}
