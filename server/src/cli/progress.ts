/**
 * Progress of a long `touchline check` on standard error: files done of the total and the
 * rate, rewritten in place (`\r`). Only on a terminal and without `--quiet`; it appears after
 * a short delay so quick runs print nothing, and is erased before anything else is written.
 */
import type { Io } from './io';

export class Progress {
  private readonly created = Date.now();
  /** When the first file was done: the rate counts from there (not from start-up). */
  private started: number | undefined;
  private lastDraw = 0;
  private shown = false;

  /**
   * @param enabled false when stderr is not a terminal or with --quiet: then every method is a no-op.
   * @param delayMs nothing is drawn before this much time has passed.
   */
  constructor(
    private readonly io: Io,
    private readonly enabled: boolean,
    private readonly delayMs = 500,
    private readonly intervalMs = 100,
  ) {}

  /** Reports `done` of `total` files; drawn at most every `intervalMs`. */
  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    this.started ??= now;
    if (now - this.created < this.delayMs || (now - this.lastDraw < this.intervalMs && done < total)) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    this.io.stderr(`\r${label} ${done}/${total} files (${percent}%), ${rate} files/s\x1b[K`);
    this.shown = true;
  }

  /** Erases the progress line (before other output, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.io.stderr('\r\x1b[K');
    this.shown = false;
  }
}
