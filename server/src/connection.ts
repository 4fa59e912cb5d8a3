import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKinds, IncidentRequest, InsertSectionRequest, NewPostmortemRequest, OutlineRequest, SERVER_NAME, SETTINGS_SECTION, TemplatesRequest } from './protocol.js';
import { AnalysisCache } from './features/document-analysis.js';
import { WorkspaceConfig } from './features/workspace-config.js';
import { SiblingTemplates } from './features/sibling-templates.js';
import { LENS_COMMAND } from './features/code-lens.js';
import type { AnalysisWorkerClient, WorkerHost } from './offload/analysis-worker-client.js';
import { NO_WORKSPACE_FILES, type WorkspaceFiles } from './config/workspace-files.js';
import { NO_SUPPORT, supportOf, tuningOf, type ClientSupport } from './state/client-support.js';
import { connectionHost } from './state/connection-host.js';
import { ReportOnce } from './state/report-once.js';
import { ConfigDiscovery } from './state/config-discovery.js';
import { DocumentSettings } from './state/document-settings.js';
import { SiblingState } from './state/sibling-state.js';
import { FeatureRunner } from './state/feature-runner.js';
import { DiagnosticsScheduler } from './state/diagnostics-scheduler.js';
import { folderConfig, renderNewPostmortem, templateChoices } from './features/new-postmortem.js';

const CONFIG_GLOB = '**/.postmortemrc{,.json,.yaml,.yml}';

export interface ServerOptions {
  /** Starts the analysis worker for large documents (Node: a worker thread); without one, every document is analysed on the connection's thread. */
  analysisWorker?: (host: WorkerHost) => AnalysisWorkerClient;
  /** How config files and a document's siblings are read (Node: the disk; browser: the client's workspace.fs); without it, none are read. */
  files?: WorkspaceFiles;
  /** Documents at least this long are analysed in the worker. */
  offloadChars?: number;
}

/**
 * The only place handlers are bound to the connection. The state lives in
 * state/ (settings, config files, siblings, diagnostics scheduling, where a
 * feature runs); features are pure functions of the analysis.
 */
export function bindConnection(connection: Connection, version: string, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let support: ClientSupport = NO_SUPPORT;
  let debounceOverride: number | null = null;
  const host = connectionHost(connection, () => support);
  const once = new ReportOnce(host);
  // Workspace files (config files, a document's siblings) are read here and only here.
  const files = options.files ?? NO_WORKSPACE_FILES;
  const configFiles = new WorkspaceConfig(files);
  const configs = new ConfigDiscovery(configFiles, host, once, (file) => configFiles.uriOf(file));
  let siblingFiles: SiblingTemplates | undefined;
  const siblings = new SiblingState(
    (loaded) => (siblingFiles = new SiblingTemplates(files, loaded)),
    (uri) => siblingFiles?.folderOf(uri)?.folder,
    (stale) => diagnostics.recheck(stale),
  );
  const settings = new DocumentSettings(host, configs, once);
  const offload = options.analysisWorker
    ? options.analysisWorker({
        document: (uri) => documents.get(uri),
        log: (message) => host.log(message),
        crashed: (uri, reason) => {
          host.log(`Analysing ${uri} stopped the analysis worker: ${reason}`);
          once.report(`Postmortem Writer could not analyse ${uri} (${reason}); it is not checked until it changes.`);
        },
      })
    : null;
  const features = new FeatureRunner({
    documents,
    settings: (uri) => settings.for(uri),
    withSiblings: (own, uri) => siblings.withSiblings(own, uri),
    cache: new AnalysisCache((line) => host.log(line)),
    offload,
    host,
  });
  if (options.offloadChars !== undefined) features.offloadChars = options.offloadChars;
  const diagnostics = new DiagnosticsScheduler({
    documents,
    host,
    support: () => support,
    settings: (uri) => settings.for(uri),
    siblingsLoaded: (uri) => siblings.load(uri),
    analyse: (uri, token) => features.serve(uri, 'diagnostics', {}, token),
    debounceOverride: () => debounceOverride,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    support = supportOf(params);
    const tuning = tuningOf(params);
    debounceOverride = tuning.debounceMs;
    // Tests send every document to the worker with 0; tuning may move the line.
    if (tuning.offloadChars !== null) features.offloadChars = tuning.offloadChars;
    return {
      serverInfo: { name: SERVER_NAME, version },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: ['#', '@', ':', '*'] },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [LENS_COMMAND] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKinds.fixAll, CodeActionKinds.sortTimeline] },
        // Pull diagnostics where the client asks for them; the rest get them pushed.
        ...(support.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
    };
  });

  connection.onInitialized(() => {
    if (support.registerConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (support.watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] });
  });

  /** Settings or config files changed: everything derived from them goes, and open documents are checked again. */
  function refreshAll(): void {
    settings.clear();
    siblings.clear();
    features.reset();
    diagnostics.recheckAll();
    configs.publishProblems();
  }

  documents.onDidOpen((event) => void diagnostics.edited(event.document.uri, true));
  documents.onDidChangeContent((event) => void diagnostics.edited(event.document.uri, false));
  documents.onDidSave((event) => {
    siblings.saved(event.document.uri, event.document.getText());
    void diagnostics.edited(event.document.uri, true);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    features.forget(uri);
    settings.forget(uri);
    siblings.closed(uri);
    diagnostics.closed(uri);
  });

  connection.onDidChangeConfiguration(() => refreshAll());
  connection.onDidChangeWatchedFiles(() => {
    configs.filesChanged();
    refreshAll();
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => ({
    kind: DocumentDiagnosticReportKind.Full,
    items: await diagnostics.pull(params.textDocument.uri, token),
  }));

  connection.onCompletion(async (params, token) => (await features.serve(params.textDocument.uri, 'completion', params, token)) ?? []);
  connection.onHover((params, token) => features.serve(params.textDocument.uri, 'hover', params, token));
  connection.onDocumentSymbol(async (params, token) => (await features.serve(params.textDocument.uri, 'documentSymbol', params, token)) ?? []);
  connection.onFoldingRanges(async (params, token) => (await features.serve(params.textDocument.uri, 'foldingRange', params, token)) ?? []);
  connection.onDocumentLinks(async (params, token) => (await features.serve(params.textDocument.uri, 'documentLink', params, token)) ?? []);
  connection.languages.inlayHint.on(async (params, token) => (await features.serve(params.textDocument.uri, 'inlayHint', params, token)) ?? []);
  connection.onCodeLens(async (params, token) => (await features.serve(params.textDocument.uri, 'codeLens', params, token)) ?? []);
  connection.onCodeAction(async (params, token) => (await features.serve(params.textDocument.uri, 'codeAction', params, token)) ?? []);
  connection.onRequest(OutlineRequest, (params, token) => features.serve(params.uri, 'outline', {}, token));
  connection.onExecuteCommand(() => null);
  connection.onRequest(IncidentRequest, (params, token) => features.serve(params.uri, 'incident', {}, token));
  connection.onRequest(InsertSectionRequest, (params, token) => features.serve(params.uri, 'insertSection', params, token));
  const configForFolder = (folder: string | null) => folderConfig((uri) => configs.forDocument(uri), folder);
  connection.onRequest(TemplatesRequest, async (params) => templateChoices(await configForFolder(params.folder)));
  connection.onRequest(NewPostmortemRequest, async (params) => renderNewPostmortem(await configForFolder(params.folder), params));

  documents.listen(connection);
}
