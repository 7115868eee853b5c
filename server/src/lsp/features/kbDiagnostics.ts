/** Diagnostics of knowledge-base files, with line and column from the loader's spans. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { LineIndex } from '../../core/positions';
import { toRange } from '../convert';
import type { KnowledgeState } from '../knowledge';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

export function kbDiagnostics(uri: string, knowledge: KnowledgeState): Diagnostic[] {
  const found = knowledge.diagnostics.get(uri) ?? [];
  const lines = new LineIndex(knowledge.texts.get(uri) ?? '');
  return found.map((d) => {
    const related = (d.related ?? []).flatMap((r) => {
      const text = knowledge.texts.get(r.file);
      return text === undefined ? [] : [{ location: { uri: r.file, range: toRange(new LineIndex(text), r.span) }, message: r.message }];
    });
    return {
      range: toRange(lines, d.span),
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'touchline',
      message: d.message,
      ...(related.length > 0 ? { relatedInformation: related } : {}),
    };
  });
}
