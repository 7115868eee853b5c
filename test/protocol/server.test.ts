import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from './lspClient';

const samplePath = resolve(__dirname, '../../samples/000_691f7d17e64d9296.txt');
const uri = pathToFileURL(samplePath).href;
const text = readFileSync(samplePath, 'utf8');

let server: TestServer;
let init: InitializeResult;

before(async () => {
  server = startServer({ language: 'auto' });
  init = await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(resolve(__dirname, '../../samples')).href,
    capabilities: {
      workspace: { configuration: true, diagnostics: { refreshSupport: false } },
      textDocument: { diagnostic: { dynamicRegistration: false }, hover: { contentFormat: ['markdown'] } },
    },
    workspaceFolders: null,
  });
  await server.connection.sendNotification(InitializedNotification.type, {});
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'sports-article', version: 1, text },
  });
});

after(async () => {
  await server.stop();
});

test('declares the features and the semantic-token legend from DESIGN.md', () => {
  const caps = init.capabilities;
  assert.equal(typeof caps.textDocumentSync === 'object' && caps.textDocumentSync.change, TextDocumentSyncKind.Incremental);
  assert.ok(caps.hoverProvider);
  assert.ok(caps.codeActionProvider);
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.workspaceSymbolProvider);
  assert.ok(caps.referencesProvider);
  assert.ok(caps.definitionProvider);
  assert.ok(caps.diagnosticProvider);
  const tokens = caps.semanticTokensProvider!;
  assert.equal(tokens.full, true);
  assert.equal(tokens.range, true);
  for (const t of ['person', 'team', 'competition', 'place', 'organization', 'date', 'quote']) assert.ok(tokens.legend.tokenTypes.includes(t), t);
  assert.deepEqual(tokens.legend.tokenModifiers, ['linked']);
});

test('semantic tokens cover the quotes, split per line, sorted and inside the text', async () => {
  const result = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  const data = result!.data;
  assert.ok(data.length > 0 && data.length % 5 === 0);
  const lines = text.split(/\r\n|\r|\n/);
  let line = 0;
  let char = 0;
  const quoteType = init.capabilities.semanticTokensProvider!.legend.tokenTypes.indexOf('quote');
  let quotes = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    char = data[i] === 0 ? char + data[i + 1]! : data[i + 1]!;
    assert.ok(line < lines.length && char + data[i + 2]! <= lines[line]!.length, `token ${i / 5} lies inside its line`);
    if (data[i + 3] === quoteType) quotes++;
  }
  assert.ok(quotes >= 5);
  const ranged = await server.connection.sendRequest(SemanticTokensRangeRequest.type, {
    textDocument: { uri },
    range: { start: { line: 18, character: 0 }, end: { line: 19, character: 0 } },
  });
  assert.ok(ranged!.data.length > 0 && ranged!.data.length < data.length);
});

test('hover on a quote answers with markdown and the quote range', async () => {
  const line = text.split('\n').findIndex((l) => l.startsWith('“When my deal'));
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 10 } });
  assert.ok(hover);
  assert.match(JSON.stringify(hover.contents), /Quote/);
  assert.equal(hover.range!.start.line, line);
});

test('pull diagnostics answer with a full report whose items carry code and source', async () => {
  const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  for (const d of report.kind === 'full' ? report.items : []) {
    assert.equal(d.source, 'touchline');
    assert.equal(typeof d.code, 'string');
  }
});

test('an incremental change is applied: the edited text is what gets analysed', async () => {
  const second = pathToFileURL(resolve(__dirname, '../../samples/edited.txt')).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: second, languageId: 'sports-article', version: 1, text: 'No quotes here.\n' },
  });
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: second, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } }, text: ' He said: “I will stay here for as long as they want me.”' }],
  });
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: second }, position: { line: 0, character: 40 } });
  assert.ok(hover, 'the quote added by the change is found');
  assert.equal(hover.range!.start.character, 25);
});

test('code actions and document symbols answer without error', async () => {
  const actions = await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
    context: { diagnostics: [] },
  });
  assert.ok(Array.isArray(actions));
  const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
});

test('requests on an unknown document return empty results instead of errors', async () => {
  const missing = { uri: 'file:///nowhere.txt' };
  assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: missing, position: { line: 0, character: 0 } }), null);
  const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: missing });
  assert.deepEqual(tokens!.data, []);
});

test('shuts down and exits cleanly', async () => {
  await server.connection.sendRequest(ShutdownRequest.type);
  const exited = new Promise<number | null>((r) => server.process.once('exit', (code) => r(code)));
  await server.connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
});
