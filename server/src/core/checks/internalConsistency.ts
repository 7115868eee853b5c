/** `internal`: the article states two different values for the same thing. */
import type { Finding } from '../findings';
import { claimKey, COMPARABLE } from './claimKey';
import type { Rule } from './rule';

export const internalConsistency: Rule = {
  id: 'internal',
  defaultSeverity: 'warning',
  description: 'The article states two different values for the same thing.',
  check(article): Finding[] {
    const first = new Map<string, (typeof article.claims)[number]>();
    const out: Finding[] = [];
    for (const claim of article.claims) {
      if (!COMPARABLE.has(claim.property) || claim.qualifiers.approx) continue;
      const key = claimKey(claim);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, claim);
        continue;
      }
      if (String(earlier.value) === String(claim.value)) continue;
      const said = article.text.slice(earlier.valueSpan.start, earlier.valueSpan.end);
      const now = article.text.slice(claim.valueSpan.start, claim.valueSpan.end);
      const message =
        article.language === 'it'
          ? `L'articolo dice prima ${said} e poi ${now} per la stessa cosa (${claim.subjectName}).`
          : `The article says ${said} earlier and ${now} here for the same thing (${claim.subjectName}).`;
      out.push({
        start: claim.valueSpan.start,
        end: claim.valueSpan.end,
        rule: this.id,
        severity: this.defaultSeverity,
        message,
        related: [{ start: earlier.valueSpan.start, end: earlier.valueSpan.end, message: article.language === 'it' ? 'Il valore precedente' : 'The earlier value' }],
        data: { claimId: claim.id, otherClaimId: earlier.id },
      });
    }
    return out;
  },
};
