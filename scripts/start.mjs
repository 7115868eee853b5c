// `npm start`: build, then open samples/ in VS Code with Touchline loaded.
// - With a `code` command on PATH: `code --extensionDevelopmentPath=<repo> <repo>/samples`.
// - Otherwise: the cached code-server (installed on first use by scripts/e2e/install-code-server.sh)
//   with touchline.vsix installed in a persistent profile under the cache, served on 127.0.0.1;
//   the URL is printed and it runs in the foreground until Ctrl-C (or SIGTERM), which stops its
//   whole process group. Port: TOUCHLINE_PORT (default 8390, or a free one if that is taken).
//   TOUCHLINE_START_MODE=code-server skips the `code` command.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { EXTENSION_VSIX, REPO, cacheDir } from './e2e/paths.mjs';
import { exitCleanlyOnSignals, run, runCleanups, stoppingOnSignal } from './e2e/processes.mjs';
import { ensureCodeServer, freePort, installExtensions, portIsFree, startCodeServer, writeUserSettings } from './e2e/code-server.mjs';

const SAMPLES = path.join(REPO, 'samples');
const DEFAULT_PORT = 8390;

function hasCodeCommand() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

async function choosePort() {
  const wanted = Number(process.env.TOUCHLINE_PORT || DEFAULT_PORT);
  if (await portIsFree(wanted)) return wanted;
  const port = await freePort();
  console.log(`port ${wanted} is taken; using ${port} (set TOUCHLINE_PORT to choose)`);
  return port;
}

async function main() {
  exitCleanlyOnSignals();
  await run('build (npm run build)', 'npm', ['run', 'build'], { cwd: REPO });

  if (process.env.TOUCHLINE_START_MODE !== 'code-server' && hasCodeCommand()) {
    await run('open VS Code', 'code', [`--extensionDevelopmentPath=${REPO}`, SAMPLES]);
    return;
  }

  console.log('no `code` command on PATH: serving VS Code with code-server instead');
  const install = await ensureCodeServer();
  await run('package Touchline (npm run package)', 'npm', ['run', 'package'], { cwd: REPO });
  if (!fs.existsSync(EXTENSION_VSIX)) throw new Error(`npm run package did not produce ${EXTENSION_VSIX}`);

  // A persistent profile, so settings and opened editors survive between `npm start`s.
  const profile = path.join(cacheDir(), 'start-profile');
  const userDataDir = path.join(profile, 'user-data');
  const extensionsDir = path.join(profile, 'extensions');
  if (!fs.existsSync(path.join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir, { 'workbench.startupEditor': 'none' });
  await installExtensions(install, { userDataDir, extensionsDir, vsixes: [EXTENSION_VSIX] });

  const port = await choosePort();
  const logFile = path.join(profile, 'code-server.log');
  const marker = { name: 'TOUCHLINE_START_RUN', value: `${process.pid}-${crypto.randomUUID()}` };
  const server = await startCodeServer(install, { port, userDataDir, extensionsDir, folder: SAMPLES, logFile, marker });
  console.log(`\nTouchline in VS Code: ${server.url}/?folder=${encodeURIComponent(SAMPLES)}`);
  console.log(`(code-server log: ${logFile}; press Ctrl-C to stop)\n`);
  const { code, signal } = await server.exited;
  if (stoppingOnSignal()) return; // Ctrl-C: the signal handler is stopping everything.
  throw new Error(`code-server stopped on its own (${signal ?? `exit ${code}`}); see ${logFile}`);
}

let status = 0;
try {
  await main();
} catch (e) {
  console.error(`npm start: ${e instanceof Error ? e.message : e}`);
  status = 1;
} finally {
  await runCleanups();
}
process.exit(stoppingOnSignal() ? 130 : status);
