import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InlayHintRequest,
  PublishDiagnosticsNotification,
  ShowMessageRequest,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { readSidecar } from '../../server/src/core/annotations/sidecar';
import { tagView } from '../../server/src/core/annotations/tagView';
import { LineIndex } from '../../server/src/core/positions';
import { startServer, waitFor, type TestServer } from './lspClient';

const workspace = mkdtempSync(join(tmpdir(), 'touchline-tags-'));
const TEXT = [
  'date 2024-04-19',
  '',
  'Casemiro spent almost a decade as a Real Madrid player and played 331 games for the club. He scored 31 goals for the Blancos.',
  '',
  'He moved to Manchester United in 2022.',
].join('\n');
let server: TestServer;
let init: InitializeResult;
const messages: string[] = [];
const published = new Map<string, PublishDiagnosticsParams>();

function file(name: string): { path: string; uri: string; sidecar: string } {
  const path = join(workspace, name);
  return { path, uri: pathToFileURL(path).href, sidecar: `${path}.annotations.json` };
}

const at = (text: string, quote: string, offset = 0) => {
  const lines = new LineIndex(text);
  return lines.positionAt(text.indexOf(quote) + offset);
};

async function open(name: string, text: string): Promise<string> {
  const { path, uri } = file(name);
  writeFileSync(path, text);
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text } });
  return uri;
}

async function diagnostics(uri: string): Promise<Diagnostic[]> {
  const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  return report.kind === 'full' ? report.items : [];
}

async function actionsAt(uri: string, text: string, quote: string, diagnosticsInContext: Diagnostic[] = []): Promise<CodeAction[]> {
  const position = at(text, quote, 1);
  const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: diagnosticsInContext } });
  return (actions ?? []) as CodeAction[];
}

async function run(action: CodeAction): Promise<void> {
  assert.ok(action.command, `${action.title} has a command`);
  await server.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command.command, arguments: action.command.arguments ?? [] });
}

async function hintsOf(uri: string, text: string): Promise<{ label: string; line: number; character: number }[]> {
  const lines = new LineIndex(text);
  const end = lines.positionAt(text.length);
  const hints = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } });
  return (hints ?? []).map((h) => ({ label: typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''), ...h.position }));
}

before(async () => {
  server = startServer({ annotator: 'Protocol Tester' });
  server.connection.onRequest(ShowMessageRequest.type, (m) => {
    messages.push(m.message);
    return null;
  });
  server.connection.onNotification(PublishDiagnosticsNotification.type, (p) => void published.set(p.uri, p));
  init = await server.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'ws' }],
    capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } },
  });
  await server.connection.sendNotification(InitializedNotification.type, {});
});

after(async () => {
  await server.stop();
});

test('the server offers tag commands, inlay hints and save notifications', () => {
  assert.deepEqual(init.capabilities.executeCommandProvider?.commands, ['touchline.annotations.rate', 'touchline.annotations.comment', 'touchline.annotations.delete']);
  assert.ok(init.capabilities.inlayHintProvider);
  const sync = init.capabilities.textDocumentSync;
  assert.ok(typeof sync === 'object' && sync.save);
});

test('a tag code action on a claim writes a valid W3C annotation beside the article', async () => {
  const uri = await open('tagged.txt', TEXT);
  const actions = await actionsAt(uri, TEXT, '331 games');
  const titles = actions.map((a) => a.title);
  for (const t of ['verified', 'false', 'misleading', 'needs source', 'opinion']) assert.ok(titles.includes(`Tag “331 games” as ${t}`), titles.join('\n'));
  assert.ok(titles.includes('Add a comment to “331 games”…'));
  await run(actions.find((a) => a.title === 'Tag “331 games” as false')!);
  const { sidecar } = file('tagged.txt');
  assert.ok(existsSync(sidecar));
  const json = readFileSync(sidecar, 'utf8');
  const page = JSON.parse(json);
  assert.equal(page['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(page.type, 'AnnotationPage');
  const read = readSidecar(json);
  assert.deepEqual(read.problems, [], 'the sidecar is valid against schemas/annotations.schema.json');
  const a = page.items[0];
  assert.match(a.id, /^urn:uuid:[0-9a-f-]{36}$/);
  assert.equal(a.type, 'Annotation');
  assert.equal(a.motivation, 'assessing');
  assert.match(a.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  assert.deepEqual(a.creator, { type: 'Person', name: 'Protocol Tester' });
  assert.equal(a.target.source, 'tagged.txt');
  assert.deepEqual(a.target.selector[0], { type: 'TextQuoteSelector', exact: '331 games', prefix: TEXT.slice(TEXT.indexOf('331 games') - 32, TEXT.indexOf('331 games')), suffix: ' for the club. He scored 31 goal' });
  assert.deepEqual(a.target.selector[1], { type: 'TextPositionSelector', start: TEXT.indexOf('331 games'), end: TEXT.indexOf('331 games') + 9 });
  assert.equal(tagView(read.annotations[0]!).rating, 'false');

  // Shown in the hover and as an inlay hint; the actions now offer to change or remove it.
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(TEXT, '331', 1) });
  assert.match(JSON.stringify(hover?.contents), /Tag:\*\* ✗ false — by Protocol Tester/);
  assert.deepEqual(await hintsOf(uri, TEXT), [{ label: '✗ false', ...at(TEXT, '331 games', 9) }]);
  const again = (await actionsAt(uri, TEXT, '331 games')).map((a) => a.title);
  assert.ok(again.includes('Change the tag on “331 games” from false to verified'), again.join('\n'));
  assert.ok(again.includes('Remove the tag “false” from “331 games”'));
});

test('two tags added at once both survive', async () => {
  const uri = file('tagged.txt').uri;
  const goals = (await actionsAt(uri, TEXT, '31 goals')).find((a) => a.title === 'Tag “31 goals” as verified')!;
  const moved = (await actionsAt(uri, TEXT, 'moved to Manchester United')).find((a) => a.title.endsWith('as needs source'))!;
  await Promise.all([run(goals), run(moved)]);
  const read = readSidecar(readFileSync(file('tagged.txt').sidecar, 'utf8'));
  assert.deepEqual(read.annotations.map((a) => tagView(a).rating).sort(), ['false', 'needs-source', 'verified']);
});

test('an edit in the editor moves the anchor exactly, and saving stores the new place', async () => {
  const uri = file('tagged.txt').uri;
  const insert = 'The Brazilian midfielder ';
  // Insert at the start of line 3 (before "Casemiro").
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: insert }],
  });
  const edited = TEXT.replace('Casemiro spent', `${insert}Casemiro spent`);
  const hints = await waitFor(() => hintsOf(uri, edited), (h) => h.some((x) => x.label === '✗ false'));
  assert.deepEqual(hints.find((h) => h.label === '✗ false'), { label: '✗ false', ...at(edited, '331 games', 9) });
  writeFileSync(file('tagged.txt').path, edited);
  await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  const stored = await waitFor(
    async () => JSON.parse(readFileSync(file('tagged.txt').sidecar, 'utf8')),
    (page) => page.items.some((a: { target: { selector: { start?: number }[] } }) => a.target.selector[1]!.start === edited.indexOf('331 games')),
  );
  assert.equal(stored.items.length, 3);
});

test('deleting the claim’s text makes the tag an orphan: a warning at the top, kept in the sidecar', async () => {
  const uri = file('tagged.txt').uri;
  const edited = TEXT.replace('Casemiro spent', 'The Brazilian midfielder Casemiro spent');
  const start = at(edited, '331 games');
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 9 } }, text: '' }],
  });
  const items = await waitFor(() => diagnostics(uri), (d) => d.some((x) => String(x.code).includes('orphan')));
  const orphan = items.find((x) => String(x.code).includes('orphan'))!;
  assert.equal(orphan.severity, 2);
  assert.equal(orphan.range.start.line, 0);
  assert.match(typeof orphan.message === 'string' ? orphan.message : orphan.message.value, /“331 games”/);
  assert.equal(readSidecar(readFileSync(file('tagged.txt').sidecar, 'utf8')).annotations.length, 3, 'never dropped');
  const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: orphan.range, context: { diagnostics: [orphan] } });
  assert.ok((actions as CodeAction[]).some((a) => a.title.startsWith('Delete the orphaned tag on “331 games”')));
  // Undo: the text comes back and so does the tag.
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 4 },
    contentChanges: [{ range: { start, end: start }, text: '331 games' }],
  });
  await waitFor(() => diagnostics(uri), (d) => !d.some((x) => String(x.code).includes('orphan')));
});

test('the correct-the-figure quick fix stays first, before the tag actions', async () => {
  const text = 'date 2024-04-19\nCasemiro played 300 games for Real Madrid.';
  const uri = await open('wrong.txt', text);
  const items = await waitFor(() => diagnostics(uri), (d) => d.some((x) => x.code === 'kb-mismatch'));
  const d = items.find((x) => x.code === 'kb-mismatch')!;
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  assert.match(actions[0]!.title, /^Replace with 331/);
  assert.ok(actions.slice(1).some((a) => a.title === 'Tag “300 games” as false'));
});

test('an edit made on disk re-anchors the tags of a closed article', async () => {
  const uri = file('tagged.txt').uri;
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  const onDisk = TEXT.replace('Casemiro spent almost a decade', 'After nine seasons, Casemiro, who spent almost a decade').replace('played 331 games', 'played, by the club’s count, 331 games');
  writeFileSync(file('tagged.txt').path, onDisk);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
  const entries = await waitFor(
    async () => {
      const result = await server.connection.sendRequest('touchline/claims', { uri, categories: ['false'] });
      return (result as { entries: { label: string; target: { range: { start: { line: number; character: number } } } }[] }).entries;
    },
    (e) => e.length === 1 && e[0]!.target.range.start.character === at(onDisk, '331 games').character,
  );
  assert.equal(entries[0]!.label, '331 games');
  const articles = (await server.connection.sendRequest('touchline/claims', { categories: ['false', 'verified'] })) as { articles: { name: string; shown: number }[] };
  assert.deepEqual(articles.articles.find((a) => a.name === 'tagged.txt')?.shown, 2);
});

test('a malformed sidecar is reported with line and column and never written', async () => {
  const uri = await open('broken.txt', TEXT);
  const { sidecar } = file('broken.txt');
  const broken = '{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "items": [ oops ]\n}\n';
  writeFileSync(sidecar, broken);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(sidecar).href, type: FileChangeType.Created }] });
  const items = await waitFor(() => diagnostics(uri), (d) => d.some((x) => x.code === 'annotation-file'));
  const problem = items.find((x) => x.code === 'annotation-file')!.message;
  assert.match(typeof problem === 'string' ? problem : problem.value, /line 3, column \d+/);
  const pushed = await waitFor(async () => published.get(pathToFileURL(sidecar).href), (p) => p !== undefined && p.diagnostics.length > 0);
  assert.equal(pushed!.diagnostics[0]!.range.start.line, 2);
  const action = (await actionsAt(uri, TEXT, '331 games')).find((a) => a.title === 'Tag “331 games” as false')!;
  messages.length = 0;
  await run(action);
  assert.equal(readFileSync(sidecar, 'utf8'), broken);
  await waitFor(async () => messages.join('\n'), (m) => /broken\.txt\.annotations\.json has problems/.test(m));
});
