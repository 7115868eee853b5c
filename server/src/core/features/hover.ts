/**
 * Hover content for the thing under the cursor: an entity (its card from the knowledge
 * base, or that it is unknown), a date (normalised value and distance from the article's
 * date) or a quote (its speaker). Markdown text; the LSP layer only wraps it.
 */
import type { TagView } from '../annotations/model';
import type { Article, Claim, DateMention, EntityMention, Quote, Span } from '../model';
import { claimTagMarkdown } from './claimCard';
import { escapeMarkdown } from './markdown';

export interface HoverResult {
  readonly span: Span;
  readonly markdown: string;
}

/** What hovers need from outside the article: knowledge-base cards and workspace quotes. */
export interface HoverContext {
  /** Markdown card for a linked entity as of a date, or undefined if the id is unknown. */
  entityCard(entityId: string, article: Article): string | undefined;
  /** Markdown for a claim: what it states, what it was compared with, the verdict. */
  claimCard(claim: Claim, article: Article): string;
  /** Markdown describing a date relative to the article's date. */
  describeDate(date: DateMention, article: Article): string;
  /** Other quotes by the same speaker in the workspace (not `exceptText`), as markdown lines. */
  otherQuotes(speakerKey: string, exceptText: string): readonly string[];
  /** The tag a fact-checker put on a claim, if any. */
  claimTag?(claim: Claim): TagView | undefined;
}

const TYPE_LABEL: Record<EntityMention['type'], string> = {
  person: 'person',
  team: 'team',
  competition: 'competition',
  place: 'place',
  organization: 'organization',
};

/** The hover at `offset`: a name, else a claim's value, else a date, else a quote (a name inside a quote wins). */
export function hoverAt(article: Article, offset: number, context: HoverContext): HoverResult | undefined {
  const entity = smallestAt(article.entities, offset);
  if (entity) return { span: entity, markdown: entityHover(entity, article, context) };
  const claim = smallestAt(article.claims.map((c) => ({ ...c.valueSpan, claim: c })), offset);
  if (claim) {
    const card = context.claimCard(claim.claim, article);
    const tag = context.claimTag?.(claim.claim);
    const tagged = tag ? claimTagMarkdown(tag, article.language, article.text.slice(claim.claim.start, claim.claim.end)) : '';
    return { span: { start: claim.start, end: claim.end }, markdown: tagged ? `${card}\n\n---\n\n${tagged}` : card };
  }
  const date = smallestAt(article.dates, offset);
  if (date) return { span: date, markdown: context.describeDate(date, article) };
  const quote = smallestAt(article.quotes, offset);
  if (quote) return { span: quote, markdown: quoteHover(quote, article.text.slice(quote.contentStart, quote.contentEnd), context) };
  return undefined;
}

function entityHover(entity: EntityMention, article: Article, context: HoverContext): string {
  if (entity.entityId) {
    const card = context.entityCard(entity.entityId, article);
    if (card) return card;
  }
  const label = TYPE_LABEL[entity.type];
  return `**${escapeMarkdown(entity.text)}** — ${label}\n\nNot in the knowledge base. Add it to a \`*.kb.yaml\` file in the workspace to link it and see its facts here.`;
}

function quoteHover(quote: Quote, content: string, context: HoverContext): string {
  if (!quote.speaker) return '**Quote** — speaker not identified';
  const lines = [`**Quote** — said by **${escapeMarkdown(quote.speaker.name)}**${quote.speaker.entityId ? '' : ' (not in the knowledge base)'}`];
  const others = context.otherQuotes(quote.speaker.key, content);
  if (others.length > 0) {
    lines.push('', `Other quotes by ${escapeMarkdown(quote.speaker.name)} in the workspace:`, ...others.map((o) => `- ${o}`));
  }
  return lines.join('\n');
}

/** The shortest span containing `offset` (end inclusive, so a cursor just after a word counts). */
function smallestAt<T extends Span>(items: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (item.start <= offset && offset <= item.end && (!best || item.end - item.start < best.end - best.start)) best = item;
  }
  return best;
}

