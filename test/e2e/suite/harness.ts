// A deliberately tiny test runner for the extension host. Mocha would work too, but the suites
// need only named tests, per-test timeouts and machine-readable results for the code-server
// harness, and a bundled runner has no dependency to install or load at run time.

/** Outcome of one test, as written to the results file and printed by scripts/e2e.mjs. */
export interface TestResult {
  suite: string;
  name: string;
  passed: boolean;
  /** Failure message (with the stack's first frames); absent when the test passed. */
  error?: string;
  durationMs: number;
}

/** Everything one run produced; the file the harness waits for holds exactly this. */
export interface RunReport {
  vscodeVersion: string;
  suites: string[];
  results: TestResult[];
  passed: number;
  failed: number;
}

type TestBody = () => Promise<void> | void;

interface RegisteredTest {
  suite: string;
  name: string;
  body: TestBody;
  timeoutMs: number;
}

const DEFAULT_TEST_TIMEOUT_MS = 60_000;
const registry: RegisteredTest[] = [];
let currentSuite: string | undefined;

/** Groups the tests registered inside `body` under `name` (suites are selected by name). */
export function suite(name: string, body: () => void): void {
  currentSuite = name;
  try {
    body();
  } finally {
    currentSuite = undefined;
  }
}

/** Registers a test; it fails if it throws, rejects, or runs longer than `timeoutMs`. */
export function test(name: string, body: TestBody, timeoutMs = DEFAULT_TEST_TIMEOUT_MS): void {
  if (currentSuite === undefined) throw new Error(`test "${name}" must be declared inside suite()`);
  registry.push({ suite: currentSuite, name, body, timeoutMs });
}

/** Names of every registered suite, in declaration order. */
export function suiteNames(): string[] {
  return [...new Set(registry.map((t) => t.suite))];
}

/**
 * Runs the tests of the named suites one after another (they share one editor window, so never
 * in parallel) and reports each result to `onResult` as soon as it is known.
 */
export async function runSuites(
  names: readonly string[],
  onResult: (result: TestResult) => void = () => {},
): Promise<TestResult[]> {
  const unknown = names.filter((n) => !registry.some((t) => t.suite === n));
  if (unknown.length > 0) {
    throw new Error(`unknown suite(s): ${unknown.join(', ')}; known: ${suiteNames().join(', ')}`);
  }
  const results: TestResult[] = [];
  for (const t of registry.filter((t) => names.includes(t.suite))) {
    const started = Date.now();
    let error: string | undefined;
    try {
      await withTimeout(Promise.resolve().then(t.body), t.timeoutMs, `test exceeded ${t.timeoutMs} ms`);
    } catch (e) {
      error = describeError(e);
    }
    const result: TestResult = { suite: t.suite, name: t.name, passed: error === undefined, durationMs: Date.now() - started };
    if (error !== undefined) result.error = error;
    results.push(result);
    onResult(result);
  }
  return results;
}

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined, null or false,
 * and resolves with that value. Probe errors are retried (the server may not be ready yet); on
 * timeout the error names `what` and the last error or value seen, so a failure says what never
 * happened instead of just "timeout".
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>,
  timeoutMs = 20_000,
  intervalMs = 75,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing yet';
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      last = `probe returned ${String(value)}`;
    } catch (e) {
      last = `probe threw: ${describeError(e)}`;
    }
    if (Date.now() >= deadline) throw new AssertionFailure(`timed out after ${timeoutMs} ms waiting for ${what} (${last})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A failed expectation: its message is the whole story, no stack needed in the report. */
class AssertionFailure extends Error {}

/** Throws with `message` unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionFailure(message);
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AssertionFailure(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Assertion and waitFor messages say everything; other errors (a TypeError in a test, an API
// call that threw) also get their first stack frame, with the bundle's path shortened.
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e instanceof AssertionFailure) return e.message;
  const frame = (e.stack ?? '').split('\n').find((l) => l.trim().startsWith('at '));
  return frame ? `${e.name}: ${e.message} (${frame.trim().replace(/\(?\/\S*\/(out\/\S+)\)?/, '$1')})` : `${e.name}: ${e.message}`;
}
