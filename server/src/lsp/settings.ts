/**
 * Settings pulled per resource through `workspace/configuration`, cached until the client
 * says they changed. Editors without configuration support get the defaults.
 */
import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { RuleOverrides } from '../core/checks';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/settings';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE } from '../core/articleFiles';

/** The `touchline.*` section as the client sends it (every field may be missing or mistyped). */
interface RawSettings {
  language?: unknown;
  articleDate?: unknown;
  limits?: { maxFileSizeMB?: unknown };
  rules?: unknown;
  articles?: { include?: unknown; exclude?: unknown };
  inlayHints?: { relativeDates?: unknown };
}

export interface ServerSettings {
  readonly analysis: AnalysisSettings;
  readonly rules: RuleOverrides;
  /** Globs of the files that are articles (`touchline.articles.*`). */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Show resolved values after relative dates (`touchline.inlayHints.relativeDates`). */
  readonly relativeDateHints: boolean;
}

const DEFAULTS: ServerSettings = { analysis: DEFAULT_SETTINGS, rules: {}, include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE, relativeDateHints: false };
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private revisionNumber = 0;
  supported = false;

  constructor(private readonly connection: Connection) {}

  /** Bumped whenever settings may have changed; part of every analysis cache key. */
  get revision(): number {
    return this.revisionNumber;
  }

  /**
   * `touchline.knowledgeBase.paths` of every folder, relative paths resolved against their
   * folder, as file URIs.
   */
  async knowledgeBasePaths(folders: readonly string[]): Promise<string[]> {
    if (!this.supported) return [];
    const out = new Set<string>();
    const scopes = folders.length > 0 ? folders : [undefined];
    for (const scope of scopes) {
      const raw: unknown = await this.connection.workspace.getConfiguration({ ...(scope ? { scopeUri: scope } : {}), section: 'touchline.knowledgeBase.paths' }).catch(() => []);
      if (!Array.isArray(raw)) continue;
      for (const p of raw) {
        if (typeof p !== 'string' || p.trim() === '') continue;
        out.add(resolveAgainst(scope, p.trim()));
      }
    }
    return [...out];
  }

  invalidate(): void {
    this.cache.clear();
    this.revisionNumber++;
  }

  forResource(uri: string): Promise<ServerSettings> {
    if (!this.supported) return Promise.resolve(DEFAULTS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'touchline' })
        .then((raw: RawSettings | null) => parseSettings(raw ?? {}), () => DEFAULTS);
      this.cache.set(uri, settings);
    }
    return settings;
  }
}

function resolveAgainst(folder: string | undefined, path: string): string {
  if (path.startsWith('file:')) return path;
  if (isAbsolute(path) || !folder) return pathToFileURL(path).href;
  return pathToFileURL(join(fileURLToPath(folder), path)).href;
}

/** Turn whatever the client sent into valid settings, falling back field by field. */
export function parseSettings(raw: RawSettings): ServerSettings {
  const language = raw.language === 'en' || raw.language === 'it' ? raw.language : 'auto';
  const articleDate = typeof raw.articleDate === 'string' && raw.articleDate.trim() !== '' ? raw.articleDate.trim() : undefined;
  const mb = typeof raw.limits?.maxFileSizeMB === 'number' && raw.limits.maxFileSizeMB > 0 ? raw.limits.maxFileSizeMB : undefined;
  const rules: Record<string, RuleOverrides[string]> = {};
  if (raw.rules && typeof raw.rules === 'object') {
    for (const [id, value] of Object.entries(raw.rules)) if (typeof value === 'string' && SEVERITIES.has(value)) rules[id] = value as RuleOverrides[string];
  }
  const globs = (v: unknown, fallback: readonly string[]): readonly string[] =>
    Array.isArray(v) && v.every((g) => typeof g === 'string') ? (v as string[]) : fallback;
  return {
    rules,
    include: globs(raw.articles?.include, DEFAULT_INCLUDE),
    exclude: globs(raw.articles?.exclude, DEFAULT_EXCLUDE),
    relativeDateHints: raw.inlayHints?.relativeDates === true,
    analysis: {
      language,
      maxChars: mb !== undefined ? Math.floor(mb * 1024 * 1024) : DEFAULT_SETTINGS.maxChars,
      ...(articleDate !== undefined ? { articleDate } : {}),
    },
  };
}
