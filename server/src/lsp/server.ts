/**
 * The LSP layer: capabilities, document sync, settings and request wiring. Each feature's
 * protocol conversion lives in `features/`; all analysis lives in the core.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './analyses';
import { makeGuard } from './guard';
import { SettingsStore } from './settings';
import { legend, semanticTokens } from './features/semanticTokens';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { findingsOf, toDiagnostics } from './features/diagnostics';
import { createHoverContext } from './hoverContext';
import { articleStatus, STATUS_NOTIFICATION } from './status';
import { references, workspaceSymbols } from './features/navigation';
import { version as SERVER_VERSION } from '../../../package.json';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const analyses = new Analyses(documents, settings);
  const guard = makeGuard(connection);
  const hoverContext = createHoverContext();
  let pullDiagnostics = false;
  let refreshSupported = { diagnostics: false, tokens: false };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    settings.supported = caps.workspace?.configuration === true;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    refreshSupported = {
      diagnostics: caps.workspace?.diagnostics?.refreshSupport === true,
      tokens: caps.workspace?.semanticTokens?.refreshSupport === true,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        semanticTokensProvider: { legend, full: true, range: true },
        diagnosticProvider: { identifier: 'touchline', interFileDependencies: true, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'Touchline' },
        workspaceSymbolProvider: true,
        referencesProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'touchline', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (settings.supported) {
      // Ask for change notifications of our section; editors that push settings anyway are fine too.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'touchline' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.invalidate();
    refreshAll();
  });

  const refreshAll = (): void => {
    if (refreshSupported.diagnostics) void connection.languages.diagnostics.refresh();
    else if (!pullDiagnostics) for (const d of documents.all()) void pushDiagnostics(d.uri);
    if (refreshSupported.tokens) connection.languages.semanticTokens.refresh();
  };

  const diagnosticsOf = async (uri: string) => {
    const analysis = await analyses.get(uri);
    if (!analysis) return undefined;
    const findings = findingsOf(analysis, (await settings.forResource(uri)).rules);
    return { analysis, findings, diagnostics: toDiagnostics(analysis, findings, (source) => analyses.linesOf(source)) };
  };

  const pushDiagnostics = async (uri: string): Promise<void> => {
    const result = await diagnosticsOf(uri);
    if (result) await connection.sendDiagnostics({ uri, version: result.analysis.version, diagnostics: result.diagnostics });
  };

  documents.onDidChangeContent(async (e) => {
    if (!pullDiagnostics) await pushDiagnostics(e.document.uri);
    const result = await guard('status', undefined, undefined, () => diagnosticsOf(e.document.uri));
    if (result && result.analysis.version === documents.get(e.document.uri)?.version) {
      void connection.sendNotification(STATUS_NOTIFICATION, articleStatus(result.analysis, result.findings.length));
    }
  });
  documents.onDidClose((e) => {
    analyses.forget(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((params, token) =>
    guard('hover', null, token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? hover(analysis, params.position, hoverContext) : null;
    }),
  );

  connection.languages.semanticTokens.on((params, token) =>
    guard('semantic tokens', { data: [] }, token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? semanticTokens(analysis) : { data: [] };
    }),
  );
  connection.languages.semanticTokens.onRange((params, token) =>
    guard('semantic tokens (range)', { data: [] }, token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? semanticTokens(analysis, params.range) : { data: [] };
    }),
  );

  connection.languages.diagnostics.on((params, token) =>
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, token, async () => {
      const result = await diagnosticsOf(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: result?.diagnostics ?? [] };
    }),
  );

  connection.onCodeAction((_params, token) => guard('code actions', [], token, () => []));

  connection.onDocumentSymbol((params, token) =>
    guard('document symbols', [], token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? documentSymbols(analysis, (_key, fallback) => fallback) : [];
    }),
  );

  const openAnalyses = async () => {
    const all = await Promise.all(documents.all().map((d) => analyses.get(d.uri)));
    return all.filter((a) => a !== undefined);
  };
  connection.onWorkspaceSymbol((params, token) =>
    guard('workspace symbols', [], token, async () => workspaceSymbols(await openAnalyses(), params.query)),
  );
  connection.onReferences((params, token) =>
    guard('references', [], token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? references(analysis, params.position, await openAnalyses(), params.context.includeDeclaration) : [];
    }),
  );
  connection.onDefinition((_params, token) => guard('definition', null, token, () => null));

  documents.listen(connection);
  connection.listen();
}
