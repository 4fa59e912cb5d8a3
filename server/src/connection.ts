import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type CancellationToken,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKinds, IncidentRequest, OutlineRequest, SERVER_NAME, SETTINGS_SECTION } from './protocol.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './config/settings.js';
import { withConfig } from './config/effective-settings.js';
import { formatProblem } from './config/load-config.js';
import { AnalysisCache } from './features/document-analysis.js';
import { SizeGuard, tooLargeDiagnostic } from './features/too-large.js';
import { WorkspaceConfig } from './features/workspace-config.js';
import { runFeature, type FeatureName, type FeatureParams, type FeatureResult } from './features/feature-table.js';
import { LENS_COMMAND } from './features/code-lens.js';
import type { AnalysisWorkerClient, WorkerHost } from './offload/analysis-worker-client.js';
import { NO_WORKSPACE_FILES as NO_FILES, type WorkspaceFiles } from './config/workspace-files.js';
import { SiblingTemplates } from './features/sibling-templates.js';
import type { EffectiveSettings } from './config/effective-settings.js';

const CONFIG_GLOB = '**/.postmortemrc{,.json,.yaml,.yml}';

interface ClientSupport {
  pullConfiguration: boolean;
  registerConfigurationChange: boolean;
  watchFiles: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
}

export interface ServerOptions {
  /** Starts the analysis worker for large documents (Node: a worker thread); without one, every document is analysed on the connection's thread. */
  analysisWorker?: (host: WorkerHost) => AnalysisWorkerClient;
  /** How config files and a document's siblings are read (Node: the disk; browser: the client's workspace.fs); without it, none are read. */
  files?: WorkspaceFiles;
  /** Documents at least this long are analysed in the worker. */
  offloadChars?: number;
}

// Diagnostics wait this long for a folder's siblings to be read; after that they are published, and again once the siblings are known.
const SIBLING_WAIT_MS = 2_000;

// About 50 ms of parsing: longer than that, an analysis would hold up requests about every other document.
const OFFLOAD_CHARS = 32_000;

/** The only place handlers are bound to the connection. Features are pure functions of the analysis. */
export function bindConnection(connection: Connection, version: string, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache((line) => connection.console.error(line));
  const sizes = new SizeGuard();
  let offloadChars = options.offloadChars ?? OFFLOAD_CHARS;
  const offload = options.analysisWorker
    ? options.analysisWorker({
        document: (uri) => documents.get(uri),
        log: (message) => connection.console.error(message),
        crashed: (uri, reason) => {
          connection.console.error(`Analysing ${uri} stopped the analysis worker: ${reason}`);
          reportOnce(`Postmortem Writer could not analyse ${uri} (${reason}); it is not checked until it changes.`);
        },
      })
    : null;
  const files = options.files ?? NO_FILES;
  const configs = new WorkspaceConfig(files);
  const settingsByUri = new Map<string, Promise<Settings>>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const reported = new Set<string>();
  const configFilesWithProblems = new Set<string>();
  // On-save mode: the report of the last saved (or opened) version stands until the next save.
  const savedReports = new Map<string, Diagnostic[]>();
  let support: ClientSupport = { pullConfiguration: false, registerConfigurationChange: false, watchFiles: false, pullDiagnostics: false, diagnosticRefresh: false };
  let debounceOverride: number | null = null;
  // The team's own template, from the other postmortems in each document's folder (as the CLI does).
  const siblings = new SiblingTemplates(files, (folder) => {
    const stale = [...servedWithoutSiblings].filter((uri) => siblings.folderOf(uri)?.folder === folder);
    for (const uri of stale) servedWithoutSiblings.delete(uri);
    if (stale.length === 0) return;
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) connection.languages.diagnostics.refresh();
    } else for (const uri of stale) if (documents.get(uri)) schedule(uri, 0);
  });
  // Documents analysed before their folder's siblings were read: analysed again once they are.
  const servedWithoutSiblings = new Set<string>();
  // Settings with the siblings on top, one object per (settings, siblings) pair: analyses are cached by the settings object.
  const withSiblingsMemo = new WeakMap<Settings, WeakMap<object, EffectiveSettings>>();
  function withSiblings(settings: Settings, uri: string): Settings {
    const found = siblings.current(uri);
    if (found === undefined) servedWithoutSiblings.add(uri);
    if (found === undefined || found.length === 0) return settings;
    let bySiblings = withSiblingsMemo.get(settings);
    if (!bySiblings) withSiblingsMemo.set(settings, (bySiblings = new WeakMap()));
    let derived = bySiblings.get(found);
    if (!derived) bySiblings.set(found, (derived = { ...settings, siblingSections: found }));
    return derived;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const { capabilities } = params;
    support = {
      pullConfiguration: capabilities.workspace?.configuration === true,
      // Neovim 0.7 and Eglot warn about registrations they do not support: register only where the client says it can.
      registerConfigurationChange: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
      diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    };
    const initOptions = params.initializationOptions as { debounceMs?: unknown; offloadChars?: unknown } | undefined;
    if (typeof initOptions?.debounceMs === 'number' && initOptions.debounceMs >= 0) debounceOverride = initOptions.debounceMs;
    // Tests send every document to the worker with 0; tuning may move the line.
    if (typeof initOptions?.offloadChars === 'number' && initOptions.offloadChars >= 0) offloadChars = initOptions.offloadChars;
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

  function reportOnce(message: string): void {
    if (reported.has(message)) return;
    reported.add(message);
    connection.console.warn(message);
    // A notification: a request (showWarningMessage) makes Neovim prompt, and a client that rejects it must not take the server down.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** Editor settings (pulled per resource) with the nearest config file on top. */
  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      const editor: Promise<unknown> = support.pullConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).catch(() => undefined) : Promise.resolve(undefined);
      settings = editor.then(async (raw) => {
        const { settings: parsed, problems } = raw === undefined || raw === null ? { settings: DEFAULT_SETTINGS, problems: [] } : parseSettings(raw);
        if (problems.length > 0) reportOnce(`Postmortem Writer: invalid settings, using defaults for them. ${problems.join(' ')}`);
        const config = await configs.forDocument(uri);
        publishConfigProblems();
        return config ? withConfig(parsed, config.config, config.templates, config.includeBase) : parsed;
      });
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  /** Problems in config files are shown on the files themselves, and once as a message. */
  function publishConfigProblems(): void {
    const current = configs.problems();
    for (const [file, problems] of current) {
      const uri = configs.uriOf(file);
      if (problems.length === 0 && !configFilesWithProblems.has(uri)) continue;
      void connection.sendDiagnostics({
        uri,
        diagnostics: problems.map((problem) => ({
          range: problem.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 1,
          source: 'postmortem',
          code: 'config',
          message: `${problem.path ? `${problem.path}: ` : ''}${problem.message}. The defaults apply there.`,
        })),
      });
      if (problems.length > 0) {
        configFilesWithProblems.add(uri);
        reportOnce(`Postmortem Writer: ${problems.map(formatProblem).join('; ')}. The defaults apply there.`);
      } else configFilesWithProblems.delete(uri);
    }
  }

  /**
   * Runs one feature on the current version of a document: here for small
   * documents, in the analysis worker for large ones.
   */
  async function serve<N extends FeatureName>(uri: string, feature: N, params: FeatureParams<N>, token?: CancellationToken): Promise<FeatureResult<N> | null> {
    if (!documents.get(uri)) return null;
    const settings = withSiblings(await settingsFor(uri), uri);
    if (!settings.enable) return null;
    // The document may have changed while settings were fetched; analyse what is current.
    const current = documents.get(uri);
    if (!current || token?.isCancellationRequested) return null;
    const tooLarge = sizes.oversize(current);
    if (tooLarge !== null) {
      cache.delete(uri);
      offload?.forget(uri);
      return (feature === 'diagnostics' ? [tooLargeDiagnostic(uri, tooLarge)] : null) as FeatureResult<N> | null;
    }
    if (offload && current.getText().length >= offloadChars) {
      cache.delete(uri);
      return offload.request(uri, settings, feature, params, token);
    }
    offload?.forget(uri);
    try {
      return runFeature(feature, { document: current, result: cache.get(current, settings), settings }, params);
    } catch (error) {
      // The engine never throws on user input; if it does, say so and keep serving.
      connection.console.error(`Answering ${feature} for ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  }

  async function diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    // Reading the folder never blocks the server; diagnostics wait a little for it, so the first report already knows the team's template.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([siblings.load(uri), new Promise((resolve) => (timer = setTimeout(resolve, SIBLING_WAIT_MS)))]);
    clearTimeout(timer);
    return (await serve(uri, 'diagnostics', {}, token)) ?? [];
  }

  async function push(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    // The number, not the object: TextDocuments updates a document in place, so the object is always current.
    const version = document.version;
    const diagnostics = await diagnosticsFor(uri);
    // A newer version arrived while this one was analysed (in the worker): its own push follows.
    if (documents.get(uri) !== document || document.version !== version) return;
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        push(uri).catch((error: unknown) => connection.console.error(`Validating ${uri} failed: ${String(error)}`));
      }, delay),
    );
  }

  async function onEdit(uri: string, saved: boolean): Promise<void> {
    const settings = await settingsFor(uri);
    if (settings.validate === 'onSave' && !saved) return;
    if (settings.validate === 'onSave') savedReports.set(uri, await diagnosticsFor(uri));
    if (support.pullDiagnostics) {
      if (saved && settings.validate === 'onSave' && support.diagnosticRefresh) connection.languages.diagnostics.refresh();
      return;
    }
    schedule(uri, saved ? 0 : (debounceOverride ?? settings.debounceMs));
  }

  function refreshAll(): void {
    settingsByUri.clear();
    siblings.clear();
    cache.clear();
    offload?.reset();
    savedReports.clear();
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) connection.languages.diagnostics.refresh();
    } else for (const document of documents.all()) schedule(document.uri, 0);
    publishConfigProblems();
  }

  documents.onDidOpen((event) => void onEdit(event.document.uri, true));
  documents.onDidChangeContent((event) => void onEdit(event.document.uri, false));
  documents.onDidSave((event) => {
    siblings.saved(event.document.uri, event.document.getText());
    void onEdit(event.document.uri, true);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    cache.delete(uri);
    offload?.forget(uri);
    settingsByUri.delete(uri);
    savedReports.delete(uri);
    servedWithoutSiblings.delete(uri);
    siblings.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => refreshAll());
  connection.onDidChangeWatchedFiles(() => {
    configs.clear();
    refreshAll();
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const { uri } = params.textDocument;
    const settings = await settingsFor(uri);
    const saved = savedReports.get(uri);
    if (settings.validate === 'onSave' && saved) return { kind: DocumentDiagnosticReportKind.Full, items: saved };
    const items = await diagnosticsFor(uri, token);
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.onCompletion(async (params, token) => (await serve(params.textDocument.uri, 'completion', params, token)) ?? []);
  connection.onHover((params, token) => serve(params.textDocument.uri, 'hover', params, token));
  connection.onDocumentSymbol(async (params, token) => (await serve(params.textDocument.uri, 'documentSymbol', params, token)) ?? []);
  connection.onFoldingRanges(async (params, token) => (await serve(params.textDocument.uri, 'foldingRange', params, token)) ?? []);
  connection.onDocumentLinks(async (params, token) => (await serve(params.textDocument.uri, 'documentLink', params, token)) ?? []);
  connection.languages.inlayHint.on(async (params, token) => (await serve(params.textDocument.uri, 'inlayHint', params, token)) ?? []);
  connection.onCodeLens(async (params, token) => (await serve(params.textDocument.uri, 'codeLens', params, token)) ?? []);
  connection.onCodeAction(async (params, token) => (await serve(params.textDocument.uri, 'codeAction', params, token)) ?? []);
  connection.onRequest(OutlineRequest, (params, token) => serve(params.uri, 'outline', {}, token));
  connection.onExecuteCommand(() => null);
  connection.onRequest(IncidentRequest, (params, token) => serve(params.uri, 'incident', {}, token));

  documents.listen(connection);
}
