import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyze, type Analysis } from '../engine/analyze.js';
import type { Settings } from '../config/settings.js';

/**
 * Parse once per document version: every feature asks here, and only the
 * first request for a version pays for the parse.
 */
export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; settings: Settings; result: Analysis }>();

  get(document: TextDocument, settings: Settings): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.result;
    // The previous version's parse is reused (and consumed) by the next: it leaves the cache first.
    this.entries.delete(document.uri);
    const previous = cached?.settings === settings ? cached.result : undefined;
    const result = analyze(document.getText(), { path: pathOf(document.uri), settings, ...(previous ? { previous } : {}) });
    this.entries.set(document.uri, { version: document.version, settings, result });
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

export function pathOf(uri: string): string | null {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'untitled' ? null : parsed.path;
  } catch {
    return null;
  }
}
