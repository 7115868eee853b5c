/**
 * Converts SPARQL 1.1 JSON results (as the Wikidata Query Service returns them) for
 * P54 "member of sports team" statements into people with stints and statistics.
 *
 * Recognised variables (any other is ignored; `xLabel` gives the label of `x`):
 * - the person: `person`, `player`, `human` or `item` (an entity URI);
 * - the team: `team`, `club` or `sportsTeam`;
 * - P580 start: `start`, `startTime`, `from`; P582 end: `end`, `endTime`, `to`;
 *   optional `startPrecision`/`endPrecision` (9 year, 10 month, 11 day);
 * - P1350 matches played: `matches`, `appearances`, `apps`, `matchesPlayed`;
 * - P1351 goals: `goals`, `goalsScored`;
 * - optional `personDescription` / `playerDescription`.
 *
 * Example query:
 *
 *     SELECT ?player ?playerLabel ?team ?teamLabel ?start ?end ?matches ?goals WHERE {
 *       ?player p:P54 ?st . ?st ps:P54 ?team .
 *       OPTIONAL { ?st pq:P580 ?start } OPTIONAL { ?st pq:P582 ?end }
 *       OPTIONAL { ?st pq:P1350 ?matches } OPTIONAL { ?st pq:P1351 ?goals }
 *       VALUES ?player { wd:Q… }
 *       SERVICE wikibase:label { bd:serviceParam wikibase:language "en" }
 *     }
 *
 * Wikidata's appearance and goal qualifiers usually come from league-only infobox figures,
 * so statistics are imported with `scope: league`. Dates stored at year precision
 * (`2013-01-01T00:00:00Z`) become `2013` unless a precision variable says otherwise.
 */
import { slugify } from './openfootball';

interface Binding {
  readonly type: string;
  readonly value: string;
  readonly datatype?: string;
  readonly 'xml:lang'?: string;
}

type Row = Readonly<Record<string, Binding | undefined>>;

/** A person entity as written to the output file. */
export interface ImportedPerson {
  id: string;
  type: 'person';
  name: string;
  wikidata: string;
  description?: { en?: string; it?: string };
  source: string;
  career: {
    team: string;
    role: 'player';
    from?: string;
    to?: string;
    stats?: { appearances?: number; goals?: number; scope: 'league'; asOf: string }[];
  }[];
}

export interface ImportedWikidataTeam {
  id: string;
  type: 'team';
  name: string;
  wikidata: string;
}

export interface WikidataImport {
  readonly sources: Record<string, { title: string; publisher: string; url: string; date: string }>;
  readonly entities: (ImportedPerson | ImportedWikidataTeam)[];
  /** Problems with the input (rows skipped and why). */
  readonly warnings: string[];
}

export interface WikidataImportOptions {
  /** Date the query was run (figures are as of then): `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Existing entity ids by Wikidata QID (teams already in the knowledge base). */
  readonly knownIds?: ReadonlyMap<string, string>;
  /** Language of the labels' description field (`en` default). */
  readonly lang?: 'en' | 'it';
}

const PERSON_VARS = ['person', 'player', 'human', 'item'];
const TEAM_VARS = ['team', 'club', 'sportsTeam'];
const START_VARS = ['start', 'startTime', 'from'];
const END_VARS = ['end', 'endTime', 'to'];
const APPS_VARS = ['matches', 'appearances', 'apps', 'matchesPlayed'];
const GOALS_VARS = ['goals', 'goalsScored'];

function pick(vars: readonly string[], wanted: readonly string[]): string | undefined {
  return wanted.find((w) => vars.includes(w));
}

function qid(b: Binding | undefined): string | undefined {
  if (!b || b.type !== 'uri') return undefined;
  const m = /\/entity\/(Q[1-9]\d*)$/.exec(b.value);
  return m ? m[1] : undefined;
}

function wikidataDate(b: Binding | undefined, precision: Binding | undefined): string | undefined {
  if (!b) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(b.value);
  if (!m) return undefined;
  const p = precision ? Number(precision.value) : undefined;
  if (p !== undefined) return p <= 9 ? m[1] : p === 10 ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`;
  if (m[2] === '01' && m[3] === '01') return m[1];
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function count(b: Binding | undefined): number | undefined {
  if (!b) return undefined;
  const n = Number(b.value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Converts parsed SPARQL JSON results. Throws only on a value that is not SPARQL JSON at all. */
export function importWikidata(json: unknown, options: WikidataImportOptions): WikidataImport {
  const results = json as { head?: { vars?: unknown }; results?: { bindings?: unknown } } | null;
  const vars = Array.isArray(results?.head?.vars) ? (results!.head!.vars as unknown[]).filter((v): v is string => typeof v === 'string') : undefined;
  const rows = Array.isArray(results?.results?.bindings) ? (results!.results!.bindings as Row[]) : undefined;
  if (!vars || !rows) throw new Error('not SPARQL 1.1 JSON results: expected `head.vars` and `results.bindings`');
  const warnings: string[] = [];
  const personVar = pick(vars, PERSON_VARS);
  const teamVar = pick(vars, TEAM_VARS);
  if (!personVar || !teamVar) {
    throw new Error(`the results need a person variable (${PERSON_VARS.join(', ')}) and a team variable (${TEAM_VARS.join(', ')}); found ${vars.join(', ')}`);
  }
  const startVar = pick(vars, START_VARS);
  const endVar = pick(vars, END_VARS);
  const appsVar = pick(vars, APPS_VARS);
  const goalsVar = pick(vars, GOALS_VARS);
  const lang = options.lang ?? 'en';

  const usedIds = new Set<string>(options.knownIds ? options.knownIds.values() : []);
  const idOf = new Map<string, string>(options.knownIds ?? []);
  const assign = (q: string, label: string): string => {
    const known = idOf.get(q);
    if (known) return known;
    let id = slugify(label);
    if (usedIds.has(id) || !/^[a-z0-9]/.test(id)) id = `${id}-${q.toLowerCase()}`;
    usedIds.add(id);
    idOf.set(q, id);
    return id;
  };

  const people = new Map<string, ImportedPerson>();
  const teams = new Map<string, ImportedWikidataTeam>();
  const stintKeys = new Set<string>();
  rows.forEach((row, i) => {
    const pq = qid(row[personVar]);
    const tq = qid(row[teamVar]);
    if (!pq || !tq) {
      warnings.push(`row ${i + 1}: no Wikidata entity for ${!pq ? personVar : teamVar}; skipped`);
      return;
    }
    const pLabel = row[`${personVar}Label`]?.value ?? pq;
    const tLabel = row[`${teamVar}Label`]?.value ?? tq;
    const teamKnown = options.knownIds?.has(tq) ?? false;
    const teamId = assign(tq, tLabel);
    if (!teamKnown && !teams.has(tq)) teams.set(tq, { id: teamId, type: 'team', name: tLabel, wikidata: tq });
    let person = people.get(pq);
    if (!person) {
      const desc = row[`${personVar}Description`]?.value;
      person = { id: assign(pq, pLabel), type: 'person', name: pLabel, wikidata: pq, source: 'wikidata', career: [] };
      if (desc) person.description = { [lang]: desc };
      people.set(pq, person);
    }
    const from = wikidataDate(startVar ? row[startVar] : undefined, row['startPrecision']);
    const to = wikidataDate(endVar ? row[endVar] : undefined, row['endPrecision']);
    const key = `${pq}|${tq}|${from ?? ''}|${to ?? ''}`;
    const apps = appsVar ? count(row[appsVar]) : undefined;
    const goals = goalsVar ? count(row[goalsVar]) : undefined;
    let stint = person.career.find((s) => `${pq}|${tq}|${s.from ?? ''}|${s.to ?? ''}` === key);
    if (!stint) {
      if (stintKeys.has(key)) return;
      stintKeys.add(key);
      stint = { team: teamId, role: 'player', ...(from ? { from } : {}), ...(to ? { to } : {}) };
      person.career.push(stint);
    }
    if (apps !== undefined || goals !== undefined) {
      const row2 = { ...(apps !== undefined ? { appearances: apps } : {}), ...(goals !== undefined ? { goals } : {}), scope: 'league' as const, asOf: options.asOf };
      const existing = stint.stats?.[0];
      if (!existing) stint.stats = [row2];
      else Object.assign(existing, row2);
    }
  });

  for (const p of people.values()) {
    p.career.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  }
  return {
    sources: {
      wikidata: { title: 'Wikidata: member of sports team (P54) with matches played (P1350) and goals (P1351)', publisher: 'Wikidata', url: 'https://www.wikidata.org/', date: options.asOf },
    },
    entities: [...teams.values(), ...people.values()],
    warnings,
  };
}
