// Where things live: the repository, the test output, and the code-server cache outside the repo.
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT_DIR = path.join(REPO, '.test-output', 'e2e');
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, 'screenshots');
export const EXTENSION_VSIX = path.join(REPO, 'touchline.vsix');
export const CHROMIUM = process.env.TOUCHLINE_E2E_CHROMIUM || '/usr/bin/chromium';

/** The cache folder shared with install-code-server.sh (same defaults, same override). */
export function cacheDir() {
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return process.env.TOUCHLINE_E2E_CACHE || path.join(xdg, 'touchline-e2e');
}
