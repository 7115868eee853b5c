/**
 * The VS Code side of Touchline: decides which .txt files are articles, starts the bundled
 * language server over IPC, and adds the commands and the status bar item.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ArticleFiles, ARTICLE_LANGUAGE } from './articles';
import { ArticleStatusBar } from './statusBar';
import { RestartingErrorHandler } from './errorHandler';
import { bundledKbMiddleware, registerBundledKb } from './bundledKb';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Touchline', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Articles, and knowledge-base files so the server can report their errors as they are edited.
    documentSelector: [{ language: ARTICLE_LANGUAGE }, { pattern: '**/*.kb.{yaml,yml,json}' }],
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
    synchronize: {
      configurationSection: 'touchline',
      // Knowledge-base files reload the knowledge base; articles changed outside the editor re-index.
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.kb.{yaml,yml,json}'), vscode.workspace.createFileSystemWatcher('**/*.txt')],
    },
    middleware: bundledKbMiddleware(context),
  };
  client = new LanguageClient('touchline', 'Touchline', serverOptions, clientOptions);

  const articles = new ArticleFiles(context);
  const statusBar = new ArticleStatusBar(client);
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
  );

  await client.start();
  statusBar.listen();
  articles.claimOpenDocuments();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
