/**
 * Reads a parsed (and schema-checked) knowledge-base value into raw entities and facts.
 * Defensive: anything malformed (already reported by the schema check) is skipped, never
 * thrown on. References (teams, competitions, sources) are resolved later by the loader.
 */
import { ENTITY_TYPES, type EntityType, type Language } from '../model';
import { dateString, parseDate, parseSeason } from './dates';
import type { ValuePath } from './parse';
import {
  KB_ROLES, KB_STAT_PROPERTIES, type KbEntity, type KbName, type KbOrigin, type KbRole, type KbSource, type KbStatProperty,
  type KbStatScope,
} from './types';

/** A source as written: an id into a `sources` map or an inline source. */
export type SourceRef = { readonly id: string; readonly path: ValuePath } | { readonly inline: KbSource };

interface RawFactCommon {
  readonly path: ValuePath;
  /** Source references in force (own, else the stint's, else the entity's). */
  readonly refs: readonly SourceRef[];
  /** `asOf` as written on the fact (or inherited from its stint). */
  readonly asOf?: string;
}

export type RawFact = RawFactCommon & (
  | { readonly kind: 'stint'; readonly team: string; readonly role: KbRole; readonly from?: string; readonly to?: string; readonly loan?: boolean }
  | { readonly kind: 'statistic'; readonly team: string; readonly role: KbRole | undefined; readonly property: KbStatProperty; readonly value: number; readonly scope: KbStatScope; readonly stint?: { readonly from?: string; readonly to?: string } }
  | { readonly kind: 'honour'; readonly competition: string; readonly team?: string; readonly role?: KbRole; readonly count?: number; readonly won?: readonly string[]; readonly stint?: { readonly from?: string; readonly to?: string } }
  | { readonly kind: 'contract'; readonly team: string; readonly role?: KbRole; readonly until: string }
  | { readonly kind: 'record'; readonly text: Partial<Record<Language, string>>; readonly competition?: string; readonly role?: KbRole; readonly value?: number; readonly since?: string; readonly until?: string; readonly shared?: boolean }
  | { readonly kind: 'complete'; readonly role: KbRole }
);

/**
 * An entity as written in one file, before merging: the descriptive fields of a `KbEntity`,
 * with `type` and `name` optional (an entry may only extend an entity defined elsewhere).
 */
export interface RawEntity extends Omit<KbEntity, 'type' | 'name' | 'names' | 'origin' | 'definitions'> {
  readonly path: ValuePath;
  readonly type?: EntityType;
  readonly name?: string;
  readonly names: KbName[];
  readonly facts: RawFact[];
  readonly origin: KbOrigin;
  /** True when `type` or `name` was written but is invalid (the schema check reported it). */
  readonly invalidCore?: boolean;
}

export interface RawFile {
  readonly sources: { readonly id: string; readonly source: KbSource; readonly path: ValuePath }[];
  readonly entities: RawEntity[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

const ID_RE = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

function id(v: unknown): string | undefined {
  return typeof v === 'string' && ID_RE.test(v) ? v : undefined;
}

function date(v: unknown): string | undefined {
  const s = dateString(v);
  return s !== undefined && parseDate(s) ? s : undefined;
}

function winDate(v: unknown): string | undefined {
  const s = dateString(v);
  return s !== undefined && (parseDate(s) || parseSeason(s)) ? s : undefined;
}

function role(v: unknown): KbRole | undefined {
  return KB_ROLES.includes(v as KbRole) ? (v as KbRole) : undefined;
}

function count(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function localized(v: unknown): Partial<Record<Language, string>> | undefined {
  if (!isObj(v)) return undefined;
  const out: Partial<Record<Language, string>> = {};
  if (str(v['en'])) out.en = str(v['en']);
  if (str(v['it'])) out.it = str(v['it']);
  return out.en || out.it ? out : undefined;
}

/** Reads a source object; undefined when it has no title. */
export function readSource(v: unknown): KbSource | undefined {
  if (!isObj(v)) return undefined;
  const title = str(v['title']);
  if (!title) return undefined;
  const out: { -readonly [K in keyof KbSource]: KbSource[K] } = { title };
  if (str(v['publisher'])) out.publisher = str(v['publisher']);
  if (date(v['date'])) out.date = date(v['date']);
  if (str(v['url'])) out.url = str(v['url']);
  if (str(v['file'])) out.file = str(v['file']);
  return out;
}

function sourceRefs(v: unknown, path: ValuePath): SourceRef[] | undefined {
  if (v === undefined) return undefined;
  const items = Array.isArray(v) ? v.map((x, i) => [x, [...path, i]] as const) : [[v, path] as const];
  const out: SourceRef[] = [];
  for (const [x, p] of items) {
    if (typeof x === 'string') {
      if (id(x)) out.push({ id: x, path: p });
    } else {
      const s = readSource(x);
      if (s) out.push({ inline: s });
    }
  }
  return out;
}

function readName(v: unknown): KbName | undefined {
  if (typeof v === 'string') return str(v) ? { text: v.trim(), kind: 'name' } : undefined;
  if (!isObj(v)) return undefined;
  const text = str(v['text']);
  if (!text) return undefined;
  const kind = v['kind'] === undefined ? 'name' : v['kind'];
  if (kind !== 'name' && kind !== 'nickname' && kind !== 'epithet') return undefined;
  const lang = v['lang'];
  if (lang !== undefined && lang !== 'en' && lang !== 'it') return undefined;
  const out: { -readonly [K in keyof KbName]: KbName[K] } = { text, kind };
  if (lang) out.lang = lang;
  if (v['matchCase'] === true) out.matchCase = true;
  return out;
}

function readHonour(
  v: Obj, path: ValuePath, refs: readonly SourceRef[], stint?: { team: string; role: KbRole; from?: string; to?: string; asOf?: string },
): RawFact | undefined {
  const competition = id(v['competition']);
  if (!competition) return undefined;
  const team = stint?.team ?? id(v['team']);
  if (v['team'] !== undefined && !id(v['team'])) return undefined;
  const r = stint?.role ?? role(v['role']);
  const c = v['count'] === undefined ? undefined : count(v['count']);
  if (v['count'] !== undefined && c === undefined) return undefined;
  let won: string[] | undefined;
  if (v['won'] !== undefined) {
    won = arr(v['won']).map(winDate).filter((x): x is string => x !== undefined);
    if (won.length !== arr(v['won']).length) return undefined;
  }
  const asOf = v['asOf'] === undefined ? stint?.asOf : date(v['asOf']);
  if (v['asOf'] !== undefined && asOf === undefined) return undefined;
  return {
    kind: 'honour', path, refs: sourceRefs(v['source'], [...path, 'source']) ?? refs, asOf, competition,
    ...(team ? { team } : {}), ...(r ? { role: r } : {}), ...(c !== undefined ? { count: c } : {}), ...(won ? { won } : {}),
    ...(stint ? { stint: { from: stint.from, to: stint.to } } : {}),
  };
}

function readEntity(v: unknown, path: ValuePath, origin: KbOrigin): RawEntity | undefined {
  if (!isObj(v)) return undefined;
  const eid = id(v['id']);
  if (!eid) return undefined;
  const type = ENTITY_TYPES.includes(v['type'] as EntityType) ? (v['type'] as EntityType) : undefined;
  const entityRefs = sourceRefs(v['source'], [...path, 'source']) ?? [];
  const facts: RawFact[] = [];

  if (v['career'] !== undefined) arr(v['career']).forEach((s, i) => {
    const p = [...path, 'career', i];
    if (!isObj(s)) return;
    const team = id(s['team']);
    const r = role(s['role']);
    const from = s['from'] === undefined ? undefined : date(s['from']);
    const to = s['to'] === undefined ? undefined : date(s['to']);
    const asOf = s['asOf'] === undefined ? undefined : date(s['asOf']);
    if (!team || !r || (s['from'] !== undefined && !from) || (s['to'] !== undefined && !to) || (s['asOf'] !== undefined && !asOf)) return;
    const refs = sourceRefs(s['source'], [...p, 'source']) ?? entityRefs;
    facts.push({ kind: 'stint', path: p, refs, asOf, team, role: r, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(s['loan'] === true ? { loan: true } : {}) });
    const stint = { team, role: r, from, to, asOf };
    arr(s['stats']).forEach((row, j) => {
      const rp = [...p, 'stats', j];
      if (!isObj(row)) return;
      const scope = row['scope'] === undefined ? 'all' : row['scope'];
      if (scope !== 'all' && scope !== 'league') return;
      const rowAsOf = row['asOf'] === undefined ? asOf : date(row['asOf']);
      if (row['asOf'] !== undefined && !rowAsOf) return;
      const rowRefs = sourceRefs(row['source'], [...rp, 'source']) ?? refs;
      for (const property of KB_STAT_PROPERTIES) {
        const value = count(row[property]);
        if (value === undefined) continue;
        facts.push({ kind: 'statistic', path: [...rp, property], refs: rowRefs, asOf: rowAsOf, team, role: r, property, value, scope, stint: { from, to } });
      }
    });
    arr(s['honours']).forEach((h, j) => {
      if (!isObj(h)) return;
      const f = readHonour(h, [...p, 'honours', j], refs, stint);
      if (f) facts.push(f);
    });
  });

  if (v['honours'] !== undefined) arr(v['honours']).forEach((h, i) => {
    if (!isObj(h)) return;
    const f = readHonour(h, [...path, 'honours', i], entityRefs);
    if (f) facts.push(f);
  });

  if (v['contracts'] !== undefined) arr(v['contracts']).forEach((c, i) => {
    const p = [...path, 'contracts', i];
    if (!isObj(c)) return;
    const team = id(c['team']);
    const until = date(c['until']);
    const asOf = c['asOf'] === undefined ? undefined : date(c['asOf']);
    const r = c['role'] === undefined ? undefined : role(c['role']);
    if (!team || !until || (c['asOf'] !== undefined && !asOf) || (c['role'] !== undefined && !r)) return;
    facts.push({ kind: 'contract', path: p, refs: sourceRefs(c['source'], [...p, 'source']) ?? entityRefs, asOf, team, until, ...(r ? { role: r } : {}) });
  });

  if (v['records'] !== undefined) arr(v['records']).forEach((rec, i) => {
    const p = [...path, 'records', i];
    if (!isObj(rec)) return;
    const text = typeof rec['text'] === 'string' ? str(rec['text']) ? { en: str(rec['text']) } : undefined : localized(rec['text']);
    if (!text) return;
    const competition = rec['competition'] === undefined ? undefined : id(rec['competition']);
    const r = rec['role'] === undefined ? undefined : role(rec['role']);
    const value = rec['value'] === undefined ? undefined : count(rec['value']);
    const since = rec['since'] === undefined ? undefined : date(rec['since']);
    const until = rec['until'] === undefined ? undefined : date(rec['until']);
    const asOf = rec['asOf'] === undefined ? undefined : date(rec['asOf']);
    if ((rec['competition'] !== undefined && !competition) || (rec['role'] !== undefined && !r) || (rec['value'] !== undefined && value === undefined) ||
      (rec['since'] !== undefined && !since) || (rec['until'] !== undefined && !until) || (rec['asOf'] !== undefined && !asOf)) return;
    facts.push({
      kind: 'record', path: p, refs: sourceRefs(rec['source'], [...p, 'source']) ?? entityRefs, asOf, text,
      ...(competition ? { competition } : {}), ...(r ? { role: r } : {}), ...(value !== undefined ? { value } : {}),
      ...(since ? { since } : {}), ...(until ? { until } : {}), ...(rec['shared'] === true ? { shared: true } : {}),
    });
  });

  if (v['complete'] !== undefined) arr(v['complete']).forEach((c, i) => {
    const p = [...path, 'complete', i];
    if (!isObj(c)) return;
    const r = role(c['role']);
    const asOf = c['asOf'] === undefined ? undefined : date(c['asOf']);
    if (!r || (c['asOf'] !== undefined && !asOf)) return;
    facts.push({ kind: 'complete', path: p, refs: sourceRefs(c['source'], [...p, 'source']) ?? entityRefs, asOf, role: r });
  });

  const names = arr(v['names']).map(readName).filter((n): n is KbName => n !== undefined);
  const out: { -readonly [K in keyof RawEntity]: RawEntity[K] } = { id: eid, path, names, facts, origin };
  if (type) out.type = type;
  if (str(v['name'])) out.name = str(v['name']);
  if ((v['type'] !== undefined && !type) || (v['name'] !== undefined && !str(v['name']))) out.invalidCore = true;
  if (v['matchCase'] === true) out.matchCase = true;
  const description = localized(v['description']);
  if (description) out.description = description;
  const label = localized(v['label']);
  if (label) out.label = label;
  if (id(v['nationality'])) out.nationality = id(v['nationality']);
  if (id(v['hometown'])) out.hometown = id(v['hometown']);
  if (str(v['country'])) out.country = str(v['country']);
  if (str(v['city'])) out.city = str(v['city']);
  if (typeof v['wikidata'] === 'string' && /^Q[1-9]\d*$/.test(v['wikidata'])) out.wikidata = v['wikidata'];
  const sameAs = arr(v['sameAs']).map(id).filter((x): x is string => x !== undefined);
  if (sameAs.length > 0) out.sameAs = sameAs;
  return out;
}

/**
 * Reads a file's value. `origin(i)` gives entity `i`'s origin (its id's range).
 */
export function readKbValue(value: unknown, origin: (index: number) => KbOrigin): RawFile {
  const sources: RawFile['sources'] = [];
  const entities: RawEntity[] = [];
  if (!isObj(value)) return { sources, entities };
  if (isObj(value['sources'])) {
    for (const [key, s] of Object.entries(value['sources'])) {
      const src = readSource(s);
      if (id(key) && src) sources.push({ id: key, source: { id: key, ...src }, path: ['sources', key] });
    }
  }
  arr(value['entities']).forEach((e, i) => {
    const r = readEntity(e, ['entities', i], origin(i));
    if (r) entities.push(r);
  });
  return { sources, entities };
}
