/**
 * Dates that start with a word: month names ("gennaio 2025", "in December"), weekdays
 * ("on Sunday", "domenica scorsa"), relative days ("yesterday", "domani") and phrases built
 * on a unit ("last week", "la prossima stagione", "two years ago", "tre giorni fa").
 */
import type { DateValue } from '../model';
import { formatMonth } from './calendar';
import { dayMonthAt, dayMonthDate, monthDayAt, relativeYearAfter, yearAfter } from './dayMonth';
import type { Unit } from './lexicon';
import {
  resolveDayOffset, resolveMonth, resolveSeasonOffset, resolveUnitOffset, resolveWeekday, resolveWeekend, type Direction,
} from './resolve';
import {
  EDGE_NOUNS, IT_NEXT, IT_PAST, IT_THIS, capitalised, date, extendBack, followsDate, isWord, next, prev, sentenceStart,
  tenseDirection, type Found, type Scan, type Token,
} from './scan';
import { UNRESOLVED } from './value';

export function atWord(s: Scan, at: number, end: number, low: string): Found | undefined {
  const lex = s.lex;
  const month = lex.months.get(low);
  if (month) return atMonth(s, at, end, low, month, false);
  const abbr = lex.monthAbbreviations.get(low);
  if (abbr) return atMonth(s, at, end, low, abbr, true);
  const weekday = lex.weekdays.get(low);
  if (weekday) return atWeekday(s, at, end, weekday);
  const offset = lex.relativeDays.get(low);
  if (offset !== undefined) return atRelativeDay(s, at, end, offset);
  const unit = lex.units.get(low);
  if (unit) return atUnit(s, at, end, unit.unit, unit.plural);
  return undefined;
}

/** Words before a lone English month that make it a month (needed for "May" and "March"). */
const EN_MONTH_CUES = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'early', 'late', 'mid', 'last', 'next',
  'this', 'of', 'throughout', 'through', 'end', 'between',
]);

function atMonth(s: Scan, at: number, end: number, low: string, month: number, abbr: boolean): Found | undefined {
  if (s.lang === 'en' && !capitalised(s, at)) return undefined;
  const mEnd = abbr && s.text.charCodeAt(end) === 0x2e ? end + 1 : end;
  // "April 21, 2024", "Sept. 30", "April 21st", "Sunday, April 21"
  if (s.lang === 'en') {
    const dm = monthDayAt(s, { start: at, end, kind: 'word', low });
    if (dm) {
      const before = prev(s, at);
      const wd = before?.kind === 'punct' && before.low === ',' ? prev(s, before.start) : before;
      const start = wd?.kind === 'word' && s.lex.weekdays.has(wd.low) && capitalised(s, wd.start) ? wd.start : at;
      return dayMonthDate(s, extendBack(s, start), dm);
    }
  }
  // "April 2024", "gennaio 2025", "aprile del 2024", "April of 2024"
  let yTok = next(s, mEnd);
  if (isWord(yTok, 'of', 'del')) yTok = next(s, yTok.end);
  if (yTok?.kind === 'num' && yTok.low.length === 4) {
    const y = yearAfter(s, yTok.start);
    if (y) return date(extendBack(s, at), y.end, { value: formatMonth(y.year, month), precision: 'month' }, false);
  }
  if (abbr) return undefined;
  return loneMonth(s, at, end, month);
}

/** A month named alone: "in December", "a gennaio", "last April", "aprile scorso". */
function loneMonth(s: Scan, at: number, end: number, month: number): Found | undefined {
  const before = prev(s, at);
  const after = next(s, end);
  let start = at;
  let stop = end;
  let direction: Direction | undefined;
  if (s.lang === 'en') {
    const cue =
      (before?.kind === 'word' && EN_MONTH_CUES.has(before.low)) ||
      (before?.low === '-' && isWord(prev(s, before.start), 'mid')) ||
      (before !== undefined && ['and', 'to', '-', '\u2013', 'or'].includes(before.low) && followsDate(s, before.start, 'month'));
    // "May" and "March" are words too; "April Jones" is a name.
    if (!cue && (month === 3 || month === 5 || (after?.kind === 'word' && capitalised(s, after.start)))) return undefined;
    if (isWord(before, 'last', 'next', 'this')) {
      direction = before.low === 'last' ? 'last' : before.low === 'next' ? 'next' : 'this';
      start = before.start;
    }
  } else {
    if (capitalised(s, at) && !sentenceStart(s, at)) return undefined; // a surname: "Christian Maggio"
    if (isWord(after, 'scorso', 'prossimo')) {
      direction = after.low === 'scorso' ? 'last' : 'next';
      stop = after.end;
    } else if (isWord(before, 'scorso', 'prossimo', 'questo')) {
      direction = before.low === 'scorso' ? 'last' : before.low === 'prossimo' ? 'next' : 'this';
      start = before.start;
      const article = prev(s, start);
      if (isWord(article, 'lo', 'il')) start = article.start;
    }
  }
  start = extendBack(s, start);
  const rel = direction === undefined ? relativeYearAfter(s, stop) : undefined;
  if (rel) {
    const value: DateValue = s.ref.year === undefined ? { value: UNRESOLVED.month, precision: 'month' } : { value: formatMonth(s.ref.year + rel.offset, month), precision: 'month' };
    return date(start, rel.end, value, true);
  }
  const dir = direction ?? (isWord(before, 'since') ? 'onOrBefore' : tenseDirection(s, start, stop, 'nearest'));
  return date(start, stop, resolveMonth(s.ref, month, dir), true);
}

/** English words after a weekday that make it a name ("Sunday Times"). */
const WEEKDAY_NAMES_AFTER = new Set(['times', 'telegraph', 'mirror', 'express', 'post', 'people', 'sport', 'league', 'herald', 'mail', 'world', 'tribune', 'independent', 'star', 'school', 'service']);

function atWeekday(s: Scan, at: number, end: number, weekday: number): Found | undefined {
  const en = s.lang === 'en';
  if (en && !capitalised(s, at)) return undefined;
  // "Sunday 21 April", "Sunday, April 21", "domenica 21 aprile"
  let pos = end;
  const comma = next(s, end);
  if (comma?.kind === 'punct' && comma.low === ',') pos = comma.end;
  const num = next(s, pos);
  const dm = num?.kind === 'num' && num.low.length <= 2 ? dayMonthAt(s, num.start) : en ? monthDayAt(s, num) : undefined;
  if (dm) return dayMonthDate(s, extendBack(s, at), dm);
  const after = next(s, end);
  if (en && after?.kind === 'word' && capitalised(s, after.start) && WEEKDAY_NAMES_AFTER.has(after.low)) return undefined;
  let start = at;
  let stop = end;
  let direction: Direction | undefined;
  const before = prev(s, at);
  if (en) {
    if (isWord(before, 'last', 'next', 'this')) {
      const det = prev(s, before.start);
      if (det?.kind === 'word' && ORDINAL_DETERMINERS.has(det.low)) return undefined; // "the last Sunday of May"
      direction = before.low === 'last' ? 'last' : before.low === 'next' ? 'next' : 'this';
      start = before.start;
    } else if (isWord(before, 'coming', 'past') && isWord(prev(s, before.start), 'this')) {
      direction = before.low === 'coming' ? 'this' : 'last';
      start = prev(s, before.start)!.start;
    }
  } else if (isWord(after, 'scorso', 'scorsa', 'prossimo', 'prossima')) {
    direction = after.low.startsWith('scors') ? 'last' : 'next';
    stop = after.end;
  } else if (isWord(before, 'scorso', 'scorsa', 'prossimo', 'prossima', 'questo', 'questa')) {
    direction = before.low.startsWith('scors') ? 'last' : before.low.startsWith('prossim') ? 'next' : 'this';
    start = before.start;
    const article = prev(s, start);
    if (isWord(article, 'lo', 'la', 'il')) start = article.start;
  }
  if (direction === undefined) start = extendBack(s, start); // "early Tuesday", "earlier Sunday"
  const dir = direction ?? tenseDirection(s, start, stop, 'past');
  return date(start, stop, resolveWeekday(s.ref, weekday, dir), true);
}

function atRelativeDay(s: Scan, at: number, end: number, offset: number): Found | undefined {
  let start = at;
  let days = offset;
  const before = prev(s, at);
  // A title mid-sentence: "VOA Today", "Match of the Day Tomorrow".
  if (s.lang === 'en' && capitalised(s, at) && before?.kind === 'word' && capitalised(s, before.start)) return undefined;
  if (s.lang === 'en' && (offset === -1 || offset === 1) && isWord(before, offset < 0 ? 'before' : 'after')) {
    // "the day before yesterday", "the day after tomorrow"
    const day = prev(s, before.start);
    if (isWord(day, 'day')) {
      const the = prev(s, day.start);
      start = isWord(the, 'the') ? the.start : day.start;
      days = offset * 2;
    }
  } else if (s.lang === 'it' && offset === -1 && isWord(before, 'altro')) {
    const article = prev(s, before.start);
    start = isWord(article, "l'") ? article.start : before.start;
    days = -2;
  } else if (s.lang === 'it' && offset === -2 && isWord(before, "l'")) {
    start = before.start;
  }
  return date(extendBack(s, start), end, resolveDayOffset(s.ref, days), true);
}

/** Determiners before "last"/"next" that make them ordinal ("the last season of his career"). */
const ORDINAL_DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'a', 'that']);

function atUnit(s: Scan, at: number, end: number, unit: Unit, plural: boolean): Found | undefined {
  const t = s.text;
  if (t.charCodeAt(at - 1) === 0x2d || t.charCodeAt(end) === 0x2d) return undefined; // "25-year-old", "year-end"
  const en = s.lang === 'en';
  const before = prev(s, at);
  const after = next(s, end);
  // "two weeks ago", "a year ago", "tre giorni fa", "un anno fa"
  if (isWord(after, en ? 'ago' : 'fa') && before) {
    const n = before.kind === 'num' && before.low.length <= 3 ? Number(before.low) : before.kind === 'word' ? s.lex.numberWords.get(before.low) : undefined;
    if (n !== undefined && n > 0 && (n === 1) !== plural) {
      const value = unit === 'weekend' ? resolveUnitOffset(s.ref, 'week', -n) : resolveUnitOffset(s.ref, unit, -n);
      return date(before.start, after.end, value, true);
    }
  }
  if (plural) return undefined;
  return en ? enUnitPhrase(s, at, end, unit, before) : itUnitPhrase(s, at, end, unit, before, after);
}

function enUnitPhrase(s: Scan, at: number, end: number, unit: Unit, before: Token | undefined): Found | undefined {
  if (!before || before.kind !== 'word') return undefined;
  // A title in capitals mid-sentence: ABC's "This Week".
  if (capitalised(s, before.start) && capitalised(s, at) && !sentenceStart(s, before.start)) return undefined;
  let offset: number | undefined;
  let start = before.start;
  const word = before.low;
  if (word === 'this') offset = 0;
  else if (word === 'last' || word === 'next') {
    const det = prev(s, before.start);
    if (det?.kind === 'word' && ORDINAL_DETERMINERS.has(det.low)) return undefined;
    offset = word === 'last' ? -1 : 1;
  } else if (word === 'current' || word === 'coming') {
    if (unit === 'day') return undefined;
    offset = word === 'current' ? 0 : 1;
    const the = prev(s, before.start);
    if (isWord(the, 'the', 'this')) start = the.start;
  } else if (word === 'the') {
    if (unit === 'weekend') return date(extendBack(s, start), end, resolveWeekend(s.ref, tenseDirection(s, start, end, 'nearest')), true);
    // "the end of the season", "the rest of the year"
    const of = prev(s, before.start);
    const edge = isWord(of, 'of') ? prev(s, of.start) : undefined;
    if ((unit === 'season' || unit === 'year' || unit === 'month') && edge?.kind === 'word' && EDGE_NOUNS.has(edge.low)) {
      const the = prev(s, edge.start);
      return date(isWord(the, 'the') ? the.start : edge.start, end, resolveUnitOffset(s.ref, unit, 0), true);
    }
    return undefined;
  }
  if (offset === undefined || unit === 'day') return undefined;
  const value = unit === 'weekend' ? resolveWeekend(s.ref, offset < 0 ? 'last' : offset > 0 ? 'next' : 'this') : resolveUnitOffset(s.ref, unit, offset);
  return date(extendBack(s, start), end, value, true);
}

function itUnitPhrase(s: Scan, at: number, end: number, unit: Unit, before: Token | undefined, after: Token | undefined): Found | undefined {
  let start = at;
  let stop = end;
  let offset: number | undefined;
  let effectiveUnit = unit;
  let pre = before;
  // "fine settimana" is the weekend
  if (unit === 'week' && isWord(pre, 'fine')) {
    effectiveUnit = 'weekend';
    start = pre.start;
    pre = prev(s, pre.start);
  }
  if (unit === 'day') return undefined;
  if (after?.kind === 'word' && (IT_PAST.has(after.low) || IT_NEXT.has(after.low) || after.low === 'attuale' || after.low === 'corrente')) {
    offset = IT_PAST.has(after.low) ? -1 : IT_NEXT.has(after.low) ? 1 : 0;
    stop = after.end;
  } else if (isWord(after, 'in')) {
    const corso = next(s, after.end);
    if (isWord(corso, 'corso')) {
      offset = 0;
      stop = corso.end;
    }
  }
  if (offset === undefined && pre?.kind === 'word' && (IT_PAST.has(pre.low) || IT_NEXT.has(pre.low) || IT_THIS.has(pre.low))) {
    offset = IT_PAST.has(pre.low) ? -1 : IT_NEXT.has(pre.low) ? 1 : 0;
    start = pre.start;
    pre = prev(s, pre.start);
  }
  if (offset === undefined) {
    if (effectiveUnit === 'weekend' && isWord(pre, 'il', 'lo', 'nel', 'del', 'al', 'questo')) {
      if (pre.low === 'questo') return date(pre.start, stop, resolveWeekend(s.ref, 'this'), true);
      const first = pre.low === 'il' || pre.low === 'lo' ? pre.start : start;
      return date(first, stop, resolveWeekend(s.ref, tenseDirection(s, first, stop, 'nearest')), true);
    }
    // "a fine stagione", "inizio anno", "fine mese"
    if ((unit === 'season' || unit === 'year' || unit === 'month') && isWord(pre, 'fine', 'inizio', 'metà')) {
      return date(pre.start, stop, resolveUnitOffset(s.ref, unit, 0), true);
    }
    return undefined;
  }
  if (pre?.kind === 'word' && s.lex.articles.has(pre.low) && (pre.end === start || s.text.charCodeAt(pre.end) !== 0x27)) start = pre.start;
  const value = effectiveUnit === 'weekend' ? resolveWeekend(s.ref, offset < 0 ? 'last' : offset > 0 ? 'next' : 'this') : unit === 'season' ? resolveSeasonOffset(s.ref, offset) : resolveUnitOffset(s.ref, effectiveUnit, offset);
  return date(extendBack(s, start), stop, value, true);
}
