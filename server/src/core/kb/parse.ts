/**
 * Parses one knowledge-base file (YAML, or JSON) into a plain value and a locator that maps
 * value paths back to UTF-16 ranges in the file's text.
 *
 * YAML is parsed with eemeli/yaml's safe `core` schema: no custom tags, nothing executed,
 * alias expansion capped. JSON takes a fast path through `JSON.parse` (large imported files)
 * and is re-parsed with the YAML parser, which accepts JSON and keeps positions, only when a
 * diagnostic needs a position.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../model';
import type { KbDiagnostic } from './types';

/** A path into a parsed value: object keys and array indices. */
export type ValuePath = readonly (string | number)[];

/** Maps value paths to ranges in the file's text. */
export interface Locator {
  /** Range of the value at `path` (or of the deepest existing ancestor). */
  value(path: ValuePath): Span;
  /** Range of the key naming the value at `path`; the value's range when there is no key. */
  key(path: ValuePath): Span;
}

export interface ParsedFile {
  /** The parsed value; undefined when the text could not be parsed at all. */
  readonly value: unknown;
  readonly locator: Locator;
  readonly diagnostics: KbDiagnostic[];
  /** Range of each entity's `id` value, by entity index (JSON fast path and YAML alike). */
  entityIdSpan(index: number): Span | undefined;
  /** Range of each entity's whole node, when cheaply known. */
  entityExtent(index: number): Span | undefined;
}

/** True when the file is JSON by its name. */
export function isJsonPath(path: string): boolean {
  return /\.json$/i.test(path);
}

const MAX_ALIASES = 100;

export function parseKbFile(path: string, text: string): ParsedFile {
  return isJsonPath(path) ? parseJson(path, text) : parseYaml(path, text);
}

/** A span inside the text, never empty when the text is not, and never splitting a surrogate pair. */
function clampSpan(text: string, start: number, end: number): Span {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  if (e === s && s < text.length) e = s + 1;
  if (isLowSurrogateAt(text, s) && isHighSurrogateAt(text, s - 1)) s--;
  if (isLowSurrogateAt(text, e) && isHighSurrogateAt(text, e - 1)) e++;
  return { start: s, end: e };
}

function isHighSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogateAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

function parseYaml(path: string, text: string): ParsedFile {
  const diagnostics: KbDiagnostic[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false, customTags: [] });
  } catch (e) {
    diagnostics.push({
      file: path, span: clampSpan(text, 0, 0), severity: 'error', code: 'kb-syntax',
      message: `Cannot parse this YAML file: ${(e as Error).message}`,
    });
    return emptyParse(diagnostics);
  }
  for (const err of doc.errors) {
    diagnostics.push({
      file: path, span: clampSpan(text, err.pos[0], err.pos[1]), severity: 'error', code: 'kb-syntax',
      message: `Invalid YAML: ${firstLine(err.message)}`,
    });
  }
  for (const w of doc.warnings) {
    diagnostics.push({
      file: path, span: clampSpan(text, w.pos[0], w.pos[1]), severity: 'warning', code: 'kb-syntax',
      message: `YAML: ${firstLine(w.message)}${w.code === 'TAG_RESOLVE_FAILED' ? ' (custom tags are not supported; the value is read as plain text)' : ''}`,
    });
  }
  let value: unknown;
  if (doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      diagnostics.push({
        file: path, span: clampSpan(text, 0, 0), severity: 'error', code: 'kb-limit',
        message: `Cannot read this file: ${(e as Error).message}`,
      });
    }
  }
  const locator = yamlLocator(doc, text);
  return {
    value,
    locator,
    diagnostics,
    entityIdSpan: (i) => locator.value(['entities', i, 'id']),
    entityExtent: (i) => locator.value(['entities', i]),
  };
}

function emptyParse(diagnostics: KbDiagnostic[]): ParsedFile {
  const zero: Span = { start: 0, end: 0 };
  return {
    value: undefined,
    diagnostics,
    locator: { value: () => zero, key: () => zero },
    entityIdSpan: () => undefined,
    entityExtent: () => undefined,
  };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).trim();
}

function nodeSpan(text: string, node: { range?: [number, number, number] | null } | null | undefined): Span | undefined {
  if (!node || !node.range) return undefined;
  return clampSpan(text, node.range[0], node.range[1]);
}

/** Walks a YAML document's nodes along a value path. */
function yamlLocator(doc: Document.Parsed, text: string): Locator {
  const whole = clampSpan(text, 0, text.length);
  function walk(path: ValuePath): { node: unknown; keyNode: unknown } {
    let node: unknown = doc.contents;
    let keyNode: unknown = undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg];
        keyNode = undefined;
      } else {
        break;
      }
    }
    return { node, keyNode };
  }
  return {
    value(path) {
      return nodeSpan(text, walk(path).node as YamlNode) ?? whole;
    },
    key(path) {
      const w = walk(path);
      return nodeSpan(text, (w.keyNode ?? w.node) as YamlNode) ?? whole;
    },
  };
}

function parseJson(path: string, text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : text.length;
    const clean = msg.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '').replace(/^JSON\.parse: /, '');
    return emptyParse([{
      file: path, span: clampSpan(text, pos, pos + 1), severity: 'error', code: 'kb-syntax',
      message: `Invalid JSON: ${clean}`,
    }]);
  }
  // Positions come from a YAML parse of the same text, done only when needed.
  let lazy: Locator | undefined;
  const locator: Locator = {
    value: (p) => (lazy ??= jsonLocator(text)).value(p),
    key: (p) => (lazy ??= jsonLocator(text)).key(p),
  };
  let idSpans: Span[] | undefined;
  const entities = (value as { entities?: unknown } | null)?.entities;
  const entityIds = Array.isArray(entities) ? entities : [];
  return {
    value,
    locator,
    diagnostics: [],
    entityIdSpan(i) {
      idSpans ??= scanJsonIdSpans(text, entityIds);
      return idSpans[i];
    },
    entityExtent: () => undefined,
  };
}

function jsonLocator(text: string): Locator {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: false });
  return yamlLocator(doc, text);
}

/**
 * Finds each entity's `"id": "…"` value in JSON text with one regular-expression pass (the
 * `id` key is only used by entities), matched to entities in order.
 */
function scanJsonIdSpans(text: string, entities: readonly unknown[]): Span[] {
  const re = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  const found: { id: string; span: Span }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const valueStart = m.index + m[0].length - m[1]!.length - 2;
    found.push({ id: m[1]!, span: { start: valueStart, end: valueStart + m[1]!.length + 2 } });
  }
  const out: Span[] = [];
  let j = 0;
  for (let i = 0; i < entities.length; i++) {
    const id = (entities[i] as { id?: unknown } | null)?.id;
    while (j < found.length && found[j]!.id !== id) j++;
    if (j < found.length) out[i] = found[j++]!.span;
  }
  return out;
}
