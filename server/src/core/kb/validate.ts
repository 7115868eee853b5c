/**
 * Validates a parsed knowledge-base value against `schemas/kb.schema.json` (the same schema
 * VS Code uses while editing) and turns ajv's errors into located, plain-language diagnostics.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../../../schemas/kb.schema.json';
import type { Span } from '../model';
import type { Locator, ValuePath } from './parse';
import { closest, didYouMean } from './suggest';
import type { KbDiagnostic } from './types';

let compiled: ValidateFunction | undefined;

/** The compiled schema validator (compiled once per process). */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** Validates `value`; returns diagnostics located through `locator`. At most `limit` are reported. */
export function validateKbValue(
  file: string,
  text: string,
  value: unknown,
  locator: Locator,
  limit = 200,
): KbDiagnostic[] {
  const validate = validator();
  if (validate(value)) return [];
  const errors = pruneErrors(validate.errors ?? []);
  const out: KbDiagnostic[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const path = pointerToPath(err.instancePath);
    const d = describe(err, path, text, locator, value);
    const key = `${d.span.start}:${d.span.end}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file, span: d.span, severity: 'error', code: 'kb-schema', message: d.message });
    if (out.length >= limit) {
      out.push({
        file, span: d.span, severity: 'information', code: 'kb-limit',
        message: `Only the first ${limit} schema errors are reported.`,
      });
      break;
    }
  }
  return out;
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer + '/');
}

/**
 * Removes the noise `anyOf` produces: the failing alternatives' type mismatches when a more
 * specific error explains the problem, and the `anyOf` error itself when another error at or
 * below its path remains. Several type mismatches alone merge into one.
 */
export function pruneErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const specific = (e: ErrorObject) => e.keyword !== 'type' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf';
  let kept = errors.filter((e) => {
    if (e.keyword === 'if') return false;
    if (e.keyword === 'type') {
      return !errors.some((o) => o !== e && specific(o) && isWithin(o.instancePath, e.instancePath));
    }
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      return !errors.some((o) => o !== e && specific(o) && isWithin(o.instancePath, e.instancePath));
    }
    if (e.keyword === 'propertyNames') {
      // The nested error (with the same propertyName) says more.
      return !errors.some((o) => o !== e && o.keyword !== 'propertyNames' && o.propertyName === e.params['propertyName']);
    }
    return true;
  });
  // Keep one of several type errors at one path (merged in `describe` through the anyOf).
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of kept) {
    const k = `${e.instancePath}\u0000${e.propertyName ?? ''}`;
    const list = byPath.get(k);
    if (list) list.push(e);
    else byPath.set(k, [e]);
  }
  kept = [];
  for (const list of byPath.values()) {
    const nonType = list.filter((e) => e.keyword !== 'type' && e.keyword !== 'anyOf');
    if (nonType.length > 0) {
      // Several patterns failing at one path (date or season) make one message.
      const patterns = nonType.filter((e) => e.keyword === 'pattern');
      kept.push(...nonType.filter((e) => e.keyword !== 'pattern'));
      if (patterns.length > 0) kept.push(patterns.length > 1 ? { ...patterns[0]!, params: { pattern: patterns.map((p) => p.params['pattern']).join('|') } } : patterns[0]!);
    } else {
      const types = list.filter((e) => e.keyword === 'type');
      if (types.length > 0) {
        const all = [...new Set(types.flatMap((t) => String(t.params['type']).split(',')))];
        kept.push({ ...types[0]!, params: { type: all.join(',') } });
      } else {
        kept.push(list[0]!);
      }
    }
  }
  return kept;
}

const CONTEXT: Readonly<Record<string, string>> = {
  entities: 'entity', career: 'stint', stats: 'statistics row', honours: 'honour', contracts: 'contract',
  records: 'record', complete: 'completeness entry', names: 'name', sources: 'source', source: 'source',
  won: 'date won',
};

function contextNoun(path: ValuePath): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'string' && CONTEXT[seg]) {
      // `sources` is a map: its direct children are sources.
      return CONTEXT[seg]!;
    }
  }
  return 'file';
}

function valueAt(root: unknown, path: ValuePath): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return `\`${v.length > 60 ? v.slice(0, 57) + '…' : v}\``;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `\`${String(v)}\``;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', object: 'an object (key: value pairs)',
  array: 'a list', null: 'null',
};

function typeWords(types: string): string {
  const words = types.split(',').map((t) => TYPE_WORDS[t] ?? t);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function firstLineOf(text: string, span: Span): Span {
  const nl = text.indexOf('\n', span.start);
  return { start: span.start, end: nl < 0 || nl > span.end ? span.end : Math.max(span.start + 1, nl) };
}

function slug(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
}

function describe(err: ErrorObject, path: ValuePath, text: string, loc: Locator, root: unknown): { span: Span; message: string } {
  const last = path[path.length - 1];
  const prop = typeof last === 'string' ? `\`${last}\`` : contextNoun(path) === 'file' ? 'This value' : `This ${contextNoun(path)}`;
  const value = valueAt(root, path);
  switch (err.keyword) {
    case 'additionalProperties': {
      const extra = String(err.params['additionalProperty']);
      const allowed = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = didYouMean(extra, allowed);
      const list = hint ? '' : allowed.length > 0 && allowed.length <= 12 ? `; allowed here: ${allowed.join(', ')}` : '';
      return { span: loc.key([...path, extra]), message: `Unknown property \`${extra}\` in this ${contextNoun(path)}${hint}${list}` };
    }
    case 'required': {
      const missing = String(err.params['missingProperty']);
      const obj = valueAt(root, path) as Record<string, unknown> | undefined;
      const span = obj && typeof obj['id'] === 'string' ? loc.value([...path, 'id']) : firstLineOf(text, loc.value(path));
      const who = obj && typeof obj['id'] === 'string' ? ` \`${obj['id']}\`` : '';
      const example = missing === 'role' ? ' (player, coach, assistant-coach, president or director)' : '';
      return { span, message: `Missing \`${missing}\` in ${contextNoun(path) === 'file' ? 'this file' : `this ${contextNoun(path)}`}${who}: add \`${missing}:\`${example}` };
    }
    case 'enum': {
      const allowed = (err.params['allowedValues'] as unknown[]).map(String);
      const hint = typeof value === 'string' ? closest(value, allowed) : undefined;
      return {
        span: loc.value(path),
        message: `${show(value)} is not a valid ${typeof last === 'string' ? last : 'value'}: use ${allowed.join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`,
      };
    }
    case 'type': {
      return { span: loc.value(path), message: `${prop} must be ${typeWords(String(err.params['type']))}, not ${show(value)}` };
    }
    case 'pattern': {
      const pattern = String(err.params['pattern']);
      const span = err.propertyName !== undefined ? loc.key([...path, err.propertyName]) : loc.value(path);
      const shown = err.propertyName !== undefined ? `\`${err.propertyName}\`` : show(value);
      if (pattern.includes('[a-z0-9]+(?:')) {
        const s = slug(err.propertyName ?? (typeof value === 'string' ? value : ''));
        return { span, message: `${shown} is not a valid id: use lower-case letters, digits, \`-\` and \`.\`${s ? `, e.g. \`${s}\`` : ''}` };
      }
      if (pattern.startsWith('^Q')) return { span, message: `${shown} is not a Wikidata id: write Q followed by digits (\`Q8682\`)` };
      const season = pattern.includes('/');
      const date = pattern.includes('(?:-(?:0');
      if (season && date) return { span, message: `${shown} is not a date or season: write YYYY-MM-DD, YYYY-MM, YYYY or a season like 2013/2014` };
      if (date) return { span, message: `${shown} is not a valid date: write YYYY, YYYY-MM or YYYY-MM-DD` };
      return { span, message: `${shown} is not in the expected form` };
    }
    case 'minimum':
      return { span: loc.value(path), message: `${prop} must be at least ${String(err.params['limit'])}, not ${show(value)}` };
    case 'maximum':
      return { span: loc.value(path), message: `${prop} must be at most ${String(err.params['limit'])}, not ${show(value)}` };
    case 'minLength':
      return { span: loc.value(path), message: `${prop} must not be empty` };
    case 'minItems':
      return { span: loc.value(path), message: `${prop} must list at least ${String(err.params['limit'])} item(s)` };
    default:
      return { span: loc.value(path), message: `${prop}: ${err.message ?? 'invalid value'}` };
  }
}
