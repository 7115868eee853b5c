/** The shape of a consistency rule: data that settings and SARIF read, plus a check. */
import type { Finding, Severity } from '../findings';
import type { Article } from '../model';
import type { CheckEnvironment } from './environment';

export interface RuleMeta {
  /** Stable id: the diagnostic code, the key in settings and `touchline.json`. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line saying what the rule reports, for SARIF and documentation. */
  readonly description: string;
}

export interface Rule extends RuleMeta {
  /** Findings with the rule's default severity; the runner applies overrides. */
  check(article: Article, env: CheckEnvironment): Finding[];
}
