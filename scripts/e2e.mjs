// `npm run test:e2e`: Touchline's extension-host suites in a real VS Code.
//
// Packages Touchline (npm run package) and the companion test extension (test/e2e), copies
// samples/ to a temporary folder, then runs the suites in one of two ways:
//   code-server  VS Code 1.139 served by code-server (cached outside the repo by
//                scripts/e2e/install-code-server.sh), both .vsix installed, the workbench opened
//                in Debian's Chromium via playwright-core; the companion extension runs the suites
//                and writes results; the harness also drives the UI and takes screenshots.
//   electron     a downloaded VS Code via @vscode/test-electron (Touchline as development extension).
// Mode: TOUCHLINE_E2E_MODE=electron|code-server; otherwise code-server on Linux without a display,
// else electron when VS Code downloads within 15 s, else code-server.
//
// Other settings: TOUCHLINE_E2E_TIMEOUT_MS (per run, default 300000), TOUCHLINE_E2E_RESTRICTED=0
// (skip the Restricted Mode run), TOUCHLINE_E2E_KEEP=1 (keep the temporary folder),
// TOUCHLINE_E2E_CACHE (cache folder), TOUCHLINE_E2E_VSIX (test a prebuilt .vsix instead of
// packaging the repository; code-server mode only). Output: .test-output/e2e/ (screenshots/, logs).
// Prints every result and ends with the line "N passed, N failed"; exits 1 on any failure.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXTENSION_VSIX, OUTPUT_DIR, REPO, SCREENSHOT_DIR } from './e2e/paths.mjs';
import { exitCleanlyOnSignals, onCleanup, pollInterval, run, runCleanups } from './e2e/processes.mjs';
import { COMPANION_VSIX, packageCompanion } from './e2e/companion.mjs';
import { ensureCodeServer, freePort, installExtensions, startCodeServer, writeUserSettings } from './e2e/code-server.mjs';
import { checkWorkbench, launchBrowser, openWorkbench, screenshotState } from './e2e/workbench.mjs';
import { runInElectron, tryDownloadVSCode } from './e2e/electron.mjs';

const RUN_TIMEOUT_MS = Number(process.env.TOUCHLINE_E2E_TIMEOUT_MS || 300_000);
const RESTRICTED = process.env.TOUCHLINE_E2E_RESTRICTED !== '0';
const PREBUILT_VSIX = process.env.TOUCHLINE_E2E_VSIX ? path.resolve(process.env.TOUCHLINE_E2E_VSIX) : undefined;
const started = Date.now();
const results = [];

function log(message) {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/** Runs one named step; a failure becomes a failed result naming the step, then rethrows. */
async function step(name, body) {
  log(`${name}…`);
  try {
    return await body();
  } catch (e) {
    results.push({ suite: 'harness', name, passed: false, error: e instanceof Error ? e.message : String(e), durationMs: 0 });
    throw Object.assign(e instanceof Error ? e : new Error(String(e)), { recorded: true });
  }
}

async function chooseMode() {
  const forced = process.env.TOUCHLINE_E2E_MODE;
  if (forced === 'code-server') return { mode: 'code-server' };
  if (forced === 'electron') {
    const exe = await tryDownloadVSCode(120_000);
    if (!exe) throw new Error('TOUCHLINE_E2E_MODE=electron but VS Code could not be downloaded; use TOUCHLINE_E2E_MODE=code-server');
    return { mode: 'electron', exe };
  }
  if (forced) throw new Error(`TOUCHLINE_E2E_MODE must be electron or code-server, not "${forced}"`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { mode: 'code-server' };
  const exe = await tryDownloadVSCode(15_000);
  return exe ? { mode: 'electron', exe } : { mode: 'code-server' };
}

/** Polls for the report the suite writes; fails early if code-server exits. */
async function waitForReport(resultsFile, exited) {
  let exitInfo;
  void exited?.then((info) => (exitInfo = info));
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (!fs.existsSync(resultsFile)) {
    if (exitInfo) throw new Error(`code-server exited (${JSON.stringify(exitInfo)}) before the suite finished`);
    if (Date.now() > deadline) {
      const progress = fs.existsSync(`${resultsFile}.log`) ? fs.readFileSync(`${resultsFile}.log`, 'utf8').trim().split('\n') : [];
      const last = progress.length > 0 ? `last progress: ${progress.at(-1)}` : 'the companion extension never started the suite (did the extension host start? see the logs)';
      throw new Error(`no results after ${RUN_TIMEOUT_MS} ms; ${last}`);
    }
    await pollInterval(200);
  }
  return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
}

function copyLogs(userDataDir, name) {
  const from = path.join(userDataDir, 'logs');
  if (fs.existsSync(from)) fs.cpSync(from, path.join(OUTPUT_DIR, 'logs', name), { recursive: true });
}

/** One code-server run: start it, open the workbench, wait for the suite, optionally drive the UI. */
async function codeServerRun(ctx, { name, suites, trust, ui }) {
  const dir = path.join(ctx.tmp, name);
  const userDataDir = path.join(dir, 'user-data');
  const resultsFile = path.join(dir, 'results.json');
  // No occurrence highlight: the screenshots should show Touchline's colours, not the cursor's word.
  writeUserSettings(userDataDir, { 'editor.occurrencesHighlight': 'off' });
  const port = await freePort();
  const server = await step(`start code-server (${name}${trust ? '' : ', Restricted Mode'}) on 127.0.0.1:${port}`, () =>
    startCodeServer(ctx.install, {
      port,
      userDataDir,
      extensionsDir: ctx.extensionsDir,
      folder: ctx.workspace,
      trust,
      env: { TOUCHLINE_E2E_RESULTS: resultsFile, TOUCHLINE_E2E_SUITES: suites.join(',') },
      logFile: path.join(OUTPUT_DIR, 'logs', `code-server-${name}.log`),
      marker: { name: 'TOUCHLINE_E2E_RUN', value: `${process.pid}-${name}-${crypto.randomUUID()}` },
    }),
  );
  try {
    const page = await step(`open the workbench in Chromium (${name})`, async () => openWorkbench(await ctx.browser(), server.url, ctx.workspace));
    try {
      const report = await step(`run the extension-host suites [${suites.join(', ')}] (${name})`, () => waitForReport(resultsFile, server.exited));
      log(`suites ran in VS Code ${report.vscodeVersion}`);
      results.push(...report.results);
      if (ui) {
        log('driving the workbench UI and taking screenshots…');
        results.push(...(await checkWorkbench(page, { article: '000_691f7d17e64d9296.txt', word: 'Casemiro', screenshotDir: SCREENSHOT_DIR })));
      }
    } catch (e) {
      await screenshotState(page, path.join(SCREENSHOT_DIR, `failed-${name}.png`)).catch(() => {});
      throw e;
    } finally {
      await page.close().catch(() => {});
    }
  } finally {
    await server.stop();
    copyLogs(userDataDir, name);
  }
}

async function electronRun(ctx, exe, { name, suites, trust }) {
  const dir = path.join(ctx.tmp, name);
  const resultsFile = path.join(dir, 'results.json');
  await step(`run the suites [${suites.join(', ')}] in VS Code (Electron, ${name})`, async () => {
    await runInElectron({ vscodeExecutablePath: exe, folder: ctx.workspace, resultsFile, userDataDir: path.join(dir, 'user-data'), extensionsDir: path.join(dir, 'extensions'), suites, trust });
    if (!fs.existsSync(resultsFile)) throw new Error('VS Code exited without writing results; see its output above');
  });
  results.push(...JSON.parse(fs.readFileSync(resultsFile, 'utf8')).results);
}

async function main() {
  exitCleanlyOnSignals();
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  fs.rmSync(path.join(OUTPUT_DIR, 'logs'), { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.mkdirSync(path.join(OUTPUT_DIR, 'logs'), { recursive: true });

  const vsix = PREBUILT_VSIX ?? EXTENSION_VSIX;
  if (PREBUILT_VSIX) {
    log(`testing the prebuilt ${PREBUILT_VSIX} (TOUCHLINE_E2E_VSIX), not packaging the repository`);
    if (!fs.existsSync(PREBUILT_VSIX)) throw new Error(`TOUCHLINE_E2E_VSIX: ${PREBUILT_VSIX} does not exist`);
  } else {
    await step('package Touchline (npm run package)', async () => {
      await run('npm run package', 'npm', ['run', 'package'], { cwd: REPO });
      if (!fs.existsSync(EXTENSION_VSIX)) throw new Error(`npm run package did not produce ${EXTENSION_VSIX}`);
    });
  }
  await step('package the companion test extension (test/e2e)', packageCompanion);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'touchline-e2e-'));
  if (process.env.TOUCHLINE_E2E_KEEP === '1') log(`keeping ${tmp}`);
  else onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));
  // The suites open and edit articles: give them a copy so the repository is never touched.
  const workspace = path.join(tmp, 'samples');
  fs.cpSync(path.join(REPO, 'samples'), workspace, { recursive: true });

  const { mode, exe } = await step('choose how to run VS Code', chooseMode);
  log(`mode: ${mode}`);
  const ctx = { tmp, workspace };
  if (mode === 'electron') {
    if (PREBUILT_VSIX) throw new Error('TOUCHLINE_E2E_VSIX works in code-server mode only (Electron loads the repository as the development extension)');
    await electronRun(ctx, exe, { name: 'trusted', suites: ['features', 'tagging', 'navigation'], trust: true });
    if (RESTRICTED) await electronRun(ctx, exe, { name: 'restricted', suites: ['restricted'], trust: false });
    return;
  }

  ctx.install = await step('install or reuse code-server (scripts/e2e/install-code-server.sh)', ensureCodeServer);
  ctx.extensionsDir = path.join(tmp, 'extensions');
  await step('install touchline.vsix and the companion into code-server', () =>
    installExtensions(ctx.install, { userDataDir: path.join(tmp, 'install-user-data'), extensionsDir: ctx.extensionsDir, vsixes: [vsix, COMPANION_VSIX] }),
  );
  let browser;
  ctx.browser = async () => (browser ??= await launchBrowser());
  await codeServerRun(ctx, { name: 'trusted', suites: ['features', 'tagging', 'navigation'], trust: true, ui: true });
  if (RESTRICTED) await codeServerRun(ctx, { name: 'restricted', suites: ['restricted'], trust: false, ui: false });
}

function printResults() {
  console.log('');
  for (const r of results) {
    console.log(`  ${r.passed ? '✓' : '✗'} ${r.suite} › ${r.name} (${r.durationMs} ms)`);
    if (!r.passed) console.log(`      ${r.error}`);
  }
  const failed = results.filter((r) => !r.passed).length;
  console.log(`\nscreenshots: ${path.relative(REPO, SCREENSHOT_DIR)}/  logs: ${path.relative(REPO, path.join(OUTPUT_DIR, 'logs'))}/  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed;
}

let failed = 1;
try {
  await main();
} catch (e) {
  console.error(`\ne2e: ${e instanceof Error ? e.message : e}`);
  if (!e?.recorded) results.push({ suite: 'harness', name: 'e2e run', passed: false, error: String(e?.stack ?? e), durationMs: 0 });
} finally {
  await runCleanups();
  failed = printResults();
}
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
