/**
 * A temporary file of JSON lines: where `touchline check` keeps the first pass's per-file
 * results while the cross-article pass runs, so they need not stay in memory. Removed on
 * `dispose`.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export class Spool<T> {
  private readonly dir = mkdtempSync(join(tmpdir(), 'touchline-check-'));
  private readonly path = join(this.dir, 'results.jsonl');
  private fd: number | undefined = openSync(this.path, 'w');
  private pending: string[] = [];
  private pendingChars = 0;
  /** Removes the folder even when the process exits early (a reader that stops: `| head`). */
  private readonly onExit = (): void => this.dispose();

  constructor() {
    process.once('exit', this.onExit);
  }

  write(item: T): void {
    const line = `${JSON.stringify(item)}\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars > 1 << 20) this.flush();
  }

  /** Reads the items back in the order they were written (once). */
  async *read(): AsyncGenerator<T> {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    const lines = createInterface({ input: createReadStream(this.path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as T;
  }

  dispose(): void {
    process.removeListener('exit', this.onExit);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}
