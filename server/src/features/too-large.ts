import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import { oversize, tooLargeMessage } from '../engine/limits.js';

/**
 * Documents over the engine's size cap are not analysed (a 52 MB timeline
 * would take minutes and run out of memory): they get one diagnostic naming
 * them and their size, and every other feature answers nothing. The size is
 * measured once per version: the same object is updated in place by edits.
 */
export class SizeGuard {
  private readonly measured = new WeakMap<TextDocument, { version: number; bytes: number | null }>();

  /** The document's size in UTF-8 bytes when it is too large to analyse, else null. */
  oversize(document: TextDocument): number | null {
    const known = this.measured.get(document);
    if (known?.version === document.version) return known.bytes;
    const bytes = oversize(document.getText());
    this.measured.set(document, { version: document.version, bytes });
    return bytes;
  }
}

export function tooLargeDiagnostic(uri: string, bytes: number): Diagnostic {
  let name = uri;
  try {
    name = Utils.basename(URI.parse(uri)) || uri;
  } catch {
    // Not a URI vscode-uri can parse: name it as sent.
  }
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: 'postmortem', code: 'too-large', message: tooLargeMessage(name, bytes) };
}
