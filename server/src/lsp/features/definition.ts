/** Go to definition: from an entity mention to its entry in a knowledge-base file. */
import type { Location, Position } from 'vscode-languageserver';
import { LineIndex } from '../../core/positions';
import type { Analysis } from '../analyses';
import { toOffset, toRange } from '../convert';
import type { KnowledgeState } from '../knowledge';

export function definition(analysis: Analysis, position: Position, knowledge: KnowledgeState): Location | null {
  const offset = toOffset(analysis.lines, position);
  const mention = analysis.article.entities.find((e) => e.start <= offset && offset <= e.end && e.entityId);
  if (!mention?.entityId) return null;
  const origin = knowledge.context.kb.entity(mention.entityId)?.origin;
  const text = origin ? knowledge.texts.get(origin.file) : undefined;
  if (!origin || text === undefined) return null;
  return { uri: origin.file, range: toRange(new LineIndex(text), origin.span) };
}
