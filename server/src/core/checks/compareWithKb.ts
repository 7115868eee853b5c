/**
 * A claim against the knowledge base, with time taken into account: the figure as of the
 * article's date is an interval [min, max] (cumulative figures only grow; an ended stint's
 * figures are final), and a claim is wrong only when what it says cannot fall inside it.
 * Used by the `kb-mismatch` rule and by the claim hover.
 */
import type { KbFigure, KbHonour, KbRole, KbSource, KbStatistic, KbStint, KnowledgeBase } from '../kb';
import { parseAnyDate } from '../kb';
import type { Article, Claim } from '../model';

export type Verdict = 'agrees' | 'disagrees' | 'unknown';

export interface KbComparison {
  readonly verdict: Verdict;
  /** The knowledge base's value in the claim's terms (a count, a year, a holder's name). */
  readonly expected?: number | string;
  /** The knowledge base's side, as a phrase for messages ("331 (2013–2022)"). */
  readonly detail?: string;
  readonly source?: KbSource;
  readonly asOf?: string;
  /** For a record claimed before it began: the date the subject's record began. */
  readonly recordSince?: string;
}

const UNKNOWN: KbComparison = { verdict: 'unknown' };
const DAY_MS = 86_400_000;

/** Compare one claim with the knowledge base as of the article's date. */
export function compareWithKb(claim: Claim, article: Article, kb: KnowledgeBase): KbComparison {
  const subject = claim.subjectId;
  if (!subject) return UNKNOWN;
  const asOf = article.date && !article.date.value.includes('X') ? article.date.value : undefined;
  const q = claim.qualifiers;
  switch (claim.property) {
    case 'appearances':
    case 'goals': {
      if (!q.team || typeof claim.value !== 'number') return UNKNOWN;
      const figure = kb.statsFor(subject, q.team, claim.property, { ...(asOf ? { asOf } : {}), scope: q.scope === 'league' ? 'league' : 'all' });
      return figure ? compareFigure(claim.value, q.approx, figure, asOf !== undefined, period(kb, subject, q.team)) : UNKNOWN;
    }
    case 'honours': {
      if (!q.competition || typeof claim.value !== 'number') return UNKNOWN;
      const options = { ...(asOf ? { asOf } : {}), ...(q.team ? { teamId: q.team } : {}) };
      // Without a role in the article, each role's count is a reading as well as the whole:
      // "tre Champions League" is right for a coach who also won two as a player.
      const roles: readonly (KbRole | undefined)[] = q.role ? [q.role as KbRole] : [undefined, ...new Set(kb.stintsOf(subject, q.team ? { teamId: q.team } : {}).map((st) => st.role))];
      let first: KbComparison | undefined;
      for (const role of roles) {
        const figure = kb.honoursCount(subject, q.competition, { ...options, ...(role ? { role } : {}) });
        if (!figure) continue;
        const c = compareFigure(claim.value, q.approx, figure, asOf !== undefined, q.team ? period(kb, subject, q.team) : undefined);
        if (c.verdict !== 'disagrees') return c;
        first ??= c;
      }
      return first ?? UNKNOWN;
    }
    case 'tenure': {
      if (!q.team || typeof claim.value !== 'number') return UNKNOWN;
      return q.unit === 'seasons' ? compareSeasons(claim.value, q.approx, kb, subject, q.team, q.role, asOf) : compareTenure(claim.value, q.approx, kb, subject, q.team, q.role, asOf);
    }
    case 'contract-end': {
      const contract = kb.contractEnd(subject, { ...(asOf ? { asOf } : {}), ...(q.team ? { teamId: q.team } : {}) });
      if (!contract) return UNKNOWN;
      const year = contract.until.slice(0, 4);
      return { verdict: year === String(claim.value).slice(0, 4) ? 'agrees' : 'disagrees', expected: year, detail: contract.until, ...sourced(contract.source, contract.asOf) };
    }
    case 'joined':
    case 'left': {
      if (!q.team) return UNKNOWN;
      // "has been president since 2009": only the stints in that role.
      const stints = kb.stintsOf(subject, { teamId: q.team, ...(q.role ? { role: q.role as KbRole } : {}) });
      const dates = stints.map((s) => (claim.property === 'joined' ? s.from : s.to)).filter((d): d is string => d !== undefined);
      if (dates.length === 0) return UNKNOWN;
      const year = String(claim.value).slice(0, 4);
      const match = dates.find((d) => d.startsWith(year));
      const shown = match ?? dates[dates.length - 1]!;
      const stint = stints.find((s) => (claim.property === 'joined' ? s.from : s.to) === shown);
      return { verdict: match ? 'agrees' : 'disagrees', expected: shown.slice(0, 4), detail: shown, ...sourced(stint?.source, stint?.asOf) };
    }
    case 'record': {
      const competitionId = q.competition;
      const options = { ...(asOf ? { asOf } : {}), ...(competitionId ? { competitionId } : {}), ...(q.role ? { role: q.role as 'coach' } : {}) };
      const own = kb.recordsOf(subject, options);
      if (own.length > 0) return { verdict: 'agrees', detail: kb.entity(subject)?.name ?? subject, ...sourced(own[0]!.source, own[0]!.asOf) };
      // Only a holder of the same kind: a club's record is not a coach's.
      const kind = kb.entity(subject)?.type;
      for (const e of kb.entities()) {
        if (e.id === subject || e.type !== kind) continue;
        const theirs = kb.recordsOf(e.id, options);
        if (theirs.length > 0) return { verdict: 'disagrees', expected: e.name, detail: e.name, ...sourced(theirs[0]!.source, theirs[0]!.asOf) };
      }
      // The subject's record began after the article's date: it was not yet theirs.
      const start = asOf ? parseAnyDate(asOf)?.end : undefined;
      if (start === undefined) return UNKNOWN;
      const later = kb.recordsOf(subject, { ...options, anyTime: true }).filter((r) => r.since !== undefined && (parseAnyDate(r.since)?.start ?? Number.NEGATIVE_INFINITY) > start);
      const first = later.sort((a, b) => a.since!.localeCompare(b.since!))[0];
      return first ? { verdict: 'disagrees', expected: first.since!, recordSince: first.since!, ...sourced(first.source, first.asOf) } : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/**
 * A count against a figure's interval. Without an article date the latest figure is used,
 * and a smaller count than a still-growing figure may simply be older: not a mismatch.
 */
function compareFigure(value: number, approx: string | undefined, figure: KbFigure<KbStatistic | KbHonour>, dated: boolean, span: string | undefined): KbComparison {
  const [low, high] = claimedInterval(value, approx);
  const max = figure.max ?? Number.POSITIVE_INFINITY;
  const detail = `${figure.exact || figure.max === undefined ? figure.value : `${figure.min}–${figure.max}`}${span ? ` (${span})` : ''}`;
  const base = { expected: figure.value, detail, ...sourced(figure.source, figure.asOf) };
  if (high < figure.min) return { ...base, verdict: dated || figure.final ? 'disagrees' : 'unknown' };
  if (low > max) return { ...base, verdict: 'disagrees' };
  return { ...base, verdict: 'agrees' };
}

/** The values a claim allows: "almost 10" is at most 10, "about 300" within 10%, "over 300" above. */
function claimedInterval(value: number, approx: string | undefined): [number, number] {
  switch (approx) {
    case 'almost':
      return [value * 0.85, value];
    case 'about':
      return [value * 0.9, value * 1.1];
    case 'over':
      return [value, Number.POSITIVE_INFINITY];
    default:
      return [value, value];
  }
}

/**
 * Years at a team, summed over stints, to the article's date for a stint still running. When
 * the claim names no role, each role's stay is a reading of its own as well as the whole: a
 * coach's eight seasons at a club he had played for are not wrong for adding up to thirteen.
 */
function compareTenure(value: number, approx: string | undefined, kb: KnowledgeBase, person: string, team: string, role: string | undefined, asOf: string | undefined): KbComparison {
  const readings = stayReadings(kb, person, team, role);
  if (!readings) return UNKNOWN;
  const end = asOf ? parseAnyDate(asOf)?.end : Date.now() / DAY_MS;
  const lowAllowed = approx === 'almost' ? value - 1.5 : approx === 'over' ? value : value - 1;
  const highAllowed = approx === 'almost' ? value + 0.25 : approx === 'over' ? Number.POSITIVE_INFINITY : value + 1;
  const best = bestReading(readings, (stints) => yearsIn(stints, end), (years) => years >= lowAllowed && years <= highAllowed, (years) => Math.abs(years - value));
  return best ? stayComparison(best.verdict, Math.round(best.measure * 10) / 10, best.measure.toFixed(1), best.stints) : UNKNOWN;
}

/**
 * The first reading whose measure agrees, else the one closest to the claim (the first of
 * equals); undefined when a reading cannot be measured.
 */
function bestReading<T>(
  readings: readonly (readonly KbStint[])[],
  measure: (stints: readonly KbStint[]) => T | undefined,
  agrees: (m: T) => boolean,
  distance: (m: T) => number,
): { verdict: Verdict; measure: T; stints: readonly KbStint[] } | undefined {
  let closest: { measure: T; stints: readonly KbStint[]; distance: number } | undefined;
  for (const stints of readings) {
    const m = measure(stints);
    if (m === undefined) return undefined;
    if (agrees(m)) return { verdict: 'agrees', measure: m, stints };
    const d = distance(m);
    if (!closest || d < closest.distance) closest = { measure: m, stints, distance: d };
  }
  return closest && { verdict: 'disagrees', measure: closest.measure, stints: closest.stints };
}

/** A stay's comparison: `shown` ("7.1", "9–11") with the stints' dates, sourced by the first. */
function stayComparison(verdict: Verdict, expected: number | string, shown: string, stints: readonly KbStint[]): KbComparison {
  const first = stints[0]!;
  const last = stints[stints.length - 1]!;
  return { verdict, expected, detail: `${shown} (${first.from}–${last.to ?? ''})`, ...sourced(first.source, first.asOf) };
}

/**
 * The ways to read a stay at a team: all its stints, and each role's when the claim names no
 * role and there were several. Undefined when a stint's start is unknown.
 */
function stayReadings(kb: KnowledgeBase, person: string, team: string, role: string | undefined): (readonly KbStint[])[] | undefined {
  const stints = kb.stintsOf(person, { teamId: team, ...(role ? { role: role as KbRole } : {}) });
  if (stints.length === 0 || stints.some((s) => !s.from)) return undefined;
  const readings = [stints];
  const roles = new Set(stints.map((s) => s.role));
  if (roles.size > 1) for (const r of roles) readings.push(stints.filter((s) => s.role === r));
  return readings;
}

/**
 * Seasons at a team, counted as football counts them (a season runs from July to June): a
 * stay from August 2017 to June 2024 is seven. A stint that begins or ends mid-season adds a
 * season some count and some do not, so the knowledge base's side is a range, and a claim
 * agrees when what it allows ("almost", "over") meets it. Roles are readings as for years.
 */
function compareSeasons(value: number, approx: string | undefined, kb: KnowledgeBase, person: string, team: string, role: string | undefined, asOf: string | undefined): KbComparison {
  const readings = stayReadings(kb, person, team, role);
  if (!readings) return UNKNOWN;
  const low = approx === 'almost' || approx === 'about' ? value - 1 : value;
  const high = approx === 'over' ? Number.POSITIVE_INFINITY : approx === 'about' ? value + 1 : value;
  const best = bestReading(readings, (stints) => seasonsIn(stints, asOf), (r) => r.max >= low && r.min <= high, (r) => Math.min(Math.abs(r.min - value), Math.abs(r.max - value)));
  if (!best) return UNKNOWN;
  const { min, max } = best.measure;
  // A range is no value to write into the text: only an exact count is offered as a fix.
  return min === max ? stayComparison(best.verdict, min, String(min), best.stints) : stayComparison(best.verdict, `${min}–${max}`, `${min}–${max}`, best.stints);
}

interface SeasonRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The seasons `stints` touch, and how many of them only in part: one joined in January or
 * left in September. A running stint counts to `asOf` (today without it). Undefined for a
 * date that does not parse.
 */
function seasonsIn(stints: readonly KbStint[], asOf: string | undefined): SeasonRange | undefined {
  let min = 0;
  let max = 0;
  for (const s of stints) {
    const from = yearMonth(s.from!, 'start');
    const to = s.to ? yearMonth(s.to, 'end') : yearMonth(asOf ?? new Date().toISOString().slice(0, 10), 'end');
    if (!from || !to) return undefined;
    // Joining in May or June is joining for the next season; from July to September, for this one.
    const [first, firstPartial] = from.month >= 5 && from.month <= 6 ? [from.year, false] : from.month >= 7 ? [from.year, from.month > 9] : [from.year - 1, true];
    // Leaving from May to July ends the season just played; later, a season had begun.
    const [last, lastPartial] = to.month >= 5 && to.month <= 7 ? [to.year - 1, false] : to.month >= 8 ? [to.year, true] : [to.year - 1, true];
    const touched = last - first + 1;
    if (touched <= 0) continue;
    max += touched;
    min += Math.max(0, touched - (firstPartial ? 1 : 0) - (lastPartial ? 1 : 0));
  }
  return { min, max };
}

/**
 * Year and month of a knowledge-base date. A bare year is read as a move in the summer, as a
 * footballer's "1987–1992" means: seasons 1987-88 to 1991-92.
 */
function yearMonth(date: string, as: 'start' | 'end'): { year: number; month: number } | undefined {
  const m = /^(\d{4})(?:-(\d\d))?/.exec(date);
  if (!m) return undefined;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : as === 'start' ? 7 : 6 };
}

/** Years covered by `stints`, a running one counted to `end` (a day number); undefined for a date that does not parse. */
function yearsIn(stints: readonly KbStint[], end: number | undefined): number | undefined {
  let days = 0;
  for (const s of stints) {
    const from = parseAnyDate(s.from!)?.start;
    const to = s.to ? parseAnyDate(s.to)?.end : end;
    if (from === undefined || to === undefined) return undefined;
    days += Math.max(0, to - from);
  }
  return days / 365.25;
}

/** "2013–2022": a person's years at a team, for messages. */
function period(kb: KnowledgeBase, person: string, team: string): string | undefined {
  const stints = kb.stintsOf(person, { teamId: team });
  if (stints.length === 0) return undefined;
  const from = stints[0]!.from?.slice(0, 4) ?? '?';
  const to = stints[stints.length - 1]!.to?.slice(0, 4) ?? '';
  return `${from}–${to}`;
}

function sourced(source: KbSource | undefined, asOf: string | undefined): { source?: KbSource; asOf?: string } {
  return { ...(source ? { source } : {}), ...(asOf ? { asOf } : {}) };
}
