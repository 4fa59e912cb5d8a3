import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import type { Range } from '../model/schema.js';

const within = (inner: Range, outer: Range): boolean => inner.start.line >= outer.start.line && inner.start.line <= outer.end.line;
const short = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** Sections as a tree ("### What went well" under "## Lessons Learned"), with timeline entries and action items as children. */
export function documentSymbols(result: Analysis): DocumentSymbol[] {
  const { model } = result.analysis;
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; symbol: DocumentSymbol; range: Range }> = [];
  for (const section of model.sections) {
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
    stack.push({ level: section.level, symbol, range: section.range });
  }
  // Entries and items go under the innermost section that holds them.
  const innermost = (range: Range): DocumentSymbol | undefined => {
    let found: DocumentSymbol | undefined;
    const visit = (symbols: DocumentSymbol[]): void => {
      for (const symbol of symbols) {
        if (within(range, symbol.range)) {
          found = symbol;
          visit(symbol.children ?? []);
        }
      }
    };
    visit(roots);
    return found;
  };
  for (const entry of model.timeline) {
    innermost(entry.range)?.children!.push({ name: entry.timeText, detail: short(entry.text), kind: SymbolKind.Event, range: entry.range, selectionRange: entry.timeRange });
  }
  for (const item of model.actionItems) {
    innermost(item.range)?.children!.push({ name: short(item.text), detail: [item.owner, item.ticket].filter(Boolean).join(' · '), kind: SymbolKind.Field, range: item.range, selectionRange: item.range });
  }
  return roots;
}
