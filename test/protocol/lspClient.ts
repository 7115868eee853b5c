/**
 * A minimal LSP client for protocol tests: spawns the bundled `dist/server.js --stdio` and
 * talks JSON-RPC to it, answering `workspace/configuration` with the settings given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Everything the server wrote to stderr, for failure messages. */
  readonly stderr: () => string;
  settings: Record<string, unknown>;
  stop(): Promise<void>;
}

export const SERVER = resolve(__dirname, '../../dist/server.js');

export function startServer(settings: Record<string, unknown> = {}): TestServer {
  // TOUCHLINE_SERVER_NODE_ARGS passes Node options to the server, e.g. "--cpu-prof" when profiling a benchmark.
  const nodeArgs = process.env.TOUCHLINE_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server: TestServer = {
    connection,
    process: child,
    stderr: () => err,
    settings,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      connection.dispose();
    },
  };
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => server.settings));
  connection.listen();
  return server;
}

/** Poll `probe` until it returns a value that `accept` likes, or fail after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((r) => setImmediate(r));
    last = await probe();
  }
  return last;
}

/**
 * Initialize `server` on a workspace folder, as VS Code does: pull diagnostics and
 * configuration, optionally more client capabilities.
 */
export async function initializeWorkspace(server: TestServer, folder: string, capabilities: ClientCapabilities = {}): Promise<InitializeResult> {
  const uri = pathToFileURL(folder).href;
  const result = await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'workspace' }],
    capabilities: { ...capabilities, workspace: { configuration: true, ...capabilities.workspace }, textDocument: { diagnostic: {}, ...capabilities.textDocument } },
  });
  await server.connection.sendNotification(InitializedNotification.type, {});
  return result;
}

/**
 * Initialize `server` on a workspace folder as a client without pull diagnostics does (many
 * editors besides VS Code): the server pushes them. Returns the latest pushed per document.
 */
export async function initializePushWorkspace(server: TestServer, folder: string): Promise<Map<string, Diagnostic[]>> {
  const published = new Map<string, Diagnostic[]>();
  server.connection.onNotification(PublishDiagnosticsNotification.type, (p) => void published.set(p.uri, p.diagnostics));
  const uri = pathToFileURL(folder).href;
  await server.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'workspace' }], capabilities: {} });
  await server.connection.sendNotification(InitializedNotification.type, {});
  return published;
}
