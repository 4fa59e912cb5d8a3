import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { LogMessageNotification, MessageType, ShutdownRequest, StreamMessageReader, StreamMessageWriter, type InitializeResult } from 'vscode-languageserver-protocol/node.js';
import { bindConnection, type ServerOptions } from '../../server/src/connection.js';
import { nodeWorkspaceFiles } from '../../server/src/host/node-files.js';
import { clientWorkspaceFiles } from '../../server/src/host/client-files.js';
import { filesByScheme } from '../../server/src/host/by-scheme-files.js';
import { LspTestClient, type StartOptions } from './lsp-client.js';

export type { SettingsProvider, StartOptions } from './lsp-client.js';

/**
 * The real server core (bindConnection, as server.ts binds it) in this
 * process, over an in-memory pair of streams: the same JSON-RPC framing and
 * the same handlers as the spawned server, without a process to start, and
 * without the analysis worker (every document is analysed on the connection's
 * thread; the worker has its spawned tests). An error thrown in the server
 * fails the test that caused it, as a crash of the process would.
 */
export class InProcessServer extends LspTestClient {
  private stopped: number | null | undefined = undefined;

  private constructor(
    private readonly server: Connection,
    private readonly streams: PassThrough[],
    reader: StreamMessageReader,
    writer: StreamMessageWriter,
    options: StartOptions,
  ) {
    super(reader, writer, options);
    // The server's error log is what a spawned server's stderr would show about it.
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      if (params.type === MessageType.Error) this.stderr.push(`${params.message}\n`);
    });
  }

  static async start(options: StartOptions & { server?: ServerOptions } = {}): Promise<{ server: InProcessServer; initialize: InitializeResult }> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // A reader and writer, not the streams: given streams, createConnection would exit the process when they end.
    const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    // Files as server.ts reads them: the disk for file: documents, the client for other schemes.
    bindConnection(connection, '0.0.0-in-process', { files: filesByScheme(nodeWorkspaceFiles, clientWorkspaceFiles(connection)), ...options.server });
    connection.listen();
    const server = new InProcessServer(connection, [toServer, toClient], new StreamMessageReader(toClient), new StreamMessageWriter(toServer), options);
    // No process id: given one, the server would poll it every 3 s to exit with it, and keep the test process alive.
    const initialize = await server.initialize(options, null);
    return { server, initialize };
  }

  /**
   * Shuts the server down as an editor does, then closes both ends. The exit
   * notification is not sent: in-process it would exit the test process.
   * Resolves with the code the server process would exit with: 0 after a
   * shutdown it answered.
   */
  async stop(): Promise<number | null> {
    if (this.stopped !== undefined) return this.stopped;
    await this.connection.sendRequest(ShutdownRequest.type);
    this.stopped = 0;
    this.serverGone('the in-process server was stopped');
    this.connection.dispose();
    this.server.dispose();
    for (const stream of this.streams) stream.end();
    return this.stopped;
  }
}
