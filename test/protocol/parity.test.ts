import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { initializeWorkspace, startServer, waitFor, type TestServer } from './lspClient';

// One configuration, one analysis: `touchline check` and the editor report the same findings
// for the same articles and the same touchline.json.
const workspace = mkdtempSync(join(tmpdir(), 'touchline-parity-'));
const CLI = resolve(__dirname, '../../dist/cli.js');
let server: TestServer;

before(async () => {
  cpSync(resolve(__dirname, '../../samples'), workspace, { recursive: true });
  writeFileSync(join(workspace, 'touchline.json'), JSON.stringify({ rules: { 'unattributed-quote': 'warning' } }));
  writeFileSync(join(workspace, 'wrong.txt'), 'date 2024-04-19\nCasemiro played 300 games for Real Madrid. Hansi Flick watched.\n\n“We will fight until the very last minute of the season.”\n');
  writeFileSync(join(workspace, 'other.txt'), 'date 2024-05-01\nToni Kroos scored 28 goals for Real Madrid.\n');
  writeFileSync(join(workspace, 'same.txt'), 'date 2024-05-01\nToni Kroos scored 30 goals for Real Madrid.\n');
  server = startServer({});
  await initializeWorkspace(server, workspace);
});

after(async () => {
  await server.stop();
});

test('the CLI and the editor give the same findings', async () => {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--min-severity', 'hint'], { cwd: workspace, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exit 1: there are findings
  }
  const cli = new Set<string>();
  for (const f of JSON.parse(out).files as { file: string; findings: { rule: string; line: number; column: number }[] }[]) {
    for (const x of f.findings) cli.add(`${f.file.replace(/^\.\//, '').split('/').pop()}:${x.line}:${x.column}:${x.rule}`);
  }
  const editor = new Set<string>();
  for (const name of readdirSync(workspace).filter((f) => f.endsWith('.txt')).sort()) {
    const uri = pathToFileURL(join(workspace, name)).href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sports-article', version: 1, text: readFileSync(join(workspace, name), 'utf8') } });
  }
  // Cross-article findings need the whole workspace indexed: poll until they appear.
  await waitFor(async () => {
    editor.clear();
    for (const name of readdirSync(workspace).filter((f) => f.endsWith('.txt'))) {
      const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: pathToFileURL(join(workspace, name)).href } });
      for (const d of report.kind === 'full' ? report.items : []) editor.add(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1}:${String(d.code)}`);
    }
    return editor.size;
  }, () => [...cli].every((k) => editor.has(k)), 20_000).catch(() => undefined);
  assert.ok(cli.size >= 5, `the CLI found ${[...cli].join(', ')}`);
  assert.deepEqual([...editor].sort(), [...cli].sort());
});
