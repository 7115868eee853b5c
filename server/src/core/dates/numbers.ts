/**
 * Dates that start with digits: ISO dates, numeric dates, seasons ("2021-22"), years in a
 * year-like context ("in 2022", "nel 2025", "the 2022 World Cup"), and days of a month
 * ("21 aprile").
 */
import type { DateValue, Language } from '../model';
import { formatDay, formatMonth, formatSeason, formatYear, isValidDay } from './calendar';
import { dayMonthAt, dayMonthDate } from './dayMonth';
import {
  capitalised, date, extendBack, followsDate, isApostrophe, isDigit, isLetter, isWord, next, prev, type Found, type Scan, type Token,
} from './scan';

const ISO_DAY_RE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/y;
const TWO_PART_RE = /(\d{4}) ?([-/\u2013]) ?(\d{4}|\d{2})(?![\d]|[-/.]\d)/y;
const NUMERIC_DAY_RE = /(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[-/.]\d)/y;

function execAt(re: RegExp, s: Scan, at: number): RegExpExecArray | undefined {
  re.lastIndex = at;
  const m = re.exec(s.text);
  return m && m.index + m[0].length <= s.hi ? m : undefined;
}

export function atNumber(s: Scan, at: number, runEnd: number): Found | undefined {
  const t = s.text;
  const before = t.charCodeAt(at - 1);
  // Digits inside words ("U21"), decimals and thousands ("1.500"), money ("$2000").
  if (isLetter(before)) return undefined;
  if ((before === 0x2e || before === 0x2c) && isDigit(t.charCodeAt(at - 2))) return undefined;
  if (before === 0x24 || before === 0xa3 || before === 0x20ac) return undefined;
  const len = runEnd - at;
  if (len === 4) return atFourDigits(s, at, runEnd);
  if (len <= 2) return atDayNumber(s, at);
  return undefined;
}

function atFourDigits(s: Scan, at: number, runEnd: number): Found | undefined {
  const t = s.text;
  const year = Number(t.slice(at, runEnd));
  const iso = execAt(ISO_DAY_RE, s, at);
  if (iso) {
    const end = at + iso[0].length;
    const [y, mo, d] = [Number(iso[1]), Number(iso[3]), Number(iso[4])];
    return isValidDay(y, mo, d) ? date(at, end, { value: formatDay({ year: y, month: mo, day: d }), precision: 'day' }, false) : { kind: 'skip', end };
  }
  const two = execAt(TWO_PART_RE, s, at);
  if (two) {
    const end = at + two[0].length;
    const second = two[3]!;
    const consecutive = second.length === 2 ? Number(second) === (year + 1) % 100 : Number(second) === year + 1;
    if (consecutive && year >= 1850 && year <= 2150) return seasonAt(s, at, end, year);
    if (two[2] === '-' && second.length === 2 && !two[0].includes(' ')) {
      const month = Number(second);
      if (month >= 1 && month <= 12 && year >= 1000) return date(at, end, { value: formatMonth(year, month), precision: 'month' }, false);
    }
    return { kind: 'skip', end };
  }
  return yearAt(s, at, runEnd, year);
}

/** A season "2021-22" / "2021/2022", with "season"/"stagione" around it kept in the span. */
function seasonAt(s: Scan, at: number, end: number, year: number): Found {
  let start = at;
  let stop = end;
  const after = next(s, end);
  if (after?.kind === 'word' && s.lex.seasonNouns.has(after.low)) stop = after.end;
  const before = prev(s, at);
  if (before?.kind === 'word' && s.lex.seasonNouns.has(before.low)) {
    start = before.start;
    const article = prev(s, start);
    if (article?.kind === 'word' && s.lex.articles.has(article.low)) start = article.start;
  } else if (stop > end && before?.kind === 'word' && s.lex.articles.has(before.low)) {
    start = before.start;
  }
  return date(extendBack(s, start), stop, { value: formatSeason(year), precision: 'season' }, false);
}

/** A bare four-digit number: a year only in a year-like context. */
function yearAt(s: Scan, at: number, end: number, year: number): Found | undefined {
  const t = s.text;
  const after = t.charCodeAt(end);
  if (isLetter(after) || after === 0x25) return undefined; // "1990s", "2000%"
  if ((after === 0x2e || after === 0x2c || after === 0x3a) && isDigit(t.charCodeAt(end + 1))) return undefined;
  if (year < 1000 || year > 2999) return undefined;
  const following = next(s, end);
  if (following?.kind === 'word' && s.lex.countNouns.has(following.low)) return undefined;
  const value: DateValue = { value: formatYear(year), precision: 'year' };
  const extended = extendBack(s, at);
  if (extended < at) return date(extended, end, value, false);
  const before = prev(s, at);
  const plausible = year >= 1800 && year <= 2199;
  if (plausible && before?.kind === 'word' && s.lex.yearCues.has(before.low)) return date(at, end, value, false);
  if (plausible && before && s.lex.rangeLinks.has(before.low) && followsDate(s, before.start, 'year')) return date(at, end, value, false);
  if (plausible && following?.kind === 'word' && s.lex.seasonNouns.has(following.low)) return date(at, end, value, false);
  if (year < 1900 || year > 2099) return undefined;
  // Before a noun, after a determiner: "the 1987 crash", "his 2019 transfer", "the 2022 World Cup"
  // (but "the 2000 fans": a plural noun after the number makes it a count).
  if (before && isDeterminer(s, before) && following?.kind === 'word' && (capitalised(s, following.start) || !following.low.endsWith('s'))) {
    return date(at, end, value, false);
  }
  // Standing alone before punctuation or the end of a line: "… in the summer of 1988."
  const standalone = following === undefined || (following.kind === 'punct' && ".,;:!?)'\u2019\"”".includes(following.low));
  if (!standalone || !(before === undefined || before.kind === 'word' || before.low === '(' || before.low === ',')) return undefined;
  if (before?.kind === 'word' && NOT_BEFORE_YEAR.has(before.low)) return undefined;
  if (isWord(before, 'of') && QUANTITY_BEFORE_OF.has(prev(s, before.start)?.low ?? '')) return undefined; // "a crowd of 2000."
  return date(at, end, value, false);
}

/** Determiners and possessives that make "DET 1987 noun" a year used as a modifier. */
const DETERMINERS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'that', 'this', 'whose']),
  it: new Set(['il', 'lo', 'la', "l'", 'del', 'dello', 'della', "dell'", 'nel', 'nello', 'nella', "nell'", 'al', 'allo', 'alla', "all'", 'dal', 'dallo', 'dalla', "dall'", 'suo', 'sua', 'questo', 'quel']),
};

function isDeterminer(s: Scan, tok: Token): boolean {
  if (tok.kind !== 'word') return false;
  if (DETERMINERS[s.lang].has(tok.low)) return true;
  // English possessive "'s": "the company's 1989 results"
  return s.lang === 'en' && tok.low === 's' && isApostrophe(s.text.charCodeAt(tok.start - 1));
}

/** Words before "of" that make "of 2000" a quantity. */
const QUANTITY_BEFORE_OF = new Set(['total', 'crowd', 'attendance', 'average', 'record', 'sum', 'tally', 'maximum', 'minimum', 'figure', 'capacity', 'fee', 'budget', 'score', 'gate']);

/** Words after which a standalone 19xx/20xx is a count, not a year. */
const NOT_BEFORE_YEAR = new Set([
  'was', 'were', 'is', 'are', 'be', 'about', 'than', 'nearly', 'almost', 'over', 'under', 'some', 'only',
  'just', 'total', 'to', 'at', 'and', 'or', 'no', 'number', 'era', 'sono', 'di', 'circa', 'oltre', 'quasi', 'solo',
  'with', 'con', 'by', 'per', 'da',
  'e', 'o', 'a', 'i', 'gli', 'le', 'ben', 'appena', 'scored', 'made', 'ha', 'hanno',
]);

/** A one- or two-digit number: a day ("21 aprile", "21st of April", "1° maggio") or a numeric date. */
function atDayNumber(s: Scan, at: number): Found | undefined {
  const numeric = execAt(NUMERIC_DAY_RE, s, at);
  if (numeric) return numericDate(s, at, numeric);
  const dm = dayMonthAt(s, at);
  if (!dm) return undefined;
  let start = at;
  const before = prev(s, at);
  const wd = before?.kind === 'punct' && before.low === ',' ? prev(s, before.start) : before;
  if (wd?.kind === 'word' && s.lex.weekdays.has(wd.low) && (s.lang === 'it' || capitalised(s, wd.start))) start = wd.start;
  return dayMonthDate(s, extendBack(s, start), dm);
}

function numericDate(s: Scan, at: number, m: RegExpExecArray): Found {
  const end = at + m[0].length;
  const sep = m[2]!;
  const yearText = m[4]!;
  if (yearText.length === 2 && sep !== '/') return { kind: 'skip', end };
  const year = yearText.length === 2 ? (Number(yearText) < 50 ? 2000 : 1900) + Number(yearText) : Number(yearText);
  const a = Number(m[1]);
  const b = Number(m[3]);
  // Italian: day/month. English: month/day when that is a real date (US style, as in news wires), else day/month.
  const [month, day] = s.lang === 'en' && isValidDay(year, a, b) ? [a, b] : [b, a];
  return isValidDay(year, month, day) ? date(at, end, { value: formatDay({ year, month, day }), precision: 'day' }, false) : { kind: 'skip', end };
}
