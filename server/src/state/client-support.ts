import type { InitializeParams } from 'vscode-languageserver';

/** What the client said it can do, read once from initialize. */
export interface ClientSupport {
  pullConfiguration: boolean;
  registerConfigurationChange: boolean;
  watchFiles: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
}

/** Before initialize: a client that can do nothing. */
export const NO_SUPPORT: ClientSupport = { pullConfiguration: false, registerConfigurationChange: false, watchFiles: false, pullDiagnostics: false, diagnosticRefresh: false };

export function supportOf({ capabilities }: InitializeParams): ClientSupport {
  return {
    pullConfiguration: capabilities.workspace?.configuration === true,
    // Neovim 0.7 and Eglot warn about registrations they do not support: register only where the client says it can.
    registerConfigurationChange: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
  };
}

/** Tuning a client (in practice, a test) may pass in initializationOptions; null where it passed nothing usable. */
export interface Tuning {
  debounceMs: number | null;
  offloadChars: number | null;
}

export function tuningOf(params: InitializeParams): Tuning {
  const options = params.initializationOptions as { debounceMs?: unknown; offloadChars?: unknown } | undefined;
  const count = (value: unknown): number | null => (typeof value === 'number' && value >= 0 ? value : null);
  return { debounceMs: count(options?.debounceMs), offloadChars: count(options?.offloadChars) };
}
