import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  WorkspaceSymbolRequest,
  DocumentDiagnosticRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { initializePushWorkspace, initializeWorkspace, startServer, waitFor, type TestServer } from './lspClient';

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

test('a client that takes pushed diagnostics is sent a broken touchline.json’s too', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'touchline-config-push-'));
  const push = startServer({});
  try {
    const published = await initializePushWorkspace(push, folder);
    const uri = pathToFileURL(join(folder, 'touchline.json')).href;
    const text = '{\n  "rules": { "kb-mismatch": "loud" }\n}\n';
    await push.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'json', version: 1, text } });
    const items = await waitFor(async () => published.get(uri) ?? [], (d) => d.length > 0);
    assert.equal(items[0]!.range.start.line, 1);
    assert.equal(items[0]!.source, 'touchline');
  } finally {
    await push.stop();
  }
});

test('an article that touchline.json excludes stays out of the index once closed or changed on disk', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'touchline-config-scope-'));
  writeFileSync(join(folder, 'touchline.json'), JSON.stringify({ articles: { exclude: ['drafts/**'] } }));
  mkdirSync(join(folder, 'drafts'));
  const draft = join(folder, 'drafts', 'draft.txt');
  const text = 'date 2024-05-01\nZbigniew Kowalczyk scored 30 goals for Real Madrid.';
  writeFileSync(draft, text);
  writeFileSync(join(folder, 'kept.txt'), 'date 2024-05-01\nWojciech Nowacki scored 12 goals for Real Madrid.');
  const scoped = startServer({});
  const logs: string[] = [];
  scoped.connection.onNotification('window/logMessage', (m: { message: string }) => void logs.push(m.message));
  const symbol = async (query: string) => ((await scoped.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) ?? []).filter((s) => s.name === query);
  try {
    await initializeWorkspace(scoped, folder);
    await waitFor(async () => logs, (l) => l.some((m) => /indexed 1 article/.test(m)));
    assert.equal((await symbol('Wojciech Nowacki')).length, 1);
    assert.equal((await symbol('Zbigniew Kowalczyk')).length, 0, 'the draft is not indexed');
    // Opened, the draft counts while it is open (as any open article does); closed, it does not.
    const uri = pathToFileURL(draft).href;
    await scoped.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
    await waitFor(() => symbol('Zbigniew Kowalczyk'), (found) => found.length === 1);
    await scoped.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await waitFor(() => symbol('Zbigniew Kowalczyk'), (found) => found.length === 0);
    // Changed on disk, it stays out too; an article created beside it is indexed after it.
    const created = join(folder, 'created.txt');
    writeFileSync(created, 'date 2024-05-01\nTomasz Wiśniewski scored 3 goals for Real Madrid.');
    await scoped.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri, type: FileChangeType.Changed },
        { uri: pathToFileURL(created).href, type: FileChangeType.Created },
      ],
    });
    await waitFor(() => symbol('Tomasz Wiśniewski'), (found) => found.length === 1);
    assert.equal((await symbol('Zbigniew Kowalczyk')).length, 0, 'a change on disk does not index an excluded article');
  } finally {
    await scoped.stop();
  }
});
