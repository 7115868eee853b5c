/** Hover on a claim: what it states, what it was compared with (value, source, date) and the verdict. */
import { compareWithKb } from '../checks/compareWithKb';
import { namesFrom, provenance, recordSince, statement } from '../checks/messages';
import type { KnowledgeBase } from '../kb';
import type { TagView } from '../annotations/model';
import { ratingById } from '../annotations/ratings';
import type { Article, Claim, Language } from '../model';
import { escapeMarkdown } from './markdown';

const VERDICT = {
  en: { agrees: '✓ agrees with the knowledge base', disagrees: '✗ disagrees with the knowledge base', unknown: 'the knowledge base has nothing to compare it with', claim: 'Claim', kb: 'Knowledge base' },
  it: { agrees: '✓ concorda con la base di conoscenza', disagrees: '✗ non concorda con la base di conoscenza', unknown: 'la base di conoscenza non ha dati per confrontarla', claim: 'Affermazione', kb: 'Base di conoscenza' },
} as const;

export function claimCard(claim: Claim, article: Article, kb: KnowledgeBase | undefined): string {
  const lang = article.language;
  const w = VERDICT[lang];
  const nameOf = namesFrom(kb, lang);
  const subject = claim.subjectId ? nameOf(claim.subjectId) : claim.subjectName;
  const written = article.text.slice(claim.valueSpan.start, claim.valueSpan.end);
  const value = Array.isArray(claim.value) ? claim.value.map(nameOf).join(', ') : claim.property === 'record' ? subject : String(claim.value);
  const lines = [`**${w.claim}** · ${escapeMarkdown(statement(claim, subject, value, lang, nameOf))}`];
  if (written !== value && claim.property !== 'record' && !Array.isArray(claim.value)) lines[0] += ` (“${escapeMarkdown(written)}”)`;
  if (!kb) return lines.join('\n');
  const c = compareWithKb(claim, article, kb);
  lines.push('', `_${w[c.verdict]}_`);
  if (c.expected !== undefined) {
    const kbSide = c.recordSince ? recordSince(claim, subject, c.recordSince, lang, nameOf) : statement(claim, subject, String(c.expected), lang, nameOf);
    lines.push('', `${w.kb}: ${escapeMarkdown(kbSide)}${escapeMarkdown(provenance(c.detail, c.source, c.asOf, lang))}`);
  }
  return lines.join('\n');
}

const TAG_WORDS = {
  en: { tag: 'Tag', comment: 'Comment', by: 'by', on: 'on', was: 'tagged when it read' },
  it: { tag: 'Etichetta', comment: 'Commento', by: 'di', on: 'il', was: 'etichettata quando diceva' },
} as const;

/**
 * The part of a claim's hover about its tag: rating, who and when, the comment, and the text
 * it was tagged on when that differs from `current` (the claim's text now).
 */
export function claimTagMarkdown(tag: TagView, language: Language, current: string): string {
  const w = TAG_WORDS[language];
  const lines: string[] = [];
  const rating = tag.rating ? ratingById(tag.rating) : undefined;
  if (rating) lines.push(`**${w.tag}:** ${rating.symbol} ${rating.label[language]}${attribution(tag.ratedBy, tag.ratedAt, w)}`);
  if (tag.comment) lines.push(`**${w.comment}**${attribution(tag.commentBy, tag.commentAt, w)}: ${escapeMarkdown(tag.comment)}`);
  if (tag.exact !== '' && tag.exact !== current) lines.push(`_${w.was} “${escapeMarkdown(tag.exact)}”_`);
  return lines.join('\n\n');
}

function attribution(who: string | undefined, when: string | undefined, w: (typeof TAG_WORDS)[Language]): string {
  const date = when ? when.slice(0, 10) : '';
  return `${who ? ` — ${w.by} ${escapeMarkdown(who)}` : ''}${date ? ` ${w.on} ${date}` : ''}`;
}
