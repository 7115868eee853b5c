/** Hover on a claim: what it states, what it was compared with (value, source, date) and the verdict. */
import { compareWithKb } from '../checks/compareWithKb';
import { provenance, statement } from '../checks/messages';
import type { KnowledgeBase } from '../kb';
import type { Article, Claim } from '../model';
import { escapeMarkdown } from './markdown';

const VERDICT = {
  en: { agrees: '✓ agrees with the knowledge base', disagrees: '✗ disagrees with the knowledge base', unknown: 'the knowledge base has nothing to compare it with', claim: 'Claim', kb: 'Knowledge base' },
  it: { agrees: '✓ concorda con la base di conoscenza', disagrees: '✗ non concorda con la base di conoscenza', unknown: 'la base di conoscenza non ha dati per confrontarla', claim: 'Affermazione', kb: 'Base di conoscenza' },
} as const;

export function claimCard(claim: Claim, article: Article, kb: KnowledgeBase | undefined): string {
  const lang = article.language;
  const w = VERDICT[lang];
  const nameOf = (id: string): string => kb?.entity(id)?.name ?? id;
  const subject = claim.subjectId ? nameOf(claim.subjectId) : claim.subjectName;
  const written = article.text.slice(claim.valueSpan.start, claim.valueSpan.end);
  const value = Array.isArray(claim.value) ? claim.value.map(nameOf).join(', ') : claim.property === 'record' ? subject : String(claim.value);
  const lines = [`**${w.claim}** · ${escapeMarkdown(subject)} ${escapeMarkdown(statement(claim, value, lang, nameOf))}`];
  if (written !== value && claim.property !== 'record' && !Array.isArray(claim.value)) lines[0] += ` (“${escapeMarkdown(written)}”)`;
  if (!kb) return lines.join('\n');
  const c = compareWithKb(claim, article, kb);
  lines.push('', `_${w[c.verdict]}_`);
  if (c.expected !== undefined) {
    lines.push('', `${w.kb}: ${escapeMarkdown(subject)} ${escapeMarkdown(statement(claim, String(c.expected), lang, nameOf))}${escapeMarkdown(provenance(c.detail, c.source, c.asOf, lang))}`);
  }
  return lines.join('\n');
}
