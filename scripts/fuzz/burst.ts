/**
 * A burst of edits with requests in between, for the protocol tests: the answers must
 * describe the version they were asked after. The server runs with default settings.
 */
import {
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type Diagnostic,
  type Range,
  type SemanticTokens,
} from 'vscode-languageserver-protocol/node';
import { analyzeArticle } from '../../server/src/core/analyze';
import type { AnalysisContext } from '../../server/src/core/context';
import { LineIndex } from '../../server/src/core/positions';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { semanticTokens as encodeTokens } from '../../server/src/lsp/features/semanticTokens';
import type { FuzzClient } from './client';
import { checkRange, decodeTokens, DocumentLines, Violations } from './invariants';

/**
 * Send versions `from`..`to` of a document quickly, each an insertion at its start (so every
 * version moves every token), with semantic-token, hover, diagnostic and range requests in
 * between; then check each answer against the version it was asked after. Returns the
 * problems found.
 */
export async function burst(client: FuzzClient, context: AnalysisContext, uri: string, initial: string, from: number, to: number): Promise<string[]> {
  const c = client.server.connection;
  const legend = client.init.capabilities.semanticTokensProvider!.legend;
  /** The tokens the server must give for `text`: the same core and encoder, in-process. */
  const expected = (version: number, text: string): string =>
    JSON.stringify(encodeTokens({ uri, version, article: analyzeArticle(text, DEFAULT_SETTINGS, context), lines: new LineIndex(text) }).data);
  let text = initial;
  const texts = new Map<number, string>([[from - 1, text]]);
  const pending: { version: number; kind: string; answer: Promise<unknown> }[] = [];
  const inserts = ['Casemiro said “yes”. ', 'Real Madrid won 3 games on 21 April 2024. ', '«No», ha detto Ancelotti. ', '\n\n', 'x'];
  for (let version = from; version <= to; version++) {
    const insert = inserts[version % inserts.length]!;
    text = insert + text;
    texts.set(version, text);
    void c.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }],
    });
    pending.push({ version, kind: 'tokens', answer: c.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }) });
    if (version % 3 === 0) pending.push({ version, kind: 'hover', answer: c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 5 } }) });
    if (version % 4 === 0) pending.push({ version, kind: 'diagnostics', answer: c.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }) });
    if (version % 5 === 0) {
      const range = { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } };
      pending.push({ version, kind: 'tokens-range', answer: c.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range }) });
    }
  }
  const problems: string[] = [];
  for (const p of pending) {
    const result = await p.answer;
    const versionText = texts.get(p.version)!;
    const lines = new DocumentLines(versionText);
    const v = new Violations();
    if (p.kind === 'tokens') {
      const data = JSON.stringify((result as SemanticTokens).data);
      decodeTokens(v, lines, (result as SemanticTokens).data, legend);
      if (data !== expected(p.version, versionText)) {
        const described = [...texts].find(([n, t]) => expected(n, t) === data)?.[0];
        problems.push(`tokens asked after version ${p.version} describe ${described === undefined ? 'no version' : `version ${described}`}`);
      }
    } else if (p.kind === 'tokens-range') {
      decodeTokens(v, lines, (result as SemanticTokens).data, legend);
    } else if (p.kind === 'hover') {
      const h = result as { range?: Range } | null;
      if (h?.range) checkRange(v, 'hover', lines, h.range);
    } else {
      for (const d of (result as { items: Diagnostic[] }).items) checkRange(v, 'diagnostic', lines, d.range);
    }
    problems.push(...v.list.map((m) => `${p.kind} after version ${p.version}: ${m}`));
  }
  return problems;
}
