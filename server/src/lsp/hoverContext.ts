/** What hovers need from outside one article: knowledge-base cards, date descriptions, workspace quotes. */
import { dateHoverMarkdown } from '../core/dates';
import { entityCard } from '../core/features/entityCard';
import type { HoverContext } from '../core/features/hover';
import type { ContextSource } from './analyses';

export function createHoverContext(knowledge: ContextSource): HoverContext {
  return {
    entityCard: (entityId, article) => entityCard(knowledge.current.context.kb, entityId, article),
    describeDate: (date, article) => dateHoverMarkdown(date, article.date, article.language),
    otherQuotes: () => [],
  };
}
