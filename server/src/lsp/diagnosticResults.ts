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
    if (last && previousResultId === last.id && sameDiagnostics(last.items, items)) {
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
 * Whether two lists of diagnostics would look the same on the wire. The fields every
 * diagnostic has are compared directly and the rest as JSON values: a long article has
 * hundreds of diagnostics, and `util.isDeepStrictEqual` (which also checks prototypes and
 * property descriptors) cost more than a millisecond per keystroke.
 */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    const p = x.range;
    const q = y.range;
    if (p.start.line !== q.start.line || p.start.character !== q.start.character || p.end.line !== q.end.line || p.end.character !== q.end.character) return false;
    if (x.severity !== y.severity || x.code !== y.code || x.source !== y.source || !sameJson(x.message, y.message)) return false;
    if (!sameJson(x.data, y.data) || !sameJson(x.relatedInformation, y.relatedInformation) || !sameJson(x.tags, y.tags)) return false;
    if (!sameJson(x.codeDescription, y.codeDescription)) return false;
  }
  return true;
}

/** Equality of two JSON-shaped values. */
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
