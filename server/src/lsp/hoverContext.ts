/** What hovers need from outside one article: knowledge-base cards, date descriptions, workspace quotes. */
import { basename } from 'node:path';
import { dateHoverMarkdown } from '../core/dates';
import { entityCard } from '../core/features/entityCard';
import { claimCard } from '../core/features/claimCard';
import type { HoverContext } from '../core/features/hover';
import { escapeMarkdown } from '../core/features/markdown';
import type { WorkspaceIndex } from './workspaceIndex';
import type { Knowledge } from './knowledge';

/** Other quotes listed in a quote's hover, at most. */
const MAX_OTHER_QUOTES = 5;
const PREVIEW = 80;

export function createHoverContext(knowledge: Knowledge, index: WorkspaceIndex): HoverContext {
  return {
    entityCard: (entityId, article) => entityCard(knowledge.current.context.kb, entityId, article),
    claimCard: (claim, article) => claimCard(claim, article, knowledge.current.context.kb),
    describeDate: (date, article) => dateHoverMarkdown(date, article.date, article.language),
    otherQuotes: (speakerKey, exceptText) => {
      const out: string[] = [];
      const except = normalise(exceptText);
      for (const a of index.all()) {
        for (const q of a.quotes) {
          if (q.speaker?.key !== speakerKey) continue;
          const text = normalise(a.article.text.slice(q.contentStart, q.contentEnd));
          // The hovered quote itself, and the same words quoted again elsewhere, add nothing.
          if (text === except) continue;
          const preview = text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
          const line = a.lines.positionAt(q.start).line + 1;
          out.push(`“${escapeMarkdown(preview)}” — [${escapeMarkdown(basename(decodeURIComponent(new URL(a.uri).pathname)))}:${line}](${a.uri}#L${line})`);
          if (out.length >= MAX_OTHER_QUOTES) return out;
        }
      }
      return out;
    },
  };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
