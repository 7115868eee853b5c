/** Inlay hints after relative dates ("Sunday" → 2024-04-21), off unless the setting turns them on. */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { isResolved } from '../../core/dates';
import type { Analysis } from '../analyses';
import { toRange, toSpan } from '../convert';

export function relativeDateHints(analysis: Analysis, range: Range): InlayHint[] {
  const span = toSpan(analysis.lines, range);
  const out: InlayHint[] = [];
  for (const d of analysis.article.dates) {
    if (!d.relative || !isResolved(d) || d.end < span.start || d.start > span.end) continue;
    out.push({
      position: toRange(analysis.lines, { start: d.end, end: d.end }).end,
      label: `→ ${d.value}`,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: `“${d.text}” resolved against the article's date${analysis.article.date ? ` (${analysis.article.date.value})` : ''}.`,
    });
  }
  return out;
}
