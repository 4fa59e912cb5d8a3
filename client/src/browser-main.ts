// The web entry (vscode.dev, github.dev): the server runs in a web worker, so a
// large document is analysed off the UI thread; it reads workspace files through
// this client's workspace.fs, whatever file system the workspace is on.
import * as vscode from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser.js';
import { activateWith, type PostmortemWriterApi } from './extension.js';

export { deactivate, type PostmortemWriterApi } from './extension.js';

// The web extension host's Worker (the client project compiles without the DOM library).
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

/**
 * The URL a worker can start from. On vscode.dev and github.dev the extension is
 * served over https and the script's own URL works; an extension on a remote
 * (vscode-remote:, e.g. a browser connected to a VS Code server) may not start a
 * worker from there, so its script is read through workspace.fs and started from a blob.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

/** A language client whose server is a web worker: a new worker on every start, so Restart gets a fresh server. */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: ServerWorker | undefined;

  constructor(id: string, name: string, clientOptions: LanguageClientOptions, private readonly script: vscode.Uri) {
    super(id, name, clientOptions);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = new Worker(await workerUrl(this.script), { name: 'Postmortem Writer server' });
    this.worker = worker;
    // The reader and writer take the worker itself (typed by the DOM library, which this project does not load).
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.worker?.terminate();
      this.worker = undefined;
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }
}

export function activate(context: vscode.ExtensionContext): Promise<PostmortemWriterApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js');
  return activateWith(context, (id, name, clientOptions) => new WorkerLanguageClient(id, name, clientOptions, serverMain));
}
