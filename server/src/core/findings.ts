/**
 * Findings: what the consistency rules report about an article. The LSP layer turns them
 * into diagnostics, the CLI into text, JSON or SARIF.
 */
import type { Span } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Another place a finding points at, such as the disagreeing claim in another article. */
export interface RelatedLocation extends Span {
  /** URI (editor) or path (CLI) of the other article; absent for a place in the same article. */
  readonly source?: string;
  readonly message: string;
}

export interface Finding extends Span {
  /** Rule id: stable, used in settings and as the diagnostic's `code`. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  /** What quick fixes need, so they are built without analysing again. */
  readonly data?: unknown;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** True when `severity` is at least as severe as `minimum`. */
export function atLeast(severity: Severity, minimum: Severity): boolean {
  return ORDER[severity] <= ORDER[minimum];
}
