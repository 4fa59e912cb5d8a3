import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, ShutdownRequest, ExitNotification, type InitializeResult } from 'vscode-languageserver-protocol/node.js';
import { LspTestClient, type StartOptions } from './lsp-client.js';

export type { SettingsProvider, StartOptions } from './lsp-client.js';

export const SERVER_BUNDLE = fileURLToPath(new URL('../../../dist/server.cjs', import.meta.url));

/**
 * The built server bundle, spawned with --stdio, and a client connection to
 * it: for what only the real process shows (the transport, the bundle, the
 * worker thread, exit codes). Feature tests run the same core in-process
 * (in-process-server.ts). If the process exits, every pending wait fails with
 * its exit code and stderr instead of hanging.
 */
export class SpawnedServer extends LspTestClient {
  /** Resolves with the exit code when the server process exits. */
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined = undefined;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    options: StartOptions,
  ) {
    super(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin), options);
    process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    // 'close' comes after the process exited and its output was read to the end.
    this.exited = new Promise((resolve) => {
      process.once('close', (code) => {
        this.exitCode = code;
        this.serverGone(`the server exited (code ${String(code)})`);
        // Requests still waiting for an answer fail now rather than never.
        this.connection.dispose();
        resolve(code);
      });
    });
  }

  static async start(options: StartOptions = {}): Promise<{ server: SpawnedServer; initialize: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
    const server = new SpawnedServer(child, options);
    const initialize = await server.initialize(options, process.pid);
    return { server, initialize };
  }

  async stop(): Promise<number | null> {
    // A server that already exited (crashed) cannot shut down: report how it ended.
    if (this.exitCode !== undefined) {
      this.connection.dispose();
      return this.exitCode;
    }
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}
