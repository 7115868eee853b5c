/**
 * Selectors ↔ core offsets. The W3C `TextPositionSelector` counts code points; the core counts
 * UTF-16 units. This is the one boundary where annotation positions are converted (through
 * `positions.ts`).
 */
import { codePointsToUtf16, utf16ToCodePoints } from '../positions';
import type { Span } from '../model';
import type { Annotation, TextPositionSelector, TextQuoteSelector } from './model';

/** Characters of context kept before and after a quote. */
export const CONTEXT_LENGTH = 32;

/** What anchoring needs from an annotation: the quote, its context and a position hint. */
export interface QuoteTarget {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Where the quote started, in UTF-16 units of the text being anchored to (a hint only). */
  readonly hint?: number;
}

/** The two selectors for `span` of `text`. */
export function selectorsFor(text: string, span: Span): [TextQuoteSelector, TextPositionSelector] {
  const prefixStart = safeBoundary(text, Math.max(0, span.start - CONTEXT_LENGTH));
  const suffixEnd = safeBoundary(text, Math.min(text.length, span.end + CONTEXT_LENGTH));
  return [
    { type: 'TextQuoteSelector', exact: text.slice(span.start, span.end), prefix: text.slice(prefixStart, span.start), suffix: text.slice(span.end, suffixEnd) },
    { type: 'TextPositionSelector', start: utf16ToCodePoints(text, span.start), end: utf16ToCodePoints(text, span.end) },
  ];
}

/**
 * The quote target of an annotation for anchoring in `text`, or undefined when it has no
 * usable `TextQuoteSelector`. The position selector (code points) becomes a UTF-16 hint.
 */
export function quoteTargetOf(annotation: Annotation, text: string): QuoteTarget | undefined {
  const quote = quoteSelectorOf(annotation);
  if (!quote || quote.exact === '') return undefined;
  const position = positionSelectorOf(annotation);
  return {
    exact: quote.exact,
    prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
    suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    ...(position ? { hint: codePointsToUtf16(text, position.start) } : {}),
  };
}

/** The annotation's `TextQuoteSelector`, if it has one. */
export function quoteSelectorOf(annotation: Annotation): TextQuoteSelector | undefined {
  for (const s of annotation.target.selector) {
    if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string') return s as TextQuoteSelector;
  }
  return undefined;
}

/** The annotation's `TextPositionSelector`, if it has a well-formed one. */
function positionSelectorOf(annotation: Annotation): TextPositionSelector | undefined {
  for (const s of annotation.target.selector) {
    if (s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0) return s as TextPositionSelector;
  }
  return undefined;
}

/** Moves a cut point back so it never splits a surrogate pair. */
function safeBoundary(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  const d = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? at - 1 : at;
}
