import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';

/** Each section folds to its heading; the timeline's multi-line entries fold too. */
export function foldingRanges(result: Analysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const section of result.analysis.model.sections) {
    if (section.range.end.line > section.range.start.line) ranges.push({ startLine: section.range.start.line, endLine: section.range.end.line, kind: FoldingRangeKind.Region });
  }
  for (const item of result.analysis.timeline) {
    if (!item.block) continue;
    const start = result.analysis.doc.lines.positionAt(item.block.start).line;
    const end = result.analysis.doc.lines.positionAt(item.block.end).line;
    if (end > start) ranges.push({ startLine: start, endLine: end });
  }
  return ranges;
}
