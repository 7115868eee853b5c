import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { DiagnosticResults } from '../../server/src/lsp/diagnosticResults';

function diagnostic(value: number, related = 'file:///b.txt'): Diagnostic {
  return {
    range: { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } },
    severity: DiagnosticSeverity.Warning,
    code: 'kb-mismatch',
    source: 'touchline',
    message: 'The knowledge base says 331; the article says 300.',
    data: { claim: { value, qualifiers: { team: 'Real Madrid', role: null } }, facts: [{ value: 331, sources: ['a', 'b'] }] },
    relatedInformation: [{ location: { uri: related, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } }, message: 'here' }],
  };
}

test('the same diagnostics, built anew, are answered "unchanged"', () => {
  const results = new DiagnosticResults();
  const first = results.report('file:///a.txt', [diagnostic(300)], undefined);
  assert.equal(first.kind, 'full');
  const again = results.report('file:///a.txt', [diagnostic(300)], first.resultId);
  assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
});

test('a change deep inside a diagnostic, or a stale id, gives a full report', () => {
  const results = new DiagnosticResults();
  const first = results.report('file:///a.txt', [diagnostic(300)], undefined);
  assert.equal(results.report('file:///a.txt', [diagnostic(301)], first.resultId).kind, 'full');
  const second = results.report('file:///a.txt', [diagnostic(301)], undefined);
  assert.equal(results.report('file:///a.txt', [diagnostic(301, 'file:///c.txt')], second.resultId).kind, 'full');
  const third = results.report('file:///a.txt', [diagnostic(301)], undefined);
  assert.equal(results.report('file:///a.txt', [diagnostic(301), diagnostic(301)], third.resultId).kind, 'full');
  assert.equal(results.report('file:///a.txt', [diagnostic(301)], 'stale').kind, 'full');
  const withoutData = { ...diagnostic(301), data: undefined };
  const fourth = results.report('file:///a.txt', [diagnostic(301)], undefined);
  assert.equal(results.report('file:///a.txt', [withoutData], fourth.resultId).kind, 'full');
});
