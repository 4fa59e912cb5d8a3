import { parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../features/document-analysis.js';
import { FEATURES, runFeature, type FeatureParams } from '../features/feature-table.js';
import type { EffectiveSettings } from '../config/effective-settings.js';
import type { FromWorker, ToWorker } from './messages.js';

/**
 * The analysis worker: holds the large documents the connection's thread sent
 * it, analyses each version once (incrementally from the last) and answers
 * feature requests with their LSP results, one at a time, in order.
 */
export function serveAnalysisRequests(): void {
  const port = parentPort;
  if (!port) throw new Error('The analysis worker must run in a worker thread.');
  const documents = new Map<string, TextDocument>();
  // Per document, never more: each open brings a new settings object, and a closed document's must go.
  const settingsByUri = new Map<string, EffectiveSettings>();
  const cache = new AnalysisCache((line) => port.postMessage({ log: line } satisfies FromWorker));
  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'text':
        documents.set(message.uri, TextDocument.create(message.uri, 'markdown', message.version, message.text));
        return;
      case 'close':
        documents.delete(message.uri);
        settingsByUri.delete(message.uri);
        cache.delete(message.uri);
        return;
      case 'settings':
        settingsByUri.set(message.uri, message.settings);
        return;
      case 'reset':
        settingsByUri.clear();
        cache.clear();
        return;
      case 'request': {
        const document = documents.get(message.uri);
        const settings = settingsByUri.get(message.uri);
        let answer: FromWorker;
        if (!document || !settings || !(message.feature in FEATURES)) answer = { id: message.id, error: `nothing to answer ${message.feature} for ${message.uri} with` };
        else {
          try {
            const result = runFeature(message.feature, { document, result: cache.get(document, settings), settings }, message.params as FeatureParams<typeof message.feature>);
            answer = { id: message.id, result };
          } catch (error) {
            answer = { id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
          }
        }
        port.postMessage(answer);
      }
    }
  });
}
