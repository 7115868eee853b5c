/**
 * Sidecar files as text: reading one (JSON syntax, then `schemas/annotations.schema.json`, with
 * every problem located in the file) and changing one annotation in it. Changes are minimal
 * text edits (jsonc-parser `modify`), so whatever else a person wrote, and how they formatted
 * it, stays as it was.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
// The ESM build: the UMD one requires its parts at run time, which the bundle cannot follow.
import { applyEdits, findNodeAtLocation, modify, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import schema from '../../../../schemas/annotations.schema.json';
import { pruneErrors } from '../kb/validate';
import type { Span } from '../model';
import { ANNOTATION_CONTEXT, type Annotation, type AnnotationPage } from './model';

/** A problem in a sidecar file: where (UTF-16 offsets in its text) and what. */
export interface SidecarProblem extends Span {
  readonly message: string;
}

/** What a sidecar's text holds. */
export interface SidecarContent {
  /** The annotations Touchline can anchor (a usable quote selector), in file order. */
  readonly annotations: readonly Annotation[];
  /** Syntax and schema problems. A file with problems is shown but never written. */
  readonly problems: readonly SidecarProblem[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return compiled;
}

/** Read a sidecar's text. Never throws. */
export function readSidecar(text: string): SidecarContent {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) {
    const problems = errors.map((e) => ({ start: e.offset, end: e.offset + Math.max(1, e.length), message: `This is not valid JSON: ${syntaxMessage(printParseErrorCode(e.error))}.` }));
    return { annotations: [], problems: problems.length > 0 ? problems : [{ start: 0, end: 0, message: 'The file is empty: it should hold an AnnotationPage.' }] };
  }
  const value: unknown = JSON.parse(text);
  const problems: SidecarProblem[] = [];
  const validate = validator();
  if (!validate(value)) {
    for (const err of pruneErrors(validate.errors ?? [])) problems.push(describe(err, root));
  }
  const annotations: Annotation[] = [];
  const seen = new Set<string>();
  const items = isObject(value) && Array.isArray(value['items']) ? value['items'] : [];
  items.forEach((item: unknown, index: number) => {
    if (!usable(item)) return;
    if (seen.has(item.id)) {
      const node = findNodeAtLocation(root, ['items', index, 'id']);
      problems.push({ ...spanOf(node), message: `Two annotations have the id ${item.id}; give each its own id.` });
      return;
    }
    seen.add(item.id);
    annotations.push(item);
  });
  return { annotations, problems };
}

/** A new sidecar holding `annotations`, as Touchline writes it. */
export function newSidecarText(pageId: string, annotations: readonly Annotation[]): string {
  const page: AnnotationPage = { '@context': ANNOTATION_CONTEXT, id: pageId, type: 'AnnotationPage', items: annotations };
  return `${JSON.stringify(page, null, 2)}\n`;
}

/**
 * `text` with the annotation `id` replaced by `annotation` (appended when there is none with
 * that id; removed when `annotation` is undefined). `text` must have read without problems.
 */
export function sidecarWith(text: string, id: string, annotation: Annotation | undefined): string {
  const value = JSON.parse(text) as { items: { id?: unknown }[] };
  const index = value.items.findIndex((item) => isObject(item) && item.id === id);
  if (index < 0 && !annotation) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)"/.exec(text)?.[1];
  const formattingOptions = { insertSpaces: !indent?.startsWith('\t'), tabSize: indent && !indent.startsWith('\t') ? indent.length : 2, eol };
  const path = ['items', index < 0 ? -1 : index];
  return applyEdits(text, modify(text, path, annotation, { formattingOptions }));
}

function usable(item: unknown): item is Annotation {
  if (!isObject(item) || typeof item['id'] !== 'string' || item['id'] === '') return false;
  const target = item['target'];
  if (!isObject(target) || typeof target['source'] !== 'string' || !Array.isArray(target['selector'])) return false;
  if (!target['selector'].some((s: unknown) => isObject(s) && s['type'] === 'TextQuoteSelector' && typeof s['exact'] === 'string' && s['exact'] !== '')) return false;
  // Bodies are read leniently: one body or a list.
  if (item['body'] !== undefined && !Array.isArray(item['body'])) (item as Record<string, unknown>)['body'] = [item['body']];
  if (item['body'] === undefined) (item as Record<string, unknown>)['body'] = [];
  return true;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function spanOf(node: Node | undefined): Span {
  return node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 1 };
}

function syntaxMessage(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'badly written number',
    PropertyNameExpected: 'a property name in double quotes is expected here',
    ValueExpected: 'a value is expected here',
    ColonExpected: 'a colon is expected here',
    CommaExpected: 'a comma is expected here',
    CloseBraceExpected: 'a closing } is expected here',
    CloseBracketExpected: 'a closing ] is expected here',
    EndOfFileExpected: 'nothing should follow the closing }',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unfinished comment',
    UnexpectedEndOfString: 'unfinished string',
    UnexpectedEndOfNumber: 'unfinished number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}

function describe(err: ErrorObject, root: Node): SidecarProblem {
  const path = err.instancePath === '' ? [] : err.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const node = findNodeAtLocation(root, path) ?? root;
  const where = describePath(path);
  const span = spanOf(node);
  switch (err.keyword) {
    case 'required':
      return { start: span.start, end: span.start + 1, message: `${where} is missing "${String(err.params['missingProperty'])}".` };
    case 'const':
      return { ...span, message: `${where} must be ${JSON.stringify(err.params['allowedValue'])}.` };
    case 'enum':
      return { ...span, message: `${where} must be one of ${(err.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.` };
    case 'type':
      return { ...span, message: `${where} must be ${article(String(err.params['type']))}.` };
    case 'pattern':
      return { ...span, message: `${where} must be a date and time with a time zone, such as 2024-04-19T10:15:00Z.` };
    case 'minLength':
      return { ...span, message: `${where} must not be empty.` };
    case 'minimum':
      return { ...span, message: `${where} must not be negative.` };
    case 'contains':
      return { ...span, message: `${where} needs a TextQuoteSelector with the quoted text ("exact"), which Touchline uses to find the claim.` };
    default:
      return { ...span, message: `${where} ${err.message ?? 'is not valid'}.` };
  }
}

function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'The file';
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (seg === 'items' && typeof path[i + 1] === 'number') {
      parts.push(`annotation ${(path[i + 1] as number) + 1}`);
      i++;
    } else if (typeof seg === 'number') {
      parts.push(`item ${seg + 1}`);
    } else {
      parts.push(`"${seg}"`);
    }
  }
  return parts.join(', ').replace(/^./, (c) => c.toUpperCase());
}

function article(type: string): string {
  const words: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', object: 'an object', array: 'a list', boolean: 'true or false' };
  return type.split(',').map((t) => words[t] ?? t).join(' or ');
}
