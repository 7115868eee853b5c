// Claim tagging in the real editor: a quick fix tags a claim, the sidecar holds a valid W3C Web
// Annotation, the tag follows the claim through an edit in the editor and an edit made on disk,
// and deleting the claim's text produces a reported orphan. Works on a copy of a sample article,
// removed (with its sidecar) at the end.
import * as vscode from 'vscode';
import { assert, suite, test, waitFor } from './harness';
import { articleUri, hoverAt, openArticle, positionOf, semanticTokens } from './articles';

const SOURCE = '000_691f7d17e64d9296.txt';
const COPY = 'e2e-tagging.txt';
const CLAIM = '331 games';

interface StoredAnnotation {
  id: string;
  type: string;
  motivation: string;
  created: string;
  modified: string;
  creator: { type: string; name: string };
  body: { type: string; purpose: string; value: string }[];
  target: { source: string; selector: { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }[] };
}

const sidecarUri = () => articleUri(`${COPY}.annotations.json`);

async function readSidecar(): Promise<{ '@context': string; type: string; items: StoredAnnotation[] } | undefined> {
  try {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri())));
  } catch {
    return undefined;
  }
}

/** Code points before a UTF-16 offset (the W3C position selector's unit). */
const codePoints = (text: string, offset: number) => Array.from(text.slice(0, offset)).length;

/** The range of the first `CLAIM` in the document. */
function claimRange(doc: vscode.TextDocument): vscode.Range {
  const start = positionOf(doc, CLAIM);
  return new vscode.Range(start, start.translate(0, CLAIM.length));
}

/** Inlay hints of the whole document, as "label@line:character". */
async function hints(doc: vscode.TextDocument): Promise<string[]> {
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  const found = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all)) ?? [];
  return found.map((h) => `${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}@${h.position.line}:${h.position.character}`);
}

const expectedHint = (doc: vscode.TextDocument) => `✗ false@${claimRange(doc).end.line}:${claimRange(doc).end.character}`;

suite('tagging', () => {
  test('a quick fix tags a claim and the sidecar holds a valid W3C annotation', async () => {
    await vscode.workspace.fs.copy(articleUri(SOURCE), articleUri(COPY), { overwrite: true });
    const doc = await openArticle(COPY);
    await semanticTokens(doc); // analysed
    const range = claimRange(doc);
    const action = await waitFor(`a "Tag “${CLAIM}” as false" quick fix`, async () => {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(range.start.translate(0, 1), range.start.translate(0, 1)));
      return actions?.find((a): a is vscode.CodeAction => a.title === `Tag “${CLAIM}” as false` && 'command' in a && a.command !== undefined);
    });
    assert(action.kind?.value === vscode.CodeActionKind.QuickFix.value, `the tag action is a ${action.kind?.value}, not a quick fix`);
    const command = action.command as vscode.Command;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const page = await waitFor('the sidecar to hold the tag', async () => ((await readSidecar())?.items.length === 1 ? readSidecar() : undefined));
    assert(page!['@context'] === 'http://www.w3.org/ns/anno.jsonld', `@context is ${page!['@context']}`);
    assert(page!.type === 'AnnotationPage', `type is ${page!.type}`);
    const a = page!.items[0]!;
    assert(/^urn:uuid:[0-9a-f-]{36}$/.test(a.id), `id ${a.id}`);
    assert(a.type === 'Annotation' && a.motivation === 'assessing', `${a.type} / ${a.motivation}`);
    assert(!Number.isNaN(Date.parse(a.created)) && !Number.isNaN(Date.parse(a.modified)), 'created/modified are dates');
    assert(a.creator.type === 'Person' && a.creator.name.length > 0, `creator ${JSON.stringify(a.creator)}`);
    assert(a.body.some((b) => b.type === 'TextualBody' && b.purpose === 'assessing' && b.value === 'false'), `body ${JSON.stringify(a.body)}`);
    assert(a.target.source === COPY, `source ${a.target.source}`);
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    const text = doc.getText();
    assert(quote?.exact === CLAIM && quote.prefix === text.slice(text.indexOf(CLAIM) - 32, text.indexOf(CLAIM)), `quote selector ${JSON.stringify(quote)}`);
    assert(position?.start === codePoints(text, text.indexOf(CLAIM)) && position.end === position.start + CLAIM.length, `position selector ${JSON.stringify(position)}`);
    const hover = await hoverAt(doc.uri, range.start.translate(0, 1), 'the tagged claim');
    assert(/Tag:\*\* ✗ false/.test(hover) || /Tag: ✗ false/.test(hover), `the hover does not show the tag: ${hover}`);
    await waitFor('an inlay hint after the claim', async () => (await hints(doc)).includes(expectedHint(doc)));
    // The Claims view is contributed to the explorer and opens.
    await vscode.commands.executeCommand('touchline.claims.focus');
    await vscode.commands.executeCommand('touchline.claims.refresh');
    await vscode.window.showTextDocument(doc);
  });

  test('the tag follows the claim through an edit in the editor, and saving stores it', async () => {
    const doc = await openArticle(COPY);
    const line = claimRange(doc).start.line;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(line, 0), 'In the words of his club, the Brazilian ');
    assert(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    await waitFor(`the hint to move with the claim to ${expectedHint(doc)}`, async () => (await hints(doc)).includes(expectedHint(doc)));
    assert(await doc.save(), 'the article was not saved');
    const text = doc.getText();
    await waitFor('the sidecar to store the new position', async () => {
      const position = (await readSidecar())?.items[0]?.target.selector.find((s) => s.type === 'TextPositionSelector');
      return position?.start === codePoints(text, text.indexOf(CLAIM));
    });
  });

  test('the tag follows the claim through an edit made on disk', async () => {
    const doc = await openArticle(COPY);
    const before = doc.getText();
    const after = before.replace('Casemiro spent almost a decade', 'Casemiro, a Brazilian who would later join Manchester United, spent almost a decade');
    assert(after !== before, 'the sample sentence to edit is missing');
    await vscode.workspace.fs.writeFile(doc.uri, new TextEncoder().encode(after));
    await waitFor('the editor to reload the article from disk', () => doc.getText() === after, 30_000);
    await waitFor(`the hint to follow the claim to ${expectedHint(doc)}`, async () => (await hints(doc)).includes(expectedHint(doc)));
  });

  test('deleting the claim’s text produces a reported orphan, kept in the sidecar', async () => {
    const doc = await openArticle(COPY);
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, claimRange(doc));
    assert(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    const orphan = await waitFor('an orphan warning on the article', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'touchline' && String(typeof d.code === 'object' ? d.code.value : d.code).includes('orphan')),
    );
    assert(orphan.severity === vscode.DiagnosticSeverity.Warning, `the orphan is reported as ${orphan.severity}`);
    assert(orphan.range.start.line === 0, `the orphan is reported on line ${orphan.range.start.line + 1}, not at the top`);
    assert(orphan.message.includes(`“${CLAIM}”`), `the message does not name the claim: ${orphan.message}`);
    assert((await readSidecar())?.items.length === 1, 'the orphaned tag was dropped from the sidecar');
    assert((await hints(doc)).length === 0, 'an orphan still has a hint somewhere');
    // Leave the workspace as it was.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(articleUri(COPY));
    await vscode.workspace.fs.delete(sidecarUri());
  });
});
