// Helpers shared by the suites: find and open sample articles in the workspace the harness
// opened (a temporary copy of samples/), wait for Touchline, and decode semantic tokens.
import * as vscode from 'vscode';
import { assert, waitFor } from './harness';

/** The Touchline extension's id (`publisher.name` in the repository's package.json). */
export const TOUCHLINE_ID = 'touchline.touchline';
export const LANGUAGE_ID = 'sports-article';

/** The workspace folder the harness opened; every suite works on this copy, never the repo. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'no workspace folder is open: the harness must open a copy of samples/');
  return folder;
}

/** URI of a file in the workspace folder (works for file: and vscode-remote: workspaces). */
export function articleUri(fileName: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, fileName);
}

/** Waits until the Touchline extension is active, activating it if the host has not yet. */
export async function touchlineActive(): Promise<vscode.Extension<unknown>> {
  const ext = await waitFor(`extension ${TOUCHLINE_ID} to be installed`, () => vscode.extensions.getExtension(TOUCHLINE_ID), 20_000);
  if (!ext.isActive) {
    await waitFor(`extension ${TOUCHLINE_ID} to activate`, () => ext.isActive, 30_000);
  }
  return ext;
}

/** Opens an article in an editor and waits until it has Touchline's language and the extension runs. */
export async function openArticle(fileName: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(articleUri(fileName));
  await vscode.window.showTextDocument(doc, { preview: false });
  // The language may be assigned after opening (by the extension), which replaces the document.
  const article = await waitFor(
    `${fileName} to get language "${LANGUAGE_ID}"`,
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString() && d.languageId === LANGUAGE_ID),
    20_000,
  );
  await touchlineActive();
  return article;
}

/** Position of the start of the `occurrence`-th (0-based) match of `text`; fails if absent. */
export function positionOf(doc: vscode.TextDocument, text: string, occurrence = 0): vscode.Position {
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = doc.getText().indexOf(text, from + 1);
    assert(from >= 0, `"${text}" (occurrence ${occurrence}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(from);
}

/** One decoded semantic token. */
export interface DecodedToken {
  range: vscode.Range;
  text: string;
  type: string;
  modifiers: string[];
}

/** Decodes the relative five-integer encoding of `tokens` with `legend`. */
export function decodeTokens(doc: vscode.TextDocument, tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  const data = tokens.data;
  let line = 0;
  let char = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const deltaLine = data[i]!;
    line += deltaLine;
    char = deltaLine === 0 ? char + data[i + 1]! : data[i + 1]!;
    const range = new vscode.Range(line, char, line, char + data[i + 2]!);
    const typeIndex = data[i + 3]!;
    const modifierBits = data[i + 4]!;
    out.push({
      range,
      text: doc.getText(range),
      type: legend.tokenTypes[typeIndex] ?? `#${typeIndex}`,
      modifiers: legend.tokenModifiers.filter((_, bit) => (modifierBits & (1 << bit)) !== 0),
    });
  }
  return out;
}

/** The legend Touchline registered for the document (polled: the server registers it on start). */
export function semanticLegend(uri: vscode.Uri): Promise<vscode.SemanticTokensLegend> {
  return waitFor('a semantic tokens legend for the article', () =>
    vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', uri),
  );
}

/** Polls until the server returns non-empty semantic tokens for the whole document, decoded. */
export async function semanticTokens(doc: vscode.TextDocument): Promise<DecodedToken[]> {
  const legend = await semanticLegend(doc.uri);
  const tokens = await waitFor('non-empty semantic tokens', async () => {
    const t = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri);
    return t && t.data.length > 0 ? t : undefined;
  });
  return decodeTokens(doc, tokens, legend);
}

/** A short description of `tokens` for failure messages: count, kinds, first few texts. */
export function summarizeTokens(tokens: readonly DecodedToken[]): string {
  const kinds = [...new Set(tokens.map((t) => t.type))].join(', ');
  const first = tokens.slice(0, 6).map((t) => `${t.text.length > 24 ? `${t.text.slice(0, 24)}…` : t.text}:${t.type}`).join(', ');
  return `${tokens.length} tokens (kinds: ${kinds || 'none'}; first: ${first || 'none'})`;
}

/** Plain text of a hover's contents (markdown or marked strings). */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .trim();
}

/** Polls the hover providers at `position` until one answers with text. */
export function hoverAt(uri: vscode.Uri, position: vscode.Position, what: string): Promise<string> {
  return waitFor(`a non-empty hover on ${what}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    const text = hoverText(hovers ?? []);
    return text.length > 0 ? text : undefined;
  });
}
