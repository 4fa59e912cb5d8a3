// Milestone flags: one per instant (kinds at the same instant share a flag),
// a label above the entries and a dashed line down to the axis.
import type { MilestoneKind } from '../../../../server/src/protocol.js';
import type { Clock } from './clock.js';
import { pack, type Frame, type LabelBox } from './frame.js';
import { MILESTONE_NAMES, type TimelineInput } from './input.js';
import type { Scale } from './scale.js';
import { escapeXml, fixed, type Measure } from './text.js';

const ORDER: readonly MilestoneKind[] = ['impact-start', 'detected', 'mitigated', 'resolved', 'impact-end'];

export interface Flag {
  key: number;
  kinds: MilestoneKind[];
  text: string;
  box: LabelBox;
  row: number;
}

/** Each milestone kind's instant: the first one the server placed. */
export function milestoneKeys(milestones: TimelineInput['milestones']): Map<MilestoneKind, number> {
  const keys = new Map<MilestoneKind, number>();
  for (const milestone of milestones) if (milestone.key !== null && !keys.has(milestone.kind)) keys.set(milestone.kind, milestone.key);
  return keys;
}

/** The flags in time order, their labels placed and packed into rows. */
export function layoutFlags(keys: ReadonlyMap<MilestoneKind, number>, scale: Scale, clock: Clock, measure: Measure): Flag[] {
  const grouped: Array<{ key: number; kinds: MilestoneKind[] }> = [];
  for (const kind of ORDER) {
    const key = keys.get(kind);
    if (key === undefined) continue;
    const same = grouped.find((flag) => flag.key === key);
    if (same) same.kinds.push(kind);
    else grouped.push({ key, kinds: [kind] });
  }
  grouped.sort((a, b) => a.key - b.key);
  const placed = grouped.map((flag) => {
    const text = `${flag.kinds.map((kind) => MILESTONE_NAMES[kind]).join(' · ')}  ${clock.time(flag.key)}`;
    const w = measure.width(text, 11) * 1.08 + 10;
    const fx = scale.x(flag.key);
    const box: LabelBox = fx + w > scale.right + 16 ? { from: fx - w, to: fx, end: true } : { from: fx, to: fx + w, end: false };
    return { ...flag, text, box, row: 0 };
  });
  const rows = pack(placed.map((flag) => flag.box), 12);
  placed.forEach((flag, i) => (flag.row = rows[i]!));
  return placed;
}

export function flagRowCount(flags: readonly Flag[]): number {
  return flags.length ? Math.max(...flags.map((flag) => flag.row)) + 1 : 0;
}

export function flagsSvg(flags: readonly Flag[], frame: Frame): string[] {
  const { rows, clock } = frame;
  return flags.flatMap((flag) => {
    const fx = frame.scale.x(flag.key);
    const top = rows.flagsTop + flag.row * rows.flagRowH;
    const name = flag.kinds.map((k) => MILESTONE_NAMES[k]).join(', ');
    const when = clock.time(flag.key);
    return [
      `<g class="milestone ms-${flag.kinds[0]!}" role="img" aria-label="${escapeXml(`Milestone: ${name} at ${when}`)}">`,
      `<title>${escapeXml(`${name}: ${when}`)}</title>`,
      `<line class="ms-line" x1="${fixed(fx)}" y1="${top + 1}" x2="${fixed(fx)}" y2="${rows.axisY}"/>`,
      `<path class="ms-tick" d="M${fixed(fx)} ${rows.axisY - 5}l5 5l-5 5l-5 -5z"/>`,
      `<text class="ms-label" x="${fixed(flag.box.end ? fx - 5 : fx + 5)}" y="${top + 12}" font-size="11" font-weight="600" text-anchor="${flag.box.end ? 'end' : 'start'}">${escapeXml(flag.text)}</text>`,
      `</g>`,
    ];
  });
}
