import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import type { Range } from '../model/schema.js';

const within = (inner: Range, outer: Range): boolean => inner.start.line >= outer.start.line && inner.start.line <= outer.end.line;
const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
/** The selection range, or the range's start when it is not inside the range (VS Code rejects the whole outline for one such symbol). */
const inside = (selection: Range, range: Range): Range => (before(selection.start, range.start) || before(range.end, selection.end) ? { start: range.start, end: range.start } : selection);
const collect = (symbols: readonly DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((symbol) => [symbol, ...collect(symbol.children ?? [])]);
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
      selectionRange: inside(section.headingRange, section.range),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1]!.level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: section.level, symbol, range: section.range });
  }
  // Entries and items go under the innermost section that holds them; they are
  // leaves, never parents (an action item can lie inside a timeline entry).
  const sectionSymbols = new Set(collect(roots));
  const innermost = (range: Range): DocumentSymbol[] | undefined => {
    let found: DocumentSymbol | undefined;
    const visit = (symbols: readonly DocumentSymbol[]): void => {
      for (const symbol of symbols) {
        if (!sectionSymbols.has(symbol) || !within(range, symbol.range)) continue;
        found = symbol;
        visit(symbol.children ?? []);
      }
    };
    visit(roots);
    return found?.children;
  };
  for (const entry of model.timeline) {
    innermost(entry.range)?.push({ name: entry.timeText, detail: short(entry.text), kind: SymbolKind.Event, range: entry.range, selectionRange: inside(entry.timeRange, entry.range) });
  }
  for (const item of model.actionItems) {
    innermost(item.range)?.push({ name: short(item.text), detail: [item.owner, item.ticket].filter(Boolean).join(' · '), kind: SymbolKind.Field, range: item.range, selectionRange: item.range });
  }
  return roots;
}
