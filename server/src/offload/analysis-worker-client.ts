import { Worker } from 'node:worker_threads';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EffectiveSettings } from '../config/effective-settings.js';
import type { FeatureName, FeatureParams, FeatureResult } from '../features/feature-table.js';
import type { FromWorker, ToWorker } from './messages.js';

interface Job {
  uri: string;
  settings: EffectiveSettings;
  feature: FeatureName;
  params: unknown;
  token: CancellationToken | undefined;
  resolve: (result: unknown) => void;
}

export interface WorkerHost {
  /** The editor's current text of a document, or undefined once it is closed. */
  document(uri: string): TextDocument | undefined;
  log(message: string): void;
  /** The worker died on this document (out of memory, a crash): told once per document version. */
  crashed(uri: string, reason: string): void;
}

/**
 * The connection's side of the analysis worker. Large documents are analysed
 * there so that the connection keeps answering for every other document.
 * One request is in flight at a time: queued ones that were cancelled, or
 * whose document closed, never reach the worker, and the text sent is always
 * the current one, so a burst of edits costs one analysis, not one each.
 */
export class AnalysisWorkerClient {
  private worker: Worker | null = null;
  /** The version of each document the current worker holds. */
  private synced = new Map<string, number>();
  /** The settings object each document's copy in the worker was last sent (the worker forgets them on close). */
  private sentSettings = new Map<string, EffectiveSettings>();
  private readonly queue: Job[] = [];
  private inFlight: { job: Job; id: number; version: number } | null = null;
  /** Document versions the worker died on: not sent again, or it would die again. */
  private readonly poisoned = new Map<string, number>();
  private nextId = 1;

  constructor(
    private readonly script: string | URL,
    private readonly host: WorkerHost,
  ) {}

  request<N extends FeatureName>(uri: string, settings: EffectiveSettings, feature: N, params: FeatureParams<N>, token?: CancellationToken): Promise<FeatureResult<N> | null> {
    return new Promise((resolve) => {
      this.queue.push({ uri, settings, feature, params, token, resolve: resolve as (result: unknown) => void });
      this.pump();
    });
  }

  /** The document left the worker (closed, or small again). */
  forget(uri: string): void {
    this.poisoned.delete(uri);
    this.sentSettings.delete(uri);
    if (!this.synced.delete(uri)) return;
    this.post({ type: 'close', uri });
  }

  /** Settings or config files changed: the worker drops its analyses. */
  reset(): void {
    if (!this.worker) return;
    this.sentSettings = new Map();
    this.post({ type: 'reset' });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private pump(): void {
    while (!this.inFlight) {
      const job = this.queue.shift();
      if (!job) return;
      const document = this.host.document(job.uri);
      if (!document || job.token?.isCancellationRequested || this.poisoned.get(job.uri) === document.version) {
        job.resolve(null);
        continue;
      }
      const worker = this.ensureWorker();
      if (this.synced.get(job.uri) !== document.version) {
        this.post({ type: 'text', uri: job.uri, version: document.version, text: document.getText() });
        this.synced.set(job.uri, document.version);
      }
      if (this.sentSettings.get(job.uri) !== job.settings) {
        this.post({ type: 'settings', uri: job.uri, settings: job.settings });
        this.sentSettings.set(job.uri, job.settings);
      }
      const id = this.nextId++;
      this.inFlight = { job, id, version: document.version };
      worker.postMessage({ type: 'request', id, uri: job.uri, feature: job.feature, params: job.params } satisfies ToWorker);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { role: 'analysis' } });
    // The worker must not keep the server alive after the editor has gone.
    worker.unref();
    worker.on('message', (message: FromWorker) => {
      if ('log' in message) {
        this.host.log(message.log);
        return;
      }
      const current = this.inFlight;
      if (!current || message.id !== current.id) return;
      this.inFlight = null;
      if ('error' in message) this.host.log(`Answering ${current.job.feature} for ${current.job.uri} failed: ${message.error}`);
      current.job.resolve('error' in message ? null : message.result);
      this.pump();
    });
    const died = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.synced = new Map();
      this.sentSettings = new Map();
      const current = this.inFlight;
      this.inFlight = null;
      if (current) {
        this.poisoned.set(current.job.uri, current.version);
        this.host.crashed(current.job.uri, reason);
        current.job.resolve(null);
      }
      this.pump();
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`the analysis worker exited with code ${code}`));
    this.worker = worker;
    this.synced = new Map();
    this.sentSettings = new Map();
    return worker;
  }
}
