import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, ReferencesRequest, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { initializeWorkspace, startServer, waitFor, type TestServer } from './lspClient';

// Enough articles, long enough, for worker threads to start and take a share of the work.
const ARTICLES = 450;
const FILLER = '\n\nThe match report continues with the second half, the substitutions and the late goal.'.repeat(120);
const workspace = mkdtempSync(join(tmpdir(), 'touchline-index-workers-'));
let server: TestServer;
const logs: string[] = [];

before(async () => {
  for (let i = 0; i < ARTICLES; i++) {
    const dir = join(workspace, `part-${i % 7}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `article-${i}.txt`), `date 2024-05-01\nReal Madrid won again. Kazimierz Wolny${i} said “We played well.”\n${FILLER}`);
  }
  server = startServer({});
  server.connection.onNotification('window/logMessage', (m: { message: string }) => void logs.push(m.message));
  await initializeWorkspace(server, workspace);
});

after(async () => {
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('a workspace big enough for worker threads is indexed in full, each article at its own place', async () => {
  await waitFor(
    async () => logs,
    (l) => l.some((m) => m.includes(`indexed ${ARTICLES} articles`)),
    60_000,
  );
  // A name from an article whichever thread indexed it.
  const symbols = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Kazimierz Wolny437' });
  const found = (symbols ?? []).find((s) => s.name === 'Kazimierz Wolny437');
  assert.ok(found && 'range' in found.location, JSON.stringify(symbols));
  assert.ok(found.location.uri.endsWith('/article-437.txt'));
  assert.deepEqual(found.location.range.start, { line: 1, character: 23 });
  // Every article's mention of Real Madrid, on line 1 of each.
  const path = join(workspace, 'part-0', 'article-0.txt');
  const uri = pathToFileURL(path).href;
  const text = `date 2024-05-01\nReal Madrid won again. Kazimierz Wolny0 said “We played well.”\n${FILLER}`;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
  const refs = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 1, character: 2 }, context: { includeDeclaration: true } });
  assert.equal(new Set(refs!.map((r) => r.uri)).size, ARTICLES);
  assert.ok(refs!.every((r) => r.range.start.line === 1 && r.range.start.character === 0));
});
