/**
 * The knowledge base shipped with Touchline opens read-only: go-to-definition into it is
 * redirected to a `touchline-kb:` document, served from the extension's folder, which VS Code
 * shows as read-only. Workspace knowledge-base files open as themselves.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const BUNDLED_SCHEME = 'touchline-kb';

export function registerBundledKb(context: vscode.ExtensionContext): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const file = vscode.Uri.joinPath(context.extensionUri, 'kb', uri.path.replace(/^\/+/, ''));
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    },
  };
  return vscode.workspace.registerTextDocumentContentProvider(BUNDLED_SCHEME, provider);
}

/** Language-client middleware that points definitions in the bundled files at the read-only copies. */
export function bundledKbMiddleware(context: vscode.ExtensionContext): Middleware {
  const kbFolder = vscode.Uri.joinPath(context.extensionUri, 'kb').toString();
  const redirect = (uri: vscode.Uri): vscode.Uri =>
    uri.toString().startsWith(`${kbFolder}/`) ? vscode.Uri.from({ scheme: BUNDLED_SCHEME, path: uri.toString().slice(kbFolder.length) }) : uri;
  return {
    async provideDefinition(document, position, token, next) {
      const result = await next(document, position, token);
      if (!result) return result;
      const list: (vscode.Location | vscode.LocationLink)[] = Array.isArray(result) ? result : [result];
      // The server answers with Locations; links are passed through with their target moved.
      if (list.every((l): l is vscode.Location => l instanceof vscode.Location)) return list.map((l) => new vscode.Location(redirect(l.uri), l.range));
      return list.map((l): vscode.LocationLink => ('targetUri' in l ? { ...l, targetUri: redirect(l.targetUri) } : { targetUri: redirect(l.uri), targetRange: l.range }));
    },
  };
}
