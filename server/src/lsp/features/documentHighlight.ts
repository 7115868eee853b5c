/** Document highlights: every mention in the article of the entity under the cursor, pronouns included. */
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver';
import type { Analysis } from '../analyses';
import { toOffset, toRange } from '../convert';

export function documentHighlights(analysis: Analysis, position: Position): DocumentHighlight[] {
  const offset = toOffset(analysis.lines, position);
  const entities = analysis.article.entities;
  const target = entities.find((e) => e.start <= offset && offset <= e.end);
  if (!target) return [];
  return entities
    .filter((e) => e.key === target.key)
    .map((e) => ({ range: toRange(analysis.lines, e), kind: e.kind === 'name' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}
