/**
 * The LSP layer: capabilities, document sync, settings, the knowledge base and request
 * wiring. Each feature's protocol conversion lives in `features/`; all analysis lives in the
 * core.
 */
import {
  CodeActionKind,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { Analyses } from './analyses';
import { makeGuard } from './guard';
import { SettingsStore, isConfigFile } from './settings';
import { configDiagnostics } from './features/configDiagnostics';
import { Knowledge, isKbFile } from './knowledge';
import { legend, semanticTokens } from './features/semanticTokens';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { findingsOf, toDiagnostics } from './features/diagnostics';
import { kbDiagnostics } from './features/kbDiagnostics';
import { definition } from './features/definition';
import { codeActions } from './features/codeActions';
import { documentHighlights } from './features/documentHighlight';
import { relativeDateHints } from './features/relativeDateHints';
import { references, workspaceSymbols } from './features/navigation';
import { createHoverContext } from './hoverContext';
import { WorkspaceIndex } from './workspaceIndex';
import { DiagnosticResults } from './diagnosticResults';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isArticleIn } from '../host/expandPaths';
import type { AnalysisContext } from '../core/context';
import type { Claim } from '../core/model';
import { articleStatus, STATUS_NOTIFICATION } from './status';
import { PROCESS_ID_REQUEST } from '../protocol/messages';
import { TagFeatures } from './annotations/tagFeatures';
import { version as SERVER_VERSION } from '../../../package.json';

/** Pause in typing after which an edited knowledge-base file is reloaded. */
const KB_EDIT_DEBOUNCE_MS = 250;

export function startServer(connection: Connection): void {
  const tags = new TagFeatures(connection);
  const documents = new TextDocuments(tags.documentsConfiguration());
  const settings = new SettingsStore(connection);
  const knowledge = new Knowledge();
  const index = new WorkspaceIndex(() => knowledge.current);
  // Analyses use the knowledge base plus the surnames the workspace names in full.
  let combined: { kb: number; index: number; current: { context: AnalysisContext; revision: number } } | undefined;
  const analysisKnowledge = {
    get current() {
      const kb = knowledge.current;
      if (!combined || combined.kb !== kb.revision || combined.index !== index.revision) {
        const revision = (combined?.current.revision ?? 0) + 1;
        combined = { kb: kb.revision, index: index.revision, current: { context: { ...kb.context, workspaceSurnames: index.surnames }, revision } };
      }
      return combined.current;
    },
  };
  const analyses = new Analyses(documents, settings, analysisKnowledge);
  const diagnosticResults = new DiagnosticResults();
  const guard = makeGuard(connection);
  const hoverContext = createHoverContext(knowledge, index);
  let progressSupported = false;
  let pullDiagnostics = false;
  let refreshSupported = { diagnostics: false, tokens: false };
  let folders: string[] = [];
  tags.connect({ documents, analyses, index, folders: () => folders, guard, refresh: () => refreshAll() });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    settings.supported = caps.workspace?.configuration === true;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    refreshSupported = {
      diagnostics: caps.workspace?.diagnostics?.refreshSupport === true,
      tokens: caps.workspace?.semanticTokens?.refreshSupport === true,
    };
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    progressSupported = caps.window?.workDoneProgress === true;
    knowledge.setFolders(folders);
    settings.folders = folders;
    tags.initialize(caps);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        semanticTokensProvider: { legend, full: true, range: true },
        diagnosticProvider: { identifier: 'touchline', interFileDependencies: true, workspaceDiagnostics: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'Touchline' },
        workspaceSymbolProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        documentHighlightProvider: true,
        ...tags.capabilities,
      },
      serverInfo: { name: 'touchline', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (settings.supported) {
      // Ask for change notifications of our section; editors that push settings anyway are fine too.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'touchline' }).catch(() => undefined);
    }
    void reloadKnowledge();
  });

  // --- knowledge base ------------------------------------------------------------------
  let reloading: Promise<void> | undefined;
  /** Unreadable knowledge-base files the user was already told about (once each). */
  const toldUnreadable = new Set<string>();
  let reloadAgain = false;
  /** Reload the knowledge base; calls during a reload coalesce into one more reload. */
  const reloadKnowledge = async (): Promise<void> => {
    if (reloading) {
      reloadAgain = true;
      return reloading;
    }
    reloading = (async () => {
      do {
        reloadAgain = false;
        await guard('knowledge-base reload', undefined, undefined, async () => {
          knowledge.setExtraPaths(await settings.knowledgeBasePaths());
          const open = new Map(documents.all().filter((d) => isKbFile(d.uri)).map((d) => [d.uri, d.getText()]));
          const state = await knowledge.reload(open);
          for (const problem of state.unreadable) {
            if (toldUnreadable.has(problem)) continue;
            toldUnreadable.add(problem);
            // A notification, not a request: nothing to wait for, and no client can fail it.
            connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problem }).catch(() => undefined);
          }
        });
      } while (reloadAgain);
      reloading = undefined;
      refreshAll();
      await rebuildIndex();
    })();
    return reloading;
  };

  // --- workspace index -----------------------------------------------------------------
  let indexRun = 0;
  /** Index every article of the workspace, showing progress; a newer run cancels an older one. */
  const rebuildIndex = async (): Promise<void> => {
    const run = ++indexRun;
    await guard('workspace index', undefined, undefined, async () => {
      const scopes = await Promise.all(folders.map(async (uri) => ({ uri, scope: await settings.forResource(uri) })));
      const progress = progressSupported ? await connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('Touchline: indexing articles', 0, 'finding articles…', true);
      let last = 0;
      await index.build(
        scopes.map(({ uri, scope }) => ({ uri, scope: { include: scope.include, exclude: scope.exclude, settings: scope.analysis } })),
        (done, total) => {
          // Report at most once per percent: thousands of notifications would slow the editor.
          const percent = Math.floor((done / total) * 100);
          if (percent !== last) progress?.report(percent, `${done} of ${total} articles`);
          last = percent;
        },
        () => run !== indexRun || progress?.token.isCancellationRequested === true,
      );
      progress?.done();
      connection.console.info(`Touchline indexed ${index.size} articles.`);
    });
    if (run === indexRun) refreshAll();
  };

  connection.onDidChangeWatchedFiles(async (params) => {
    await guard('tags files', undefined, undefined, () => tags.filesChanged(params.changes));
    if (params.changes.some((c) => isKbFile(c.uri))) {
      void reloadKnowledge();
      return;
    }
    let changed = false;
    for (const change of params.changes) {
      if (!/\.txt$/i.test(change.uri) || documents.get(change.uri)) continue;
      const scope = await settings.forResource(change.uri);
      if (change.type === FileChangeType.Deleted || !indexTakes(change.uri, scope)) index.remove(change.uri);
      else await guard('index update', undefined, undefined, () => index.refreshFromDisk(change.uri, scope.analysis));
      changed = true;
    }
    if (changed) refreshAll();
  });

  connection.onDidChangeConfiguration(() => {
    settings.invalidate();
    void guard('tags settings', undefined, undefined, () => tags.settingsChanged());
    void reloadKnowledge();
  });

  /** Ask the client to pull again; a client that fails the request just keeps what it has. */
  const refreshDiagnostics = (): void => {
    if (refreshSupported.diagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
  };
  const refreshAll = (): void => {
    if (refreshSupported.diagnostics) refreshDiagnostics();
    else if (!pullDiagnostics) for (const d of documents.all()) pushDiagnostics(d.uri).catch(() => undefined);
    if (refreshSupported.tokens) connection.languages.semanticTokens.refresh().catch(() => undefined);
    tags.notifyClient();
  };

  /** Whether the workspace index reads `uri` from disk: its walk of the workspace folders finds the file. */
  const indexTakes = (uri: string, scope: { readonly include: readonly string[]; readonly exclude: readonly string[] }): boolean => {
    if (!uri.startsWith('file:')) return false;
    const path = fileURLToPath(uri);
    return folders.some((f) => f.startsWith('file:') && isArticleIn(path, fileURLToPath(f), scope.include, scope.exclude));
  };

  // --- diagnostics ---------------------------------------------------------------------
  /** The analysis of a document and its findings (cached per analysis and revisions). */
  const findingsFor = async (uri: string) => {
    const analysis = await analyses.get(uri);
    if (!analysis) return undefined;
    const rules = (await settings.forResource(uri)).rules;
    const env = { kb: knowledge.current.context.kb, otherClaims: (claim: Claim) => index.claimsLike(claim, uri) };
    return { analysis, findings: findingsOf(analysis, rules, env, `${knowledge.current.revision}:${index.claimsRevision}.${index.claimPlacesRevision}:${settings.revision}`) };
  };
  const diagnosticsOf = async (uri: string) => {
    const result = await findingsFor(uri);
    if (!result) return undefined;
    const linesOf = (source: string) => analyses.linesOf(source) ?? index.get(source)?.lines;
    return { ...result, diagnostics: [...toDiagnostics(result.analysis, result.findings, linesOf), ...(await tags.diagnostics(uri))] };
  };

  /** A configuration or knowledge-base file's diagnostics; undefined for an article. */
  const fileDiagnostics = async (uri: string) => {
    if (isConfigFile(uri)) {
      const text = documents.get(uri)?.getText();
      return text === undefined ? [] : configDiagnostics(uri, text);
    }
    if (isKbFile(uri)) {
      // Diagnostics must describe the text the user sees: wait for a reload in progress.
      if (reloading) await reloading;
      return kbDiagnostics(uri, knowledge.current);
    }
    return undefined;
  };

  const pushDiagnostics = async (uri: string): Promise<void> => {
    const own = await fileDiagnostics(uri);
    if (own) {
      await connection.sendDiagnostics({ uri, diagnostics: own });
      return;
    }
    const result = await diagnosticsOf(uri);
    if (result) await connection.sendDiagnostics({ uri, version: result.analysis.version, diagnostics: result.diagnostics });
  };

  // Typing in a knowledge-base file reloads it once the typing pauses: a reload is a few
  // hundred milliseconds of work, too much for every keystroke.
  let kbEditTimer: NodeJS.Timeout | undefined;
  documents.onDidChangeContent(async (e) => {
    const uri = e.document.uri;
    if (isKbFile(uri)) {
      clearTimeout(kbEditTimer);
      kbEditTimer = setTimeout(() => void reloadKnowledge(), KB_EDIT_DEBOUNCE_MS);
      return;
    }
    const claimsBefore = index.claimsRevision;
    const placesBefore = index.claimPlacesRevision;
    const analysis = await guard('analysis', undefined, undefined, () => analyses.get(uri));
    if (analysis) index.setOpen(uri, analysis.article, analysis.lines);
    if (!pullDiagnostics) await pushDiagnostics(uri);
    // Claims that changed can change other articles' cross-article findings; claims that only
    // moved can move their pointers. A client that pulls re-pulls open articles itself when one
    // changes (inter-file dependencies) and on a refresh; one that takes pushed diagnostics is
    // sent the other open articles' again.
    if (pullDiagnostics) {
      if (index.claimsRevision !== claimsBefore) refreshDiagnostics();
    } else if (index.claimsRevision !== claimsBefore || index.claimPlacesRevision !== placesBefore) {
      for (const d of documents.all()) if (d.uri !== uri) pushDiagnostics(d.uri).catch(() => undefined);
    }
    // The status bar needs the count of findings only, not the diagnostics the pull will build.
    const result = await guard('status', undefined, undefined, () => findingsFor(uri));
    if (result && result.analysis.version === documents.get(uri)?.version) {
      connection.sendNotification(STATUS_NOTIFICATION, articleStatus(result.analysis, result.findings.length)).catch(() => undefined);
    }
  });
  documents.onDidOpen((e) => void guard('tags', undefined, undefined, () => tags.opened(e.document.uri)));
  documents.onDidSave((e) => void guard('tags', undefined, undefined, () => tags.saved(e.document.uri)));
  documents.onDidClose(async (e) => {
    const uri = e.document.uri;
    analyses.forget(uri);
    diagnosticResults.forget(uri);
    if (isKbFile(uri)) {
      void reloadKnowledge();
      return;
    }
    if (!pullDiagnostics) connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    await guard('index update', undefined, undefined, async () => {
      const scope = await settings.forResource(uri);
      // From now on the file on disk counts, if the index's walk of the workspace takes it.
      index.closed(uri, scope.analysis, indexTakes(uri, scope) && existsSync(fileURLToPath(uri)));
    });
  });

  connection.languages.diagnostics.on((params, token) =>
    guard('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, token, async () => {
      const uri = params.textDocument.uri;
      const own = await fileDiagnostics(uri);
      if (own) return { kind: DocumentDiagnosticReportKind.Full, items: own };
      const result = await diagnosticsOf(uri);
      return diagnosticResults.report(uri, result?.diagnostics ?? [], params.previousResultId);
    }),
  );

  // --- features ------------------------------------------------------------------------
  connection.onHover((params, token) =>
    guard('hover', null, token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? hover(analysis, params.position, await tags.hoverContext(hoverContext, params.textDocument.uri)) : null;
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

  connection.onCodeAction((params, token) =>
    guard('code actions', [], token, async () =>
      codeActions(params, {
        kb: knowledge.current.context.kb,
        folderOf: (uri) => folders.filter((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0],
        openText: (uri) => documents.get(uri)?.getText(),
        tagActions: await tags.codeActions(params),
      }),
    ),
  );

  const nameOf = (key: string, fallback: string): string => knowledge.current.context.kb.entity(key)?.name ?? fallback;
  connection.onDocumentSymbol((params, token) =>
    guard('document symbols', [], token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? documentSymbols(analysis, nameOf) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token) => guard('workspace symbols', [], token, () => workspaceSymbols(index.all(), params.query, nameOf, (key) => knowledge.current.context.kb.entity(key)?.names.map((n) => n.text) ?? [])));
  connection.onReferences((params, token) =>
    guard('references', [], token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? references(analysis, params.position, index.all(), params.context.includeDeclaration) : [];
    }),
  );
  // Lets a client check that a restarted server is a new process (the crash-recovery test).
  connection.onRequest(PROCESS_ID_REQUEST, () => process.pid);

  connection.onDocumentHighlight((params, token) =>
    guard('document highlights', [], token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? documentHighlights(analysis, params.position) : [];
    }),
  );

  connection.languages.inlayHint.on((params, token) =>
    guard('inlay hints', [], token, async () => {
      const uri = params.textDocument.uri;
      const analysis = await analyses.get(uri);
      if (!analysis) return [];
      const dates = (await settings.forResource(uri)).relativeDateHints ? relativeDateHints(analysis, params.range) : [];
      return [...dates, ...(await tags.inlayHints(uri, params.range))];
    }),
  );

  connection.onDefinition((params, token) =>
    guard('definition', null, token, async () => {
      const analysis = await analyses.get(params.textDocument.uri);
      return analysis ? definition(analysis, params.position, knowledge.current) : null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}
