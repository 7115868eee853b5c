/**
 * Loads knowledge-base files (YAML or JSON) into one `KnowledgeBase`, with located
 * diagnostics. Never throws; whatever is valid is kept.
 *
 * Merge semantics:
 * - Files load in order, `bundled` files before `workspace` ones.
 * - An entity item with a `type` and `name` *defines* the entity. An item with only an `id`
 *   (plus names, descriptions or facts) *extends* an entity defined anywhere.
 * - A workspace definition of an id the bundled files define *overrides* it: the fields it
 *   gives replace the bundled ones, names and facts add to them, and a workspace fact with the
 *   same identity as a bundled one (same stint start, same figure and date…) replaces it.
 * - Two definitions of one id in the same layer (two workspace files, or one file twice)
 *   conflict: the first wins and the other is reported with a pointer to the first.
 * - `sameAs: [ids]` merges other definitions (typically imported clubs) into the entity:
 *   their names are added, their ids resolve to it, and the merged entries disappear.
 * - Source ids (`sources:`) are shared by all files, with the same override rules.
 * - A file with syntax errors contributes nothing (keep the last good text if you need to).
 */
import { fold } from './fold';
import type { EntityType } from '../model';
import type { Span } from '../model';
import { readKbValue, type RawEntity, type RawFact, type SourceRef } from './convert';
import { parseDate } from './dates';
import { KnowledgeBase } from './knowledgeBase';
import { parseKbFile, type Locator, type ParsedFile, type ValuePath } from './parse';
import { didYouMean } from './suggest';
import type {
  KbDiagnostic, KbEntity, KbFact, KbFile, KbName, KbOrigin, KbSource, KbStint,
} from './types';
import { validateKbValue } from './validate';

/** The result of loading: the knowledge base and every problem found, per file. */
export interface KbLoadResult {
  readonly kb: KnowledgeBase;
  readonly diagnostics: KbDiagnostic[];
}

export interface KbLoadOptions {
  /** Check bundled files against the schema too (they are trusted by default, for speed). */
  readonly validateBundled?: boolean;
}

/** An origin whose spans are computed on first use (a JSON file's positions need a scan). */
class LazyOrigin implements KbOrigin {
  readonly file: string;
  readonly #parsed: ParsedFile;
  readonly #index: number;
  #span: Span | undefined;
  #extent: Span | null | undefined;

  constructor(file: string, parsed: ParsedFile, index: number) {
    this.file = file;
    this.#parsed = parsed;
    this.#index = index;
  }

  get span(): Span {
    return (this.#span ??= this.#parsed.entityIdSpan(this.#index) ?? { start: 0, end: 0 });
  }

  get extent(): Span | undefined {
    if (this.#extent === undefined) this.#extent = this.#parsed.entityExtent(this.#index) ?? null;
    return this.#extent ?? undefined;
  }

  toJSON(): KbOrigin {
    const extent = this.extent;
    return extent ? { file: this.file, span: this.span, extent } : { file: this.file, span: this.span };
  }
}

interface FileCtx {
  readonly path: string;
  readonly text: string;
  readonly layer: 'bundled' | 'workspace';
  readonly locator: Locator;
}

interface Builder {
  id: string;
  type: EntityType;
  name: string;
  names: KbName[];
  matchCase?: boolean;
  description?: Partial<Record<'en' | 'it', string>>;
  label?: Partial<Record<'en' | 'it', string>>;
  nationality?: string;
  hometown?: string;
  country?: string;
  city?: string;
  wikidata?: string;
  sameAs?: string[];
  origin: KbOrigin;
  definitions: KbOrigin[];
  layer: 'bundled' | 'workspace';
  overridden?: KbOrigin;
  /** Folded `text|lang` of the names so far (canonical included), built on first use. */
  nameKeys?: Set<string>;
  facts: { raw: RawFact; ctx: FileCtx; holder: string }[];
  /** Where the nationality/hometown were written, for reference diagnostics. */
  refsAt: { ctx: FileCtx; path: ValuePath };
}

const SUGGEST_LIMIT = 50;

/**
 * Loads knowledge-base files. `files` are YAML unless their path ends in `.json`.
 * Diagnostics carry the file's path as given and UTF-16 spans in its text.
 */
export function loadKb(files: readonly KbFile[], options: KbLoadOptions = {}): KbLoadResult {
  const diagnostics: KbDiagnostic[] = [];
  const ordered = [...files].sort((a, b) => rank(a) - rank(b));
  const sources = new Map<string, { source: KbSource; ctx: FileCtx; path: ValuePath }>();
  const defs = new Map<string, Builder>();
  const extensions: { raw: RawEntity; ctx: FileCtx }[] = [];

  for (const file of ordered) {
    let parsed;
    try {
      parsed = parseKbFile(file.path, file.text);
    } catch (e) {
      diagnostics.push(diag(file.path, { start: 0, end: 0 }, 'error', 'kb-syntax', `Cannot read this file: ${(e as Error).message}`));
      continue;
    }
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value === undefined) continue;
    const ctx: FileCtx = { path: file.path, text: file.text, layer: file.layer ?? 'workspace', locator: parsed.locator };
    // Bundled files are checked by the test suite and `touchline kb validate`; skipping the
    // schema check keeps start-up fast. The reader below is defensive either way.
    if (ctx.layer !== 'bundled' || options.validateBundled) {
      try {
        diagnostics.push(...validateKbValue(file.path, file.text, parsed.value, parsed.locator));
      } catch (e) {
        diagnostics.push(diag(file.path, { start: 0, end: 0 }, 'warning', 'kb-schema', `Schema check failed: ${(e as Error).message}`));
      }
    }
    const raw = readKbValue(parsed.value, (i) => new LazyOrigin(file.path, parsed, i));

    for (const s of raw.sources) {
      const prev = sources.get(s.id);
      if (prev && !(prev.ctx.layer === 'bundled' && ctx.layer === 'workspace')) {
        diagnostics.push({
          ...diag(file.path, ctx.locator.key(s.path), 'error', 'kb-duplicate-id', `Source id \`${s.id}\` is already defined in ${prev.ctx.path}; this definition is ignored`),
          related: [{ file: prev.ctx.path, span: prev.ctx.locator.key(prev.path), message: `First definition of source \`${s.id}\`` }],
        });
        continue;
      }
      sources.set(s.id, { source: s.source, ctx, path: s.path });
    }

    for (const e of raw.entities) {
      // A definition whose `type` or `name` is invalid was reported by the schema check.
      if (e.invalidCore) continue;
      if (e.type === undefined && e.name === undefined) {
        extensions.push({ raw: e, ctx });
        continue;
      }
      if (e.type === undefined || e.name === undefined) {
        const missing = e.type === undefined ? 'type' : 'name';
        diagnostics.push(diag(file.path, e.origin.span, 'error', 'kb-incomplete-entity',
          `Entity \`${e.id}\` has no \`${missing}\`: give both \`type\` and \`name\` to define it, or neither to extend an entity defined elsewhere`));
        continue;
      }
      const prev = defs.get(e.id);
      if (!prev) {
        defs.set(e.id, newBuilder(e, e.type, e.name, ctx));
      } else if (prev.layer === 'bundled' && ctx.layer === 'workspace' && !prev.overridden) {
        const bundledAt = prev.origin;
        diagnostics.push({
          ...diag(file.path, e.origin.span, 'information', 'kb-override', `Overrides the bundled entity \`${e.id}\` (${prev.name}): the fields given here replace its fields, names and facts are added`),
          related: [{ file: bundledAt.file, span: bundledAt.span, message: `Bundled definition of \`${e.id}\`` }],
        });
        override(prev, e, ctx);
      } else {
        const first = prev.overridden ?? prev.origin;
        diagnostics.push({
          ...diag(file.path, e.origin.span, 'error', 'kb-duplicate-id', `Entity id \`${e.id}\` is already defined in ${first.file === file.path ? 'this file' : first.file}; this definition is ignored (rename it, or remove \`type\` and \`name\` to extend the first)`),
          related: [{ file: first.file, span: first.span, message: `First definition of \`${e.id}\`` }],
        });
      }
    }
  }

  // sameAs: merge other definitions into the entity that claims them.
  const aliases = new Map<string, string>();
  for (const b of [...defs.values()]) {
    if (!defs.has(b.id) || !b.sameAs) continue;
    for (const a of b.sameAs) {
      if (a === b.id) continue;
      const other = defs.get(a);
      if (other && other.type !== b.type) {
        diagnostics.push(diag(b.origin.file, b.origin.span, 'warning', 'kb-wrong-reference-type', `\`${a}\` is a ${other.type}, not a ${b.type}; it is not merged into \`${b.id}\``));
        continue;
      }
      aliases.set(a, b.id);
      if (!other) continue;
      addNames(b, [{ text: other.name, kind: 'name', ...(other.matchCase ? { matchCase: true } : {}) }, ...other.names]);
      for (const f of other.facts) b.facts.push({ ...f, holder: b.id });
      b.definitions.push(...other.definitions);
      b.description ??= other.description;
      b.label ??= other.label;
      b.country ??= other.country;
      b.city ??= other.city;
      b.wikidata ??= other.wikidata;
      defs.delete(a);
    }
  }
  const resolve = (id: string): string | undefined => (defs.has(id) ? id : aliases.has(id) && defs.has(aliases.get(id)!) ? aliases.get(id) : undefined);

  let suggestions = 0;
  const hint = (id: string, type?: EntityType): string => {
    if (suggestions++ >= SUGGEST_LIMIT) return '';
    const ids: string[] = [];
    for (const d of defs.values()) if (type === undefined || d.type === type) ids.push(d.id);
    return didYouMean(id, ids);
  };

  for (const { raw, ctx } of extensions) {
    const target = resolve(raw.id);
    if (target === undefined) {
      diagnostics.push(diag(ctx.path, raw.origin.span, 'error', 'kb-unknown-reference',
        `No entity \`${raw.id}\` to extend${hint(raw.id)} (to define a new entity, give it a \`type\` and a \`name\`)`));
      continue;
    }
    const b = defs.get(target)!;
    addNames(b, raw.names);
    if (raw.description) b.description = { ...b.description, ...raw.description };
    if (raw.label) b.label = { ...b.label, ...raw.label };
    if (raw.nationality) b.nationality = raw.nationality;
    if (raw.hometown) b.hometown = raw.hometown;
    if (raw.wikidata) b.wikidata = raw.wikidata;
    if (raw.nationality || raw.hometown) b.refsAt = { ctx, path: raw.path };
    b.definitions.push(raw.origin);
    for (const f of raw.facts) b.facts.push({ raw: f, ctx, holder: b.id });
  }

  // Entities, with place references checked.
  const entities = new Map<string, KbEntity>();
  for (const b of defs.values()) {
    for (const field of ['nationality', 'hometown'] as const) {
      const ref = b[field];
      if (ref === undefined) continue;
      const r = resolve(ref);
      if (r === undefined || defs.get(r)!.type !== 'place') {
        const span = b.refsAt.ctx.locator.value([...b.refsAt.path, field]);
        diagnostics.push(diag(b.refsAt.ctx.path, span, 'warning', r === undefined ? 'kb-unknown-reference' : 'kb-wrong-reference-type',
          r === undefined ? `Unknown place id \`${ref}\` in \`${field}\`${hint(ref, 'place')}` : `\`${ref}\` is a ${defs.get(r)!.type}, not a place`));
        b[field] = undefined;
      } else {
        b[field] = r;
      }
    }
    entities.set(b.id, freezeEntity(b));
  }

  const facts = buildFacts(defs, resolve, sources, diagnostics, hint);
  return { kb: new KnowledgeBase(entities, aliases, facts, new Map([...sources].map(([k, v]) => [k, v.source]))), diagnostics };
}

function rank(f: KbFile): number {
  return f.layer === 'bundled' ? 0 : 1;
}

function diag(file: string, span: Span, severity: KbDiagnostic['severity'], code: KbDiagnostic['code'], message: string): KbDiagnostic {
  return { file, span, severity, code, message };
}

function newBuilder(e: RawEntity, type: EntityType, name: string, ctx: FileCtx): Builder {
  const b: Builder = {
    id: e.id, type, name, names: [], origin: e.origin, definitions: [e.origin], layer: ctx.layer, facts: [],
    refsAt: { ctx, path: e.path },
  };
  assignFields(b, e);
  addNames(b, e.names);
  for (const f of e.facts) b.facts.push({ raw: f, ctx, holder: e.id });
  return b;
}

function assignFields(b: Builder, e: RawEntity): void {
  if (e.matchCase !== undefined) b.matchCase = e.matchCase;
  if (e.description) b.description = { ...b.description, ...e.description };
  if (e.label) b.label = { ...b.label, ...e.label };
  if (e.nationality) b.nationality = e.nationality;
  if (e.hometown) b.hometown = e.hometown;
  if (e.country) b.country = e.country;
  if (e.city) b.city = e.city;
  if (e.wikidata) b.wikidata = e.wikidata;
  if (e.sameAs) b.sameAs = [...new Set([...(b.sameAs ?? []), ...e.sameAs])];
}

function override(b: Builder, e: RawEntity, ctx: FileCtx): void {
  const oldName = b.name;
  b.type = e.type ?? b.type;
  b.name = e.name ?? b.name;
  b.nameKeys = undefined;
  b.names = b.names.filter((n) => fold(n.text) !== fold(b.name));
  if (fold(oldName) !== fold(b.name)) addNames(b, [{ text: oldName, kind: 'name' }]);
  assignFields(b, e);
  if (e.nationality || e.hometown) b.refsAt = { ctx, path: e.path };
  addNames(b, e.names);
  b.origin = e.origin;
  b.overridden = e.origin;
  b.definitions.push(e.origin);
  for (const f of e.facts) b.facts.push({ raw: f, ctx, holder: b.id });
}

function addNames(b: Builder, names: readonly KbName[]): void {
  if (names.length === 0) return;
  const seen = (b.nameKeys ??= new Set([`${fold(b.name)}|`, ...b.names.map((n) => `${fold(n.text)}|${n.lang ?? ''}`)]));
  for (const n of names) {
    const f = fold(n.text);
    const k = `${f}|${n.lang ?? ''}`;
    if (seen.has(k) || (n.lang !== undefined && seen.has(`${f}|`))) continue;
    seen.add(k);
    b.names.push(n);
  }
}

function freezeEntity(b: Builder): KbEntity {
  const e: { -readonly [K in keyof KbEntity]: KbEntity[K] } = { id: b.id, type: b.type, name: b.name, names: b.names };
  if (b.matchCase) e.matchCase = true;
  if (b.description) e.description = b.description;
  if (b.label) e.label = b.label;
  if (b.nationality) e.nationality = b.nationality;
  if (b.hometown) e.hometown = b.hometown;
  if (b.country) e.country = b.country;
  if (b.city) e.city = b.city;
  if (b.wikidata) e.wikidata = b.wikidata;
  if (b.sameAs) e.sameAs = b.sameAs;
  e.origin = b.origin;
  e.definitions = b.definitions;
  return e;
}

type Hint = (id: string, type?: EntityType) => string;

/** Resolves references and sources, derives as-of dates and finality, applies overrides. */
function buildFacts(
  defs: ReadonlyMap<string, Builder>,
  resolve: (id: string) => string | undefined,
  sources: ReadonlyMap<string, { source: KbSource; ctx: FileCtx; path: ValuePath }>,
  diagnostics: KbDiagnostic[],
  hint: Hint,
): KbFact[] {
  const reportedRefs = new Set<string>();
  const resolveSources = (refs: readonly SourceRef[], ctx: FileCtx): KbSource[] => {
    const out: KbSource[] = [];
    for (const r of refs) {
      if ('inline' in r) {
        out.push(r.inline);
        continue;
      }
      const s = sources.get(r.id);
      if (s) {
        out.push(s.source);
        continue;
      }
      const key = `${ctx.path}\u0000${r.path.join('/')}`;
      if (!reportedRefs.has(key)) {
        reportedRefs.add(key);
        const suggestion = suggestSource(r.id, sources);
        diagnostics.push(diag(ctx.path, ctx.locator.value(r.path), 'error', 'kb-unknown-reference',
          `Unknown source id \`${r.id}\`${suggestion || ': define it under `sources:`'}`));
      }
    }
    return out;
  };

  // Reference check: returns the resolved id or reports and returns undefined.
  const ref = (id: string, type: EntityType, what: string, ctx: FileCtx, path: ValuePath | undefined): string | undefined => {
    const r = resolve(id);
    const ok = r !== undefined && defs.get(r)!.type === type;
    if (ok) return r;
    if (path) {
      const key = `${ctx.path}\u0000${path.join('/')}`;
      if (!reportedRefs.has(key)) {
        reportedRefs.add(key);
        diagnostics.push(r === undefined
          ? diag(ctx.path, ctx.locator.value(path), 'error', 'kb-unknown-reference', `Unknown ${type} id \`${id}\` in ${what}${hint(id, type)}`)
          : diag(ctx.path, ctx.locator.value(path), 'error', 'kb-wrong-reference-type', `\`${id}\` is a ${defs.get(r)!.type}, not a ${type} (in ${what})`));
      }
    }
    return undefined;
  };

  // First pass: stints (needed to decide whether honours at a team are final).
  type Pending = { raw: RawFact; ctx: FileCtx; holder: string; holderType: EntityType };
  const pending: Pending[] = [];
  for (const b of defs.values()) for (const f of b.facts) pending.push({ ...f, holder: b.id, holderType: b.type });

  const out: (KbFact & { _order: number; _layer: string })[] = [];
  const stintsByPerson = new Map<string, KbStint[]>();
  let order = 0;

  const common = (p: Pending, fallbackAsOf?: string) => {
    const srcs = resolveSources(p.raw.refs, p.ctx);
    const nested = p.raw.kind === 'statistic' || (p.raw.kind === 'honour' && p.raw.stint !== undefined);
    if (p.raw.refs.length === 0 && !nested) {
      diagnostics.push(diag(p.ctx.path, firstLine(p.ctx, p.ctx.locator.value(p.raw.path)), 'warning', 'kb-missing-source',
        `This ${label(p.raw)} has no source: add \`source:\` (an id from \`sources:\` or {title, publisher, date, url})`));
    }
    const asOf = p.raw.asOf ?? srcs[0]?.date ?? fallbackAsOf;
    const base: { sources: KbSource[]; source?: KbSource; asOf?: string } = { sources: srcs };
    if (srcs[0]) base.source = srcs[0];
    if (asOf !== undefined) base.asOf = asOf;
    return base;
  };
  const withOrigin = <T extends object>(fact: T, p: Pending): T => {
    let cached: KbOrigin | undefined;
    Object.defineProperty(fact, 'origin', {
      enumerable: true,
      get: () => (cached ??= { file: p.ctx.path, span: firstLine(p.ctx, p.ctx.locator.value(p.raw.path)), extent: p.ctx.locator.value(p.raw.path) }),
    });
    return fact;
  };
  const push = (f: KbFact, p: Pending) => out.push(Object.assign(withOrigin(f, p), { _order: order++, _layer: p.ctx.layer }));

  const personOnly = (p: Pending): boolean => {
    if (p.holderType === 'person') return true;
    diagnostics.push(diag(p.ctx.path, firstLine(p.ctx, p.ctx.locator.value(p.raw.path)), 'warning', 'kb-wrong-reference-type',
      `A ${label(p.raw)} belongs to a person, but \`${p.holder}\` is a ${p.holderType}; it is ignored`));
    return false;
  };

  // Report unknown source ids even on facts dropped below for other reasons.
  for (const p of pending) resolveSources(p.raw.refs, p.ctx);

  for (const p of pending) {
    const raw = p.raw;
    if (raw.kind !== 'stint') continue;
    if (!personOnly(p)) continue;
    const c = common(p);
    const team = ref(raw.team, 'team', 'stint', p.ctx, [...raw.path, 'team']);
    if (team === undefined) continue;
    const from = parseDate(raw.from ?? '');
    const to = parseDate(raw.to ?? '');
    if (from && to && from.start > to.end) {
      diagnostics.push(diag(p.ctx.path, p.ctx.locator.value([...raw.path, 'to']), 'error', 'kb-inconsistent', `This stint ends (${raw.to}) before it starts (${raw.from})`));
      continue;
    }
    const stint: KbStint = {
      kind: 'stint', person: p.holder, team, role: raw.role, ...c,
      ...(raw.from ? { from: raw.from } : {}), ...(raw.to ? { to: raw.to } : {}), ...(raw.loan ? { loan: true } : {}),
    };
    push(stint, p);
    let list = stintsByPerson.get(p.holder);
    if (!list) stintsByPerson.set(p.holder, (list = []));
    list.push(stint);
  }

  for (const p of pending) {
    const raw = p.raw;
    switch (raw.kind) {
      case 'stint':
        break;
      case 'statistic': {
        if (!personOnly(p)) break;
        // The stint reported an unknown team already.
        const team = ref(raw.team, 'team', 'stint', p.ctx, undefined);
        if (team === undefined) break;
        const c = common(p, raw.stint?.to);
        const final = isFinalAt(c.asOf, raw.stint?.to);
        if (c.asOf === undefined && !final) missingDate(p, diagnostics);
        push({
          kind: 'statistic', person: p.holder, team, property: raw.property, value: raw.value, scope: raw.scope, ...c,
          ...(raw.role ? { role: raw.role } : {}), ...(raw.stint ? { stint: raw.stint } : {}),
          final, ...(final && raw.stint?.to ? { finalSince: raw.stint.to } : {}),
        }, p);
        break;
      }
      case 'honour': {
        const competition = ref(raw.competition, 'competition', 'honour', p.ctx, [...raw.path, 'competition']);
        if (competition === undefined) break;
        let team: string | undefined;
        if (raw.team !== undefined) {
          team = ref(raw.team, 'team', raw.stint ? 'stint' : 'honour', p.ctx, raw.stint ? undefined : [...raw.path, 'team']);
          if (team === undefined) break;
        }
        if (raw.count === undefined && raw.won === undefined) {
          diagnostics.push(diag(p.ctx.path, firstLine(p.ctx, p.ctx.locator.value(raw.path)), 'warning', 'kb-inconsistent',
            'This honour has neither `count` nor `won`: give how many, or when each was won'));
          break;
        }
        if (raw.count !== undefined && raw.won !== undefined && raw.count !== raw.won.length) {
          diagnostics.push(diag(p.ctx.path, p.ctx.locator.value([...raw.path, 'count']), 'warning', 'kb-inconsistent',
            `\`count\` is ${raw.count} but \`won\` lists ${raw.won.length}; the list is used`));
        }
        let finalSince: string | undefined;
        if (p.holderType === 'person') {
          if (raw.stint) finalSince = raw.stint.to;
          else if (team !== undefined) finalSince = lastEnd((stintsByPerson.get(p.holder) ?? []).filter((s) => s.team === team && (raw.role === undefined || s.role === raw.role)));
        }
        const c = common(p, finalSince);
        const final = finalSince !== undefined && isFinalAt(c.asOf, finalSince);
        if (c.asOf === undefined && !final && raw.won === undefined) missingDate(p, diagnostics);
        push({
          kind: 'honour', holder: p.holder, competition, ...c, ...(team ? { team } : {}), ...(raw.role ? { role: raw.role } : {}),
          ...(raw.count !== undefined ? { count: raw.count } : {}), ...(raw.won ? { won: raw.won } : {}),
          ...(raw.stint ? { stint: raw.stint } : {}), final, ...(final && finalSince ? { finalSince } : {}),
        }, p);
        break;
      }
      case 'contract': {
        if (!personOnly(p)) break;
        const team = ref(raw.team, 'team', 'contract', p.ctx, [...raw.path, 'team']);
        if (team === undefined) break;
        push({ kind: 'contract', person: p.holder, team, until: raw.until, ...common(p), ...(raw.role ? { role: raw.role } : {}) }, p);
        break;
      }
      case 'record': {
        let competition: string | undefined;
        if (raw.competition !== undefined) {
          competition = ref(raw.competition, 'competition', 'record', p.ctx, [...raw.path, 'competition']);
          if (competition === undefined) break;
        }
        push({
          kind: 'record', holder: p.holder, text: raw.text, ...common(p), ...(competition ? { competition } : {}),
          ...(raw.role ? { role: raw.role } : {}), ...(raw.value !== undefined ? { value: raw.value } : {}),
          ...(raw.since ? { since: raw.since } : {}), ...(raw.until ? { until: raw.until } : {}), ...(raw.shared ? { shared: true } : {}),
        }, p);
        break;
      }
      case 'complete': {
        if (!personOnly(p)) break;
        push({ kind: 'complete', person: p.holder, role: raw.role, ...common(p) }, p);
        break;
      }
    }
  }

  // Workspace facts replace bundled facts with the same identity.
  const bundledByKey = new Map<string, number>();
  const dropped = new Set<number>();
  for (const f of out) {
    const k = factKey(f);
    if (f._layer === 'bundled') bundledByKey.set(k, f._order);
    else if (bundledByKey.has(k)) dropped.add(bundledByKey.get(k)!);
  }
  return out.filter((f) => !dropped.has(f._order)).map((f) => {
    delete (f as Partial<typeof f>)._order;
    delete (f as Partial<typeof f>)._layer;
    return f;
  });
}

function suggestSource(id: string, sources: ReadonlyMap<string, unknown>): string {
  return didYouMean(id, sources.keys());
}

const reportedMissingDates = new WeakMap<KbDiagnostic[], Set<string>>();

function missingDate(p: { raw: RawFact; ctx: FileCtx }, diagnostics: KbDiagnostic[]): void {
  // One report per statistics row (a row gives several figures).
  const path = p.raw.kind === 'statistic' ? p.raw.path.slice(0, -1) : p.raw.path;
  let seen = reportedMissingDates.get(diagnostics);
  if (!seen) reportedMissingDates.set(diagnostics, (seen = new Set()));
  const key = `${p.ctx.path}\u0000${path.join('/')}`;
  if (seen.has(key)) return;
  seen.add(key);
  diagnostics.push(diag(p.ctx.path, firstLine(p.ctx, p.ctx.locator.value(path)), 'warning', 'kb-missing-date',
    `This ${label(p.raw)} has no date: add \`asOf:\` (or a source with a \`date\`) so it can be compared over time`));
}

function label(f: RawFact): string {
  switch (f.kind) {
    case 'stint': return 'stint';
    case 'statistic': return 'figure';
    case 'honour': return 'honour';
    case 'contract': return 'contract';
    case 'record': return 'record';
    case 'complete': return 'completeness statement';
  }
}

/** True when a figure dated `asOf` is on or after the stint's end `to` (or undated). */
function isFinalAt(asOf: string | undefined, to: string | undefined): boolean {
  if (to === undefined) return false;
  const end = parseDate(to);
  if (!end) return false;
  if (asOf === undefined) return true;
  const at = parseDate(asOf);
  return at !== undefined && at.end >= end.end;
}

/** The latest end among stints, or undefined if any is open (or there are none). */
function lastEnd(stints: readonly KbStint[]): string | undefined {
  if (stints.length === 0) return undefined;
  let best: string | undefined;
  let bestEnd = Number.NEGATIVE_INFINITY;
  for (const s of stints) {
    const e = parseDate(s.to ?? '');
    if (!e) return undefined;
    if (e.end > bestEnd) {
      bestEnd = e.end;
      best = s.to;
    }
  }
  return best;
}

function factKey(f: KbFact): string {
  switch (f.kind) {
    case 'stint': return `stint|${f.person}|${f.team}|${f.role}|${f.from ?? ''}`;
    case 'statistic': return `stat|${f.person}|${f.team}|${f.property}|${f.scope}|${f.stint?.from ?? ''}|${f.asOf ?? ''}`;
    case 'honour': return `honour|${f.holder}|${f.competition}|${f.team ?? ''}|${f.role ?? ''}|${f.stint?.from ?? ''}|${f.asOf ?? ''}`;
    case 'contract': return `contract|${f.person}|${f.team}|${f.asOf ?? ''}`;
    case 'record': return `record|${f.holder}|${f.text.en ?? f.text.it ?? ''}`;
    case 'complete': return `complete|${f.person}|${f.role}`;
  }
}

function firstLine(ctx: FileCtx, span: Span): Span {
  const nl = ctx.text.indexOf('\n', span.start);
  return { start: span.start, end: nl < 0 || nl > span.end ? span.end : Math.max(span.start + 1, nl) };
}
