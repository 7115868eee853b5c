/**
 * `touchline.json`: the one configuration file shared by the command line and the language
 * server (rules and severities, knowledge-base paths, language, article date, article globs,
 * limits). It is validated against `schemas/touchline.schema.json`, the schema VS Code uses
 * while the file is edited. Nothing here throws: a broken file gives located diagnostics and
 * the defaults for whatever could not be read.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
// The ESM build: the package's UMD `main` requires its parts dynamically, which esbuild cannot bundle.
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import schema from '../../../schemas/touchline.schema.json';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/articleFiles';
import { RULES, type RuleOverrides } from '../core/checks';
import type { Severity } from '../core/findings';
import { closest } from '../core/kb/suggest';
import { LineIndex } from '../core/positions';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';

/** The configuration file's name. */
export const CONFIG_FILE = 'touchline.json';

/**
 * What a `touchline.json` sets, validated. Absent fields were not set (or were invalid and
 * reported); `resolveConfig` fills in the defaults.
 */
export interface TouchlineConfig {
  readonly language?: 'auto' | 'en' | 'it';
  /** ISO date (2024-04-19, 2024-04, 2024); an empty string in the file means "unknown". */
  readonly articleDate?: string;
  readonly rules?: RuleOverrides;
  /** Paths as written in the file (relative to its folder or absolute). */
  readonly knowledgeBase?: { readonly paths?: readonly string[] };
  readonly articles?: { readonly include?: readonly string[]; readonly exclude?: readonly string[] };
  readonly limits?: { readonly maxFileSizeMB?: number };
}

/** A problem in the configuration file, located in its text. */
export interface ConfigDiagnostic {
  /** Errors fall back to defaults for the affected setting; warnings are advice. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** UTF-16 offsets in the file's text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** 1-based line and UTF-16 column of `start` and `end`. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface LoadedConfig {
  /** The file, as given. */
  readonly path: string;
  /** Its folder: relative paths and globs in it are relative to this. */
  readonly dir: string;
  readonly config: TouchlineConfig;
  readonly diagnostics: readonly ConfigDiagnostic[];
}

/** Settings with every default filled in: what the analysis and the file walk use. */
export interface ResolvedConfig {
  readonly analysis: AnalysisSettings;
  readonly rules: RuleOverrides;
  /** Globs relative to the workspace root (the config file's folder). */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Absolute paths of the extra knowledge-base files. */
  readonly knowledgeBasePaths: readonly string[];
}

/**
 * The nearest `touchline.json` in `startDir` or one of its parents, or undefined.
 */
export function findConfig(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    try {
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    } catch {
      // Unreadable folder: keep going up.
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and parses a configuration file. Never throws; an unreadable file is a diagnostic. */
export function loadConfig(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return {
      path,
      dir: dirname(resolve(path)),
      config: {},
      diagnostics: [{ severity: 'error', message: `Cannot read ${path}: ${reason}. Using the default settings.`, start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    };
  }
  return parseConfig(text, path);
}

/**
 * Parses configuration text (for the editor: an unsaved `touchline.json`). JSON syntax errors
 * leave every setting at its default; schema errors only the settings they affect.
 */
export function parseConfig(text: string, path: string): LoadedConfig {
  const lines = new LineIndex(text);
  const diagnostics: ConfigDiagnostic[] = [];
  const report = (severity: ConfigDiagnostic['severity'], message: string, start: number, end: number): void => {
    const a = lines.positionAt(start);
    const b = lines.positionAt(end);
    diagnostics.push({ severity, message, start, end, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 });
  };
  const base = { path, dir: dirname(resolve(path)) };
  const body = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const seen = new Set<number>();
  for (const e of errors) if (!seen.has(e.offset) && seen.add(e.offset)) report('error', `${syntaxMessage(printParseErrorCode(e.error))}. The file is ignored until this is fixed; Touchline uses the default settings.`, e.offset, e.offset + Math.max(1, e.length));
  if (errors.length > 0) return { ...base, config: {}, diagnostics };
  if (!root) return { ...base, config: {}, diagnostics };

  reportDuplicateKeys(root, report);
  const value: unknown = getNodeValue(root);
  const invalid: (string | number)[][] = [];
  const validate = validator();
  if (!validate(value)) {
    for (const err of relevantErrors(validate.errors ?? [])) {
      const at = pointerToPath(err.instancePath);
      const { node, message, severity } = describe(err, at, root, value);
      report(severity, message, node?.offset ?? 0, (node?.offset ?? 0) + (node?.length ?? 0));
      if (severity === 'error') invalid.push(at);
    }
  }
  const config = sanitize(value, invalid);
  for (const id of Object.keys(config.rules ?? {})) {
    if (KNOWN_RULES.has(id)) continue;
    const key = findNodeAtLocation(root, ['rules', id])?.parent?.children?.[0];
    const hint = closest(id, KNOWN_RULES);
    report('warning', `Unknown rule \`${id}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}; rules: ${[...KNOWN_RULES].join(', ')}.`, key?.offset ?? 0, (key?.offset ?? 0) + (key?.length ?? 0));
  }
  return { ...base, config, diagnostics };
}

/**
 * Fills in the defaults: what the CLI uses (before its own options), and what the editor
 * uses before applying VS Code settings on top. `config` may be undefined (no file).
 */
export function resolveConfig(loaded: Pick<LoadedConfig, 'config' | 'dir'> | undefined): ResolvedConfig {
  const c = loaded?.config ?? {};
  const mb = c.limits?.maxFileSizeMB;
  const articleDate = c.articleDate?.trim();
  return {
    analysis: {
      language: c.language ?? DEFAULT_SETTINGS.language,
      maxChars: mb !== undefined ? Math.floor(mb * 1024 * 1024) : DEFAULT_SETTINGS.maxChars,
      ...(articleDate ? { articleDate } : {}),
    },
    rules: { ...(c.rules ?? {}) },
    include: c.articles?.include ?? DEFAULT_INCLUDE,
    exclude: c.articles?.exclude ?? DEFAULT_EXCLUDE,
    knowledgeBasePaths: (c.knowledgeBase?.paths ?? []).map((p) => (isAbsolute(p) || !loaded ? resolve(p) : resolve(loaded.dir, p))),
  };
}

/** Formats a diagnostic as `file:line:col: severity: message`, the CLI's style. */
export function formatConfigDiagnostic(path: string, d: ConfigDiagnostic): string {
  return `${path}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

const KNOWN_RULES: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
const SEVERITIES: ReadonlySet<string> = new Set<Severity | 'off'>(['error', 'warning', 'information', 'hint', 'off']);

let compiled: ValidateFunction | undefined;

/** The schema validator, compiled on first use. */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, verbose: true }).compile(schema);
  return compiled;
}

type Report = (severity: ConfigDiagnostic['severity'], message: string, start: number, end: number) => void;

function syntaxMessage(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'Invalid character',
    InvalidNumberFormat: 'Invalid number',
    PropertyNameExpected: 'A property name in double quotes is expected here',
    ValueExpected: 'A value is expected here',
    ColonExpected: 'A colon (:) is expected here',
    CommaExpected: 'A comma is expected here',
    CloseBraceExpected: 'A closing brace (}) is expected here',
    CloseBracketExpected: 'A closing bracket (]) is expected here',
    EndOfFileExpected: 'Nothing may follow the top-level object',
    InvalidCommentToken: 'Comments are not allowed in touchline.json',
    UnexpectedEndOfComment: 'Unterminated comment',
    UnexpectedEndOfString: 'Unterminated string',
    UnexpectedEndOfNumber: 'Unterminated number',
    InvalidUnicode: 'Invalid \\u escape',
    InvalidEscapeCharacter: 'Invalid escape character',
    InvalidCharacter: 'Invalid character in a string',
  };
  return `JSON syntax error: ${words[code] ?? code}`;
}

function reportDuplicateKeys(node: Node, report: Report): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      if (seen.has(key.value)) report('warning', `\`${key.value}\` is set twice; the last one wins.`, key.offset, key.offset + key.length);
      seen.add(key.value);
    }
  }
  for (const child of node.children ?? []) reportDuplicateKeys(child, report);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => {
    const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(seg) ? Number(seg) : seg;
  });
}

/** Drops the `$ref`-echo and `anyOf` noise ajv adds next to a more specific error. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(err: ErrorObject, at: (string | number)[], root: Node, value: unknown): { node: Node | undefined; message: string; severity: ConfigDiagnostic['severity'] } {
  const node = findNodeAtLocation(root, at) ?? root;
  const name = at.length === 0 ? 'The configuration' : `\`${at.join('.')}\``;
  const current = at.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), value);
  switch (err.keyword) {
    case 'additionalProperties': {
      const extra = String(err.params['additionalProperty']);
      const allowed = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((k) => k !== '$schema');
      const hint = closest(extra, allowed);
      const keyNode = findNodeAtLocation(root, [...at, extra])?.parent?.children?.[0];
      const where = at.length === 0 ? '' : ` in \`${at.join('.')}\``;
      return { node: keyNode, severity: 'warning', message: `Unknown setting \`${extra}\`${where}${hint ? ` (did you mean \`${hint}\`?)` : ''}; it is ignored. Settings here: ${allowed.join(', ')}.` };
    }
    case 'enum': {
      const allowed = (err.params['allowedValues'] as unknown[]).map(String);
      const hint = typeof current === 'string' ? closest(current, allowed) : undefined;
      return { node, severity: 'error', message: `${name} cannot be ${JSON.stringify(current)}: use ${allowed.join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}. The default is used.` };
    }
    case 'type':
      return { node, severity: 'error', message: `${name} must be ${typeWord(String(err.params['type']))}, not ${JSON.stringify(current)}. The default is used.` };
    case 'exclusiveMinimum':
      return { node, severity: 'error', message: `${name} must be more than ${String(err.params['limit'])}, not ${JSON.stringify(current)}. The default is used.` };
    case 'pattern':
      return { node, severity: 'error', message: `${name} must be an ISO date such as 2024-04-19, 2024-04 or 2024, not ${JSON.stringify(current)}. The default is used.` };
    default:
      return { node, severity: 'error', message: `${name} ${err.message ?? 'is invalid'}. The default is used.` };
  }
}

function typeWord(type: string): string {
  return ({ string: 'text', number: 'a number', array: 'a list', object: 'an object' } as Record<string, string>)[type] ?? type;
}

/** Keeps the valid part of the parsed value: any setting at or under an invalid path is dropped. */
function sanitize(value: unknown, invalid: readonly (string | number)[][]): TouchlineConfig {
  if (!isObject(value)) return {};
  const bad = (...path: (string | number)[]): boolean => invalid.some((p) => p.every((seg, i) => i >= path.length || path[i] === seg) || path.every((seg, i) => p[i] === seg));
  const strings = (v: unknown, ...path: string[]): readonly string[] | undefined =>
    Array.isArray(v) && v.every((s) => typeof s === 'string') && !bad(...path) ? (v as string[]) : undefined;
  const out: { -readonly [K in keyof TouchlineConfig]: TouchlineConfig[K] } = {};
  const { language, articleDate, rules, knowledgeBase, articles, limits } = value;
  if ((language === 'auto' || language === 'en' || language === 'it') && !bad('language')) out.language = language;
  if (typeof articleDate === 'string' && !bad('articleDate')) out.articleDate = articleDate;
  if (isObject(rules)) {
    const r: Record<string, Severity | 'off'> = {};
    for (const [id, sev] of Object.entries(rules)) if (typeof sev === 'string' && SEVERITIES.has(sev)) r[id] = sev as Severity | 'off';
    out.rules = r;
  }
  if (isObject(knowledgeBase)) {
    const paths = strings(knowledgeBase['paths'], 'knowledgeBase', 'paths');
    if (paths) out.knowledgeBase = { paths };
  }
  if (isObject(articles)) {
    const include = strings(articles['include'], 'articles', 'include');
    const exclude = strings(articles['exclude'], 'articles', 'exclude');
    out.articles = { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}) };
  }
  if (isObject(limits) && typeof limits['maxFileSizeMB'] === 'number' && limits['maxFileSizeMB'] > 0 && !bad('limits', 'maxFileSizeMB')) {
    out.limits = { maxFileSizeMB: limits['maxFileSizeMB'] };
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
