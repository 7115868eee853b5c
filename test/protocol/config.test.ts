import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { initializeWorkspace, startServer, waitFor, type TestServer } from './lspClient';

const workspace = mkdtempSync(join(tmpdir(), 'touchline-config-'));
let server: TestServer;

const diagnostics = async (uri: string): Promise<Diagnostic[]> => {
  const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return report.kind === 'full' ? report.items : [];
};

before(async () => {
  writeFileSync(join(workspace, 'touchline.json'), JSON.stringify({ rules: { 'kb-mismatch': 'error', 'unknown-entity': 'off' } }));
  // VS Code reports defaults for everything: they must not hide the file's values.
  server = startServer({ language: 'auto', rules: {}, articles: { include: ['**/*.txt'] } });
  await initializeWorkspace(server, workspace);
});

after(async () => {
  await server.stop();
});

test('touchline.json sets rule severities in the editor, as it does in the CLI', async () => {
  const text = 'date 2024-04-19\nCasemiro played 300 games for Real Madrid. Hansi Flick watched.';
  const uri = pathToFileURL(join(workspace, 'a.txt')).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
  const items = await waitFor(() => diagnostics(uri), (d) => d.some((x) => x.code === 'kb-mismatch'));
  assert.equal(items.find((x) => x.code === 'kb-mismatch')!.severity, 1, 'kb-mismatch is an error');
  assert.ok(!items.some((x) => x.code === 'unknown-entity'), 'unknown-entity is off');
});

test('a broken touchline.json gets diagnostics with its position', async () => {
  const uri = pathToFileURL(join(workspace, 'touchline.json')).href;
  const text = '{\n  "rules": { "kb-mismatch": "loud" }\n}\n';
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text } });
  const items = await waitFor(() => diagnostics(uri), (d) => d.length > 0);
  assert.equal(items[0]!.range.start.line, 1);
  assert.equal(items[0]!.source, 'touchline');
});
