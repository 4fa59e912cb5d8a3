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

/** A language client whose server is a web worker: a new worker on every start, so Restart gets a fresh server. */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: ServerWorker | undefined;

  constructor(id: string, name: string, clientOptions: LanguageClientOptions, private readonly script: string) {
    super(id, name, clientOptions);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = new Worker(this.script, { name: 'Postmortem Writer server' });
    this.worker = worker;
    // The reader and writer take the worker itself; their parameter type is the DOM library's Worker, which this project does not load.
    return Promise.resolve({ reader: new BrowserMessageReader(worker as never), writer: new BrowserMessageWriter(worker as never) });
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
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js').toString(true);
  return activateWith(context, (id, name, clientOptions) => new WorkerLanguageClient(id, name, clientOptions, serverMain));
}
