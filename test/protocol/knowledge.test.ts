import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type Location,
} from 'vscode-languageserver-protocol/node';
import { initializeWorkspace, startServer, waitFor, type TestServer } from './lspClient';

const workspace = mkdtempSync(join(tmpdir(), 'touchline-kb-'));
const sample = readFileSync(resolve(__dirname, '../../samples/000_691f7d17e64d9296.txt'), 'utf8');
const articleUri = pathToFileURL(join(workspace, 'article.txt')).href;
const kbUri = pathToFileURL(join(workspace, 'extra.kb.yaml')).href;
let server: TestServer;

const positionOf = (text: string, needle: string, from = 0): { line: number; character: number } => {
  const offset = text.indexOf(needle, from);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
};
const hoverText = async (uri: string, position: { line: number; character: number }): Promise<string> => {
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  return hover ? JSON.stringify(hover.contents) : '';
};

before(async () => {
  writeFileSync(join(workspace, 'article.txt'), sample);
  server = startServer({});
  await initializeWorkspace(server, workspace);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: articleUri, languageId: 'sports-article', version: 1, text: sample },
  });
});

after(async () => {
  await server.stop();
});

test('hover on a linked name shows the knowledge base facts with their source', async () => {
  const text = await hoverText(articleUri, positionOf(sample, 'Casemiro'));
  assert.match(text, /Casemiro/);
  assert.match(text, /331 appearances/);
  assert.match(text, /source/);
});

test('go to definition opens the entity in the bundled knowledge base', async () => {
  const result = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: articleUri }, position: positionOf(sample, 'Casemiro') })) as Location;
  assert.ok(result, 'a definition is returned');
  assert.match(result.uri, /kb\/touchline\.kb\.yaml$/);
  const kbText = readFileSync(new URL(result.uri), 'utf8').split(/\r\n|\r|\n/);
  assert.match(kbText[result.range.start.line]!.slice(result.range.start.character), /^casemiro\b/);
});

test('a broken workspace knowledge-base file gets located diagnostics, and its fixed version links new names', async () => {
  const broken = 'entities:\n  - id: hansi-flick\n    type: persn\n    name: Hansi Flick\n';
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: kbUri, languageId: 'yaml', version: 1, text: broken } });
  const report = await waitFor(
    () => server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: kbUri } }),
    (r) => r.kind === 'full' && r.items.length > 0,
  );
  const items = report.kind === 'full' ? report.items : [];
  const typeError = items.find((d) => d.range.start.line === 2);
  assert.ok(typeError, `an error on line 3 (type: persn); got ${JSON.stringify(items)}`);
  assert.equal(typeError.source, 'touchline');

  const article = 'Barcelona coach Hansi Flick said the team was ready.';
  const uri = pathToFileURL(join(workspace, 'flick.txt')).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text: article } });
  assert.match(await hoverText(uri, positionOf(article, 'Flick')), /Not in the knowledge base/);

  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: kbUri, version: 2 },
    contentChanges: [{ text: 'entities:\n  - id: hansi-flick\n    type: person\n    name: Hansi Flick\n    description: { en: German football coach. }\n' }],
  });
  await waitFor(() => hoverText(uri, positionOf(article, 'Flick')), (t) => /German football coach/.test(t));
});

test('references and workspace symbols reach articles on disk that are not open', async () => {
  const { ReferencesRequest, WorkspaceSymbolRequest, DidChangeWatchedFilesNotification, FileChangeType } = await import('vscode-languageserver-protocol/node');
  const otherPath = join(workspace, 'other.txt');
  writeFileSync(otherPath, 'Casemiro joined Manchester United from Real Madrid in 2022.\n');
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(otherPath).href, type: FileChangeType.Created }] });
  const refs = await waitFor(
    () => server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: articleUri }, position: positionOf(sample, 'Casemiro'), context: { includeDeclaration: true } }),
    (r) => (r ?? []).some((l) => l.uri.endsWith('/other.txt')),
  );
  assert.ok(refs!.filter((l) => l.uri === articleUri).length >= 5);
  const symbols = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'casemiro' });
  assert.ok(Array.isArray(symbols) && symbols.some((s) => 'location' in s && s.location.uri.endsWith('/other.txt')));
});
