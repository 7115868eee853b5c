/**
 * Hostile files through the real bundled server over stdio: an article over the size limit,
 * a binary file, a burst of edits with requests in between (answers must describe the
 * version they were asked about), cancelled requests, broken and truncated knowledge-base
 * files, and a knowledge-base file that cannot be read. Each server is watched for what must
 * never happen: exiting, or logging that it could not answer.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  SemanticTokensRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import type { AnalysisContext } from '../../server/src/core/context';
import { LineIndex } from '../../server/src/core/positions';
import { loadKnowledge } from '../../server/src/host/knowledgeBase';
import { FuzzClient, REQUEST_CANCELLED, type ArticleStatus } from '../../scripts/fuzz/client';
import { burst } from '../../scripts/fuzz/burst';
import { checkRange, decodeTokens, DocumentLines, Violations } from '../../scripts/fuzz/invariants';
import { waitFor } from './lspClient';

const sample = readFileSync(resolve(__dirname, '../../samples/000_691f7d17e64d9296.txt'), 'utf8');

/** A client whose server must end the suite alive, having logged no error. */
async function startClient(settings: Record<string, unknown>): Promise<FuzzClient> {
  const client = new FuzzClient(settings);
  await client.initialize();
  await client.ready();
  return client;
}

async function stopClient(client: FuzzClient): Promise<void> {
  const problems = [...client.problems];
  const exited = client.exited ? client.crashReport() : undefined;
  const clean = await client.stop();
  assert.equal(exited, undefined);
  assert.deepEqual(problems, [], 'the server logged no error');
  assert.ok(clean, 'the server exits after shutdown and exit');
}

const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

async function open(client: FuzzClient, name: string, text: string, languageId = 'sports-article'): Promise<string> {
  const uri = `${client.folderUri}/${name}`;
  await client.server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

/** The status notification for `uri` at `version`, waited for. */
async function statusOf(client: FuzzClient, uri: string, version: number): Promise<ArticleStatus> {
  return waitFor(
    async () => client.status.get(uri),
    (s) => s !== undefined && s.version === version,
  ) as Promise<ArticleStatus>;
}

describe('an article over touchline.limits.maxFileSizeMB', () => {
  let client: FuzzClient;
  const limitMB = 0.01;
  const maxChars = Math.floor(limitMB * 1024 * 1024);
  before(async () => {
    client = await startClient({ limits: { maxFileSizeMB: limitMB } });
  });
  after(() => stopClient(client));

  test('is analysed up to the limit, and the status notification says where it stopped', async () => {
    const text = `${sample}\n\n`.repeat(Math.ceil((3 * maxChars) / sample.length));
    const uri = await open(client, 'big.txt', text);
    const status = await statusOf(client, uri, 1);
    assert.equal(status.truncatedAt, maxChars);
    const tokens = await client.server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const v = new Violations();
    const lines = new DocumentLines(text);
    const decoded = decodeTokens(v, lines, tokens!.data, client.init.capabilities.semanticTokensProvider!.legend);
    assert.deepEqual(v.list, []);
    assert.ok(decoded.length > 0, 'the part before the limit is analysed');
    const cut = new LineIndex(text).positionAt(maxChars);
    for (const t of decoded) assert.ok(t.line < cut.line || (t.line === cut.line && t.character + t.length <= cut.character), `token at ${t.line}:${t.character} lies before the cut`);
  });

  test('an article under the limit has no truncatedAt', async () => {
    const uri = await open(client, 'small.txt', sample.slice(0, maxChars - 10));
    const status = await statusOf(client, uri, 1);
    assert.equal(status.truncatedAt, undefined);
  });
});

describe('hostile content', () => {
  let client: FuzzClient;
  before(async () => {
    client = await startClient({});
  });
  after(() => stopClient(client));

  test('a binary-looking document (NUL bytes, random bytes as Latin-1) is answered without a crash', async () => {
    let seed = 7;
    const bytes = Array.from({ length: 64 * 1024 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const text = `\u0000\u0000PK\u0003\u0004${String.fromCharCode(...bytes.slice(0, 60_000))}\u0000${sample}`;
    const uri = await open(client, 'binary.txt', text);
    const lines = new DocumentLines(text);
    const v = new Violations();
    const legend = client.init.capabilities.semanticTokensProvider!.legend;
    const c = client.server.connection;
    decodeTokens(v, lines, (await c.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!.data, legend);
    const report = await c.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    for (const d of report.kind === 'full' ? report.items : []) checkRange(v, 'diagnostic', lines, d.range);
    for (let line = 0; line < lines.lineCount; line += Math.max(1, lines.lineCount >> 4)) {
      const h = await c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 3 } });
      if (h?.range) checkRange(v, 'hover', lines, h.range);
    }
    await c.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.deepEqual(v.list, []);
  });

  test('a 2 MB single line is answered within the time budget', async () => {
    const unit = 'Casemiro said “Real Madrid” was great in Madrid on 21 April 2024 and Ancelotti agreed ';
    const text = unit.repeat(Math.ceil((2 << 20) / unit.length));
    const uri = await open(client, 'one-line.txt', text);
    const t0 = performance.now();
    const tokens = await client.server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    const ms = performance.now() - t0;
    assert.ok(tokens!.data.length > 0);
    assert.ok(ms < 20_000, `${ms.toFixed(0)} ms for the first answer on 2 MB`);
    const t1 = performance.now();
    await client.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1_000_000 } });
    assert.ok(performance.now() - t1 < 2_000, 'later requests read the cached analysis');
    await client.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  });
});

describe('a burst of edits with requests in between', () => {
  let client: FuzzClient;
  let context: AnalysisContext;
  before(async () => {
    client = await startClient({});
    context = (await loadKnowledge()).context;
  });
  after(() => stopClient(client));

  test('never answers for another version: tokens, hovers and diagnostics asked after version N describe version N', async () => {
    const uri = await open(client, 'burst.txt', sample);
    await statusOf(client, uri, 1);
    assert.deepEqual(await burst(client, context, uri, sample, 2, 50), []);
    assert.equal((await statusOf(client, uri, 50)).version, 50);
  });

  test('found by this suite: a burst right after opening, while the settings are still being fetched, answers for each version too', async () => {
    const uri = await open(client, 'burst-at-open.txt', sample);
    assert.deepEqual(await burst(client, context, uri, sample, 2, 20), []);
  });

  test('a cancelled request answers at once, with an empty result or RequestCancelled', async () => {
    const big = `${sample}\n\n`.repeat(60);
    const uri = await open(client, 'cancel.txt', big);
    for (let round = 0; round < 5; round++) {
      const version = round + 2;
      await client.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Casemiro. ' }],
      });
      const requests = [
        client.request(SemanticTokensRequest.type, { textDocument: { uri } }, { hardTimeoutMs: 10_000, cancelAfterSend: true }),
        client.request(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } }, { hardTimeoutMs: 10_000, cancelAfterSend: true }),
        client.request(DocumentDiagnosticRequest.type, { textDocument: { uri } }, { hardTimeoutMs: 10_000, cancelAfterSend: true }),
        client.request(DocumentSymbolRequest.type, { textDocument: { uri } }, { hardTimeoutMs: 10_000, cancelAfterSend: true }),
      ];
      for (const r of await Promise.all(requests)) {
        assert.equal(r.timedOut, false, 'a cancelled request is answered');
        if (r.error) assert.equal((r.error as { code?: number }).code, REQUEST_CANCELLED, r.error.message);
      }
    }
  });
});

describe('knowledge-base files', () => {
  let client: FuzzClient;
  // An unreadable file (permissions; root reads anything, so also a directory named like a file),
  // named in touchline.knowledgeBase.paths.
  const outside = mkdtempSync(join(tmpdir(), 'touchline-locked-'));
  const unreadable = join(outside, 'locked.kb.yaml');
  const directory = join(outside, 'folder.kb.yaml');
  before(async () => {
    writeFileSync(unreadable, 'entities: []\n');
    chmodSync(unreadable, 0o000);
    mkdirSync(directory);
    const paths = [unreadable, directory];
    client = new FuzzClient({ knowledgeBase: { paths } });
    // Settings by section, as an editor answers them.
    client.server.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => (item.section === 'touchline.knowledgeBase.paths' ? paths : item.section === 'touchline' ? client.server.settings : null)),
    );
    await client.initialize();
    await client.ready();
  });
  after(async () => {
    await stopClient(client);
    rmSync(outside, { recursive: true, force: true });
  });

  const diagnostics = async (uri: string, accept: (items: Diagnostic[]) => boolean = (items) => items.length > 0): Promise<Diagnostic[]> => {
    const report = await waitFor(
      () => client.server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
      (r) => r.kind === 'full' && accept(r.items),
    );
    return report.kind === 'full' ? report.items : [];
  };

  test('a malformed file opened in the editor gets located diagnostics', async () => {
    const text = 'entities:\n  - id: casemiro-2\n    type: person\n    name: [Casemiro\n    nationality: brazil\n';
    const uri = await open(client, 'broken.kb.yaml', text, 'yaml');
    const items = await diagnostics(uri);
    const lines = new DocumentLines(text);
    const v = new Violations();
    for (const d of items) checkRange(v, 'kb diagnostic', lines, d.range);
    assert.deepEqual(v.list, []);
    assert.ok(items.some((d) => d.severity === 1 && d.range.start.line >= 3), `an error located at the unclosed bracket or after it: ${JSON.stringify(items)}`);
  });

  test('a file truncated in the middle of a write gets located diagnostics, and articles are still analysed', async () => {
    const whole = readFileSync(resolve(__dirname, '../../samples/example.kb.yaml'), 'utf8');
    for (const fraction of [0.37, 0.61, 0.88]) {
      // Cut inside a line, as a crash during a save would.
      const cut = whole.indexOf('\n', Math.floor(whole.length * fraction)) - 3;
      const text = whole.slice(0, cut);
      const uri = await open(client, `truncated-${fraction}.kb.yaml`, text, 'yaml');
      const items = await diagnostics(uri, () => true);
      const lines = new DocumentLines(text);
      const v = new Violations();
      for (const d of items) checkRange(v, 'kb diagnostic', lines, d.range);
      assert.deepEqual(v.list, []);
      await client.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    const article = await open(client, 'article.txt', sample);
    const line = sample.split('\n').findIndex((l) => l.includes('Casemiro'));
    const hover = await client.server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: article }, position: { line, character: sample.split('\n')[line]!.indexOf('Casemiro') + 2 } });
    assert.match(JSON.stringify(hover?.contents ?? ''), /Casemiro/);
  });

  test('a knowledge-base file that cannot be read gets a diagnostic that says so', async () => {
    const uri = pathToFileURL(directory).href;
    const items = await diagnostics(uri);
    assert.match(messageOf(items[0]!), /cannot read/i);
    assert.match(messageOf(items[0]!), /EISDIR|directory/i);
    if (process.getuid?.() !== 0) {
      const locked = await diagnostics(pathToFileURL(unreadable).href);
      assert.match(messageOf(locked[0]!), /cannot read/i);
    }
  });
});

