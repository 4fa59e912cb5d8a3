// Entry marks and their labels, packed into lanes so close entries never
// overlap; past 12 lanes, marks only (still never on top of each other).
import type { EntryInfo } from '../messages.js';
import { pack, type LabelBox } from './frame.js';
import type { Placed } from './input.js';
import type { Scale } from './scale.js';
import type { Measure } from './text.js';

export const LABEL_SIZE = 12;
const MAX_LANES = 12;

export interface MarkLayout {
  /** Per placed entry: its label, the label's box, its lane. */
  labels: string[];
  boxes: LabelBox[];
  lanes: number[];
  showLabels: boolean;
  laneCount: number;
}

const fullLabel = (p: Placed, info: EntryInfo): string => `${info.approximate ? '~' : ''}${info.text || p.entry.timeText}`;

/** A label's box: right of the mark, or left of it when it would run past the right edge. */
function boxAt(mx: number, width: number, right: number): LabelBox {
  return mx + 11 + width > right ? { from: mx - 11 - width, to: mx + 8, end: true } : { from: mx - 8, to: mx + 11 + width, end: false };
}

/** The room a label has in its lane, from its mark to the next label (or the edge). */
function roomFor(i: number, layout: MarkLayout, mx: number, scale: Scale): number {
  const box = layout.boxes[i]!;
  const others = layout.boxes.filter((_, j) => j !== i && layout.lanes[j] === layout.lanes[i]);
  if (box.end) return mx - 11 - Math.max(scale.left - 12, ...others.filter((other) => other.to <= box.from + 1).map((other) => other.to + 14));
  return Math.min(scale.right, ...others.filter((other) => other.from >= box.to - 1).map((other) => other.from - 14)) - (mx + 11);
}

/** Labels were cut short to pack the lanes: each now takes the room its lane leaves it (up to 60% of the width). */
function widenLabels(layout: MarkLayout, placed: readonly Placed[], infos: readonly EntryInfo[], scale: Scale, measure: Measure): void {
  const longest = (scale.right - scale.left) * 0.6;
  placed.forEach((p, i) => {
    const full = fullLabel(p, infos[p.index]!);
    if (layout.labels[i] === full) return;
    const box = layout.boxes[i]!;
    const mx = scale.x(p.key);
    const room = roomFor(i, layout, mx, scale);
    const label = measure.fit(full, Math.min(longest, Math.max(room, measure.width(layout.labels[i]!, LABEL_SIZE))), LABEL_SIZE);
    const w = measure.width(label, LABEL_SIZE);
    layout.labels[i] = label;
    layout.boxes[i] = box.end ? { from: mx - 11 - w, to: box.to, end: true } : { from: box.from, to: mx + 11 + w, end: false };
  });
}

export function layoutMarks(placed: readonly Placed[], infos: readonly EntryInfo[], scale: Scale, measure: Measure): MarkLayout {
  const maxLabel = Math.min(300, Math.max(110, (scale.right - scale.left) * 0.34));
  const labels = placed.map((p) => measure.fit(fullLabel(p, infos[p.index]!), maxLabel, LABEL_SIZE));
  const boxes = placed.map((p, i) => boxAt(scale.x(p.key), measure.width(labels[i]!, LABEL_SIZE), scale.right));
  const lanes = pack(boxes, 14);
  if (Math.max(...lanes) + 1 > MAX_LANES) {
    const markLanes = pack(placed.map((p) => ({ from: scale.x(p.key) - 8, to: scale.x(p.key) + 8 })), 2);
    return { labels, boxes, lanes: markLanes, showLabels: false, laneCount: Math.max(...markLanes) + 1 };
  }
  const layout = { labels, boxes, lanes, showLabels: true, laneCount: Math.max(...lanes) + 1 };
  widenLabels(layout, placed, infos, scale, measure);
  return layout;
}
