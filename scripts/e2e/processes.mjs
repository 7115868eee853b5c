// Child processes that must never outlive the harness: a cleanup stack run on normal exit, on
// failure and on SIGINT/SIGTERM/SIGHUP, and helpers to end a whole process group (code-server
// starts a file watcher, an agent host and more, all in the group of the process we spawn).
import * as fs from 'node:fs';
import { spawn } from 'node:child_process';

const cleanups = [];
let handlersInstalled = false;
let stoppingSignal;
let cleaning;

/** The signal being handled, once SIGINT/SIGTERM/SIGHUP arrived; undefined before. */
export function stoppingOnSignal() {
  return stoppingSignal;
}

/** Registers `fn` to run (last registered first) by runCleanups(); returns an unregister function. */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/**
 * Runs every registered cleanup once, last registered first; errors are printed, never thrown.
 * A call while a run is in progress (a signal during normal shutdown) waits for that same run.
 */
export function runCleanups() {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        console.error(`cleanup failed: ${e instanceof Error ? e.message : e}`);
      }
    }
  })().finally(() => (cleaning = undefined));
  return cleaning;
}

/** On SIGINT, SIGTERM or SIGHUP: run the cleanups, then exit with 128 + signal number. */
export function exitCleanlyOnSignals() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      if (stoppingSignal) return;
      stoppingSignal = signal;
      console.error(`\n${signal}: stopping child processes…`);
      void runCleanups().finally(() => process.exit(code));
    });
  }
}

/** Resolves after `ms`; used only as the interval between polls, never to wait for an outcome. */
export function pollInterval(ms = 100) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a command to completion, streaming its output; rejects naming `step` when it fails. */
export function run(step, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    const forget = onCleanup(() => child.kill('SIGTERM'));
    child.on('error', (e) => {
      forget();
      reject(new Error(`${step}: could not run ${command}: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      forget();
      if (code === 0) resolve();
      else reject(new Error(`${step}: \`${[command, ...args].join(' ')}\` ${signal ? `was killed by ${signal}` : `exited with ${code}`}`));
    });
  });
}

/**
 * Spawns `command` as the leader of a new session and process group (setsid(2), what the
 * `setsid` command does), so the whole tree can be ended with one kill(-pgid). Output goes to
 * `logFile`. Returns the child, whose pid is the group id.
 */
export function spawnGroup(command, args, { env, cwd, logFile }) {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  return child;
}

/** Pids (not zombies) whose process group is `pgid`, from /proc. */
export function groupMembers(pgid) {
  const members = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after "(comm)": state ppid pgrp …; comm may contain spaces and parentheses.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return members;
}

/** Pids whose environment holds `NAME=value` exactly: processes of ours that left the group. */
export function processesWithEnv(name, value) {
  const needle = Buffer.from(`${name}=${value}\0`);
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`).includes(needle)) found.push(Number(entry));
    } catch {
      // Ended, or not ours to read.
    }
  }
  return found;
}

/**
 * Ends process group `pgid`: SIGTERM, poll until every member is gone, SIGKILL whatever is left
 * after `graceMs`. Then kills by pid any process still carrying the run's marker variable, so
 * helpers that started their own session cannot survive either. Returns how many were left over.
 */
export async function killGroup(pgid, { graceMs = 5000, marker } = {}) {
  const signalGroup = (signal) => {
    try {
      process.kill(-pgid, signal);
    } catch (e) {
      if (e.code !== 'ESRCH') throw e;
    }
  };
  signalGroup('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupMembers(pgid).length > 0 && Date.now() < deadline) await pollInterval(100);
  if (groupMembers(pgid).length > 0) signalGroup('SIGKILL');
  const stray = marker ? processesWithEnv(marker.name, marker.value) : [];
  for (const pid of stray) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return stray.length;
}
