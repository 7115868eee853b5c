/**
 * Core offsets ↔ LSP ranges. Every conversion in the LSP layer goes through here, on top of
 * the core's `LineIndex` (the one place that knows how UTF-16 offsets map to lines).
 */
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../core/model';
import { LineIndex } from '../core/positions';

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

export function toOffset(index: LineIndex, position: Position): number {
  return index.offsetAt(position);
}

export function toSpan(index: LineIndex, range: Range): Span {
  return { start: index.offsetAt(range.start), end: index.offsetAt(range.end) };
}
