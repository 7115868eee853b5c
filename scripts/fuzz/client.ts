/**
 * The fuzzer's side of the real bundled server over stdio: starts it with the protocol
 * tests' `startServer`, initialises it, and watches what must never happen — the process
 * exiting, or the server logging that it could not answer (its guard's message on a caught
 * exception) or any other error. Requests are timed and bounded by a hard timeout, so a
 * hang is reported instead of hanging the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  ShutdownRequest,
  type InitializeResult,
  type ProtocolRequestType,
  type ProtocolRequestType0,
} from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from '../../test/protocol/lspClient';

export const STATUS_NOTIFICATION = 'touchline/articleStatus';
/** LSP's RequestCancelled error code. */
export const REQUEST_CANCELLED = -32800;

export interface ArticleStatus {
  readonly uri: string;
  readonly version: number;
  readonly truncatedAt?: number;
}

export interface Timed<R> {
  readonly result?: R;
  readonly error?: ResponseError<unknown> | Error;
  readonly ms: number;
  readonly timedOut: boolean;
}

export class FuzzClient {
  readonly server: TestServer;
  /** Error-level log messages and guard reports ("Touchline could not answer …"). */
  readonly problems: string[] = [];
  /** Every log and show-message text, for reports. */
  readonly messages: string[] = [];
  /** The latest `touchline/articleStatus` per URI. */
  readonly status = new Map<string, ArticleStatus>();
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  init!: InitializeResult;
  readonly folder: string;
  private stopping = false;

  constructor(settings: Record<string, unknown>) {
    this.folder = mkdtempSync(join(tmpdir(), 'touchline-fuzz-'));
    this.server = startServer(settings);
    const c = this.server.connection;
    c.onNotification(LogMessageNotification.type, (m) => this.log(m.type, m.message));
    c.onNotification(ShowMessageNotification.type, (m) => this.log(m.type, m.message));
    c.onNotification(STATUS_NOTIFICATION, (s: ArticleStatus) => {
      this.status.set(s.uri, s);
    });
    // Requests a real editor would answer: progress, refreshes, registrations.
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('workspace/diagnostic/refresh', () => null);
    c.onRequest('workspace/semanticTokens/refresh', () => null);
    this.exit = new Promise((resolve) =>
      this.server.process.on('exit', (code, signal) => {
        if (!this.stopping) this.exited = { code, signal };
        resolve();
      }),
    );
  }

  /** Settles when the server process exits. */
  private readonly exit: Promise<void>;

  /** Why the server is gone, with the end of what it wrote to stderr. */
  crashReport(): string {
    return `the server exited (code ${this.exited?.code}, signal ${this.exited?.signal}): ${this.server.stderr().slice(-1500)}`;
  }

  private log(type: MessageType, message: string): void {
    this.messages.push(message);
    if (type === MessageType.Error || /could not answer/i.test(message)) this.problems.push(message.split('\n').slice(0, 6).join(' | '));
  }

  get folderUri(): string {
    return pathToFileURL(this.folder).href;
  }

  async initialize(): Promise<void> {
    const c = this.server.connection;
    const init = c.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: this.folderUri,
      workspaceFolders: [{ uri: this.folderUri, name: 'fuzz' }],
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
        textDocument: {
          diagnostic: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          synchronization: { didSave: false },
        },
      },
    });
    const answer = await Promise.race([init, this.exit.then(() => undefined)]);
    if (!answer) throw new Error(this.crashReport());
    this.init = answer;
    await c.sendNotification(InitializedNotification.type, {});
  }

  /**
   * Wait until the server has loaded the knowledge base and indexed the (empty) workspace,
   * which it logs; requests are timed from then on. Returns the milliseconds waited.
   */
  async ready(timeoutMs = 60_000): Promise<number> {
    const t0 = performance.now();
    while (!this.messages.some((m) => /indexed \d+ articles/.test(m))) {
      if (this.exited) throw new Error(this.crashReport());
      if (performance.now() - t0 > timeoutMs) throw new Error(`the server did not finish indexing within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t0;
  }

  /** Send a request, timing it; after `hardTimeoutMs` give up waiting and report a timeout. */
  async request<P, R>(
    type: ProtocolRequestType<P, R, unknown, unknown, unknown> | ProtocolRequestType0<R, unknown, unknown, unknown>,
    params: P,
    options: { hardTimeoutMs: number; cancelAfterSend?: boolean },
  ): Promise<Timed<R>> {
    const c = this.server.connection;
    const source = new CancellationTokenSource();
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.hardTimeoutMs)));
    const sent = (c.sendRequest as (t: unknown, p: unknown, token: unknown) => Promise<R>)(type, params, source.token).then(
      (result) => ({ result }),
      (error: ResponseError<unknown> | Error) => ({ error }),
    );
    if (options.cancelAfterSend) source.cancel();
    const gone = this.exit.then(() => ({ error: new Error(this.crashReport()) }));
    const outcome = await Promise.race([sent, timeout, gone]);
    clearTimeout(timer);
    const ms = performance.now() - t0;
    if (outcome === 'timeout') return { ms, timedOut: true };
    return { ...outcome, ms, timedOut: false };
  }

  /** Shut down politely; returns whether the server exited by itself within the time given. */
  async stop(timeoutMs = 5000): Promise<boolean> {
    const c = this.server.connection;
    let clean = false;
    if (!this.exited) {
      try {
        await Promise.race([c.sendRequest(ShutdownRequest.type), new Promise((_, reject) => setTimeout(() => reject(new Error('shutdown timed out')), timeoutMs))]);
        this.stopping = true;
        const exited = new Promise<boolean>((resolve) => {
          if (this.server.process.exitCode !== null) resolve(true);
          this.server.process.once('exit', () => resolve(true));
          setTimeout(() => resolve(false), timeoutMs);
        });
        await c.sendNotification(ExitNotification.type);
        clean = await exited;
      } catch {
        clean = false;
      }
    }
    this.stopping = true;
    await this.server.stop();
    rmSync(this.folder, { recursive: true, force: true });
    return clean;
  }
}
