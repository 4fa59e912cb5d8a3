import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';

/** Sections as a tree: a "### What went well" sits under its "## Lessons Learned". */
export function documentSymbols(result: Analysis): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol }> = [];
  for (const section of result.analysis.model.sections) {
    const symbol: DocumentSymbol = {
      name: section.heading || '(untitled section)',
      detail: section.kind === 'other' ? '' : section.kind,
      kind: section.kind === 'timeline' ? SymbolKind.Event : SymbolKind.Namespace,
      range: section.range,
      selectionRange: section.headingRange,
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: section.level, symbol });
  }
  return roots;
}
