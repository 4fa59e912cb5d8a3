import type { SectionSpan } from './sections.js';

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

/** The document's top-level blocks that start inside each span, found in one pass over both (spans sorted, not nested). */
export function blocksBySpan<T extends { position?: { start: { offset?: number } } }>(blocks: readonly T[], spans: readonly SectionSpan[]): Map<SectionSpan, T[]> {
  const result = new Map<SectionSpan, T[]>(spans.map((span) => [span, []]));
  let index = 0;
  for (const block of blocks) {
    const start = block.position?.start.offset ?? 0;
    while (index < spans.length && start >= Math.max(spans[index]!.end, spans[index]!.contentStart + 1)) index++;
    const span = spans[index];
    if (!span) break;
    if (start >= span.contentStart) result.get(span)!.push(block);
  }
  return result;
}
