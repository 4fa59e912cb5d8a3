import type { Diagnostic } from 'vscode-languageserver';

/** One publishDiagnostics: a document's findings, or a config file's problems. */
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/**
 * What the server's state needs from the editor. In the server it is the LSP
 * connection (see connection-host.ts); a test can hand in a small fake and run
 * the state in-process.
 */
export interface ClientHost {
  /** The editor's `postmortem` settings for a document; undefined when the client cannot be asked or does not answer. */
  getConfiguration(uri: string): Promise<unknown>;
  /** Settles once sent; rejects when the connection is gone. */
  publishDiagnostics(params: PublishedDiagnostics): Promise<void>;
  /** Asks a pull-diagnostics client to pull again (only clients that support it are asked). */
  refreshDiagnostics(): void;
  /** A line in the client's log: something went wrong and the server keeps going. */
  log(message: string): void;
  /** A warning the user sees once, kept in the log too. */
  showWarning(message: string): void;
}
