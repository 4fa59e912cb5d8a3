import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze.js';
import { sectionsMatching } from '../templates/registry.js';

// Only at the start of a line, where a heading can go: "", "#", "## Ti".
const HEADING_PREFIX = /^(#{0,6})\s*([\w ]*)$/;

/** Section headings the document does not have yet, in its template's order. */
export function completions(document: TextDocument, position: Position, result: Analysis): CompletionItem[] {
  const lineStart = { line: position.line, character: 0 };
  const prefix = document.getText({ start: lineStart, end: position });
  const match = HEADING_PREFIX.exec(prefix);
  if (!match) return [];
  const { sections } = result.analysis.model;
  const level = match[1] && match[1].length >= 2 ? match[1] : '##';
  return result.template.sections
    .filter((expected) => sectionsMatching(expected, sections).length === 0)
    .map((section, index): CompletionItem => ({
      label: section.heading,
      labelDetails: { description: 'missing section' },
      kind: CompletionItemKind.Module,
      detail: `Add the ${section.heading} section`,
      documentation: section.purpose,
      sortText: String(index).padStart(2, '0'),
      filterText: `${level} ${section.heading}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: { start: lineStart, end: position }, newText: `${level} ${section.heading}\n${section.body}\n` },
    }));
}
