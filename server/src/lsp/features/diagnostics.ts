/** Diagnostics: the core's findings as LSP diagnostics with a stable code and source. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { runChecks, type CheckEnvironment, type RuleOverrides } from '../../core/checks';
import type { Finding, Severity } from '../../core/findings';
import { LineIndex } from '../../core/positions';
import type { Analysis } from '../analyses';
import { toRange } from '../convert';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Findings of an analysis, computed once per analysis and workspace revision (another
 * article's claims changing can change cross-article findings) and reused by code actions.
 */
const findingsCache = new WeakMap<Analysis, { revision: string; findings: Finding[] }>();

export function findingsOf(analysis: Analysis, overrides: RuleOverrides, env: CheckEnvironment, revision: string): Finding[] {
  const cached = findingsCache.get(analysis);
  if (cached && cached.revision === revision) return cached.findings;
  const findings = runChecks(analysis.article, overrides, env);
  findingsCache.set(analysis, { revision, findings });
  return findings;
}

/**
 * Convert findings. `linesOf` gives the line index of another article, for related
 * information (undefined when that article cannot be read).
 */
export function toDiagnostics(analysis: Analysis, findings: readonly Finding[], linesOf: (source: string) => LineIndex | undefined): Diagnostic[] {
  return findings.map((f) => {
    const related = (f.related ?? []).flatMap((r) => {
      const uri = r.source ?? analysis.uri;
      const lines = r.source === undefined ? analysis.lines : linesOf(r.source);
      return lines ? [{ location: { uri, range: toRange(lines, r) }, message: r.message }] : [];
    });
    return {
      range: toRange(analysis.lines, f),
      severity: SEVERITY[f.severity],
      code: f.rule,
      source: 'touchline',
      message: f.message,
      ...(related.length > 0 ? { relatedInformation: related } : {}),
      ...(f.data !== undefined ? { data: f.data } : {}),
    };
  });
}
