/**
 * Fuzzing the real bundled server over stdio. Each case opens a document (generated or a
 * mutated article), then sends a random mix of incremental edits and requests — hover at
 * random positions, semantic tokens (full and range), pull diagnostics, document symbols,
 * code actions, references, definition, workspace symbols — some of them cancelled at once.
 * The client keeps its own copy of the document and checks every answer against it:
 * positions inside the document and on code-point boundaries, tokens that decode to sorted,
 * non-overlapping, in-line tokens. Every request must answer within a budget; the server
 * must never exit or log an error. Now and then a mutated knowledge-base file is opened too.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type LocationLink,
  type Position,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { FuzzClient, REQUEST_CANCELLED, type Timed } from './client';
import { makeDocument } from './documents';
import { fragment, hugeDocuments } from './generate';
import { checkRange, decodeTokens, DocumentLines, splitsPair, Violations } from './invariants';
import { knownIssue } from './known';
import { mutate } from './mutate';
import { formatFailure, saveFailure, type Failure } from './report';
import { Rng } from './rng';
import { seedArticles, seedKbFiles, type SeedText } from './seeds';
import type { CoreOptions } from './core';

/** The server run takes the same options as the core run. */
export type ServerOptions = CoreOptions;

export interface ServerReport {
  readonly documents: number;
  readonly requests: number;
  readonly edits: number;
  readonly chars: number;
  readonly ms: number;
  readonly failures: Failure[];
  readonly slowest: { ms: number; method: string; chars: number };
  readonly known: Map<string, number>;
  readonly cleanExit: boolean;
  /** From spawning the server to its first index being built. */
  readonly startupMs: number;
}

/** Size limit the fuzz server runs with, so the 2 MB documents are cut. */
export const FUZZ_MAX_FILE_MB = 1;
const MAX_CHARS = Math.floor(FUZZ_MAX_FILE_MB * 1024 * 1024);

/** Time allowed for one request: 2 s for normal documents, more for megabyte-sized ones. */
export function requestBudgetMs(chars: number): number {
  return chars <= 256 * 1024 ? 2000 : 2000 + (Math.min(chars, MAX_CHARS) / 1e6) * 8000;
}

/** Stream of the server cases' random generators, apart from the core's. */
const STREAM = 0x5e000000;

export async function runServerFuzz(options: ServerOptions): Promise<ServerReport> {
  const log = options.log ?? (() => undefined);
  const { texts: seeds } = seedArticles({ corpus: options.corpus ?? true });
  const kbSeeds = seedKbFiles();
  const client = new FuzzClient({ language: 'auto', limits: { maxFileSizeMB: FUZZ_MAX_FILE_MB } });
  const t0 = performance.now();
  await client.initialize();
  await client.ready();
  const startupMs = performance.now() - t0;
  const legend = client.init.capabilities.semanticTokensProvider!.legend;
  const started = performance.now();
  const failures: Failure[] = [];
  const known = new Map<string, number>();
  const stats = { documents: 0, requests: 0, edits: 0, chars: 0, slowest: { ms: 0, method: '', chars: 0 } };
  /** Open documents by URI: the client's copy. */
  const open = new Map<string, TextDocument>();

  const runCase = async (index: number, rng: Rng, text: string, origin: string, kb: boolean, huge = false): Promise<void> => {
    const ext = kb ? (rng.chance(0.8) ? '.kb.yaml' : '.kb.json') : '.txt';
    const uri = `${client.folderUri}/case-${index}${ext}`;
    let doc = TextDocument.create(uri, 'sports-article', 1, text);
    const v = new Violations(options.strict ? undefined : (m) => knownIssue(m, doc.getText())?.id);
    const original = text;
    open.set(uri, doc);
    await client.server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: kb ? 'yaml' : 'sports-article', version: 1, text } });

    const timed = async <R>(method: string, send: (cancel: boolean) => Promise<Timed<R>>): Promise<R | undefined> => {
      const cancel = rng.chance(0.05);
      const r = await send(cancel);
      stats.requests++;
      const chars = doc.getText().length;
      const budget = requestBudgetMs(chars) * (kb ? 3 : 1);
      if (r.ms > stats.slowest.ms) stats.slowest = { ms: r.ms, method, chars };
      if (process.env.FUZZ_TRACE && r.ms > 300) log(`  slow-ish: case ${index} ${method} ${r.ms.toFixed(0)} ms, ${chars} chars${kb ? ' (kb)' : ''}`);
      if (r.timedOut) {
        v.add('hang', `${method} did not answer within ${(r.ms / 1000).toFixed(0)} s (version ${doc.version}, ${chars} chars)`);
        return undefined;
      }
      if (r.ms > budget) v.add('slow', `${method} took ${r.ms.toFixed(0)} ms (budget ${budget.toFixed(0)} ms, ${chars} chars)`);
      if (r.error) {
        const code = (r.error as { code?: number }).code;
        if (!(cancel && code === REQUEST_CANCELLED)) v.add('error', `${method} answered an error: ${code} ${r.error.message.slice(0, 200)}`);
        return undefined;
      }
      return r.result;
    };
    /** The last diagnostics pulled, sent back with code-action requests as an editor does. */
    let lastDiagnostics: Diagnostic[] = [];
    const hard = (): number => Math.max(30_000, 5 * requestBudgetMs(doc.getText().length));
    const tdoc = { uri };

    // A megabyte-sized document gets one of each main request and one edit: each analysis takes seconds.
    const hugeOps = ['tokens', 'hover', 'tokens-range', 'diagnostics', 'symbols', 'edit', 'tokens', 'hover'];
    const ops = huge ? hugeOps.length : kb ? rng.range(1, 4) : rng.range(3, 14);
    /** The text the first violation was found in (edits may follow it). */
    let violationText: string | undefined;
    for (let k = 0; k < ops && !client.exited; k++) {
      if (violationText === undefined && !v.ok) violationText = doc.getText();
      const lines = new DocumentLines(doc.getText());
      const op = huge
        ? hugeOps[k]!
        : kb
        ? rng.weighted<string>([[2, 'edit'], [3, 'diagnostics'], [1, 'hover']])
        : rng.weighted<string>([[5, 'edit'], [4, 'hover'], [3, 'tokens'], [2, 'tokens-range'], [3, 'diagnostics'], [2, 'symbols'], [1, 'code-actions'], [1, 'references'], [1, 'definition'], [1, 'workspace-symbols']]);
      switch (op) {
        case 'edit': {
          const changes = randomChanges(rng, doc);
          doc = TextDocument.update(doc, changes, doc.version + 1);
          open.set(uri, doc);
          stats.edits++;
          await client.server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: changes });
          break;
        }
        case 'hover': {
          const position = randomPosition(rng, doc, lines);
          const h = await timed('hover', (cancel) => client.request(HoverRequest.type, { textDocument: tdoc, position }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }));
          if (h?.range) {
            checkRange(v, 'hover.range', lines, h.range);
            if (inside(position, lines) && !contains(h.range, position)) v.add('hover.range', `hover at ${position.line}:${position.character} describes ${JSON.stringify(h.range)}`);
          }
          break;
        }
        case 'tokens': {
          const t = await timed('semanticTokens/full', (cancel) => client.request(SemanticTokensRequest.type, { textDocument: tdoc }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }));
          if (t) decodeTokens(v, lines, t.data, legend);
          break;
        }
        case 'tokens-range': {
          const range = randomRange(rng, doc);
          const t = await timed('semanticTokens/range', (cancel) => client.request(SemanticTokensRangeRequest.type, { textDocument: tdoc, range }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }));
          if (t) decodeTokens(v, lines, t.data, legend, range);
          break;
        }
        case 'diagnostics': {
          const report = await timed('diagnostic', (cancel) => client.request(DocumentDiagnosticRequest.type, { textDocument: tdoc }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }));
          if (report && report.kind === 'full') {
            checkDiagnostics(v, lines, report.items, uri, open);
            lastDiagnostics = report.items;
          }
          break;
        }
        case 'symbols': {
          const symbols = await timed('documentSymbol', (cancel) => client.request(DocumentSymbolRequest.type, { textDocument: tdoc }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }));
          if (symbols) checkSymbols(v, lines, symbols as (DocumentSymbol | SymbolInformation)[]);
          break;
        }
        case 'code-actions': {
          // On a diagnostic (as the light bulb asks), or anywhere; the diagnostics may be from an older version.
          const on = lastDiagnostics.length > 0 && rng.chance(0.7) ? rng.pick(lastDiagnostics) : undefined;
          const range = on ? on.range : randomRange(rng, doc);
          const actions = await timed('codeAction', (cancel) =>
            client.request(CodeActionRequest.type, { textDocument: tdoc, range, context: { diagnostics: on ? [on] : lastDiagnostics.slice(0, 3) } }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }),
          );
          for (const a of actions ?? []) {
            if (!a.title) v.add('codeAction', 'an action without a title');
            const edit = 'edit' in a ? a.edit : undefined;
            const edits: [string, { range: Range }[]][] = Object.entries(edit?.changes ?? {});
            for (const change of edit?.documentChanges ?? []) if ('textDocument' in change) edits.push([change.textDocument.uri, change.edits]);
            for (const [u, list] of edits) {
              // Edits to this document must fit its current text; other files (sidecars) are not open.
              const target = open.get(u);
              if (target) for (const e of list) checkRange(v, 'codeAction.edit', new DocumentLines(target.getText()), e.range);
            }
          }
          break;
        }
        case 'references': {
          const position = randomPosition(rng, doc, lines);
          const refs = await timed('references', (cancel) =>
            client.request(ReferencesRequest.type, { textDocument: tdoc, position, context: { includeDeclaration: rng.chance(0.5) } }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }),
          );
          checkLocations(v, 'references', refs ?? [], open);
          break;
        }
        case 'definition': {
          const position = randomPosition(rng, doc, lines);
          const def = await timed('definition', (cancel) => client.request(DefinitionRequest.type, { textDocument: tdoc, position }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }));
          const list = def === null || def === undefined ? [] : Array.isArray(def) ? def : [def];
          checkLocations(v, 'definition', list as (Location | LocationLink)[], open);
          break;
        }
        case 'workspace-symbols': {
          const query = rng.pick(['', 'a', 'Anc', 'real', '\ud800', '😀', 'zzzz', doc.getText().slice(0, 3)]);
          const symbols = await timed('workspace/symbol', (cancel) => client.request(WorkspaceSymbolRequest.type, { query }, { hardTimeoutMs: hard(), cancelAfterSend: cancel }));
          checkLocations(v, 'workspace/symbol', (symbols ?? []).flatMap((s) => ('range' in s.location ? [s.location as Location] : [])), open);
          break;
        }
      }
    }
    // The status bar's notification for the current version says whether the text was cut.
    const status = client.status.get(uri);
    if (!kb && status && status.version === doc.version) {
      const over = doc.getText().length > MAX_CHARS;
      if (over !== (status.truncatedAt !== undefined)) v.add('status', `truncatedAt=${status.truncatedAt} for ${doc.getText().length} chars (limit ${MAX_CHARS})`);
    }
    // Keep a few documents open so cross-document features have something to read.
    if (kb || open.size > 3 || rng.chance(0.5)) {
      const closing = kb ? uri : [...open.keys()][0]!;
      open.delete(closing);
      await client.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closing } });
    }
    if (client.exited) v.add('crash', client.crashReport());
    if (client.problems.length > 0) {
      for (const p of client.problems.splice(0)) v.add('server log', p);
    }
    for (const id of v.known) known.set(id, (known.get(id) ?? 0) + 1);
    stats.documents++;
    stats.chars += original.length;
    if (!v.ok) {
      const f = saveFailure({ target: 'server', seed: options.seed, case: index, origin, messages: v.list }, original, { violationText: violationText ?? doc.getText(), finalText: doc.getText(), kb });
      failures.push(f);
      log(formatFailure(f));
    }
  };

  const cases = options.only !== undefined ? [options.only] : Array.from({ length: options.count }, (_, i) => i);
  for (const i of cases) {
    if (client.exited) break;
    if (options.timeBudgetMs !== undefined && performance.now() - started > options.timeBudgetMs) break;
    const rng = new Rng(options.seed, STREAM + i);
    const kb = i % 40 === 17 && kbSeeds.length > 0;
    const doc = kb ? kbDocument(rng, kbSeeds) : makeDocument(rng, seeds);
    await runCase(i, rng, doc.text, doc.origin, kb);
    if (stats.documents % 500 === 0) log(`  server: ${stats.documents} documents, ${stats.requests} requests, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  if (options.huge && options.only === undefined && !client.exited) {
    const rng = new Rng(options.seed, STREAM - 1);
    const wanted = /2MB single line of prose|unterminated “ quotes \(words\)|unterminated " quotes \(no spaces\)|nested|numbers and dates|NUL|lone surrogates|CR$|combining/;
    const huge = hugeDocuments(rng).filter((h) => wanted.test(h.name));
    for (let k = 0; k < huge.length && !client.exited; k++) {
      log(`  server: huge document ${k + 1}/${huge.length}: ${huge[k]!.name}`);
      await runCase(-1 - k, rng, huge[k]!.text, `huge: ${huge[k]!.name}`, false, true);
    }
  }
  const cleanExit = await client.stop();
  if (!cleanExit && !client.exited) failures.push({ target: 'server', seed: options.seed, case: -1000, origin: 'shutdown', messages: ['the server did not exit after shutdown and exit'] });
  return { ...stats, ms: performance.now() - started, failures, known, cleanExit, startupMs };
}

function kbDocument(rng: Rng, seeds: readonly SeedText[]): { text: string; origin: string } {
  const seed = rng.pick(seeds);
  const m = mutate(rng, seed.text);
  return { text: m.text, origin: `kb: ${seed.name} + ${m.steps.join(', ')}` };
}

/** One to three edits: insertions, deletions, replacements; sometimes the whole text. */
function randomChanges(rng: Rng, doc: TextDocument): TextDocumentContentChangeEvent[] {
  if (rng.chance(0.05)) return [{ text: mutate(rng, doc.getText()).text }];
  const out: TextDocumentContentChangeEvent[] = [];
  // `TextDocument.update` changes the document it is given: work on a copy.
  let current = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
  const n = rng.range(1, 3);
  for (let i = 0; i < n; i++) {
    const len = current.getText().length;
    const a = rng.int(len + 1);
    const b = Math.min(len, a + (rng.chance(0.5) ? 0 : rng.size(300)));
    const text = rng.weighted<() => string>([[5, () => fragment(rng)], [2, () => ''], [1, () => rng.pick(['\n', '\r\n', '\r', '\n\n'])], [1, () => fragment(rng).repeat(rng.range(2, 50))]])();
    const change = { range: { start: current.positionAt(a), end: current.positionAt(b) }, text };
    out.push(change);
    current = TextDocument.update(current, [change], current.version + 1);
  }
  return out;
}

/** A position in the document, or now and then one past a line's end or the last line. */
function randomPosition(rng: Rng, doc: TextDocument, lines: DocumentLines): Position {
  if (rng.chance(0.1)) {
    const line = rng.int(lines.lineCount + 2);
    return { line, character: rng.int(200) };
  }
  const offset = rng.int(doc.getText().length + 1);
  const p = doc.positionAt(offset);
  // Editors put the cursor on code-point boundaries.
  return splitsPair(doc.getText(), offset) ? doc.positionAt(offset - 1) : p;
}

function randomRange(rng: Rng, doc: TextDocument): Range {
  const text = doc.getText();
  const snap = (o: number): number => (splitsPair(text, o) ? o - 1 : o);
  const a = snap(rng.int(text.length + 1));
  const b = snap(rng.int(text.length + 1));
  return { start: doc.positionAt(Math.min(a, b)), end: doc.positionAt(Math.max(a, b)) };
}

function inside(p: Position, lines: DocumentLines): boolean {
  return p.line < lines.lineCount && p.character <= lines.lineLength(p.line);
}

function contains(r: Range, p: Position): boolean {
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(r.start, p) && before(p, r.end);
}

function checkDiagnostics(v: Violations, lines: DocumentLines, items: readonly Diagnostic[], uri: string, open: ReadonlyMap<string, TextDocument>): void {
  for (const d of items) {
    checkRange(v, 'diagnostic.range', lines, d.range);
    if (d.source !== 'touchline') v.add('diagnostic.source', String(d.source));
    if (typeof d.code !== 'string' || d.code === '') v.add('diagnostic.code', String(d.code));
    if (!d.message) v.add('diagnostic.message', `empty message at ${JSON.stringify(d.range.start)}`);
    for (const r of d.relatedInformation ?? []) {
      const other = r.location.uri === uri ? lines : open.has(r.location.uri) ? new DocumentLines(open.get(r.location.uri)!.getText()) : undefined;
      if (other) checkRange(v, 'diagnostic.related', other, r.location.range);
    }
  }
}

function checkSymbols(v: Violations, lines: DocumentLines, symbols: readonly (DocumentSymbol | SymbolInformation)[]): void {
  const walk = (list: readonly DocumentSymbol[]): void => {
    for (const s of list) {
      // VS Code rejects a symbol without a name or whose selection lies outside its range.
      if (!s.name) v.add('symbol.name', `empty name at ${JSON.stringify(s.range.start)}`);
      checkRange(v, 'symbol.range', lines, s.range);
      checkRange(v, 'symbol.selectionRange', lines, s.selectionRange);
      if (!contains(s.range, s.selectionRange.start) || !contains(s.range, s.selectionRange.end)) v.add('symbol.selectionRange', `${s.name}: selection outside the range`);
      if (s.children) walk(s.children);
    }
  };
  walk(symbols.filter((s): s is DocumentSymbol => 'selectionRange' in s));
  for (const s of symbols) if ('location' in s) checkRange(v, 'symbol.location', lines, s.location.range);
}

function checkLocations(v: Violations, kind: string, list: readonly (Location | LocationLink)[], open: ReadonlyMap<string, TextDocument>): void {
  for (const l of list) {
    const uri = 'targetUri' in l ? l.targetUri : l.uri;
    const range = 'targetUri' in l ? l.targetRange : l.range;
    const doc = open.get(uri);
    if (doc) checkRange(v, kind, new DocumentLines(doc.getText()), range);
    else if (!range || range.start.line < 0 || range.start.character < 0) v.add(kind, `bad range ${JSON.stringify(range)} in ${uri}`);
  }
}
