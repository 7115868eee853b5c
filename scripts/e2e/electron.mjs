// The other way to run the same suites: a downloaded VS Code (Electron) through
// @vscode/test-electron, with Touchline as the development extension and the companion's
// suite module as extensionTestsPath.
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { REPO, cacheDir } from './paths.mjs';
import { SUITE_ENTRY } from './companion.mjs';

/** VS Code version to download: the one code-server 4.139.1 serves, so both modes test the same. */
const VSCODE_VERSION = process.env.TOUCHLINE_E2E_VSCODE_VERSION || '1.139.1';

/**
 * Downloads VS Code (or finds it cached) and returns its executable path, or undefined when it
 * cannot be had within `timeoutMs` (no network, blocked host). The cache is shared with code-server's.
 */
export async function tryDownloadVSCode(timeoutMs) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  const download = downloadAndUnzipVSCode({ version: VSCODE_VERSION, cachePath: path.join(cacheDir(), 'vscode-electron'), timeout: timeoutMs }).catch((e) => {
    console.error(`VS Code ${VSCODE_VERSION} cannot be downloaded: ${e instanceof Error ? e.message : e}`);
    return undefined;
  });
  try {
    return await Promise.race([download, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs the suites in Electron VS Code on `folder`; the results land in `resultsFile` (written by
 * the suite itself). `trust: false` leaves workspace trust on (Restricted Mode).
 */
export async function runInElectron({ vscodeExecutablePath, folder, resultsFile, userDataDir, extensionsDir, suites, trust = true }) {
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO,
      extensionTestsPath: SUITE_ENTRY,
      extensionTestsEnv: { TOUCHLINE_E2E_RESULTS: resultsFile, TOUCHLINE_E2E_SUITES: suites.join(',') },
      launchArgs: [
        folder,
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        '--disable-gpu',
        '--skip-welcome',
        '--skip-release-notes',
        ...(trust ? ['--disable-workspace-trust'] : []),
      ],
    });
  } catch (e) {
    // A failing suite also rejects here; the results file, when written, says which tests failed.
    console.error(`VS Code (Electron) test run ended with: ${e instanceof Error ? e.message : e}`);
  }
}
