import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node.js';

export const SERVER_BUNDLE = fileURLToPath(new URL('../../../dist/server.cjs', import.meta.url));

/**
 * The built server, spawned with --stdio, and a client connection to it.
 * Diagnostics are collected as they arrive; tests wait for them by event.
 */
export class SpawnedServer {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<{ uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  private versions = new Map<string, number>();

  private constructor(readonly process: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  static async start(options: { initializationOptions?: unknown; capabilities?: ClientCapabilities } = {}): Promise<{ server: SpawnedServer; initialize: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
    const server = new SpawnedServer(child);
    const initialize = await server.connection.sendRequest<InitializeResult>(InitializeRequest.method, {
      processId: process.pid,
      workspaceFolders: null,
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions ?? { debounceMs: 0 },
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    return { server, initialize };
  }

  /** Resolves with the next diagnostics for a URI (optionally for a version) that pass `accept`. */
  nextDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return diagnostics;
  }

  async replace(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const diagnostics = this.nextDiagnostics(uri, (params) => params.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return diagnostics;
  }

  async close(uri: string): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return diagnostics;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
