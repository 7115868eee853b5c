/** Which claims speak of the same thing: same subject, property and qualifiers (approximations aside). */
import type { Claim } from '../model';

export function claimKey(claim: Claim): string {
  const q = Object.entries(claim.qualifiers)
    .filter(([k]) => k !== 'approx')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${claim.subjectKey}|${claim.property}|${q}`;
}

/** Properties whose value only grows with time (a later article may give a larger figure). */
export const CUMULATIVE: ReadonlySet<Claim['property']> = new Set(['appearances', 'goals', 'honours', 'tenure']);

/** Properties compared between articles (lists and records are not). */
export const COMPARABLE: ReadonlySet<Claim['property']> = new Set(['appearances', 'goals', 'honours', 'tenure', 'contract-end', 'joined', 'left']);
