/**
 * Which text files are articles. Any `.txt` file is, unless the include/exclude globs
 * (`touchline.articles.include` / `.exclude`, per folder) say otherwise or the user turned
 * Touchline off for it. Articles get the `sports-article` language, which is what the
 * language client and the grammar select on.
 */
import * as vscode from 'vscode';

export const ARTICLE_LANGUAGE = 'sports-article';
const PLAIN_TEXT = 'plaintext';
const OVERRIDES_KEY = 'touchline.articleOverrides';

type Override = 'on' | 'off';

export class ArticleFiles implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Documents whose language Touchline itself is changing right now. */
  private readonly switching = new Set<string>();
  /** Language of recently closed documents: a close and re-open is how VS Code changes a language. */
  private readonly closedAs = new Map<string, string>();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.closedAs.set(d.uri.toString(), d.languageId);
        // Only the latest change matters; forget old closes so the map stays small.
        if (this.closedAs.size > 100) this.closedAs.delete(this.closedAs.keys().next().value!);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('touchline.articles')) this.claimOpenDocuments();
      }),
    );
  }

  /** Give every open document that is an article the article language (and back). */
  claimOpenDocuments(): void {
    for (const d of vscode.workspace.textDocuments) void this.claim(d);
  }

  /** Turn Touchline on or off for the active editor's file, and remember the choice. */
  async toggleActive(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Open a text file first: Touchline turns on or off for the file in the active editor.');
      return;
    }
    const on = document.languageId !== ARTICLE_LANGUAGE;
    await this.setOverride(document.uri, on ? 'on' : 'off');
    await this.setLanguage(document, on ? ARTICLE_LANGUAGE : PLAIN_TEXT);
    void vscode.window.setStatusBarMessage(on ? 'Touchline is on for this file.' : 'Touchline is off for this file.', 4000);
  }

  /** Whether a document should be treated as an article. */
  isArticle(document: vscode.TextDocument): boolean {
    const override = this.overrides()[document.uri.toString()];
    if (override) return override === 'on';
    if (document.languageId !== PLAIN_TEXT && document.languageId !== ARTICLE_LANGUAGE) return false;
    const config = vscode.workspace.getConfiguration('touchline.articles', document.uri);
    const include = config.get<string[]>('include', ['**/*.txt']);
    const exclude = config.get<string[]>('exclude', []);
    const matches = (globs: string[]): boolean => globs.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
    return matches(include) && !matches(exclude);
  }

  private async opened(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const before = this.closedAs.get(key);
    this.closedAs.delete(key);
    if (!this.switching.has(key) && before !== undefined && before !== document.languageId) {
      // The user picked a language with "Change Language Mode": respect it from now on.
      if (document.languageId === ARTICLE_LANGUAGE) return this.setOverride(document.uri, 'on');
      if (before === ARTICLE_LANGUAGE) return this.setOverride(document.uri, 'off');
    }
    await this.claim(document);
  }

  private async claim(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== PLAIN_TEXT && document.languageId !== ARTICLE_LANGUAGE) return;
    const article = this.isArticle(document);
    if (article && document.languageId === PLAIN_TEXT) await this.setLanguage(document, ARTICLE_LANGUAGE);
    else if (!article && document.languageId === ARTICLE_LANGUAGE) await this.setLanguage(document, PLAIN_TEXT);
  }

  private async setLanguage(document: vscode.TextDocument, language: string): Promise<void> {
    const key = document.uri.toString();
    this.switching.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, language);
    } finally {
      this.switching.delete(key);
    }
  }

  private overrides(): Record<string, Override> {
    return this.context.workspaceState.get<Record<string, Override>>(OVERRIDES_KEY, {});
  }

  private async setOverride(uri: vscode.Uri, value: Override): Promise<void> {
    await this.context.workspaceState.update(OVERRIDES_KEY, { ...this.overrides(), [uri.toString()]: value });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
