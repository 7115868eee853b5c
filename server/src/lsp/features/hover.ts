/** Hover: the core's markdown at the cursor, with the range it describes. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { hoverAt, type HoverContext } from '../../core/features/hover';
import type { Analysis } from '../analyses';
import { toOffset, toRange } from '../convert';

export function hover(analysis: Analysis, position: Position, context: HoverContext): Hover | null {
  const result = hoverAt(analysis.article, toOffset(analysis.lines, position), context);
  if (!result) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toRange(analysis.lines, result.span) };
}
