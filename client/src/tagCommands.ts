/**
 * The client's side of tagging: the comment input box, tagging from the Claims view, the
 * view's filter, the ClaimReview export, and a guard that keeps the server from writing a
 * tags file that has unsaved edits in an editor.
 */
import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { CATEGORIES, type ClaimRef, type ClaimsNode, type ClaimsView } from './claimsView';
import { COMMENT_COMMAND, EXPORT_CLAIMREVIEW_REQUEST, RATE_COMMAND, type ExportResult } from '../../server/src/protocol/messages';

const RATINGS = CATEGORIES.filter((c) => c.id !== 'untagged' && c.id !== 'orphan');

/** The claim a command was invoked on: a code action passes a ref, the view passes its node. */
function refOf(target: unknown): { ref: ClaimRef; comment: string } | undefined {
  const node = target as ClaimsNode | undefined;
  if (node?.kind === 'entry' && node.entry.ref) return { ref: node.entry.ref, comment: node.entry.comment ?? '' };
  const ref = target as ClaimRef | undefined;
  return ref && typeof ref.uri === 'string' && typeof ref.quote === 'string' ? { ref, comment: '' } : undefined;
}

/** Ask for a comment on a claim and save it (an empty comment removes it). */
export async function addComment(target: unknown, current?: unknown): Promise<void> {
  const claim = refOf(target);
  if (!claim) {
    void vscode.window.showInformationMessage('Use "Add a comment" from the light bulb on a claim, or from a claim in the Claims view.');
    return;
  }
  const value = await vscode.window.showInputBox({
    title: `Comment on “${claim.ref.quote}”`,
    prompt: 'Saved with the claim’s tag in the article’s tags file. Leave empty to remove the comment.',
    value: typeof current === 'string' ? current : claim.comment,
    ignoreFocusOut: true,
  });
  if (value === undefined) return;
  await vscode.commands.executeCommand(COMMENT_COMMAND, claim.ref, value.trim() === '' ? null : value.trim());
}

/** Tag the claim of a Claims view node, choosing the tag from a list. */
export async function tagFromView(target: unknown): Promise<void> {
  const claim = refOf(target);
  if (!claim) return;
  const pick = await vscode.window.showQuickPick(
    RATINGS.map((r) => ({ label: `$(${r.icon}) ${r.label}`, id: r.id })),
    { title: `Tag “${claim.ref.quote}” as…`, placeHolder: 'The tag is saved in the article’s tags file.' },
  );
  if (pick) await vscode.commands.executeCommand(RATE_COMMAND, claim.ref, pick.id);
}

/** Remove the tag of a Claims view node's claim (its comment stays). */
export async function removeTagFromView(target: unknown): Promise<void> {
  const claim = refOf(target);
  if (claim) await vscode.commands.executeCommand(RATE_COMMAND, claim.ref, null);
}

/** Choose which tags the Claims view shows. */
export async function chooseFilter(view: ClaimsView): Promise<void> {
  const current = view.filter;
  const picks = await vscode.window.showQuickPick(
    CATEGORIES.map((c) => ({ label: `$(${c.icon}) ${c.label}`, id: c.id, picked: !current || current.includes(c.id) })),
    { title: 'Show claims tagged…', canPickMany: true, placeHolder: 'Pick the tags to show; pick none or all to show every claim.' },
  );
  if (picks) await view.setFilter(picks.map((p) => p.id));
}

/** Open the workspace's rated claims as ClaimReview JSON-LD in a new, unsaved document. */
export async function exportClaimReview(client: LanguageClient): Promise<void> {
  const result = await client.sendRequest<ExportResult>(EXPORT_CLAIMREVIEW_REQUEST);
  if (result.count === 0) {
    void vscode.window.showInformationMessage('No tagged claims to export yet: tag a claim with the light bulb (or from the Claims view) first.');
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: result.json });
  await vscode.window.showTextDocument(document);
  void vscode.window.showInformationMessage(`${result.count} ClaimReview${result.count === 1 ? '' : 's'} exported to a new document; save it where you publish them.`);
}

/**
 * Middleware: before the server writes a tags file, make sure none has unsaved edits in an
 * editor (the server writes to disk and those edits would conflict).
 */
export function unsavedTagsGuard(): Middleware {
  return {
    executeCommand: async (command, args, next) => {
      if (command.startsWith('touchline.annotations.')) {
        const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.path.endsWith('.annotations.json'));
        if (dirty) {
          void vscode.window.showWarningMessage(`Save or revert ${vscode.workspace.asRelativePath(dirty.uri)} first: Touchline saves tags to tags files, and it has unsaved changes.`);
          return undefined;
        }
      }
      return next(command, args);
    },
  };
}
