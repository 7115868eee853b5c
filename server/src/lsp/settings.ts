/**
 * Settings per resource: `touchline.json` of the workspace folder (shared with the CLI),
 * with VS Code's `touchline.*` settings on top. VS Code reports every setting with its
 * default filled in, so a value equal to the default counts as "not set" and the file's
 * value stands. Cached until settings or the file change; editors without configuration
 * support get the file's values (or the defaults).
 */
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { RuleOverrides } from '../core/checks';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/articleFiles';
import { findConfig, loadConfig, resolveConfig, type LoadedConfig } from '../host/config';

/** The `touchline.*` section as the client sends it (every field may be missing or mistyped). */
interface RawSettings {
  language?: unknown;
  articleDate?: unknown;
  limits?: { maxFileSizeMB?: unknown };
  rules?: unknown;
  articles?: { include?: unknown; exclude?: unknown };
  inlayHints?: { relativeDates?: unknown };
  knowledgeBase?: { paths?: unknown };
}

export interface ServerSettings {
  readonly analysis: AnalysisSettings;
  readonly rules: RuleOverrides;
  /** Globs of the files that are articles (`touchline.articles.*`). */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Show resolved values after relative dates (`touchline.inlayHints.relativeDates`). */
  readonly relativeDateHints: boolean;
  /** Extra knowledge-base files, as file URIs. */
  readonly knowledgeBasePaths: readonly string[];
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const DEFAULT_MAX_MB = DEFAULT_SETTINGS.maxChars / (1024 * 1024);

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private readonly configs = new Map<string, LoadedConfig | undefined>();
  private revisionNumber = 0;
  supported = false;
  /** Workspace folder URIs, to find each resource's `touchline.json`. */
  folders: readonly string[] = [];

  constructor(private readonly connection: Connection) {}

  /** Bumped whenever settings may have changed; part of every analysis cache key. */
  get revision(): number {
    return this.revisionNumber;
  }

  /** Knowledge-base files named by every folder's settings and `touchline.json`, as file URIs. */
  async knowledgeBasePaths(): Promise<string[]> {
    const scopes = this.folders.length > 0 ? this.folders : [undefined];
    const all = await Promise.all(scopes.map((scope) => this.forResource(scope ?? '')));
    return [...new Set(all.flatMap((s) => s.knowledgeBasePaths))];
  }

  /** Settings or a `touchline.json` changed: everything is read again. */
  invalidate(): void {
    this.cache.clear();
    this.configs.clear();
    this.revisionNumber++;
  }

  forResource(uri: string): Promise<ServerSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      const folder = this.folderOf(uri);
      const config = this.configFor(folder);
      const fromClient: Promise<RawSettings> = this.supported
        ? this.connection.workspace.getConfiguration({ ...(uri ? { scopeUri: uri } : {}), section: 'touchline' }).then((raw: RawSettings | null) => raw ?? {}, () => ({}))
        : Promise.resolve({});
      settings = fromClient.then((raw) => mergeSettings(raw, config, folder));
      this.cache.set(uri, settings);
    }
    return settings;
  }

  private folderOf(uri: string): string | undefined {
    return this.folders.filter((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
  }

  private configFor(folder: string | undefined): LoadedConfig | undefined {
    if (!folder?.startsWith('file:')) return undefined;
    if (!this.configs.has(folder)) {
      const path = findConfig(fileURLToPath(folder));
      this.configs.set(folder, path ? loadConfig(path) : undefined);
    }
    return this.configs.get(folder);
  }
}

/** VS Code's values over `touchline.json`'s over the defaults, field by field. */
export function mergeSettings(raw: RawSettings, config: LoadedConfig | undefined, folder?: string): ServerSettings {
  const base = resolveConfig(config);
  const language = raw.language === 'en' || raw.language === 'it' ? raw.language : base.analysis.language;
  const articleDate = typeof raw.articleDate === 'string' && raw.articleDate.trim() !== '' ? raw.articleDate.trim() : base.analysis.articleDate;
  const mb = typeof raw.limits?.maxFileSizeMB === 'number' && raw.limits.maxFileSizeMB > 0 && raw.limits.maxFileSizeMB !== DEFAULT_MAX_MB ? raw.limits.maxFileSizeMB : undefined;
  const rules: Record<string, RuleOverrides[string]> = { ...base.rules };
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, value] of Object.entries(raw.rules)) if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as RuleOverrides[string];
  }
  const globs = (v: unknown, defaults: readonly string[], fallback: readonly string[]): readonly string[] =>
    Array.isArray(v) && v.every((g) => typeof g === 'string') && !sameList(v, defaults) ? (v as string[]) : fallback;
  const paths = Array.isArray(raw.knowledgeBase?.paths) ? raw.knowledgeBase.paths.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  return {
    rules,
    include: globs(raw.articles?.include, DEFAULT_INCLUDE, base.include),
    exclude: globs(raw.articles?.exclude, DEFAULT_EXCLUDE, base.exclude),
    relativeDateHints: raw.inlayHints?.relativeDates === true,
    knowledgeBasePaths: [...new Set([...base.knowledgeBasePaths.map((p) => pathToFileURL(p).href), ...paths.map((p) => resolveAgainst(folder, p.trim()))])],
    analysis: {
      language,
      maxChars: mb !== undefined ? Math.floor(mb * 1024 * 1024) : base.analysis.maxChars,
      ...(articleDate !== undefined ? { articleDate } : {}),
    },
  };
}

function sameList(a: readonly unknown[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function resolveAgainst(folder: string | undefined, path: string): string {
  if (path.startsWith('file:')) return path;
  if (isAbsolute(path) || !folder?.startsWith('file:')) return pathToFileURL(path).href;
  return pathToFileURL(join(fileURLToPath(folder), path)).href;
}

/** Whether a URI names a `touchline.json`. */
export function isConfigFile(uri: string): boolean {
  return /(?:^|\/)touchline\.json$/.test(uri);
}

/** The folder of a config file URI (for messages). */
export function configDir(uri: string): string {
  return dirname(fileURLToPath(uri));
}
