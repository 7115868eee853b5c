/**
 * The consistency rules and the function that runs them. Rules are data (id, default
 * severity, message) plus a check; settings override severities by id.
 */
import type { Finding, Severity } from '../findings';
import type { Article } from '../model';
import { RULES } from './rules';
import type { CheckEnvironment } from './environment';

/** Severity overrides by rule id; `off` disables a rule. */
export type RuleOverrides = Readonly<Record<string, Severity | 'off'>>;

/** Run every enabled rule over an analysed article. Findings are sorted by position. */
export function runChecks(article: Article, overrides: RuleOverrides = {}, env: CheckEnvironment = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    const severity = overrides[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const f of rule.check(article, env)) out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export { RULES } from './rules';
export type { RuleMeta } from './rule';
export type { CheckEnvironment, ForeignClaim } from './environment';
