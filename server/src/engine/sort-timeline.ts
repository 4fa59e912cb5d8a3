import type { AnalyzedDocument } from '../model/build-model.js';
import type { TimelineItem } from '../model/timeline.js';
import type { TextEdit } from '../rules/types.js';

/**
 * Edits that put the timeline in chronological order. Entries move only
 * within their own list or table, each as a whole (its text, nested bullets
 * and all), into the slots timed entries already occupy: sub-labels, notes
 * between entries and separators stay where they are. Null when there is
 * nothing to move.
 */
export function sortTimelineEdits(analysis: AnalyzedDocument): TextEdit[] | null {
  const { keyOf } = analysis.timelineOrder;
  const groups = new Map<number, TimelineItem[]>();
  for (const item of analysis.timeline) {
    if (!item.block || !keyOf.has(item)) continue;
    const group = groups.get(item.block.group) ?? [];
    group.push(item);
    groups.set(item.block.group, group);
  }
  const { text, lines } = analysis.doc;
  const edits: TextEdit[] = [];
  const direction = analysis.model.metadata.newestFirst ? -1 : 1;
  for (const slots of groups.values()) {
    // Stable: entries at the same time keep their order.
    const sorted = [...slots].sort((a, b) => direction * (keyOf.get(a)! - keyOf.get(b)!));
    slots.forEach((slot, index) => {
      const replacement = sorted[index]!;
      if (replacement === slot) return;
      edits.push({ range: lines.range(slot.block!.start, slot.block!.end), newText: text.slice(replacement.block!.start, replacement.block!.end) });
    });
  }
  return edits.length > 0 ? edits : null;
}
