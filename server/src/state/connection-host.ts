import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { SETTINGS_SECTION } from '../protocol.js';
import type { ClientHost } from './client-host.js';
import type { ClientSupport } from './client-support.js';

/** The client host of the language server: the LSP connection, asked only for what the client said it supports. */
export function connectionHost(connection: Connection, support: () => ClientSupport): ClientHost {
  return {
    getConfiguration: (uri) =>
      support().pullConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).catch(() => undefined) : Promise.resolve(undefined),
    publishDiagnostics: (params) => connection.sendDiagnostics(params),
    refreshDiagnostics: () => {
      connection.languages.diagnostics.refresh();
    },
    log: (message) => connection.console.error(message),
    showWarning: (message) => {
      connection.console.warn(message);
      // A notification: a request (showWarningMessage) makes Neovim prompt, and a client that rejects it must not take the server down.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    },
  };
}
