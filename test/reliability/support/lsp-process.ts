// The built language server as a child process, with what the abuse and
// resource tests need beyond test/support/spawned-server.ts: raw bytes on its
// stdin, its resident memory, its exit, running it as another user, and
// deadlines on every wait (a test waits for an event, or fails saying which
// one did not come, never sleeps).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  LogMessageNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type ClientCapabilities,
  type ShowMessageParams,
  type LogMessageParams,
} from 'vscode-languageserver-protocol/node.js';

export const SERVER_BUNDLE = fileURLToPath(new URL('../../../../dist/server.cjs', import.meta.url));
export const CLI_BUNDLE = fileURLToPath(new URL('../../../../dist/cli.cjs', import.meta.url));

let shared: { server: string; cli: string } | null = null;

/**
 * The bundles where another user can run them. A clone may sit in a folder
 * only its owner can enter (mktemp -d makes 0700 ones), and the tests that
 * run the server or the CLI as "nobody" must not depend on where it sits.
 * The bundles are self-contained: copies run as the originals do.
 */
export function bundlesForAnotherUser(): { server: string; cli: string } {
  if (shared) return shared;
  const folder = mkdtempSync(join(tmpdir(), 'pm-bundles-'));
  chmodSync(folder, 0o755);
  for (const name of ['server.cjs', 'cli.cjs', 'cli-engine.cjs']) {
    copyFileSync(fileURLToPath(new URL(`../../../../dist/${name}`, import.meta.url)), join(folder, name));
    chmodSync(join(folder, name), 0o755);
  }
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  shared = { server: join(folder, 'server.cjs'), cli: join(folder, 'cli.cjs') };
  return shared;
}

/** Resolves with the promise's value, or rejects saying what did not happen within ms. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** One LSP message as bytes: a Content-Length header (the true byte length unless told otherwise) and the body. */
export function frame(body: string | Buffer, contentLength?: number): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${contentLength ?? bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

export interface LaunchOptions {
  /** Run the server as this user and group (the tests are root; an unreadable file needs someone else). */
  uid?: number;
  gid?: number;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  cwd?: string;
  /** The server's environment (default: this process's), e.g. NODE_OPTIONS to preload a script. */
  env?: NodeJS.ProcessEnv;
  /**
   * Caps each of the server's heaps (its worker's too) at this many MB of old space. Memory tests
   * use it: uncapped, V8 lets a busy heap grow lazily long before it collects, slack that varies
   * by machine (+38 MB here, +64 MB on CI) and hides a leak; under a cap a leak runs out of heap.
   */
  heapCapMb?: number;
}

function withHeapCap(env: NodeJS.ProcessEnv, capMb: number | undefined): NodeJS.ProcessEnv {
  if (capMb === undefined) return env;
  return { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${capMb}`.trim() };
}

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

export class LspProcess {
  readonly connection: ProtocolConnection;
  readonly stderr: string[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  /** Resolves when the process has exited, with its code and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly diagnosticWaiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly messageWaiters: Array<Waiter<ShowMessageParams>> = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    // Writing to a server that died must fail the test through `exited`, not crash the runner with EPIPE.
    child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        const error = new Error(`the server exited (code ${String(code)}, signal ${String(signal)}); stderr: ${this.stderr.join('').slice(-2000)}`);
        for (const waiter of [...this.diagnosticWaiters.splice(0), ...this.messageWaiters.splice(0)]) waiter.reject(error);
        resolve({ code, signal });
      });
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.diagnosticWaiters]) {
        if (waiter.accept(params)) {
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
    this.connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params));
    this.connection.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }

  get hasExited(): boolean {
    return this.exit !== null;
  }

  static async launch(options: LaunchOptions = {}): Promise<{ server: LspProcess; initialize: InitializeResult }> {
    const child = spawn(process.execPath, [options.uid !== undefined ? bundlesForAnotherUser().server : SERVER_BUNDLE, '--stdio'], {
      stdio: 'pipe',
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.env !== undefined || options.heapCapMb !== undefined ? { env: withHeapCap(options.env ?? process.env, options.heapCapMb) } : {}),
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
    const server = new LspProcess(child);
    const initialize = await within(
      server.connection.sendRequest<InitializeResult>(InitializeRequest.method, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: options.capabilities ?? {},
        initializationOptions: options.initializationOptions ?? { debounceMs: 0 },
      }),
      10_000,
      'initialize',
    );
    await server.connection.sendNotification(InitializedNotification.type, {});
    return { server, initialize };
  }

  /** Writes bytes to the server's stdin as they are, and resolves once they are handed to the pipe. */
  writeRaw(bytes: Buffer | string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.child.stdin.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** The next diagnostics that pass `accept`, within ms. */
  nextDiagnostics(accept: (params: PublishDiagnosticsParams) => boolean, ms = 10_000, what = 'diagnostics'): Promise<PublishDiagnosticsParams> {
    const arrived = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      if (this.exit) reject(new Error(`the server has exited (code ${String(this.exit.code)})`));
      else this.diagnosticWaiters.push({ accept, resolve, reject });
    });
    return within(arrived, ms, what);
  }

  /** The next window/showMessage that passes `accept`, within ms. */
  nextMessage(accept: (params: ShowMessageParams) => boolean, ms = 10_000, what = 'a message'): Promise<ShowMessageParams> {
    const arrived = new Promise<ShowMessageParams>((resolve, reject) => {
      const earlier = this.messages.find(accept);
      if (earlier) resolve(earlier);
      else if (this.exit) reject(new Error(`the server has exited (code ${String(this.exit.code)})`));
      else this.messageWaiters.push({ accept, resolve, reject });
    });
    return within(arrived, ms, what);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Opens a document and waits for its first diagnostics. */
  async openAndWait(uri: string, text: string, ms = 10_000): Promise<PublishDiagnosticsParams> {
    const diagnostics = this.nextDiagnostics((params) => params.uri === uri, ms, `diagnostics for ${uri}`);
    await this.open(uri, text);
    return diagnostics;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The server's resident set size in kB, from /proc/<pid>/status. */
  rssKb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
    if (!match) throw new Error(`no VmRSS in /proc/${this.pid}/status`);
    return Number(match[1]);
  }

  /** shutdown, then exit; resolves with how the process ended, or rejects if it does not end within ms. */
  async stop(ms = 5_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.exit) {
      this.connection.dispose();
      return this.exit;
    }
    await within(this.connection.sendRequest(ShutdownRequest.type), ms, 'the answer to shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    const ended = await within(this.exited, ms, 'the server process to exit after shutdown and exit');
    this.connection.dispose();
    return ended;
  }

  /** Ends this test's own server at once (SIGKILL to its pid), for a server that no longer answers. */
  async kill(): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGKILL');
    await this.exited;
    this.connection.dispose();
  }
}
