/**
 * The Claims view (explorer): the workspace's claims per article with their tags, filtered by
 * tag, revealing a claim in its article on click. The server lists them (`touchline/claims`);
 * the view refreshes when the server says tags or claims changed.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ARTICLE_LANGUAGE } from './articles';
import { ANNOTATIONS_CHANGED_NOTIFICATION, CLAIMS_REQUEST, type ClaimsArticle, type ClaimsEntry, type ClaimsResult } from '../../server/src/protocol/messages';

export type { ClaimRef, ClaimsEntry } from '../../server/src/protocol/messages';

/** A node of the view. */
export type ClaimsNode = { readonly kind: 'article'; readonly article: ClaimsArticle } | { readonly kind: 'entry'; readonly entry: ClaimsEntry };

/** The categories the view filters on, with their labels and icons. */
export const CATEGORIES: readonly { readonly id: string; readonly label: string; readonly icon: string; readonly color?: string }[] = [
  { id: 'verified', label: 'Verified', icon: 'pass', color: 'testing.iconPassed' },
  { id: 'false', label: 'False', icon: 'error', color: 'errorForeground' },
  { id: 'misleading', label: 'Misleading', icon: 'warning', color: 'editorWarning.foreground' },
  { id: 'needs-source', label: 'Needs source', icon: 'question', color: 'editorInfo.foreground' },
  { id: 'opinion', label: 'Opinion', icon: 'comment-discussion' },
  { id: 'untagged', label: 'Not tagged', icon: 'circle-outline' },
  { id: 'orphan', label: 'Orphaned (text gone)', icon: 'debug-disconnect', color: 'editorWarning.foreground' },
];

const FILTER_KEY = 'touchline.claims.filter';
const REFRESH_DELAY_MS = 300;

export class ClaimsView implements vscode.TreeDataProvider<ClaimsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ClaimsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<ClaimsNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly state: vscode.Memento,
  ) {
    this.view = vscode.window.createTreeView('touchline.claims', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view, this.changed);
    this.describeFilter();
  }

  /** Refresh when the server says tags or claims changed, and (while shown) as articles are edited. */
  listen(): void {
    this.disposables.push(
      this.client.onNotification(ANNOTATIONS_CHANGED_NOTIFICATION, () => this.refreshSoon()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.view.visible && e.contentChanges.length > 0 && e.document.languageId === ARTICLE_LANGUAGE) this.refreshSoon();
      }),
    );
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The categories shown (all when undefined). */
  get filter(): readonly string[] | undefined {
    return this.state.get<string[]>(FILTER_KEY);
  }

  async setFilter(categories: readonly string[] | undefined): Promise<void> {
    await this.state.update(FILTER_KEY, categories && categories.length > 0 && categories.length < CATEGORIES.length ? categories : undefined);
    this.describeFilter();
    this.refresh();
  }

  getTreeItem(node: ClaimsNode): vscode.TreeItem {
    if (node.kind === 'article') {
      const a = node.article;
      const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.resourceUri = vscode.Uri.parse(a.uri);
      item.description = `${this.filter ? `${a.shown} of ${a.total}` : a.total} claims${a.orphans > 0 ? ` · ${a.orphans} orphaned` : ''}`;
      item.contextValue = 'article';
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.label, vscode.TreeItemCollapsibleState.None);
    item.description = e.description;
    item.tooltip = new vscode.MarkdownString(e.tooltip);
    const category = CATEGORIES.find((c) => c.id === e.category);
    item.iconPath = new vscode.ThemeIcon(category?.icon ?? 'tag', category?.color ? new vscode.ThemeColor(category.color) : undefined);
    item.contextValue = e.category === 'orphan' ? 'orphan' : e.category === 'untagged' ? 'claim' : 'claim.rated';
    const { start, end } = e.target.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    item.command = { title: 'Show the claim', command: 'vscode.open', arguments: [vscode.Uri.parse(e.target.uri), { selection, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  async getChildren(node?: ClaimsNode): Promise<ClaimsNode[]> {
    if (node?.kind === 'entry') return [];
    if (this.client.state !== State.Running) return [];
    const params = { ...(node ? { uri: node.article.uri } : {}), ...(this.filter ? { categories: this.filter } : {}) };
    const result = await this.client.sendRequest<ClaimsResult>(CLAIMS_REQUEST, params).then(
      (r) => r,
      () => undefined,
    );
    if (!result) return [];
    if ('articles' in result) return result.articles.map((article) => ({ kind: 'article', article }));
    return result.entries.map((entry) => ({ kind: 'entry', entry }));
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  private describeFilter(): void {
    const filter = this.filter;
    this.view.description = filter ? CATEGORIES.filter((c) => filter.includes(c.id)).map((c) => c.label.toLowerCase()).join(', ') : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
