import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { initializePushWorkspace, initializeWorkspace, startServer, waitFor, type TestServer } from './lspClient';

const workspace = mkdtempSync(join(tmpdir(), 'touchline-claims-'));
let server: TestServer;

/** Writes an article into `folder` and opens it on `on`; returns its URI. */
const openIn = async (on: TestServer, folder: string, name: string, text: string): Promise<string> => {
  const path = join(folder, name);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  await on.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
  return uri;
};
const open = (name: string, text: string): Promise<string> => openIn(server, workspace, name, text);
const diagnostics = async (uri: string): Promise<Diagnostic[]> => {
  const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return report.kind === 'full' ? report.items : [];
};

before(async () => {
  server = startServer({});
  await initializeWorkspace(server, workspace, { workspace: { diagnostics: { refreshSupport: true } } });
});

after(async () => {
  await server.stop();
});

test('a wrong figure gets a kb-mismatch warning whose quick fix writes the knowledge base value', async () => {
  const text = 'date 2024-04-19\nCasemiro played 300 games for Real Madrid.';
  const uri = await open('wrong.txt', text);
  const items = await waitFor(() => diagnostics(uri), (d) => d.some((x) => x.code === 'kb-mismatch'));
  const d = items.find((x) => x.code === 'kb-mismatch')!;
  assert.equal(d.source, 'touchline');
  assert.deepEqual(d.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } });
  const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const fix = actions!.find((a) => 'title' in a && a.title.startsWith('Replace with 331'));
  assert.ok(fix && 'edit' in fix && fix.isPreferred, JSON.stringify(actions));
  assert.deepEqual(fix.edit!.changes![uri], [{ range: d.range, newText: '331' }]);
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 17 } });
  assert.match(JSON.stringify(hover?.contents), /disagrees with the knowledge base/);
});

test('a fix that changes a count between one and many replaces the noun as well', async () => {
  const uri = await open('one-goal.txt', 'date 2024-04-19\nCasemiro scored one goal for Real Madrid.');
  const items = await waitFor(() => diagnostics(uri), (d) => d.some((x) => x.code === 'kb-mismatch'));
  const d = items.find((x) => x.code === 'kb-mismatch')!;
  assert.deepEqual(d.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } });
  const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const fix = actions!.find((a) => 'title' in a && a.title.startsWith('Replace with'));
  assert.ok(fix && 'edit' in fix, JSON.stringify(actions));
  assert.deepEqual(fix.edit!.changes![uri], [{ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 24 } }, newText: 'thirty-one goals' }]);
});

test('two articles that disagree point at each other', async () => {
  const a = await open('a.txt', 'date 2024-05-01\nToni Kroos scored 28 goals for Real Madrid.');
  const b = await open('b.txt', 'date 2024-05-01\nToni Kroos scored 30 goals for Real Madrid.');
  const fromA = await waitFor(() => diagnostics(a), (d) => d.some((x) => x.code === 'cross-article'));
  const fromB = await waitFor(() => diagnostics(b), (d) => d.some((x) => x.code === 'cross-article'));
  assert.equal(fromA.find((x) => x.code === 'cross-article')!.relatedInformation![0]!.location.uri, b);
  assert.equal(fromB.find((x) => x.code === 'cross-article')!.relatedInformation![0]!.location.uri, a);
});

test('an edit that only moves a claim moves the other article’s pointer to it', async () => {
  const a = await open('moved-a.txt', 'date 2024-05-01\nLuka Modric scored 28 goals for Real Madrid.');
  const b = await open('moved-b.txt', 'date 2024-05-01\nLuka Modric scored 30 goals for Real Madrid.');
  const pointer = async () => {
    const items = await waitFor(() => diagnostics(b), (d) => d.some((x) => x.code === 'cross-article'));
    return items.find((x) => x.code === 'cross-article')!.relatedInformation![0]!.location;
  };
  assert.deepEqual((await pointer()).range, { start: { line: 1, character: 19 }, end: { line: 1, character: 21 } });
  // Same claim, same value: only its place in moved-a.txt changes.
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: a, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Then ' }],
  });
  await waitFor(pointer, (at) => at.range.start.character === 24);
  assert.deepEqual((await pointer()).range, { start: { line: 1, character: 24 }, end: { line: 1, character: 26 } });
});

test('an unknown name gets a hint whose quick fix adds it to the workspace knowledge base', async () => {
  const uri = await open('flick.txt', 'Hansi Flick won the league with Barcelona.');
  const items = await waitFor(() => diagnostics(uri), (d) => d.some((x) => x.code === 'unknown-entity'));
  const d = items.find((x) => x.code === 'unknown-entity')!;
  const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
  const add = actions!.find((a) => 'title' in a && a.title.includes('Hansi Flick'));
  assert.ok(add && 'edit' in add, JSON.stringify(actions));
  const changes = add.edit!.documentChanges!;
  assert.deepEqual(changes[0], { kind: 'create', uri: pathToFileURL(join(workspace, 'touchline.kb.yaml')).href, options: { ignoreIfExists: true } });
  assert.match(JSON.stringify(changes[1]), /entities:\\n  - id: hansi-flick\\n    type: person\\n    name: Hansi Flick\\n/);
});

test('diagnostics the client already has are answered "unchanged"; changed ones in full', async () => {
  const uri = await open('unchanged.txt', 'date 2024-04-19\nCasemiro played 300 games for Real Madrid.');
  const pull = (previousResultId?: string) =>
    server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  const first = await waitFor(() => pull(), (r) => r.kind === 'full' && r.items.some((x) => x.code === 'kb-mismatch'));
  assert.ok(first.resultId);
  assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
  // An edit after the findings leaves them as they were.
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 42 }, end: { line: 1, character: 42 } }, text: ' Fine.' }],
  });
  assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
  // An edit before them moves them: the answer is in full, with a new id.
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'Then ' }],
  });
  const moved = await pull(first.resultId);
  assert.equal(moved.kind, 'full');
  assert.notEqual(moved.resultId, first.resultId);
  assert.equal(moved.kind === 'full' && moved.items.find((x) => x.code === 'kb-mismatch')!.range.start.character, 21);
  // A client that lost track (an old or no id) gets everything.
  assert.equal((await pull(first.resultId)).kind, 'full');
  assert.equal((await pull()).kind, 'full');
});

test('a client that takes pushed diagnostics gets the other article’s cross-article warning too', async () => {
  // Without pull diagnostics the server pushes; when b's claim contradicts a's, a must be pushed again.
  const folder = mkdtempSync(join(tmpdir(), 'touchline-push-'));
  const push = startServer({});
  try {
    const published = await initializePushWorkspace(push, folder);
    const crossArticle = async (uri: string) => (published.get(uri) ?? []).filter((d) => d.code === 'cross-article');
    const a = await openIn(push, folder, 'a.txt', 'date 2024-05-01\nToni Kroos scored 28 goals for Real Madrid.');
    await waitFor(async () => published.has(a), (has) => has);
    const b = await openIn(push, folder, 'b.txt', 'date 2024-05-01\nToni Kroos scored 30 goals for Real Madrid.');
    assert.equal((await waitFor(() => crossArticle(b), (d) => d.length > 0))[0]!.relatedInformation![0]!.location.uri, a);
    assert.equal((await waitFor(() => crossArticle(a), (d) => d.length > 0))[0]!.relatedInformation![0]!.location.uri, b);
    // Once b agrees, a's warning goes away.
    await push.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: b, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 18 }, end: { line: 1, character: 20 } }, text: '28' }],
    });
    await waitFor(() => crossArticle(a), (d) => d.length === 0);
  } finally {
    await push.stop();
  }
});
