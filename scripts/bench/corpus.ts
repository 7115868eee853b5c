/**
 * The BBC sport corpus from ../shared, for benchmarks. Benchmarks say clearly when it is
 * missing instead of failing: a user's clone has no ../shared.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED = resolve(__dirname, '../../../shared');

/** The corpus texts (199.txt is Windows-1252, decoded as such), or undefined when absent. */
export function bbcSport(): { name: string; text: string }[] | undefined {
  const dir = join(SHARED, 'corpora', 'bbc-sport');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('latin1').decode(bytes);
      }
      return { name, text };
    });
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function mb(chars: number): number {
  return chars / (1024 * 1024);
}
