/**
 * Failures and run summaries. A failing document is saved as JSON (JSON keeps lone
 * surrogates and NUL exactly, which a UTF-8 text file would not) with what is needed to
 * replay it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './seeds';

export const FAILURE_DIR = join(ROOT, '.test-output', 'fuzz');

export interface Failure {
  readonly target: 'core' | 'server';
  readonly seed: number;
  readonly case: number;
  readonly origin: string;
  readonly messages: readonly string[];
  /** Where the document was saved, if it was. */
  file?: string;
}

/** Save the document of a failure; returns the failure with its file set. */
export function saveFailure(failure: Failure, text: string, extra: Record<string, unknown> = {}): Failure {
  try {
    mkdirSync(FAILURE_DIR, { recursive: true });
    const file = join(FAILURE_DIR, `${failure.target}-${failure.seed}-${failure.case}.json`);
    writeFileSync(file, JSON.stringify({ ...failure, ...extra, text }, null, 1));
    failure.file = file;
  } catch {
    // Saving is a courtesy: the failure is reported either way.
  }
  return failure;
}

export function formatFailure(f: Failure): string {
  const head = `✗ ${f.target} case ${f.case} (seed ${f.seed}; ${f.origin})`;
  const replay = f.target === 'core' ? `  replay: npm run fuzz -- --core-only --seed ${f.seed} --case ${f.case}` : `  replay: npm run fuzz -- --server-only --seed ${f.seed} --case ${f.case}`;
  return [head, ...f.messages.slice(0, 8).map((m) => `  ${m}`), replay, ...(f.file ? [`  saved: ${f.file}`] : [])].join('\n');
}

/** Summary line: documents, characters, time, rate. */
export function rate(label: string, documents: number, chars: number, ms: number): string {
  const s = ms / 1000;
  return `${label}: ${documents} documents, ${(chars / 1e6).toFixed(1)} M chars in ${s.toFixed(1)} s — ${(documents / s).toFixed(1)} documents/s, ${(chars / 1e6 / s).toFixed(2)} M chars/s`;
}
