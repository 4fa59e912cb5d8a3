import type { Analysis } from '../engine/analyze.js';
import type { TimelineItem } from '../model/timeline.js';
import { formatMinutes } from '../time/durations.js';

export interface IncidentClock {
  /** The key T+0 is measured from, and what it is. */
  origin: number | null;
  originLabel: string;
  keyOf(item: TimelineItem): number | null;
  /** "T+1h 5m", "T-10m", "T+0". */
  offset(item: TimelineItem): string | null;
}

/** T+ offsets for timeline entries: from the impact start when the document marks one, else from its first entry. */
export function incidentClock(result: Analysis): IncidentClock {
  const { analysis } = result;
  const { entries, keyOf: keys } = analysis.timelineOrder;
  const impactStart = analysis.milestoneKeys.get('impact-start') ?? null;
  const first = entries.length > 0 ? Math.min(...entries.map((entry) => entry.key)) : null;
  const origin = impactStart ?? first;
  const keyOf = (item: TimelineItem): number | null => keys.get(item) ?? null;
  // A document that reports several incidents counts each one's T+ from its own first entry.
  const incidentFirst = new Map<number, number>();
  for (const entry of entries) {
    const incident = entry.item.entry.incident;
    if (incident !== undefined) incidentFirst.set(incident, Math.min(incidentFirst.get(incident) ?? entry.key, entry.key));
  }
  return {
    origin,
    originLabel: impactStart !== null ? 'impact start' : 'the first timeline entry',
    keyOf,
    offset(item) {
      const key = keyOf(item);
      const from = item.entry.incident !== undefined ? (incidentFirst.get(item.entry.incident) ?? null) : origin;
      if (key === null || from === null) return null;
      const minutes = Math.round((key - from) / 60000);
      if (minutes === 0) return 'T+0';
      return `T${minutes > 0 ? '+' : '-'}${formatMinutes(Math.abs(minutes))}`;
    },
  };
}
