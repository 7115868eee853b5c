/** The streams and environment a CLI command works with; tests pass their own. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether standard output is a terminal (colours in text output). Default: false. */
  readonly stdoutIsTTY?: boolean;
  /** Whether standard error is a terminal (progress updated in place). Default: false. */
  readonly stderrIsTTY?: boolean;
  /** Environment variables (`NO_COLOR`). Default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Working directory: relative paths in output and SARIF are relative to it. Default: process.cwd(). */
  readonly cwd?: string;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** The real process's streams and environment. */
export function processIo(): Io {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  };
}
