import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  type MessageReader,
  type MessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type ClientCapabilities,
  type ConfigurationItem,
  type FileEvent,
  type ShowMessageParams,
  type ShowMessageRequestParams,
} from 'vscode-languageserver-protocol/node.js';

/** The editor's settings for one `workspace/configuration` item (the server asks for the "postmortem" section per document). */
export type SettingsProvider = (item: ConfigurationItem) => unknown;

export interface StartOptions {
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /**
   * Answer `workspace/configuration` with these settings (or what the function
   * returns for each item), and declare `workspace.configuration: true`.
   * Without it the client declares nothing and the server uses its defaults.
   */
  settings?: Record<string, unknown> | SettingsProvider;
  /** Answer `window/showMessageRequest` as an editor does (dismissed: null). Default true; false leaves the method unhandled. */
  answerShowMessageRequests?: boolean;
}

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/**
 * A test's LSP client, whatever runs the server (a spawned process or the
 * server core in this process). Diagnostics and messages are collected as
 * they arrive; tests wait for them by event. Once the server is gone, every
 * pending wait fails with what it wrote instead of hanging.
 */
export abstract class LspTestClient {
  readonly connection: ProtocolConnection;
  /** What the server wrote to its error output: the process's stderr, or in-process its error log lines. */
  readonly stderr: string[] = [];
  /** Every publishDiagnostics, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** `window/showMessage` notifications, in arrival order. */
  readonly messages: ShowMessageParams[] = [];
  /** `window/showMessageRequest` requests, in arrival order. */
  readonly messageRequests: ShowMessageRequestParams[] = [];
  /** `workspace/configuration` items the server asked for. */
  readonly configurationRequests: ConfigurationItem[] = [];
  /** Settings answered to `workspace/configuration`; change them, then call changeConfiguration(). */
  settings: Record<string, unknown> | SettingsProvider | undefined;
  /** Set once the server is gone: why waits can no longer be answered. */
  private gone: string | undefined;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly diagnosticWaiters: Array<Waiter<PublishDiagnosticsParams> & { uri: string }> = [];
  private readonly messageWaiters: Array<Waiter<ShowMessageParams>> = [];
  private versions = new Map<string, number>();

  protected constructor(reader: MessageReader, writer: MessageWriter, options: StartOptions) {
    this.settings = options.settings;
    this.connection = createProtocolConnection(reader, writer);
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.latest.set(params.uri, params);
      for (const waiter of [...this.diagnosticWaiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      for (const waiter of [...this.messageWaiters]) {
        if (waiter.accept(params)) {
          this.messageWaiters.splice(this.messageWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    if (options.answerShowMessageRequests ?? true) {
      this.connection.onRequest(ShowMessageRequest.type, (params) => {
        this.messageRequests.push(params);
        return null;
      });
    }
    if (options.settings !== undefined) {
      this.connection.onRequest(ConfigurationRequest.type, (params) => {
        this.configurationRequests.push(...params.items);
        return params.items.map((item) => {
          const settings = this.settings;
          return typeof settings === 'function' ? settings(item) : (settings ?? null);
        });
      });
    }
    this.connection.listen();
  }

  /** Sends initialize (as an editor does, with the settings' capability when settings are given) and initialized. */
  protected async initialize(options: StartOptions, processId: number | null): Promise<InitializeResult> {
    const given = options.capabilities ?? {};
    const capabilities: ClientCapabilities = options.settings === undefined ? given : { ...given, workspace: { ...given.workspace, configuration: true } };
    const initialize = await this.connection.sendRequest<InitializeResult>(InitializeRequest.method, {
      processId,
      workspaceFolders: null,
      capabilities,
      initializationOptions: options.initializationOptions ?? { debounceMs: 0 },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return initialize;
  }

  /** The server is gone (`why`): pending and later waits fail with it. */
  protected serverGone(why: string): void {
    this.gone = why;
    const error = new Error(`${why} while a test waited for it; stderr: ${this.stderr.join('')}`);
    for (const waiter of this.diagnosticWaiters.splice(0)) waiter.reject(error);
    for (const waiter of this.messageWaiters.splice(0)) waiter.reject(error);
  }

  /** Shuts the server down; resolves with its exit code (0 after a clean shutdown). */
  abstract stop(): Promise<number | null>;

  /** Resolves with the next diagnostics for a URI (optionally for a version) that pass `accept`. */
  nextDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      if (this.gone !== undefined) reject(new Error(`${this.gone}; stderr: ${this.stderr.join('')}`));
      else this.diagnosticWaiters.push({ uri, accept, resolve, reject });
    });
  }

  /** Resolves with the next `window/showMessage` that passes `accept`. */
  nextMessage(accept: (params: ShowMessageParams) => boolean = () => true): Promise<ShowMessageParams> {
    return new Promise((resolve, reject) => {
      if (this.gone !== undefined) reject(new Error(`${this.gone}; stderr: ${this.stderr.join('')}`));
      else this.messageWaiters.push({ accept, resolve, reject });
    });
  }

  /** The diagnostics published for a URI so far, oldest first. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((params) => params.uri === uri);
  }

  /** Sends didOpen (version 1) without waiting for anything: for pull-diagnostics clients and on-save mode. */
  async didOpen(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Sends the whole new text as the next version, without waiting; returns that version. */
  async didChange(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri);
    await this.didOpen(uri, text);
    return diagnostics;
  }

  async replace(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    const diagnostics = this.nextDiagnostics(uri, (params) => params.version === version);
    await this.didChange(uri, text);
    return diagnostics;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return diagnostics;
  }

  /** Tells the server the settings changed (it pulls them again). */
  async changeConfiguration(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }
}
