/**
 * Memory under editing: ten thousand edit-and-check cycles on one article through the real
 * bundled server over stdio — an incremental edit, then pull diagnostics and semantic tokens
 * (and a hover every tenth cycle), as an editor does while someone types — with the server's
 * resident set and heap (after a full garbage collection) read at the start, every thousand
 * cycles and at the end. Flat figures mean nothing leaks per edit.
 *
 *   npm run build && node --import tsx scripts/fuzz/memory.ts [--cycles 10000] [--article path]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { FuzzClient } from './client';

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

/** Ask the server (through the preloaded probe) for its memory after a full collection. */
async function memoryOf(client: FuzzClient): Promise<Memory> {
  const before = client.server.stderr().length;
  client.server.process.kill('SIGUSR2');
  for (let i = 0; i < 500; i++) {
    const m = /TOUCHLINE-MEMORY (\{.*\})/.exec(client.server.stderr().slice(before));
    if (m) return JSON.parse(m[1]!) as Memory;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the server did not report its memory');
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const cycles = Number(arg('--cycles', '10000'));
  const path = resolve(arg('--article', join(__dirname, '../../samples/000_691f7d17e64d9296.txt')));
  const text = readFileSync(path, 'utf8');
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${join(__dirname, 'memoryProbe.cjs')}`.trim();
  const client = new FuzzClient({});
  delete process.env.NODE_OPTIONS;
  await client.initialize();
  await client.ready();
  const c = client.server.connection;
  const uri = `${client.folderUri}/article.txt`;
  let doc = TextDocument.create(uri, 'sports-article', 1, text);
  await c.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });

  // Edits that keep the article about the same size: add a sentence, later remove it; change a figure.
  const words = ['Casemiro', 'Real Madrid', '331 games', 'on Sunday', '“I will stay,” said Ancelotti.', 'il Milan', '2024'];
  const samples: { cycle: number; memory: Memory; ms: number }[] = [];
  let added: { offset: number; length: number } | undefined;
  const t0 = performance.now();
  let last = t0;
  for (let cycle = 0; cycle <= cycles; cycle++) {
    if (cycle % 1000 === 0 || cycle === cycles) {
      const memory = await memoryOf(client);
      const now = performance.now();
      samples.push({ cycle, memory, ms: now - last });
      last = now;
      console.log(`cycle ${String(cycle).padStart(6)}: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, external ${mb(memory.external)}`);
      if (cycle === cycles) break;
    }
    let change;
    if (added) {
      change = { range: { start: doc.positionAt(added.offset), end: doc.positionAt(added.offset + added.length) }, text: '' };
      added = undefined;
    } else {
      const offset = (cycle * 7919) % doc.getText().length;
      const insert = ` ${words[cycle % words.length]} `;
      change = { range: { start: doc.positionAt(offset), end: doc.positionAt(offset) }, text: insert };
      added = { offset, length: insert.length };
    }
    doc = TextDocument.update(doc, [change], doc.version + 1);
    await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
    await c.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    await c.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    if (cycle % 10 === 0) await c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt((cycle * 31) % doc.getText().length) });
  }
  const total = (performance.now() - t0) / 1000;
  const start = samples[0]!.memory;
  const middle = samples[Math.floor(samples.length / 2)]!.memory;
  const end = samples[samples.length - 1]!.memory;
  console.log('');
  console.log(`${cycles} edit-and-check cycles on ${path.split('/').pop()} (${text.length} chars) in ${total.toFixed(0)} s (${(cycles / total).toFixed(0)} cycles/s)`);
  console.log(`heap used (after GC): start ${mb(start.heapUsed)}, middle ${mb(middle.heapUsed)}, end ${mb(end.heapUsed)} (${end.heapUsed >= start.heapUsed ? '+' : ''}${mb(end.heapUsed - start.heapUsed)})`);
  console.log(`rss: start ${mb(start.rss)}, middle ${mb(middle.rss)}, end ${mb(end.rss)}`);
  if (client.problems.length > 0) console.log(`server problems: ${client.problems.join('\n')}`);
  await client.stop();
}

void main();
