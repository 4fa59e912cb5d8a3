import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from '../config/settings.js';
import type { EffectiveSettings } from '../config/effective-settings.js';
import type { AnalysisCache } from '../features/document-analysis.js';
import { runFeature, type FeatureName, type FeatureParams, type FeatureResult } from '../features/feature-table.js';
import { SizeGuard, tooLargeDiagnostic } from '../features/too-large.js';
import type { ClientHost } from './client-host.js';

// About 50 ms of parsing: longer than that, an analysis would hold up requests about every other document.
export const OFFLOAD_CHARS = 32_000;

/** The open documents, as TextDocuments keeps them. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** Where large documents are analysed (offload/analysis-worker-client.ts: a worker thread). */
export interface AnalysisOffload {
  request<N extends FeatureName>(uri: string, settings: EffectiveSettings, feature: N, params: FeatureParams<N>, token?: CancellationToken): Promise<FeatureResult<N> | null>;
  forget(uri: string): void;
  reset(): void;
}

export interface FeatureRunnerDeps {
  documents: OpenDocuments;
  settings: (uri: string) => Promise<Settings>;
  /** The settings with what the host knows of the document's neighbours on top. */
  withSiblings: (settings: Settings, uri: string) => Settings;
  cache: AnalysisCache;
  offload: AnalysisOffload | null;
  host: Pick<ClientHost, 'log'>;
}

/**
 * Runs one feature on the current version of a document: here for small
 * documents, in the analysis worker for large ones (the offload choice), and
 * nothing but a "too large" diagnostic for documents over the engine's cap.
 */
export class FeatureRunner {
  /** Documents at least this long go to the worker (when there is one). */
  offloadChars = OFFLOAD_CHARS;
  private readonly sizes = new SizeGuard();

  constructor(private readonly deps: FeatureRunnerDeps) {}

  async serve<N extends FeatureName>(uri: string, feature: N, params: FeatureParams<N>, token?: CancellationToken): Promise<FeatureResult<N> | null> {
    const { documents, cache, offload } = this.deps;
    if (!documents.get(uri)) return null;
    const settings = this.deps.withSiblings(await this.deps.settings(uri), uri);
    if (!settings.enable) return null;
    // The document may have changed while settings were fetched; analyse what is current.
    const current = documents.get(uri);
    if (!current || token?.isCancellationRequested) return null;
    const tooLarge = this.sizes.oversize(current);
    if (tooLarge !== null) {
      cache.delete(uri);
      offload?.forget(uri);
      return (feature === 'diagnostics' ? [tooLargeDiagnostic(uri, tooLarge)] : null) as FeatureResult<N> | null;
    }
    if (offload && current.getText().length >= this.offloadChars) {
      cache.delete(uri);
      return offload.request(uri, settings, feature, params, token);
    }
    offload?.forget(uri);
    try {
      return runFeature(feature, { document: current, result: cache.get(current, settings), settings }, params);
    } catch (error) {
      // The engine never throws on user input; if it does, say so and keep serving.
      this.deps.host.log(`Answering ${feature} for ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  }

  /** A document closed: its analyses go. */
  forget(uri: string): void {
    this.deps.cache.delete(uri);
    this.deps.offload?.forget(uri);
  }

  /** Settings or config files changed: every analysis goes. */
  reset(): void {
    this.deps.cache.clear();
    this.deps.offload?.reset();
  }
}
