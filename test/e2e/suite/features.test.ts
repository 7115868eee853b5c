// Extension-host tests of Touchline's language features through the public VS Code API, on the
// sample articles. Assertions hold for any honest analysis: they check that the features answer
// and agree with each other, not exact lists that later analysis work would change.
import * as vscode from 'vscode';
import { assert, suite, test, waitFor } from './harness';
import { TOUCHLINE_ID, articleUri, hoverAt, openArticle, positionOf, semanticLegend, semanticTokens, summarizeTokens } from './articles';

const ENGLISH = '000_691f7d17e64d9296.txt';
const ITALIAN = '001_fc36557d683ab8d1.txt';
const LEGEND_TYPES = ['person', 'team', 'competition', 'place', 'organization', 'date', 'quote'];

suite('features', () => {
  test('Touchline activates when an article is opened', async () => {
    const doc = await openArticle(ENGLISH);
    const ext = vscode.extensions.getExtension(TOUCHLINE_ID);
    assert(ext?.isActive, `${TOUCHLINE_ID} is not active after opening ${ENGLISH}`);
    assert(doc.lineCount > 10, `${ENGLISH} looks empty (${doc.lineCount} lines)`);
  });

  test('semantic token legend declares the design types and the linked modifier', async () => {
    const doc = await openArticle(ENGLISH);
    const legend = await semanticLegend(doc.uri);
    const missing = LEGEND_TYPES.filter((t) => !legend.tokenTypes.includes(t));
    assert(missing.length === 0, `legend lacks ${missing.join(', ')}; has ${legend.tokenTypes.join(', ')}`);
    assert(legend.tokenModifiers.includes('linked'), `legend modifiers lack "linked": ${legend.tokenModifiers.join(', ')}`);
  });

  test('semantic tokens mark Casemiro as a person (English)', async () => {
    const doc = await openArticle(ENGLISH);
    const at = positionOf(doc, 'Casemiro');
    const tokens = await semanticTokens(doc);
    const covering = tokens.filter((t) => t.range.contains(at));
    assert(
      covering.some((t) => t.type === 'person'),
      `no person token at Casemiro ${at.line + 1}:${at.character + 1}; tokens there: ${JSON.stringify(covering.map((t) => [t.text, t.type]))}; document has ${summarizeTokens(tokens)}`,
    );
    for (const t of tokens) {
      assert(t.range.end.line < doc.lineCount && t.text.length > 0, `token outside the document: ${JSON.stringify(t)}`);
    }
  });

  test('semantic tokens mark Carlo Ancelotti as a person (Italian)', async () => {
    const doc = await openArticle(ITALIAN);
    const at = positionOf(doc, 'Ancelotti');
    const tokens = await semanticTokens(doc);
    const covering = tokens.filter((t) => t.range.contains(at));
    assert(covering.some((t) => t.type === 'person'), `no person token at Ancelotti; tokens there: ${JSON.stringify(covering.map((t) => [t.text, t.type]))}; document has ${summarizeTokens(tokens)}`);
  });

  test('hover on Casemiro shows a card', async () => {
    const doc = await openArticle(ENGLISH);
    const text = await hoverAt(doc.uri, positionOf(doc, 'Casemiro').translate(0, 2), 'Casemiro');
    assert(text.length > 0, 'hover text is empty');
  });

  test('diagnostics are well formed (source, code, range inside the article)', async () => {
    const doc = await openArticle(ENGLISH);
    await semanticTokens(doc); // the server has analysed this version
    const diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'touchline');
    for (const d of diagnostics) {
      assert(d.code !== undefined && d.code !== '', `diagnostic without a rule id: ${d.message}`);
      assert(d.range.end.line < doc.lineCount, `diagnostic past the end of the article: ${d.message}`);
      assert(d.message.trim().length > 0, 'diagnostic with an empty message');
    }
  });

  test('code actions answer on an entity and on every diagnostic', async () => {
    const doc = await openArticle(ENGLISH);
    const at = positionOf(doc, 'Casemiro');
    const ranges = [new vscode.Range(at, at.translate(0, 'Casemiro'.length))];
    for (const d of vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'touchline')) ranges.push(d.range);
    for (const range of ranges) {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, range);
      assert(Array.isArray(actions), `code actions at ${range.start.line + 1}:${range.start.character + 1} did not return a list`);
      for (const a of actions) assert(a.title.trim().length > 0, 'code action without a title');
    }
  });

  test('document symbols list the article outline', async () => {
    const doc = await openArticle(ENGLISH);
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    for (const s of symbols) {
      const range = 'range' in s ? s.range : s.location.range;
      assert(s.name.trim().length > 0, 'symbol without a name');
      assert(range.end.line < doc.lineCount, `symbol ${s.name} past the end of the article`);
    }
  });

  test('edits are synced: after inserting a line, every token is one line lower', async () => {
    const copy = articleUri('e2e-edited-copy.txt');
    await vscode.workspace.fs.copy(articleUri(ENGLISH), copy, { overwrite: true });
    const doc = await openArticle('e2e-edited-copy.txt');
    // A blank line between paragraphs (not the first line, which holds the date): adding another
    // changes no analysis, only positions.
    let insertAt = 1;
    while (insertAt < doc.lineCount && !doc.lineAt(insertAt).isEmptyOrWhitespace) insertAt++;
    assert(insertAt < doc.lineCount, `${ENGLISH} has no blank line between paragraphs`);
    const before = (await semanticTokens(doc)).filter((t) => t.range.start.line >= insertAt);
    assert(before.length > 0, 'no tokens below the insertion point to follow');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(insertAt, 0), '\n');
    assert(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    const expected = before.map((t) => `${t.range.start.line + 1}:${t.range.start.character} ${t.type} ${t.text}`);
    await waitFor('the tokens below the new line to move down by one line', async () => {
      const after = new Set((await semanticTokens(doc)).map((t) => `${t.range.start.line}:${t.range.start.character} ${t.type} ${t.text}`));
      return expected.every((e) => after.has(e));
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(copy);
  });

  test('restart command brings the server back', async () => {
    const doc = await openArticle(ENGLISH);
    const commands = await vscode.commands.getCommands(true);
    assert(commands.includes('touchline.restartServer'), 'command touchline.restartServer is not registered');
    const before = (await semanticTokens(doc)).length;
    await vscode.commands.executeCommand('touchline.restartServer');
    await waitFor('the restarted server to return the same number of semantic tokens', async () => (await semanticTokens(doc)).length === before);
  });
});
