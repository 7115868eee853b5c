/** What hovers need from outside one article. Filled in as the knowledge base and workspace index land. */
import type { HoverContext } from '../core/features/hover';

export function createHoverContext(): HoverContext {
  return {
    entityCard: () => undefined,
    describeDate: (date) => `**${date.value}** — ${date.precision}`,
    otherQuotes: () => [],
  };
}
