import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { pointAt, type SectionSpan } from './sections.js';
import { startOffset, endOffset } from './mdast-tree.js';

/** The spans not inside another of the list ("### Day 1" inside "## Timeline" belongs to it), in one sorted pass. */
export function outerSpans(spans: readonly SectionSpan[]): SectionSpan[] {
  const outer: SectionSpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = outer[outer.length - 1];
    if (last && span.start > last.start && span.end <= last.end) continue;
    outer.push(span);
  }
  return outer;
}

/**
 * The document's top-level blocks in each span (spans sorted, not nested), in
 * one pass over both. A block that starts inside a span is its own, whole (a
 * list ending in a half-typed "- " runs past the section's trimmed end). A
 * paragraph or list that runs across a label line (`Timeline:` with the
 * entries on the lines below it, in the same paragraph) is cut: each span
 * gets the part inside it, a paragraph by its lines, a list by its items.
 */
export function blocksBySpan(blocks: readonly RootContent[], spans: readonly SectionSpan[]): Map<SectionSpan, RootContent[]> {
  const result = new Map<SectionSpan, RootContent[]>(spans.map((span) => [span, []]));
  let index = 0;
  for (const block of blocks) {
    const start = startOffset(block);
    const end = endOffset(block);
    while (index < spans.length && start >= Math.max(spans[index]!.end, spans[index]!.contentStart + 1)) index++;
    for (let i = index; i < spans.length && spans[i]!.contentStart < end; i++) {
      const span = spans[i]!;
      if (start >= Math.max(span.end, span.contentStart + 1)) continue;
      const text = span.lines.text;
      const inside = start >= span.contentStart && (end <= span.end || text.slice(span.end, end).trim() === '');
      const part = inside ? block : cut(block, Math.max(start, span.contentStart), Math.min(end, span.end), span);
      if (part) result.get(span)!.push(part);
    }
  }
  return result;
}

/** The part of a paragraph or list between two offsets; null for other blocks or an empty part. */
function cut(block: RootContent, from: number, to: number, span: SectionSpan): RootContent | null {
  if (block.type === 'list') {
    const items = block.children.filter((item) => startOffset(item) >= from && startOffset(item) < to);
    if (items.length === 0) return null;
    const list: List = { ...block, children: items, position: { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end } };
    return list;
  }
  if (block.type !== 'paragraph') return null;
  const { text } = span.lines;
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  const children: PhrasingContent[] = [];
  for (const child of block.children) {
    const childStart = startOffset(child);
    const childEnd = endOffset(child);
    if (childEnd <= start || childStart >= end) continue;
    if (childStart >= start && childEnd <= end) children.push(child);
    else {
      const a = Math.max(childStart, start);
      const b = Math.min(childEnd, end);
      children.push({ type: 'text', value: text.slice(a, b), position: { start: pointAt(span.lines, a), end: pointAt(span.lines, b) } });
    }
  }
  const paragraph: Paragraph = { type: 'paragraph', children, position: { start: pointAt(span.lines, start), end: pointAt(span.lines, end) } };
  return paragraph;
}
