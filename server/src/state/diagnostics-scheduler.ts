import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { Settings } from '../config/settings.js';
import type { ClientHost } from './client-host.js';
import type { ClientSupport } from './client-support.js';
import type { OpenDocuments } from './feature-runner.js';

// Diagnostics wait this long for a folder's siblings to be read; after that they are published, and again once the siblings are known.
const SIBLING_WAIT_MS = 2_000;

export interface DiagnosticsDeps {
  documents: OpenDocuments;
  host: Pick<ClientHost, 'publishDiagnostics' | 'refreshDiagnostics' | 'log'>;
  /** Read at each use: the client says what it supports in initialize, after the state is built. */
  support: () => ClientSupport;
  settings: (uri: string) => Promise<Settings>;
  /** Resolves when the document's neighbours have been read (see SiblingState). */
  siblingsLoaded: (uri: string) => Promise<void>;
  /** The document's diagnostics now, or null when it is not checked (disabled, closed, cancelled). */
  analyse: (uri: string, token?: CancellationToken) => Promise<Diagnostic[] | null>;
  /** A debounce the client asked for in initialize (tests: 0), over the setting. */
  debounceOverride: () => number | null;
}

/**
 * When diagnostics are computed and how they reach the client: pushed after a
 * pause in typing (one pending timer per document), pulled by clients that
 * ask for them, and in on-save mode the report of the last save stands until
 * the next one.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  // On-save mode: the report of the last saved (or opened) version stands until the next save.
  private readonly savedReports = new Map<string, Diagnostic[]>();

  constructor(private readonly deps: DiagnosticsDeps) {}

  /** A document was opened, changed or saved. */
  async edited(uri: string, saved: boolean): Promise<void> {
    const settings = await this.deps.settings(uri);
    if (settings.validate === 'onSave' && !saved) return;
    if (settings.validate === 'onSave') this.savedReports.set(uri, await this.diagnosticsFor(uri));
    if (this.deps.support().pullDiagnostics) {
      if (saved && settings.validate === 'onSave' && this.deps.support().diagnosticRefresh) this.deps.host.refreshDiagnostics();
      return;
    }
    this.schedule(uri, saved ? 0 : (this.deps.debounceOverride() ?? settings.debounceMs));
  }

  /** A pull client asks for a document's diagnostics. */
  async pull(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    const settings = await this.deps.settings(uri);
    const saved = this.savedReports.get(uri);
    if (settings.validate === 'onSave' && saved) return saved;
    return this.diagnosticsFor(uri, token);
  }

  /** These documents' diagnostics are out of date (settings, config or their siblings changed): check them again now. */
  recheck(uris: readonly string[]): void {
    if (this.deps.support().pullDiagnostics) {
      if (this.deps.support().diagnosticRefresh) this.deps.host.refreshDiagnostics();
    } else for (const uri of uris) if (this.deps.documents.get(uri)) this.schedule(uri, 0);
  }

  /** Settings or config files changed: saved reports no longer hold, and every open document is checked again. */
  recheckAll(): void {
    this.savedReports.clear();
    this.recheck(this.deps.documents.all().map((document) => document.uri));
  }

  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.savedReports.delete(uri);
    void this.deps.host.publishDiagnostics({ uri, diagnostics: [] });
  }

  private async diagnosticsFor(uri: string, token?: CancellationToken): Promise<Diagnostic[]> {
    // Reading the folder never blocks the server; diagnostics wait a little for it, so the first report already knows the team's template.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.deps.siblingsLoaded(uri), new Promise((resolve) => (timer = setTimeout(resolve, SIBLING_WAIT_MS)))]);
    clearTimeout(timer);
    return (await this.deps.analyse(uri, token)) ?? [];
  }

  private async push(uri: string): Promise<void> {
    const document = this.deps.documents.get(uri);
    if (!document) return;
    // The number, not the object: TextDocuments updates a document in place, so the object is always current.
    const version = document.version;
    const diagnostics = await this.diagnosticsFor(uri);
    // A newer version arrived while this one was analysed (in the worker): its own push follows.
    if (this.deps.documents.get(uri) !== document || document.version !== version) return;
    await this.deps.host.publishDiagnostics({ uri, version, diagnostics });
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        this.push(uri).catch((error: unknown) => this.deps.host.log(`Validating ${uri} failed: ${String(error)}`));
      }, delay),
    );
  }
}
