/** Document symbols (the outline) from the core's outline. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { outline, type OutlineItem, type OutlineKind } from '../../core/features/outline';
import type { Analysis } from '../analyses';
import { toRange } from '../convert';

const KIND: Record<OutlineKind, SymbolKind> = {
  person: SymbolKind.Object,
  team: SymbolKind.Class,
  competition: SymbolKind.Event,
  place: SymbolKind.Package,
  organization: SymbolKind.Struct,
  date: SymbolKind.Number,
  quote: SymbolKind.String,
  claim: SymbolKind.Key,
};

export function documentSymbols(analysis: Analysis, nameOf: (key: string, fallback: string) => string): DocumentSymbol[] {
  const convert = (item: OutlineItem, group: boolean): DocumentSymbol => {
    const range = toRange(analysis.lines, item.span);
    return {
      name: item.name,
      ...(item.detail !== undefined ? { detail: item.detail } : {}),
      kind: group ? SymbolKind.Namespace : KIND[item.kind],
      range,
      selectionRange: group ? { start: range.start, end: range.start } : range,
      ...(item.children ? { children: item.children.map((c) => convert(c, false)) } : {}),
    };
  };
  return outline(analysis.article, nameOf).map((g) => convert(g, true));
}
