// The language server as a web worker (VS Code for the Web: vscode.dev, github.dev).
// The worker is itself off the UI thread, so large documents are analysed in place;
// workspace files (config, siblings) are read by the client through workspace.fs.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser.js';
import { bindConnection } from './connection.js';
import { clientWorkspaceFiles } from './host/client-files.js';

declare const PACKAGE_VERSION: string | undefined;
const version = typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0-dev';

// The worker's global scope (the server project compiles without the DOM library): it is the port to the client.
declare const self: {
  postMessage(message: unknown): void;
  addEventListener(type: 'error', listener: (event: { message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
// An error the engine did not foresee is logged, never fatal: the worker keeps serving.
self.addEventListener('error', (event) => connection.console.error(`Uncaught: ${event.message}`));
self.addEventListener('unhandledrejection', (event) => connection.console.error(`Unhandled rejection: ${String(event.reason)}`));
bindConnection(connection, version, { files: clientWorkspaceFiles(connection) });
connection.listen();
