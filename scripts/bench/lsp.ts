/**
 * Language-server benchmark (issue 5): a workspace of 5,000 articles (the BBC sport corpus
 * copied ten times) indexed cold, with the time until the indexing progress ends and the
 * server's memory; then edits to a 100 KB article, each followed by a pull for diagnostics,
 * timing didChange → fresh diagnostics (median, p95, p99). Like VS Code, the client sends the id
 * of the last report it holds, so the server may answer that nothing changed.
 *
 *     npm run build && npx tsx scripts/bench/lsp.ts [--copies 10] [--edits 200]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  ShutdownRequest,
  InitializedNotification,
  InitializeRequest,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../test/protocol/lspClient';
import { bbcSport, median } from './corpus';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function main(): Promise<void> {
  const articles = bbcSport();
  if (!articles) {
    console.log('LSP benchmark: ../shared/corpora/bbc-sport is missing; nothing measured.');
    return;
  }
  const copies = option('--copies', 10);
  const edits = option('--edits', 200);
  const root = mkdtempSync(join(tmpdir(), 'touchline-lsp-bench-'));
  try {
    for (let c = 0; c < copies; c++) {
      const dir = join(root, `copy-${c}`);
      mkdirSync(dir);
      for (const a of articles) writeFileSync(join(dir, a.name), a.text);
    }
    const files = copies * articles.length;
    const server = startServer({});
    const progress = new Map<string | number, number>();
    let indexed: (() => void) | undefined;
    const indexDone = new Promise<void>((r) => (indexed = r));
    server.connection.onRequest('window/workDoneProgress/create', () => null);
    let indexedMessage = '';
    server.connection.onNotification('window/logMessage', (m: { message: string }) => {
      if (/indexed \d+ articles/.test(m.message)) indexedMessage = m.message;
    });
    server.connection.onNotification('$/progress', (p: { token: string | number; value: { kind: string } }) => {
      if (p.value.kind === 'begin') progress.set(p.token, performance.now());
      if (p.value.kind === 'end') indexed?.();
    });
    const t0 = performance.now();
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true }, textDocument: { diagnostic: {} } },
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    await indexDone;
    const indexMs = performance.now() - t0;
    const memory = rssMb(server.process.pid!);

    // A 100 KB article: corpus articles joined.
    let text = '';
    for (let i = 0; text.length < 100 * 1024; i++) text += `${articles[i % articles.length]!.text}\n\n`;
    const uri = pathToFileURL(join(root, 'long.txt')).href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
    let report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    let resultId = report.resultId;
    let unchanged = 0;
    const times: number[] = [];
    const lines = text.split('\n');
    for (let e = 0; e < edits; e++) {
      const line = (e * 7919) % lines.length;
      const t = performance.now();
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: e + 2 },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
      });
      report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(resultId ? { previousResultId: resultId } : {}) });
      times.push(performance.now() - t);
      if (report.kind === 'unchanged') unchanged++;
      resultId = report.resultId;
    }
    console.log(`Workspace: ${files} articles (${copies} copies of the BBC sport corpus)`);
    console.log(`Cold index: ${(indexMs / 1000).toFixed(2)} s until indexing progress ended (${indexedMessage || 'no count reported'}); server RSS ${memory.toFixed(0)} MB`);
    if (times.length > 0) console.log(`Edit → fresh diagnostics on a ${(text.length / 1024).toFixed(0)} KB article, ${edits} edits (${unchanged} answered "unchanged"): median ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`);
    // The first edits after opening pay for compiling the edit path and for collecting the
    // index's garbage; the rest show the steady state. Both are reported, the first line counts.
    const WARM_UP = 20;
    if (times.length > 2 * WARM_UP) {
      const steady = times.slice(WARM_UP);
      console.log(`  without the first ${WARM_UP} edits: median ${median(steady).toFixed(1)} ms, p95 ${percentile(steady, 95).toFixed(1)} ms, p99 ${percentile(steady, 99).toFixed(1)} ms`);
    }
    console.log(`Server RSS after the edits: ${rssMb(server.process.pid!).toFixed(0)} MB`);
    // A clean exit, so a server started with --cpu-prof writes its profile.
    await server.connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise((r) => server.process.once('exit', r));
    await server.connection.sendNotification(ExitNotification.type);
    await exited;
    await server.stop();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
