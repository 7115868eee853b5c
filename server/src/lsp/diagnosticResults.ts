/**
 * Result ids for pulled diagnostics. When a document's diagnostics are what the client last
 * received (the client names that answer's id), the answer says "unchanged" instead of
 * sending them again: a long article has hundreds, and most keystrokes change none of them.
 */
import { isDeepStrictEqual } from 'node:util';
import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';

export class DiagnosticResults {
  private readonly last = new Map<string, { readonly id: string; readonly items: readonly Diagnostic[] }>();
  private counter = 0;

  /** The report for `uri`'s current diagnostics, given the id of the client's last report. */
  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && previousResultId === last.id && isDeepStrictEqual(last.items, items)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.id };
    }
    const resultId = `${++this.counter}`;
    this.last.set(uri, { id: resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
