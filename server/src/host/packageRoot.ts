/**
 * The folder Touchline is installed in (the repository, or the extension's folder), found
 * from the running file: `dist/*.js` when bundled, `server/src/…` when run from source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'touchline') return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) return (cached = join(__dirname, '..'));
    dir = parent;
  }
}
