/**
 * The loaded knowledge base and its queries (hovers, claims, consistency checks).
 *
 * Time semantics, shared by every query that takes an `asOf` date:
 * - A query date names a period (`2024-04-19`, `2025-01`, `2024`, `2021/2022`, `2024-W16`);
 *   no date means "as late as is known".
 * - Cumulative figures (appearances, goals, honours) only grow. A figure known as of an
 *   earlier date is a lower bound for later dates; a figure known as of a later date is an
 *   upper bound for earlier ones.
 * - A stint with an end date makes its figures final: a figure dated on or after the end is
 *   exact from then on and an upper bound before it.
 * - Honours listed with the dates or seasons they were won are counted as of any date; a
 *   season counts from its end (30 June), a year from 31 December. Dates inside the queried
 *   period leave the count uncertain (`min` < `max`).
 * So every figure comes with `min` and `max`: the true value on the queried date lies in
 * between. A claim is contradicted only when its value is outside that range.
 */
import type { DayInterval } from './dates';
import { parseDate, parseSeason, queryInterval } from './dates';
import type {
  KbCompleteness, KbContract, KbEntity, KbFact, KbHonour, KbRecord, KbRole, KbSource, KbStatistic,
  KbStatProperty, KbStatScope, KbStint,
} from './types';

/** A figure as of a date, with the bounds the knowledge base can vouch for. */
export interface KbFigure<F extends KbStatistic | KbHonour> {
  /** The figure to show: exact when known, else the closest known one. */
  readonly value: number;
  /** Lower bound of the true value on the requested date. */
  readonly min: number;
  /** Upper bound; `undefined` when nothing bounds it from above. */
  readonly max?: number;
  /** True when `min === max`: the knowledge base knows the value on that date. */
  readonly exact: boolean;
  /** True when the figure can no longer change (every stint involved has ended). */
  readonly final: boolean;
  /** As-of date of the closest fact used. */
  readonly asOf?: string;
  /** Primary source of the closest fact used. */
  readonly source?: KbSource;
  /** Every source behind the facts used. */
  readonly sources: readonly KbSource[];
  /** The facts the figure was derived from. */
  readonly facts: readonly F[];
  /** For honours listed with dates: the dates or seasons counted (surely won by the date). */
  readonly won?: readonly string[];
}

/** A team a person belonged to on a date, and in which role. */
export interface KbTeamAt {
  readonly team: KbEntity;
  readonly role: KbRole;
  readonly stint: KbStint;
}

/** The teams a person played for or coached, and whether the list is known to be complete. */
export interface KbTeamList {
  readonly teams: readonly { readonly team: KbEntity; readonly stints: readonly KbStint[] }[];
  /** True when the knowledge base states that every stint in the role is listed (as of the date). */
  readonly complete: boolean;
  readonly completeness?: KbCompleteness;
}

/** Query options shared by figure queries. */
export interface KbAsOf {
  /** Date of interest (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, a season or ISO week); default: latest. */
  readonly asOf?: string;
}

interface Bounds {
  min: number;
  max: number;
}

const NO_BOUNDS: Bounds = { min: 0, max: Number.POSITIVE_INFINITY };

function intersect(a: Bounds, b: Bounds): Bounds {
  const min = Math.max(a.min, b.min);
  return { min, max: Math.max(min, Math.min(a.max, b.max)) };
}

function dateInterval(s: string | undefined): DayInterval | undefined {
  return s === undefined ? undefined : parseDate(s);
}

function winInterval(s: string): DayInterval | undefined {
  return parseDate(s) ?? parseSeason(s);
}

function factSort(a: KbFact, b: KbFact): number {
  const x = dateInterval(a.asOf)?.start ?? Number.NEGATIVE_INFINITY;
  const y = dateInterval(b.asOf)?.start ?? Number.NEGATIVE_INFINITY;
  return x - y;
}

/**
 * The knowledge base: entities by id (including ids merged in through `sameAs`), facts by the
 * entity they are about, sources by id. Immutable; build one with `loadKb`.
 */
export class KnowledgeBase {
  private readonly byId: ReadonlyMap<string, KbEntity>;
  private readonly aliasOf: ReadonlyMap<string, string>;
  private readonly factsOf: ReadonlyMap<string, readonly KbFact[]>;
  private readonly stintsAtTeam: ReadonlyMap<string, readonly KbStint[]>;
  readonly sources: ReadonlyMap<string, KbSource>;

  /** @internal Built by the loader. */
  constructor(
    entities: ReadonlyMap<string, KbEntity>,
    aliases: ReadonlyMap<string, string>,
    facts: readonly KbFact[],
    sources: ReadonlyMap<string, KbSource>,
  ) {
    this.byId = entities;
    this.aliasOf = aliases;
    this.sources = sources;
    const factsOf = new Map<string, KbFact[]>();
    const atTeam = new Map<string, KbStint[]>();
    for (const f of facts) {
      const owner = f.kind === 'honour' || f.kind === 'record' ? f.holder : f.person;
      let list = factsOf.get(owner);
      if (!list) factsOf.set(owner, (list = []));
      list.push(f);
      if (f.kind === 'stint') {
        let t = atTeam.get(f.team);
        if (!t) atTeam.set(f.team, (t = []));
        t.push(f);
      }
    }
    this.factsOf = factsOf;
    this.stintsAtTeam = atTeam;
  }

  /** Number of entities. */
  get size(): number {
    return this.byId.size;
  }

  /** Canonical id for an id or a merged (`sameAs`) id. */
  resolveId(id: string): string | undefined {
    if (this.byId.has(id)) return id;
    const a = this.aliasOf.get(id);
    return a !== undefined && this.byId.has(a) ? a : undefined;
  }

  /** The entity with this id (or merged id). */
  entity(id: string): KbEntity | undefined {
    const r = this.resolveId(id);
    return r === undefined ? undefined : this.byId.get(r);
  }

  /** Every entity, in load order. */
  entities(): IterableIterator<KbEntity> {
    return this.byId.values();
  }

  /** Whether a place is a country: one some entity has as its nationality. */
  isCountry(placeId: string): boolean {
    this.countries ??= new Set([...this.byId.values()].flatMap((e) => (e.nationality ? [this.resolveId(e.nationality) ?? e.nationality] : [])));
    return this.countries.has(this.resolveId(placeId) ?? placeId);
  }

  private countries: Set<string> | undefined;

  /** Every fact about an entity (as person or holder), in load order. */
  facts(id: string): readonly KbFact[] {
    const r = this.resolveId(id);
    return (r !== undefined && this.factsOf.get(r)) || [];
  }

  private factsOfKind<K extends KbFact['kind']>(id: string, kind: K): Extract<KbFact, { kind: K }>[] {
    return this.facts(id).filter((f): f is Extract<KbFact, { kind: K }> => f.kind === kind);
  }

  /** A person's stints, by start date (optionally only one role or team). */
  stintsOf(personId: string, filter: { readonly role?: KbRole; readonly teamId?: string } = {}): KbStint[] {
    const team = filter.teamId === undefined ? undefined : this.resolveId(filter.teamId) ?? filter.teamId;
    return this.factsOfKind(personId, 'stint')
      .filter((s) => (filter.role === undefined || s.role === filter.role) && (team === undefined || s.team === team))
      .sort((a, b) => (dateInterval(a.from)?.start ?? Number.NEGATIVE_INFINITY) - (dateInterval(b.from)?.start ?? Number.NEGATIVE_INFINITY));
  }

  /** Stints at a team (its players, coaches, presidents), by start date. */
  stintsAt(teamId: string, filter: { readonly role?: KbRole } & KbAsOf = {}): KbStint[] {
    const team = this.resolveId(teamId);
    if (team === undefined) return [];
    const q = filter.asOf === undefined ? undefined : queryInterval(filter.asOf);
    return (this.stintsAtTeam.get(team) ?? [])
      .filter((s) => (filter.role === undefined || s.role === filter.role) && (q === undefined || stintCovers(s, q)))
      .sort((a, b) => (dateInterval(a.from)?.start ?? Number.NEGATIVE_INFINITY) - (dateInterval(b.from)?.start ?? Number.NEGATIVE_INFINITY));
  }

  /**
   * The stints a person was in during the date's period, most recent start first (a loan
   * before the parent club's stint it overlaps).
   */
  stintsOn(personId: string, asOf: string, filter: { readonly role?: KbRole } = {}): KbStint[] {
    const q = queryInterval(asOf);
    return this.stintsOf(personId, filter)
      .filter((s) => stintCovers(s, q))
      .sort((a, b) => (dateInterval(b.from)?.start ?? Number.NEGATIVE_INFINITY) - (dateInterval(a.from)?.start ?? Number.NEGATIVE_INFINITY));
  }

  /**
   * The team and role of a person on a date (the most recently started stint covering it);
   * without a date, the current one (a stint without end, else none).
   */
  teamAt(personId: string, asOf?: string, filter: { readonly role?: KbRole } = {}): KbTeamAt | undefined {
    let stint: KbStint | undefined;
    if (asOf === undefined) {
      stint = this.stintsOf(personId, filter).filter((s) => s.to === undefined).pop();
    } else {
      stint = this.stintsOn(personId, asOf, filter)[0];
    }
    if (!stint) return undefined;
    const team = this.entity(stint.team);
    return team ? { team, role: stint.role, stint } : undefined;
  }

  /**
   * Teams a person was at in a role up to a date (default: all known), in order of first
   * stint, with whether the list is complete as of that date.
   */
  teamsOf(personId: string, role: KbRole, options: KbAsOf = {}): KbTeamList {
    const q = queryInterval(options.asOf);
    const stints = this.stintsOf(personId, { role }).filter((s) => (dateInterval(s.from)?.start ?? Number.NEGATIVE_INFINITY) <= q.end);
    const byTeam = new Map<string, KbStint[]>();
    for (const s of stints) {
      const list = byTeam.get(s.team);
      if (list) list.push(s);
      else byTeam.set(s.team, [s]);
    }
    const teams: { team: KbEntity; stints: KbStint[] }[] = [];
    for (const [id, list] of byTeam) {
      const team = this.entity(id);
      if (team) teams.push({ team, stints: list });
    }
    // Complete when a completeness statement covers the date: its as-of is on or after it.
    const completeness = this.factsOfKind(personId, 'complete')
      .filter((c) => c.role === role)
      .filter((c) => {
        const at = dateInterval(c.asOf);
        return at === undefined || (Number.isFinite(q.start) ? at.end >= q.start : true);
      })
      .sort(factSort)
      .pop();
    return completeness ? { teams, complete: true, completeness } : { teams, complete: false };
  }

  /**
   * A person's cumulative statistic at a team (all stints there) as of a date.
   * A team-wide figure (given outside any stint) and the sum of per-stint figures both bound
   * the value; the result is their intersection.
   */
  statsFor(
    personId: string,
    teamId: string,
    property: KbStatProperty,
    options: KbAsOf & { readonly scope?: KbStatScope; readonly role?: KbRole } = {},
  ): KbFigure<KbStatistic> | undefined {
    const team = this.resolveId(teamId) ?? teamId;
    const scope = options.scope ?? 'all';
    const facts = this.factsOfKind(personId, 'statistic').filter(
      (f) => f.team === team && f.property === property && f.scope === scope && (options.role === undefined || f.role === undefined || f.role === options.role),
    );
    if (facts.length === 0) return undefined;
    const q = queryInterval(options.asOf);
    const stints = this.stintsOf(personId, { teamId: team, ...(options.role ? { role: options.role } : {}) });
    return this.figure(facts, q, estimateTeam(facts, stints, q));
  }

  /**
   * Honours of a person (or team) in a competition as of a date: with one team, or summed
   * over teams (then without an upper bound unless a career total is given), optionally in
   * one role. Counted from the dates/seasons won where listed, else from counts.
   */
  honoursCount(
    holderId: string,
    competitionId: string,
    options: KbAsOf & { readonly teamId?: string; readonly role?: KbRole } = {},
  ): KbFigure<KbHonour> | undefined {
    const competition = this.resolveId(competitionId) ?? competitionId;
    const holder = this.resolveId(holderId) ?? holderId;
    const team = options.teamId === undefined ? undefined : this.resolveId(options.teamId) ?? options.teamId;
    const all = this.factsOfKind(holder, 'honour').filter(
      (f) => f.competition === competition && (options.role === undefined || f.role === undefined || f.role === options.role),
    );
    const facts = team === undefined ? all : all.filter((f) => (f.team ?? holder) === team);
    if (facts.length === 0) return undefined;
    const q = queryInterval(options.asOf);
    let bounds: Bounds;
    if (team !== undefined) {
      bounds = estimateTeam(facts, this.stintsOf(holder, { teamId: team, ...(options.role ? { role: options.role } : {}) }), q);
    } else {
      // Career totals (facts without a team) bound the sum over the teams listed.
      const totals = facts.filter((f) => f.team === undefined);
      const perTeam = new Map<string, KbHonour[]>();
      for (const f of facts) {
        if (f.team === undefined) continue;
        const list = perTeam.get(f.team);
        if (list) list.push(f);
        else perTeam.set(f.team, [f]);
      }
      let sum: Bounds = { min: 0, max: 0 };
      for (const [t, list] of perTeam) {
        const b = estimateTeam(list, this.stintsOf(holder, { teamId: t, ...(options.role ? { role: options.role } : {}) }), q);
        sum = { min: sum.min + b.min, max: sum.max + b.max };
      }
      // Teams not listed may hold more: only a career total gives an upper bound.
      sum = { min: sum.min, max: Number.POSITIVE_INFINITY };
      bounds = totals.reduce((b, f) => intersect(b, factBounds(f, q)), sum);
    }
    return this.figure(facts, q, bounds);
  }

  /** Every honour of a holder as of a date, one entry per competition, team and role. */
  honoursOf(holderId: string, options: KbAsOf = {}): { competition: string; team?: string; role?: KbRole; count: KbFigure<KbHonour> }[] {
    const holder = this.resolveId(holderId) ?? holderId;
    const keys = new Map<string, { competition: string; team?: string; role?: KbRole }>();
    for (const f of this.factsOfKind(holder, 'honour')) {
      keys.set(`${f.competition}|${f.team ?? ''}|${f.role ?? ''}`, { competition: f.competition, ...(f.team ? { team: f.team } : {}), ...(f.role ? { role: f.role } : {}) });
    }
    const out: { competition: string; team?: string; role?: KbRole; count: KbFigure<KbHonour> }[] = [];
    for (const k of keys.values()) {
      const facts = this.factsOfKind(holder, 'honour').filter((f) => f.competition === k.competition && f.team === k.team && f.role === k.role);
      const q = queryInterval(options.asOf);
      const bounds = k.team === undefined
        ? facts.reduce((b, f) => intersect(b, factBounds(f, q)), NO_BOUNDS)
        : estimateTeam(facts, this.stintsOf(holder, { teamId: k.team, ...(k.role ? { role: k.role } : {}) }), q);
      out.push({ ...k, count: this.figure(facts, q, bounds) });
    }
    return out;
  }

  /** Every statistic of a person as of a date, one entry per team, property and scope. */
  statisticsOf(personId: string, options: KbAsOf = {}): { team: string; property: KbStatProperty; scope: KbStatScope; figure: KbFigure<KbStatistic> }[] {
    const keys = new Map<string, { team: string; property: KbStatProperty; scope: KbStatScope }>();
    for (const f of this.factsOfKind(personId, 'statistic')) keys.set(`${f.team}|${f.property}|${f.scope}`, { team: f.team, property: f.property, scope: f.scope });
    const out: { team: string; property: KbStatProperty; scope: KbStatScope; figure: KbFigure<KbStatistic> }[] = [];
    for (const k of keys.values()) {
      const figure = this.statsFor(personId, k.team, k.property, { scope: k.scope, ...(options.asOf ? { asOf: options.asOf } : {}) });
      if (figure) out.push({ ...k, figure });
    }
    return out;
  }

  /**
   * A person's contract end as known on a date: the latest contract fact dated on or before it
   * (else the earliest after), with the team at that date unless one is given.
   */
  contractEnd(personId: string, options: KbAsOf & { readonly teamId?: string } = {}): KbContract | undefined {
    const team = options.teamId !== undefined
      ? this.resolveId(options.teamId) ?? options.teamId
      : this.teamAt(personId, options.asOf)?.team.id;
    const contracts = this.factsOfKind(personId, 'contract').filter((c) => team === undefined || c.team === team).sort(factSort);
    if (contracts.length === 0) return undefined;
    const q = queryInterval(options.asOf);
    const before = contracts.filter((c) => (dateInterval(c.asOf)?.start ?? Number.NEGATIVE_INFINITY) <= q.end);
    return before.length > 0 ? before[before.length - 1] : contracts[0];
  }

  /** Records a person or team holds on a date (default: those still held); with `anyTime`, every one they ever held. */
  recordsOf(holderId: string, options: KbAsOf & { readonly competitionId?: string; readonly role?: KbRole; readonly anyTime?: boolean } = {}): KbRecord[] {
    const q = queryInterval(options.asOf);
    const competition = options.competitionId === undefined ? undefined : this.resolveId(options.competitionId) ?? options.competitionId;
    return this.factsOfKind(holderId, 'record').filter((r) => {
      if (competition !== undefined && r.competition !== competition) return false;
      if (options.role !== undefined && r.role !== undefined && r.role !== options.role) return false;
      if (options.anyTime) return true;
      if (options.asOf === undefined) return r.until === undefined;
      const since = dateInterval(r.since);
      const until = dateInterval(r.until);
      return (since === undefined || since.start <= q.end) && (until === undefined || until.end >= q.start);
    });
  }

  private figure<F extends KbStatistic | KbHonour>(facts: readonly F[], q: DayInterval, bounds: Bounds): KbFigure<F> {
    const sorted = [...facts].sort(factSort);
    // Closest fact: the latest dated on or before the query, else the earliest after.
    const before = sorted.filter((f) => (dateInterval(f.asOf)?.start ?? Number.NEGATIVE_INFINITY) <= q.start);
    const closest = before.length > 0 ? before[before.length - 1]! : sorted[0]!;
    const exact = bounds.min === bounds.max;
    const max = Number.isFinite(bounds.max) ? bounds.max : undefined;
    const final = facts.every((f) => f.final);
    const value = exact ? bounds.min : bounds.min > 0 || max === undefined ? bounds.min : max;
    const sources = [...new Set(facts.flatMap((f) => f.sources))];
    const won = facts.flatMap((f) => (f.kind === 'honour' && f.won ? f.won.filter((w) => (winInterval(w)?.end ?? Infinity) <= q.start) : []));
    return {
      value, min: bounds.min, ...(max !== undefined ? { max } : {}), exact, final,
      ...(closest.asOf ? { asOf: closest.asOf } : {}), ...(closest.source ? { source: closest.source } : {}),
      sources, facts,
      ...(facts.some((f) => f.kind === 'honour' && f.won) ? { won: [...new Set(won)] } : {}),
    };
  }
}

function stintCovers(s: KbStint, q: DayInterval): boolean {
  const from = dateInterval(s.from);
  const to = dateInterval(s.to);
  return (from === undefined || from.start <= q.end) && (to === undefined || to.end >= q.start);
}

/** Bounds one fact puts on its quantity on the query period. */
function factBounds(f: KbStatistic | KbHonour, q: DayInterval): Bounds {
  if (f.kind === 'honour' && f.won) {
    let surely = 0;
    let possibly = 0;
    let last = Number.NEGATIVE_INFINITY;
    for (const w of f.won) {
      const iv = winInterval(w);
      if (!iv) continue;
      if (iv.end <= q.start) surely++;
      if (iv.start <= q.end) possibly++;
      last = Math.max(last, iv.end);
    }
    // The list is complete up to its as-of date (or forever once final).
    const completeUntil = f.final ? Number.POSITIVE_INFINITY : dateInterval(f.asOf)?.start ?? last;
    return { min: surely, max: q.end <= completeUntil ? possibly : Number.POSITIVE_INFINITY };
  }
  const value = f.kind === 'honour' ? f.count : f.value;
  if (value === undefined) return NO_BOUNDS;
  const at = dateInterval(f.asOf);
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  if (f.final) {
    max = value;
    const since = dateInterval(f.finalSince);
    if (since && since.end <= q.start) min = value;
  }
  if (at && at.end <= q.start) min = Math.max(min, value);
  if (at && at.start >= q.end) max = Math.min(max, value);
  return { min, max: Math.max(min, max) };
}

/**
 * Bounds for a person's quantity at one team: team-wide facts (given outside a stint) and
 * the sum over stints both bound it. The per-stint sum has an upper bound only when every
 * stint at the team has a fact; a stint that starts after the query period adds exactly 0.
 */
function estimateTeam<F extends KbStatistic | KbHonour>(facts: readonly F[], stints: readonly KbStint[], q: DayInterval): Bounds {
  const teamWide = facts.filter((f) => !f.stint);
  const byStint = new Map<string, F[]>();
  for (const f of facts) {
    if (!f.stint) continue;
    const k = f.stint.from ?? '';
    const list = byStint.get(k);
    if (list) list.push(f);
    else byStint.set(k, [f]);
  }
  let bounds: Bounds = teamWide.reduce((b, f) => intersect(b, factBounds(f, q)), NO_BOUNDS);
  if (byStint.size > 0) {
    let sum: Bounds = { min: 0, max: 0 };
    const covered = new Set<string>();
    for (const [k, list] of byStint) {
      covered.add(k);
      const from = dateInterval(list[0]!.stint?.from);
      const b = from && from.start > q.end ? { min: 0, max: 0 } : list.reduce((acc, f) => intersect(acc, factBounds(f, q)), NO_BOUNDS);
      sum = { min: sum.min + b.min, max: sum.max + b.max };
    }
    const uncovered = stints.some((s) => !covered.has(s.from ?? '') && !((dateInterval(s.from)?.start ?? Number.NEGATIVE_INFINITY) > q.end));
    if (uncovered) sum = { min: sum.min, max: Number.POSITIVE_INFINITY };
    bounds = intersect(bounds, sum);
  }
  return bounds;
}
