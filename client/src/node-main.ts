// The desktop entry: the server runs in a Node child process (and analyses large
// documents in its own worker thread).
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node.js';
import { activateWith, type PostmortemWriterApi } from './extension.js';

export { deactivate, type PostmortemWriterApi } from './extension.js';

export function activate(context: vscode.ExtensionContext): Promise<PostmortemWriterApi> {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return activateWith(context, (id, name, clientOptions) => new LanguageClient(id, name, serverOptions, clientOptions));
}
