/**
 * Quick fixes built from diagnostics' `data` (no re-analysis): replace a figure with the
 * knowledge base's, and add an unknown name to a workspace knowledge-base file; then the
 * claim-tagging actions (`annotations/codeActions.ts`), so correcting the figure stays first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { KbMismatchData } from '../../core/checks/kbMismatch';
import type { UnknownEntityData } from '../../core/checks/unknownEntity';
import type { KnowledgeBase } from '../../core/kb';
import { entityIdFor, entityInsertion } from '../../core/kb/stub';
import { LineIndex } from '../../core/positions';
import { toRange } from '../convert';

/** Where a new entity goes: the workspace folder's `touchline.kb.yaml`. */
export const WORKSPACE_KB_FILE = 'touchline.kb.yaml';

export interface CodeActionContext {
  readonly kb: KnowledgeBase;
  /** The workspace folder containing the article, if any. */
  readonly folderOf: (uri: string) => string | undefined;
  /** Unsaved text of an open document, by URI. */
  readonly openText: (uri: string) => string | undefined;
  /** Tagging actions for the claims in the range, listed after the quick fixes. */
  readonly tagActions?: readonly CodeAction[];
}

export function codeActions(params: CodeActionParams, ctx: CodeActionContext): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== 'touchline') continue;
    if (d.code === 'kb-mismatch') {
      const data = d.data as KbMismatchData | undefined;
      if (data?.replacement === undefined) continue;
      out.push({
        title: `Replace with ${data.replacement} (knowledge base)`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [params.textDocument.uri]: [{ range: fixRange(d, data), newText: data.replacement }] } },
      });
    } else if (d.code === 'unknown-entity') {
      const action = addEntity(params.textDocument.uri, d, ctx);
      if (action) out.push(action);
    }
  }
  return ctx.tagActions ? [...out, ...ctx.tagActions] : out;
}

/** The range a kb-mismatch fix replaces: the value, or the value and its noun (on the same line). */
function fixRange(d: Diagnostic, data: KbMismatchData): Range {
  if (data.replaces === undefined) return d.range;
  return { start: d.range.start, end: { line: d.range.start.line, character: d.range.start.character + data.replaces } };
}

function addEntity(articleUri: string, d: Diagnostic, ctx: CodeActionContext): CodeAction | undefined {
  const data = d.data as UnknownEntityData | undefined;
  const folder = ctx.folderOf(articleUri);
  if (!data || !folder?.startsWith('file:')) return undefined;
  const path = join(fileURLToPath(folder), WORKSPACE_KB_FILE);
  const uri = pathToFileURL(path).href;
  const exists = existsSync(path);
  const text = ctx.openText(uri) ?? (exists ? readFileSync(path, 'utf8') : '');
  const id = entityIdFor(data.name, (candidate) => ctx.kb.entity(candidate) !== undefined || new RegExp(`^\\s*-?\\s*id:\\s*${candidate}\\s*$`, 'm').test(text));
  const { offset, insert } = entityInsertion(text, id, data.type, data.name);
  const position = toRange(new LineIndex(text), { start: offset, end: offset }).start;
  const fileEdit: TextDocumentEdit = { textDocument: { uri, version: null }, edits: [{ range: { start: position, end: position }, newText: insert }] };
  const edit: WorkspaceEdit = { documentChanges: exists ? [fileEdit] : [{ kind: 'create', uri, options: { ignoreIfExists: true } }, fileEdit] };
  return {
    title: `Add “${data.name}” to the knowledge base (${WORKSPACE_KB_FILE})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit,
  };
}
