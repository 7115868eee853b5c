import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { startServer, waitFor, type TestServer } from './lspClient';

let server: TestServer;
const statuses: { uri: string; skipped?: string }[] = [];

before(async () => {
  server = startServer({});
  server.connection.onNotification('touchline/articleStatus', (s: { uri: string; skipped?: string }) => {
    statuses.push(s);
  });
  await server.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
  await server.connection.sendNotification(InitializedNotification.type, {});
});

after(async () => {
  await server.stop();
});

test('a binary file opened as an article is skipped, and the status says why', async () => {
  const uri = 'file:///tmp/binary.txt';
  const text = `Casemiro\u0000\u0001\u0002 Real Madrid ${'\u0000'.repeat(50)}`;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
  const status = await waitFor(async () => statuses.find((s) => s.uri === uri), (s) => s !== undefined);
  assert.equal(status!.skipped, 'binary');
  const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
  assert.deepEqual(tokens!.data, []);
});
