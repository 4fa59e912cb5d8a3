import type { Range } from '../model/schema.js';
import type { RuleContext } from './types.js';

/** Where a finding about the whole document goes: the title, or else the first line. */
export function documentAnchor(context: RuleContext): Range {
  return context.titleRange ?? context.model.sections[0]?.headingRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: context.doc.lines.lineText(0).length } };
}

/** A range cut to the end of its first line, so a finding does not paint a whole block. */
export function firstLine(context: RuleContext, range: Range): Range {
  if (range.end.line === range.start.line) return range;
  return { start: range.start, end: context.doc.lines.positionAt(context.doc.lines.lineEnd(range.start.line)) };
}

export function sectionHeading(context: RuleContext, kind: string): Range | null {
  return context.model.sections.find((section) => section.kind === kind)?.headingRange ?? null;
}
