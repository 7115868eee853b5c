/**
 * The VS Code side of Touchline: decides which .txt files are articles, starts the bundled
 * language server over IPC, and adds the commands, the status bar item and the Claims view.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ArticleFiles, ARTICLE_LANGUAGE } from './articles';
import { ArticleStatusBar } from './statusBar';
import { RestartingErrorHandler } from './errorHandler';
import { bundledKbMiddleware, registerBundledKb } from './bundledKb';
import { ClaimsView } from './claimsView';
import { addComment, chooseFilter, exportClaimReview, removeTagFromView, tagFromView, unsavedTagsGuard } from './tagCommands';
import { PROCESS_ID_REQUEST } from '../../server/src/protocol/messages';

let client: LanguageClient | undefined;

/** What Touchline offers other extensions (and its end-to-end tests). */
export interface TouchlineApi {
  /** Process id of the running language server, to check that it recovers from a crash. */
  serverProcessId(): Promise<number | undefined>;
}

export async function activate(context: vscode.ExtensionContext): Promise<TouchlineApi> {
  const output = vscode.window.createOutputChannel('Touchline', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Articles, and knowledge-base and configuration files so the server reports their errors as they are edited.
    documentSelector: [{ language: ARTICLE_LANGUAGE }, { pattern: '**/*.kb.{yaml,yml,json}' }, { pattern: '**/touchline.json' }],
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
    synchronize: {
      configurationSection: 'touchline',
      // Knowledge-base files reload the knowledge base; articles changed outside the editor re-index;
      // tags files edited by hand (or checked out) are read again.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.kb.{yaml,yml,json}'),
        vscode.workspace.createFileSystemWatcher('**/*.txt'),
        vscode.workspace.createFileSystemWatcher('**/*.annotations.json'),
        vscode.workspace.createFileSystemWatcher('**/touchline.json'),
      ],
    },
    middleware: { ...bundledKbMiddleware(context), ...unsavedTagsGuard() },
  };
  client = new LanguageClient('touchline', 'Touchline', serverOptions, clientOptions);

  const articles = new ArticleFiles(context);
  const statusBar = new ArticleStatusBar(client);
  const claims = new ClaimsView(client, context.workspaceState);
  context.subscriptions.push(
    registerBundledKb(context),
    articles,
    statusBar,
    vscode.commands.registerCommand('touchline.restartServer', async () => {
      output.info('Restarting the Touchline language server at your request.');
      await client?.restart();
    }),
    vscode.commands.registerCommand('touchline.toggleArticle', () => articles.toggleActive()),
    vscode.commands.registerCommand('touchline.showOutput', () => output.show(true)),
    claims,
    vscode.commands.registerCommand('touchline.addComment', addComment),
    vscode.commands.registerCommand('touchline.claims.tag', tagFromView),
    vscode.commands.registerCommand('touchline.claims.removeTag', removeTagFromView),
    vscode.commands.registerCommand('touchline.claims.filter', () => chooseFilter(claims)),
    vscode.commands.registerCommand('touchline.claims.refresh', () => claims.refresh()),
    vscode.commands.registerCommand('touchline.exportClaimReview', () => client && exportClaimReview(client)),
  );

  await client.start();
  statusBar.listen();
  claims.listen();
  claims.refresh();
  void vscode.commands.executeCommand('setContext', 'touchline.active', true);
  articles.claimOpenDocuments();
  return {
    serverProcessId: async () => (client?.isRunning() ? client.sendRequest<number>(PROCESS_ID_REQUEST) : undefined),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
