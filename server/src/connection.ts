import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OutlineRequest, SERVER_NAME, SETTINGS_SECTION } from './protocol.js';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './config/settings.js';
import { AnalysisCache } from './features/document-analysis.js';
import { toDiagnostic } from './features/diagnostics.js';
import { codeActions } from './features/code-actions.js';
import { completions } from './features/completion.js';
import { documentSymbols } from './features/symbols.js';
import { outline } from './features/outline.js';

// Long enough to skip the middle of a burst of keystrokes, short enough to feel immediate.
const DEBOUNCE_MS = 150;

/** The only place handlers are bound to the connection. */
export function bindConnection(connection: Connection, version: string): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const settingsByUri = new Map<string, Promise<Settings>>();
  const pending = new Map<string, NodeJS.Timeout>();
  const reportedProblems = new Set<string>();
  let canPullConfiguration = false;
  let canRegisterConfigurationChange = false;
  let debounceMs = DEBOUNCE_MS;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    // Neovim 0.7 and Eglot warn about registrations they do not support: register only where the client says it can.
    canRegisterConfigurationChange = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const options = params.initializationOptions as { debounceMs?: unknown } | undefined;
    if (typeof options?.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    return {
      serverInfo: { name: SERVER_NAME, version },
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['#'] },
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  });

  async function settingsFor(uri: string): Promise<Settings> {
    if (!canPullConfiguration) return DEFAULT_SETTINGS;
    let settings = settingsByUri.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => {
          const { settings: parsed, problems } = parseSettings(raw);
          const key = problems.join('\n');
          if (problems.length > 0 && !reportedProblems.has(key)) {
            reportedProblems.add(key);
            connection.window.showWarningMessage(`Postmortem Writer: invalid settings, using defaults for them. ${problems.join(' ')}`);
          }
          return parsed;
        },
        () => DEFAULT_SETTINGS,
      );
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  async function analysisOf(uri: string) {
    const document = documents.get(uri);
    if (!document) return null;
    const settings = await settingsFor(uri);
    if (!settings.enable) return null;
    // The document may have changed while settings were fetched; analyse what is current.
    const current = documents.get(uri);
    return current ? { document: current, result: cache.get(current, settings) } : null;
  }

  async function validate(uri: string): Promise<void> {
    const analysed = await analysisOf(uri);
    if (!analysed) {
      await connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { document, result } = analysed;
    await connection.sendDiagnostics({
      uri,
      version: document.version,
      diagnostics: result.findings.map((finding) => toDiagnostic(finding, uri, document.version)),
    });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        validate(uri).catch((error: unknown) => connection.console.error(`Validating ${uri} failed: ${String(error)}`));
      }, delay),
    );
  }

  documents.onDidOpen((event) => schedule(event.document.uri, 0));
  documents.onDidChangeContent((event) => schedule(event.document.uri, debounceMs));
  documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    cache.delete(event.document.uri);
    settingsByUri.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    cache.clear();
    for (const document of documents.all()) schedule(document.uri, 0);
  });

  connection.onCompletion(async (params) => {
    const analysed = await analysisOf(params.textDocument.uri);
    if (!analysed?.result.isPostmortem) return [];
    return completions(analysed.document, params.position, analysed.result);
  });

  connection.onDocumentSymbol(async (params) => {
    const analysed = await analysisOf(params.textDocument.uri);
    return analysed ? documentSymbols(analysed.result) : [];
  });

  connection.onCodeAction(async (params) => {
    const analysed = await analysisOf(params.textDocument.uri);
    return analysed ? codeActions(analysed.document, params) : [];
  });

  connection.onRequest(OutlineRequest, async (params) => {
    const analysed = await analysisOf(params.uri);
    return analysed ? outline(params.uri, analysed.document.version, analysed.result) : null;
  });

  documents.listen(connection);
}
