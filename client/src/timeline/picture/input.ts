import type { IncidentResult, MilestoneKind, PictureEntry } from '../../../../server/src/protocol.js';

/** What the picture needs from the server's IncidentResult (an IncidentResult is one). */
export type TimelineInput = Pick<IncidentResult, 'entries' | 'milestones' | 'picture'>;

export const MILESTONE_NAMES: Record<MilestoneKind, string> = {
  'impact-start': 'Impact start',
  detected: 'Detected',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  'impact-end': 'Impact end',
};

/** An entry with a time, placed on the scale. */
export interface Placed {
  entry: PictureEntry;
  index: number;
  key: number;
  /** Position in time order, for arrow-key navigation. */
  order: number;
}

/** The entries that have a time, in time order (document order among equals). */
export function placedEntries(entries: readonly PictureEntry[]): Placed[] {
  return entries
    .map((entry, index) => ({ entry, index, key: entry.key }))
    .filter((item): item is { entry: PictureEntry; index: number; key: number } => item.key !== null)
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((item, order) => ({ ...item, order }));
}
