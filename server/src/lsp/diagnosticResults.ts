/**
 * Result ids for pulled diagnostics. When a document's diagnostics are what the client last
 * received (the client names that answer's id), the answer says "unchanged" instead of
 * sending them again: a long article has hundreds, and most keystrokes change none of them.
 */
import { DocumentDiagnosticReportKind, type Diagnostic, type DocumentDiagnosticReport } from 'vscode-languageserver';

export class DiagnosticResults {
  private readonly last = new Map<string, { readonly id: string; readonly items: readonly Diagnostic[] }>();
  private counter = 0;

  /** The report for `uri`'s current diagnostics, given the id of the client's last report. */
  report(uri: string, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const last = this.last.get(uri);
    if (last && previousResultId === last.id && sameJson(last.items, items)) {
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

/**
 * Equality of two JSON-shaped values (what goes over the wire). Much faster than
 * `util.isDeepStrictEqual`, which also checks prototypes and property descriptors: on a long
 * article that check cost more than a millisecond per keystroke.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    if (!(key in y) || !sameJson(x[key], y[key])) return false;
  }
  for (const _ in y) keys--;
  return keys === 0;
}
