// Touchline declares `untrustedWorkspaces: supported` (it runs no workspace code): in Restricted
// Mode it must still activate and answer. The harness runs this suite in a second code-server
// started without --disable-workspace-trust.
import * as vscode from 'vscode';
import { assert, suite, test } from './harness';
import { hoverAt, openArticle, positionOf, semanticTokens } from './articles';

suite('restricted', () => {
  test('Touchline answers in Restricted Mode', async () => {
    assert(!vscode.workspace.isTrusted, 'the workspace is trusted: this suite must run in Restricted Mode');
    const doc = await openArticle('000_691f7d17e64d9296.txt');
    assert((await semanticTokens(doc)).length > 0, 'no semantic tokens in Restricted Mode');
    await hoverAt(doc.uri, positionOf(doc, 'Casemiro').translate(0, 2), 'Casemiro in Restricted Mode');
  });
});
