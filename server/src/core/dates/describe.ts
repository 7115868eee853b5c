/**
 * What a date hover says: the normalised value, its precision, and how far it is from the
 * article's date ("2 days after the article's date", "3 mesi prima della data
 * dell'articolo"), compared at the coarser of the two precisions.
 */
import type { DatePrecision, DateValue, Language } from '../model';
import {
  addDays, daysInMonth, isoWeekMonday, isoWeekday, monthIndex, seasonStartYear, toDayNumber, type Ymd,
} from './calendar';
import { dayRange, isResolved, parseDateValue, type ParsedDate } from './value';

/** A date described for a hover. */
export interface DateDescription {
  /** The normalised value (an `UNRESOLVED` placeholder when `resolved` is false). */
  readonly iso: string;
  readonly precision: DatePrecision;
  /** The precision in words, in the article's language ("day", "stagione"). */
  readonly precisionLabel: string;
  /** False for a relative date the article's date could not resolve. */
  readonly resolved: boolean;
  /**
   * Distance from the article's date ("2 days after the article's date"), or why there is
   * none; undefined when the article has no date and the mention is absolute.
   */
  readonly distance?: string;
}

type Unit = 'day' | 'week' | 'month' | 'year' | 'season';

interface Words {
  readonly units: Readonly<Record<Unit, readonly [string, string]>>;
  readonly and: string;
  readonly before: string;
  readonly after: string;
  readonly same: Readonly<Record<Unit, string>>;
  readonly overlaps: string;
  readonly unknown: string;
  readonly tooCoarse: (articleValue: string) => string;
}

const EN: Words = {
  units: { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'], season: ['season', 'seasons'] },
  and: 'and',
  before: "before the article's date",
  after: "after the article's date",
  same: {
    day: "the article's date",
    week: "the same week as the article's date",
    month: "the same month as the article's date",
    year: "the same year as the article's date",
    season: "the same season as the article's date",
  },
  overlaps: "overlaps the article's date",
  unknown: "relative to the article's date, which is not known",
  tooCoarse: (v) => `relative to the article's date (${v}), which is not precise enough to resolve it`,
};

const IT: Words = {
  units: { day: ['giorno', 'giorni'], week: ['settimana', 'settimane'], month: ['mese', 'mesi'], year: ['anno', 'anni'], season: ['stagione', 'stagioni'] },
  and: 'e',
  before: "prima della data dell'articolo",
  after: "dopo la data dell'articolo",
  same: {
    day: "la data dell'articolo",
    week: "la stessa settimana della data dell'articolo",
    month: "lo stesso mese della data dell'articolo",
    year: "lo stesso anno della data dell'articolo",
    season: "la stessa stagione della data dell'articolo",
  },
  overlaps: "si sovrappone alla data dell'articolo",
  unknown: "relativa alla data dell'articolo, che non è nota",
  tooCoarse: (v) => `relativa alla data dell'articolo (${v}), non abbastanza precisa per risolverla`,
};

const words = (lang: Language): Words => (lang === 'it' ? IT : EN);

/** "1 day", "3 giorni". */
function count(n: number, unit: Unit, w: Words): string {
  return `${n} ${w.units[unit][n === 1 ? 0 : 1]}`;
}

/** "1 year, 2 months and 3 days". */
function list(parts: readonly string[], w: Words): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${w.and} ${parts[parts.length - 1]}`;
}

/** Calendar difference from `a` to a later day `b`: whole years, months, days. */
function calendarDiff(a: Ymd, b: Ymd): { years: number; months: number; days: number } {
  let years = b.year - a.year;
  let months = b.month - a.month;
  let days = b.day - a.day;
  if (days < 0) {
    months--;
    const pm = b.month === 1 ? 12 : b.month - 1;
    const py = b.month === 1 ? b.year - 1 : b.year;
    days += daysInMonth(py, pm);
  }
  if (months < 0) {
    years--;
    months += 12;
  }
  return { years, months, days };
}

/** The coarser level at which two values are compared. */
function level(a: ParsedDate, b: ParsedDate): Unit {
  const rank: Record<DatePrecision, number> = { day: 0, week: 1, month: 2, season: 3, year: 3 };
  const ra = rank[a.precision];
  const rb = rank[b.precision];
  if (ra !== rb) return ra > rb ? a.precision : b.precision;
  return a.precision;
}

/** A representative day of a value, for mapping to a coarser unit (a week's Thursday). */
function anchorDay(d: ParsedDate): Ymd | undefined {
  switch (d.precision) {
    case 'day':
      return d;
    case 'week':
      return addDays(isoWeekMonday(d.year, d.week), 3);
    case 'month':
      return { year: d.year, month: d.month, day: 1 };
    default:
      return undefined;
  }
}

function seasonOf(d: ParsedDate): number | undefined {
  if (d.precision === 'season') return d.year;
  const day = anchorDay(d);
  return day ? seasonStartYear(day.year, day.month) : undefined;
}

function yearOf(d: ParsedDate): number | undefined {
  if (d.precision === 'year') return d.year;
  return anchorDay(d)?.year;
}

/** Signed distance text from article date `b` to mention `a`. */
function distanceText(a: ParsedDate, b: ParsedDate, w: Words): string {
  const unit = level(a, b);
  let magnitude: string | undefined;
  let sign = 0;
  switch (unit) {
    case 'day': {
      const da = a as Ymd;
      const db = b as Ymd;
      const n = toDayNumber(da) - toDayNumber(db);
      sign = Math.sign(n);
      if (Math.abs(n) < 60) magnitude = count(Math.abs(n), 'day', w);
      else {
        const d = n > 0 ? calendarDiff(db, da) : calendarDiff(da, db);
        const parts: string[] = [];
        if (d.years) parts.push(count(d.years, 'year', w));
        if (d.months) parts.push(count(d.months, 'month', w));
        if (d.days) parts.push(count(d.days, 'day', w));
        magnitude = list(parts, w);
      }
      break;
    }
    case 'week': {
      const ma = toDayNumber(mondayOf(a));
      const mb = toDayNumber(mondayOf(b));
      const n = Math.round((ma - mb) / 7);
      sign = Math.sign(n);
      magnitude = count(Math.abs(n), 'week', w);
      break;
    }
    case 'month': {
      const ya = anchorDay(a)!;
      const yb = anchorDay(b)!;
      const n = monthIndex(ya.year, ya.month) - monthIndex(yb.year, yb.month);
      sign = Math.sign(n);
      const abs = Math.abs(n);
      const parts: string[] = [];
      if (abs >= 12) parts.push(count(Math.floor(abs / 12), 'year', w));
      if (abs % 12 || abs < 12) parts.push(count(abs % 12, 'month', w));
      magnitude = list(parts, w);
      break;
    }
    case 'season':
    case 'year': {
      const sa = seasonOf(a);
      const sb = seasonOf(b);
      if (unit === 'season' && sa !== undefined && sb !== undefined) {
        const n = sa - sb;
        sign = Math.sign(n);
        magnitude = count(Math.abs(n), 'season', w);
        break;
      }
      const ya = yearOf(a);
      const yb = yearOf(b);
      if (ya !== undefined && yb !== undefined) {
        const n = ya - yb;
        sign = Math.sign(n);
        magnitude = count(Math.abs(n), 'year', w);
        break;
      }
      // A season against a year: compare their spans of days.
      const ra = dayRange(a);
      const rb = dayRange(b);
      const n = toDayNumber(ra.last) < toDayNumber(rb.first) ? ra.last.year - rb.first.year : toDayNumber(ra.first) > toDayNumber(rb.last) ? ra.first.year - rb.last.year : 0;
      if (n === 0) return w.overlaps;
      sign = Math.sign(n);
      magnitude = count(Math.max(1, Math.abs(n)), 'year', w);
      break;
    }
  }
  if (sign === 0) return w.same[unit];
  return `${magnitude} ${sign < 0 ? w.before : w.after}`;
}

function mondayOf(d: ParsedDate): Ymd {
  if (d.precision === 'week') return isoWeekMonday(d.year, d.week);
  const day = d as Ymd;
  return addDays(day, 1 - isoWeekday(day));
}

const PRECISION_LABELS: Readonly<Record<Language, Readonly<Record<DatePrecision, string>>>> = {
  en: { day: 'day', week: 'week', month: 'month', year: 'year', season: 'season' },
  it: { day: 'giorno', week: 'settimana', month: 'mese', year: 'anno', season: 'stagione' },
};

/**
 * Describe a date for a hover: its value, precision, and distance from the article's date,
 * in the article's language. A relative date the article's date could not resolve says why.
 */
export function describeDate(mention: DateValue & { readonly relative?: boolean }, articleDate: DateValue | undefined, lang: Language): DateDescription {
  const w = words(lang);
  const resolved = isResolved(mention);
  const base = { iso: mention.value, precision: mention.precision, precisionLabel: PRECISION_LABELS[lang][mention.precision], resolved };
  if (!resolved) return { ...base, distance: articleDate && isResolved(articleDate) ? w.tooCoarse(articleDate.value) : w.unknown };
  const a = parseDateValue(mention.value);
  const b = articleDate ? parseDateValue(articleDate.value) : undefined;
  if (!a || !b) return base;
  return { ...base, distance: distanceText(a, b, w) };
}

/** Markdown for a date hover: "**2024-04-21** · day" and the distance on the next line. */
export function dateHoverMarkdown(mention: DateValue & { readonly relative?: boolean }, articleDate: DateValue | undefined, lang: Language): string {
  const d = describeDate(mention, articleDate, lang);
  const head = d.resolved ? `**${d.iso}** · ${d.precisionLabel}` : `**${lang === 'it' ? 'data relativa' : 'relative date'}** · ${d.precisionLabel}`;
  if (!d.distance) return head;
  const ref = articleDate && d.resolved && !d.distance.includes(articleDate.value) ? ` (${articleDate.value})` : '';
  return `${head}\n\n${d.distance}${ref}`;
}
