import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from './lspClient';

const path = resolve(__dirname, '../../samples/000_691f7d17e64d9296.txt');
const uri = pathToFileURL(path).href;
const text = readFileSync(path, 'utf8');
const lines = text.split(/\r\n|\r|\n/);
let server: TestServer;

before(async () => {
  server = startServer({ inlayHints: { relativeDates: true } });
  await server.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
  await server.connection.sendNotification(InitializedNotification.type, {});
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
});

after(async () => {
  await server.stop();
});

test('document highlights: every mention of the entity under the cursor, pronouns included', async () => {
  const line = lines.findIndex((l) => l.startsWith('Casemiro spent almost a decade'));
  const highlights = await server.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: { line, character: 2 } });
  const words = highlights!.map((h) => lines[h.range.start.line]!.slice(h.range.start.character, h.range.end.character));
  assert.ok(words.filter((w) => w === 'Casemiro').length >= 8, words.join(','));
  assert.ok(words.includes('He') && words.includes('the defensive midfielder'), words.join(','));
});

test('the outline groups people, teams, competitions, dates, quotes and claims', async () => {
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols.map((s) => s.name), ['People', 'Teams', 'Competitions', 'Places', 'Organizations', 'Dates', 'Quotes', 'Claims']);
  const people = symbols[0]!.children!.map((c) => c.name);
  assert.ok(people.includes('Casemiro') && people.includes('Carlo Ancelotti'));
  assert.ok(symbols[6]!.children!.some((q) => q.detail === 'Casemiro'));
});

test('inlay hints, when turned on, show what a relative date resolves to', async () => {
  const hints = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
  assert.ok(hints!.some((h) => h.label === '→ 2024-04-21'), JSON.stringify(hints));
});
