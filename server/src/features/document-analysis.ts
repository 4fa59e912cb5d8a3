import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyze, createEngineMemos, type Analysis } from '../engine/analyze.js';
import type { Settings } from '../config/settings.js';

/**
 * Parse once per document version: every feature asks here, and only the
 * first request for a version pays for the parse.
 */
export class AnalysisCache {
  /** `log` receives a line for each rule that failed on a document (for the output channel). */
  constructor(private readonly log: (line: string) => void = () => undefined) {}

  private readonly entries = new Map<string, { document: TextDocument; version: number; settings: Settings; result: Analysis }>();
  /** What this cache's analyses remember across versions and documents (each line's timestamps, …): this cache's alone. */
  private readonly memos = createEngineMemos();

  get(document: TextDocument, settings: Settings): Analysis {
    const cached = this.entries.get(document.uri);
    // The same object too: a document opened again (no close between) is a new object that may reuse the version with other text.
    if (cached && cached.document === document && cached.version === document.version && cached.settings === settings) return cached.result;
    // The previous version's parse is reused (and consumed) by the next: it leaves the cache first.
    this.entries.delete(document.uri);
    const previous = cached?.settings === settings ? cached.result : undefined;
    const result = analyze(document.getText(), { path: pathOf(document.uri), settings, memos: this.memos, ...(previous ? { previous } : {}) });
    this.entries.set(document.uri, { document, version: document.version, settings, result });
    for (const line of internalErrors(document.uri, result)) this.log(line);
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** A line for the output channel per rule that threw on a document: the finding says it, the log says where. */
export function internalErrors(uri: string, result: Analysis): string[] {
  return result.findings.filter((finding) => finding.rule === 'internal-error' && finding.message.startsWith('Rule ')).map((finding) => `${uri}: ${finding.message}`);
}

export function pathOf(uri: string): string | null {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'untitled' ? null : parsed.path;
  } catch {
    return null;
  }
}
