/**
 * `cross-article`: another article in the workspace disagrees on the same subject, property
 * and qualifiers, with time taken into account, and the knowledge base cannot settle it
 * (where it can, `kb-mismatch` flags only the claim that is wrong).
 */
import type { Finding } from '../findings';
import { compareWithKb } from './compareWithKb';
import { claimKey, COMPARABLE } from './claimKey';
import { namesFrom, statement } from './messages';
import type { Rule } from './rule';
import { compatible } from './timeOrder';

export const crossArticle: Rule = {
  id: 'cross-article',
  defaultSeverity: 'warning',
  description: 'Another article in the workspace states a different value for the same thing.',
  check(article, env): Finding[] {
    if (!env.otherClaims) return [];
    const out: Finding[] = [];
    const nameOf = namesFrom(env.kb, article.language);
    for (const claim of article.claims) {
      if (!COMPARABLE.has(claim.property) || claim.qualifiers.approx) continue;
      if (env.kb && compareWithKb(claim, article, env.kb).verdict !== 'unknown') continue;
      const key = claimKey(claim);
      const disagreeing = env.otherClaims(claim).filter(
        (f) => claimKey(f.claim) === key && !f.claim.qualifiers.approx && !compatible(claim.property, claim.value, article.date, f.claim.value, f.date),
      );
      if (disagreeing.length === 0) continue;
      const first = disagreeing[0]!;
      const other = first.claim;
      const name = first.source.split('/').pop() ?? first.source;
      const when = first.date ? `, ${first.date.value}` : '';
      const mine = article.text.slice(claim.valueSpan.start, claim.valueSpan.end);
      // What the other article says, as a sentence: "Toni Kroos scored 28 goals for Real Madrid".
      const theirs = statement(claim, claim.subjectName, String(other.value), article.language, nameOf);
      const message =
        article.language === 'it'
          ? `Un altro articolo (${decodeURIComponent(name)}${when}) dice che ${theirs}; questo dice ${mine}.`
          : `Another article (${decodeURIComponent(name)}${when}) says ${theirs}; this one says ${mine}.`;
      out.push({
        start: claim.valueSpan.start,
        end: claim.valueSpan.end,
        rule: this.id,
        severity: this.defaultSeverity,
        message,
        related: disagreeing.map((f) => ({ source: f.source, start: f.claim.valueSpan.start, end: f.claim.valueSpan.end, message: `${String(f.claim.value)}${f.date ? ` (${f.date.value})` : ''}` })),
        data: { claimId: claim.id },
      });
    }
    return out;
  },
};
