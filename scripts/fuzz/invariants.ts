/**
 * What must hold for any input: of the Article model and the core's features (spans inside
 * the text, sorted where promised, never splitting a surrogate pair) and of the server's
 * answers (positions inside the document, valid UTF-16, semantic tokens that decode to
 * sorted, non-overlapping, in-line tokens). Each check returns the violations it found,
 * as short messages; an empty list means the input passed.
 */
import type { Position, Range, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import type { Article, Span } from '../../server/src/core/model';
import { ENTITY_TYPES } from '../../server/src/core/model';
import type { AnalysisSettings } from '../../server/src/core/settings';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/**
 * Collects violations, at most a few per kind so one bug does not flood the report. With
 * `known`, violations it recognises (by returning an issue id) are counted apart.
 */
export class Violations {
  readonly list: string[] = [];
  /** Known issues seen, by id. */
  readonly known = new Set<string>();
  private readonly perKind = new Map<string, number>();

  constructor(private readonly isKnown?: (message: string) => string | undefined) {}

  add(kind: string, message: string): void {
    const id = this.isKnown?.(`${kind}: ${message}`);
    if (id !== undefined) {
      this.known.add(id);
      return;
    }
    const n = (this.perKind.get(kind) ?? 0) + 1;
    this.perKind.set(kind, n);
    if (n <= 3) this.list.push(`${kind}: ${message}`);
  }

  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** A span is inside `[0, limit]`, integral, ordered, and does not split a surrogate pair. */
export function checkSpan(v: Violations, kind: string, text: string, s: Span, limit: number, nonEmpty = true): void {
  const { start, end } = s;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return v.add(kind, `non-integer span ${start}-${end}`);
  if (start < 0 || end > limit || start > end) return v.add(kind, `span ${start}-${end} outside 0-${limit}`);
  if (nonEmpty && start === end) return v.add(kind, `empty span at ${start}`);
  if (splitsPair(text, start) || splitsPair(text, end)) v.add(kind, `span ${start}-${end} splits a surrogate pair`);
}

/** Spans sorted by start; `disjoint` also forbids overlaps. */
function checkOrder(v: Violations, kind: string, spans: readonly Span[], disjoint: boolean): void {
  for (let i = 1; i < spans.length; i++) {
    const a = spans[i - 1]!;
    const b = spans[i]!;
    if (b.start < a.start) return v.add(kind, `not sorted: ${a.start}-${a.end} before ${b.start}-${b.end}`);
    if (disjoint && b.start < a.end) return v.add(kind, `overlap: ${a.start}-${a.end} and ${b.start}-${b.end}`);
  }
}

/** The Article model's invariants for `text` analysed with `settings`. */
export function checkArticle(text: string, a: Article, settings: AnalysisSettings, v: Violations = new Violations()): Violations {
  if (a.text !== text) v.add('text', 'article.text is not the input');
  if (a.language !== 'en' && a.language !== 'it') v.add('language', `unknown language ${String(a.language)}`);
  const over = text.length > settings.maxChars;
  if (over !== (a.truncatedAt !== undefined)) v.add('truncatedAt', `truncatedAt=${a.truncatedAt} for ${text.length} chars, limit ${settings.maxChars}`);
  if (a.truncatedAt !== undefined && (a.truncatedAt > settings.maxChars || a.truncatedAt < settings.maxChars - 1 || splitsPair(text, a.truncatedAt))) {
    v.add('truncatedAt', `bad cut ${a.truncatedAt}`);
  }
  const limit = a.truncatedAt ?? text.length;
  const spans = (kind: string, list: readonly Span[], disjoint: boolean): void => {
    for (const s of list) checkSpan(v, kind, text, s, limit);
    checkOrder(v, kind, list, disjoint);
  };
  spans('paragraph', a.paragraphs, true);
  spans('sentence', a.sentences, true);
  spans('entity', a.entities, false);
  spans('date', a.dates, true);
  spans('quote', a.quotes, false);
  spans('number', a.numbers, true);
  for (const c of a.claims) {
    checkSpan(v, 'claim', text, c, limit);
    checkSpan(v, 'claim.valueSpan', text, c.valueSpan, limit);
  }
  if (a.date?.span) checkSpan(v, 'article date', text, a.date.span, limit);
  for (const e of a.entities) {
    if (e.text !== text.slice(e.start, e.end)) v.add('entity.text', `${JSON.stringify(e.text)} ≠ text at ${e.start}-${e.end}`);
    if (!ENTITY_TYPES.includes(e.type)) v.add('entity.type', String(e.type));
    if (!e.key) v.add('entity.key', `empty key at ${e.start}`);
  }
  for (const d of a.dates) {
    if (d.text !== text.slice(d.start, d.end)) v.add('date.text', `${JSON.stringify(d.text)} ≠ text at ${d.start}-${d.end}`);
    if (typeof d.value !== 'string' || d.value === '') v.add('date.value', `empty value at ${d.start}`);
  }
  for (const n of a.numbers) {
    if (n.text !== text.slice(n.start, n.end)) v.add('number.text', `${JSON.stringify(n.text)} ≠ text at ${n.start}-${n.end}`);
    if (typeof n.value !== 'number' || (n.form !== 'anaphor' && !Number.isFinite(n.value))) v.add('number.value', `${n.value} at ${n.start}`);
    if (n.nounSpan) {
      checkSpan(v, 'number.nounSpan', text, n.nounSpan, limit);
      if (n.nounSpan.start < n.end) v.add('number.nounSpan', `noun before its number at ${n.start}`);
    }
  }
  for (const q of a.quotes) {
    if (!(q.start <= q.contentStart && q.contentStart <= q.contentEnd && q.contentEnd <= q.end)) {
      v.add('quote.content', `content ${q.contentStart}-${q.contentEnd} not inside ${q.start}-${q.end}`);
    }
    if (!Number.isInteger(q.depth) || q.depth < 0) v.add('quote.depth', String(q.depth));
    if (q.speaker?.span) checkSpan(v, 'quote.speaker', text, q.speaker.span, limit);
    if (q.speaker && !q.speaker.name) v.add('quote.speaker', `empty speaker name at ${q.start}`);
  }
  return v;
}

/** Flat token spans (the core's semantic tokens): sorted, disjoint, non-empty, inside the text. */
export function checkTokenSpans(v: Violations, text: string, spans: readonly Span[], limit: number, window?: Span): void {
  for (const s of spans) {
    checkSpan(v, 'token', text, s, limit);
    if (window && (s.end < window.start || s.start > window.end)) v.add('token.range', `token ${s.start}-${s.end} outside the requested ${window.start}-${window.end}`);
  }
  checkOrder(v, 'token', spans, true);
}

// --- LSP answers -------------------------------------------------------------------------

/** Line contents of a document, split as LSP does (`\n`, `\r\n`, lone `\r`). */
export class DocumentLines {
  readonly starts: number[] = [0];
  readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || c === 10) {
        this.ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineLength(line: number): number {
    return this.ends[line]! - this.starts[line]!;
  }

  offsetOf(p: Position): number {
    return this.starts[p.line]! + p.character;
  }
}

export function checkPosition(v: Violations, kind: string, lines: DocumentLines, p: Position): boolean {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) {
    v.add(kind, `malformed position ${JSON.stringify(p)}`);
    return false;
  }
  if (p.line < 0 || p.line >= lines.lineCount || p.character < 0 || p.character > lines.lineLength(p.line)) {
    v.add(kind, `position ${p.line}:${p.character} outside the document (${lines.lineCount} lines)`);
    return false;
  }
  if (splitsPair(lines.text, lines.offsetOf(p))) {
    v.add(kind, `position ${p.line}:${p.character} splits a surrogate pair`);
    return false;
  }
  return true;
}

export function checkRange(v: Violations, kind: string, lines: DocumentLines, r: Range): void {
  if (!r) return v.add(kind, 'missing range');
  if (!checkPosition(v, kind, lines, r.start) || !checkPosition(v, kind, lines, r.end)) return;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) {
    v.add(kind, `range ends before it starts: ${JSON.stringify(r)}`);
  }
}

/** A decoded semantic token, in absolute line/character. */
export interface DecodedToken {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: string;
  readonly modifiers: readonly string[];
}

/**
 * Decode LSP semantic tokens and check them against the document: every token on one line,
 * non-empty, inside its line, not splitting a surrogate pair, sorted and non-overlapping,
 * with a type and modifiers from the legend. With `range`, each token must touch it.
 */
export function decodeTokens(v: Violations, lines: DocumentLines, data: readonly number[], legend: SemanticTokensLegend, range?: Range): DecodedToken[] {
  const out: DecodedToken[] = [];
  if (data.length % 5 !== 0) {
    v.add('tokens', `data length ${data.length} is not a multiple of 5`);
    return out;
  }
  let line = 0;
  let character = 0;
  let prevEnd = -1;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    if (![dl, dc, length, type, mods].every((x) => Number.isInteger(x) && x >= 0)) {
      v.add('tokens', `token ${i / 5}: negative or non-integer field ${[dl, dc, length, type, mods]}`);
      return out;
    }
    if (dl > 0) {
      line += dl;
      character = dc;
      prevEnd = -1;
    } else {
      character += dc;
    }
    if (line >= lines.lineCount) {
      v.add('tokens', `token ${i / 5} on line ${line} of ${lines.lineCount}`);
      return out;
    }
    if (length === 0) v.add('tokens', `token ${i / 5} at ${line}:${character} is empty`);
    if (character + length > lines.lineLength(line)) v.add('tokens', `token ${i / 5} at ${line}:${character}+${length} runs past its line (${lines.lineLength(line)})`);
    if (i > 0 && dl === 0 && dc === 0) v.add('tokens', `token ${i / 5} at ${line}:${character} starts where the previous one does`);
    if (character < prevEnd) v.add('tokens', `token ${i / 5} at ${line}:${character} overlaps the previous one (ends ${prevEnd})`);
    prevEnd = character + length;
    const start = lines.starts[line]! + character;
    if (splitsPair(lines.text, start) || splitsPair(lines.text, start + length)) v.add('tokens', `token ${i / 5} at ${line}:${character}+${length} splits a surrogate pair`);
    if (type >= legend.tokenTypes.length) v.add('tokens', `token ${i / 5}: type ${type} not in the legend`);
    if (mods >> legend.tokenModifiers.length !== 0) v.add('tokens', `token ${i / 5}: modifiers ${mods} not in the legend`);
    if (range) {
      const before = line < range.start.line || (line === range.start.line && character + length < range.start.character);
      const after = line > range.end.line || (line === range.end.line && character > range.end.character);
      if (before || after) v.add('tokens.range', `token at ${line}:${character}+${length} outside the requested range ${JSON.stringify(range)}`);
    }
    out.push({
      line,
      character,
      length,
      type: legend.tokenTypes[type] ?? `#${type}`,
      modifiers: legend.tokenModifiers.filter((_, bit) => (mods >> bit) & 1),
    });
  }
  return out;
}
