// Navigation across the workspace (outline, workspace symbols, references, definition,
// highlights) and recovery from a crashed language server, through the public VS Code API.
import * as vscode from 'vscode';
import { assert, suite, test, waitFor } from './harness';
import { TOUCHLINE_ID, hoverAt, openArticle, positionOf } from './articles';

const ENGLISH = '000_691f7d17e64d9296.txt';

/** Run a VS Code command until its result passes `accept`. */
function poll<T>(what: string, command: () => Thenable<T | undefined>, accept: (value: T) => boolean, timeoutMs?: number): Promise<T> {
  return waitFor(what, async () => {
    const value = await command();
    return value !== undefined && accept(value) ? value : undefined;
  }, timeoutMs);
}

suite('navigation', () => {
  test('the outline lists people, teams, quotes and claims', async () => {
    const doc = await openArticle(ENGLISH);
    const symbols = await poll('document symbols', () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri), (s) => s.length > 0);
    const groups = symbols.map((s) => s.name);
    for (const g of ['People', 'Teams', 'Quotes', 'Claims']) assert(groups.includes(g), `outline lacks ${g}: ${groups.join(', ')}`);
  });

  test('references to Casemiro reach the other articles of the workspace', async () => {
    const doc = await openArticle(ENGLISH);
    const refs = await poll('references to Casemiro', () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'Casemiro')), (r) => r.length >= 8);
    assert(refs.every((r) => r.uri.path.endsWith('.txt')), `a reference is not in an article: ${refs.map((r) => r.uri.toString()).join(', ')}`);
  });

  test('workspace symbols find Ancelotti by a name the articles never use', async () => {
    await openArticle(ENGLISH);
    const symbols = await poll('workspace symbols for "Carletto"', () => vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Carletto'), (s) => s.length > 0);
    assert(symbols.some((s) => s.name === 'Carlo Ancelotti'), `no Carlo Ancelotti among ${symbols.map((s) => s.name).join(', ')}`);
  });

  test('go to definition opens the entry in the bundled knowledge base, read-only', async () => {
    const doc = await openArticle(ENGLISH);
    const targets = await poll(
      'definition of Casemiro',
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'Casemiro')),
      (t) => t.length > 0,
    );
    const target = targets[0]!;
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    assert(uri.scheme === 'touchline-kb', `the bundled knowledge base should open read-only (touchline-kb:), got ${uri.toString()}`);
    const kb = await vscode.workspace.openTextDocument(uri);
    const range = 'targetUri' in target ? target.targetRange : target.range;
    assert(kb.getText(range).startsWith('casemiro'), `the definition shows "${kb.getText(range)}"`);
  });

  test('document highlights mark every mention of the entity under the cursor', async () => {
    const doc = await openArticle(ENGLISH);
    const highlights = await poll('highlights of Casemiro', () => vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, positionOf(doc, 'Casemiro')), (h) => h.length >= 8);
    assert(highlights.some((h) => doc.getText(h.range) === 'Casemiro'), 'no highlight on the name itself');
  });

  test('when the language server dies it is restarted and hovers work again', async () => {
    const doc = await openArticle(ENGLISH);
    const api = vscode.extensions.getExtension<{ serverProcessId(): Promise<number | undefined> }>(TOUCHLINE_ID)!.exports;
    const before = await waitFor('the server process id', () => api.serverProcessId());
    process.kill(before, 'SIGKILL');
    const after = await waitFor('a new server process', async () => {
      const pid = await api.serverProcessId().catch(() => undefined);
      return pid !== undefined && pid !== before ? pid : undefined;
    }, 30_000);
    assert(after !== before, 'the server was not restarted');
    const text = await hoverAt(doc.uri, positionOf(doc, 'Casemiro').translate(0, 2), 'Casemiro after the restart');
    assert(text.includes('Casemiro'), `hover after the restart: ${text}`);
  });
});
