/**
 * Analysis settings: the part of Touchline's configuration the core reads. The editor
 * (per resource), `touchline.json` and the CLI's flags all end up as one of these.
 */
import type { Language } from './model';

export interface AnalysisSettings {
  /** Force a language, or detect it per article. */
  readonly language: Language | 'auto';
  /** ISO date used when an article has no `date …` header. */
  readonly articleDate?: string;
  /** Characters analysed at most; the rest of a larger article is left out. */
  readonly maxChars: number;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  language: 'auto',
  maxChars: 4 * 1024 * 1024,
};
