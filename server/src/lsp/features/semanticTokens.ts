/** Semantic tokens: the core's token spans, split per line and delta-encoded for LSP. */
import { SemanticTokensBuilder, type Range, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { semanticTokenSpans, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../core/features/semanticTokens';
import type { Analysis } from '../analyses';
import { toSpan } from '../convert';

export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const typeIndex = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const LINKED = 1 << TOKEN_MODIFIERS.indexOf('linked');

/** Encode the tokens of an analysis, optionally only those within `range`. */
export function semanticTokens(analysis: Analysis, range?: Range): SemanticTokens {
  const { article, lines } = analysis;
  const span = range ? toSpan(lines, range) : { start: 0, end: article.text.length };
  const builder = new SemanticTokensBuilder();
  for (const token of semanticTokenSpans(article, span.start, span.end)) {
    const type = typeIndex.get(token.type)!;
    const modifiers = token.linked ? LINKED : 0;
    // Tokens may not span lines in LSP: a quote over several lines becomes one token per line.
    const first = lines.positionAt(token.start);
    const last = lines.positionAt(token.end);
    for (let line = first.line; line <= last.line; line++) {
      const start = line === first.line ? token.start : lines.lineStart(line);
      const end = line === last.line ? token.end : lines.lineEnd(line);
      if (end <= start) continue;
      builder.push(line, start - lines.lineStart(line), end - start, type, modifiers);
    }
  }
  return builder.build();
}
