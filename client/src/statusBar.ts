/**
 * Status bar item for article files: language, entity and finding counts. It links to the
 * Problems view and the outline, and says when a large file was only partly analysed.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ARTICLE_LANGUAGE } from './articles';
import { STATUS_NOTIFICATION, type ArticleStatus } from '../../server/src/protocol/messages';


const LANGUAGE_NAME: Record<string, string> = { en: 'English', it: 'Italian' };

export class ArticleStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('touchline.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, ArticleStatus>();
  private readonly warnedTruncated = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Touchline';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.statuses.delete(d.uri.toString())),
    );
  }

  listen(): void {
    this.disposables.push(
      this.client.onNotification(STATUS_NOTIFICATION, (status: ArticleStatus) => {
        this.statuses.set(status.uri, status);
        if (status.truncatedAt !== undefined) this.warnTruncated(status);
        this.render();
      }),
    );
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== ARTICLE_LANGUAGE) {
      this.item.hide();
      return;
    }
    const status = this.statuses.get(document.uri.toString());
    if (!status) {
      this.item.text = '$(sync~spin) Touchline';
      this.item.tooltip = 'Touchline is analysing this article.';
      this.item.show();
      return;
    }
    if (status.skipped === 'binary') {
      this.item.text = '$(circle-slash) Touchline: skipped';
      this.item.tooltip = 'Touchline skipped this file: it contains NUL characters, so it looks binary rather than a text article.';
      this.item.show();
      return;
    }
    const language = LANGUAGE_NAME[status.language] ?? status.language;
    const partial = status.truncatedAt !== undefined ? ' $(warning) partial' : '';
    this.item.text = `$(book) ${status.language.toUpperCase()} · ${status.entities} entities · ${status.findings} findings${partial}`;
    const tooltip = new vscode.MarkdownString(
      `**Touchline** — ${language} article\n\n` +
        `${status.entities} entities (${status.linked} in the knowledge base), ${status.findings} findings.\n\n` +
        (status.truncatedAt !== undefined ? `Only the first ${status.truncatedAt.toLocaleString()} characters were analysed (size limit).\n\n` : '') +
        '[Show problems](command:workbench.actions.view.problems) · [Show outline](command:outline.focus)',
    );
    tooltip.isTrusted = { enabledCommands: ['workbench.actions.view.problems', 'outline.focus'] };
    this.item.tooltip = tooltip;
    this.item.show();
  }

  /** One message per file and session: the status bar keeps saying it afterwards. */
  private warnTruncated(status: ArticleStatus): void {
    if (this.warnedTruncated.has(status.uri)) return;
    this.warnedTruncated.add(status.uri);
    const name = vscode.Uri.parse(status.uri).path.split('/').pop();
    void vscode.window
      .showInformationMessage(
        `${name} is larger than Touchline's size limit, so only its first ${status.truncatedAt!.toLocaleString()} characters were analysed. Raise "touchline.limits.maxFileSizeMB" to analyse all of it.`,
        'Open Setting',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'touchline.limits.maxFileSizeMB');
      });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
