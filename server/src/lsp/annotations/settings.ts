/**
 * The annotation settings, per resource: `touchline.annotator` (else the operating-system
 * user), `touchline.annotations.location` and `touchline.claimReview.url`. Cached until the
 * client says settings changed.
 */
import { userInfo } from 'node:os';
import type { Connection } from 'vscode-languageserver';

export interface AnnotationSettings {
  /** The name written as `creator` of tags and comments. */
  readonly annotator: string;
  /** Empty: sidecars beside articles; else a folder relative to the workspace folder. */
  readonly location: string;
  /** Template of ClaimReview addresses (see `reviewUrl`). */
  readonly reviewUrl: string;
}

interface RawSettings {
  annotator?: unknown;
  annotations?: { location?: unknown };
  claimReview?: { url?: unknown };
}

export class AnnotationSettingsStore {
  private readonly cache = new Map<string, Promise<AnnotationSettings>>();
  /** Whether the client answers `workspace/configuration`. */
  supported = false;

  constructor(private readonly connection: Connection) {}

  invalidate(): void {
    this.cache.clear();
  }

  forResource(uri: string): Promise<AnnotationSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.supported
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'touchline' }).then(
            (raw: RawSettings | null) => parse(raw ?? {}),
            () => parse({}),
          )
        : Promise.resolve(parse({}));
      this.cache.set(uri, settings);
    }
    return settings;
  }
}

function parse(raw: RawSettings): AnnotationSettings {
  const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  return { annotator: text(raw.annotator) || osUser(), location: text(raw.annotations?.location), reviewUrl: text(raw.claimReview?.url) };
}

/** The operating-system user's name, or a plain fallback when the system will not say. */
function osUser(): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // No user entry (some containers): fall through to the environment.
  }
  return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown annotator';
}
