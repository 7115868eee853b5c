/**
 * The knowledge-base files shipped with Touchline, relative to the package root. They load
 * as the `bundled` layer. The hand-written entries come first, so that where a name is shared
 * ("Barcelona" is also a club in Ecuador) their candidates are listed first; they absorb
 * their imported duplicates (Real Madrid, AC Milan…) through `sameAs`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbFile } from '../core/kb/types';

export const BUNDLED_KB_FILES: readonly string[] = ['kb/touchline.kb.yaml', 'kb/openfootball.kb.json'];

/**
 * Reads the bundled files under `root` (the extension or repository root). Missing files are
 * skipped (a build without the club list still works).
 */
export function readBundledKb(root: string, files: readonly string[] = BUNDLED_KB_FILES): KbFile[] {
  const out: KbFile[] = [];
  for (const f of files) {
    const path = join(root, f);
    try {
      out.push({ path, text: readFileSync(path, 'utf8'), layer: 'bundled' });
    } catch {
      // Not shipped in this build.
    }
  }
  return out;
}
