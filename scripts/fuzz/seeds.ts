/**
 * Real texts the mutators start from: the samples, the seed articles and, when `../shared`
 * is present, the BBC sport corpus (199.txt is not UTF-8: decoded as Windows-1252, as an
 * editor that guessed the encoding would). Also the knowledge-base files, for the loader.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const SHARED = resolve(ROOT, '../shared');

export interface SeedText {
  readonly name: string;
  readonly text: string;
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function readDir(dir: string, ext: RegExp, prefix: string): SeedText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => ({ name: `${prefix}/${f}`, text: decode(readFileSync(join(dir, f))) }));
}

/** Articles to mutate. `corpus: false` leaves the BBC corpus out (the short run in `npm test`). */
export function seedArticles(options: { corpus: boolean }): { texts: SeedText[]; corpus: boolean } {
  const texts = [...readDir(join(ROOT, 'samples'), /\.txt$/, 'samples'), ...readDir(join(SHARED, 'seeds'), /\.txt$/, 'seeds')];
  const bbc = options.corpus ? readDir(join(SHARED, 'corpora', 'bbc-sport'), /\.txt$/, 'bbc-sport') : [];
  return { texts: [...texts, ...bbc], corpus: bbc.length > 0 };
}

/** Knowledge-base files to mutate: the example and the bundled YAML. */
export function seedKbFiles(): SeedText[] {
  const out = readDir(join(ROOT, 'samples'), /\.kb\.ya?ml$/, 'samples');
  const bundled = join(ROOT, 'kb', 'touchline.kb.yaml');
  if (existsSync(bundled)) out.push({ name: 'kb/touchline.kb.yaml', text: readFileSync(bundled, 'utf8') });
  return out;
}
