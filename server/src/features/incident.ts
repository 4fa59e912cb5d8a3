import type { Analysis } from '../engine/analyze.js';
import type { IncidentResult } from '../protocol.js';
import { incidentClock } from './incident-clock.js';

/** The model plus the timeline on one time scale: what the Incident Timeline picture and "Export as JSON" need. */
export function incident(uri: string, version: number, result: Analysis): IncidentResult {
  const { analysis, findings } = result;
  const clock = incidentClock(result);
  const outOfOrderLines = new Set(findings.filter((finding) => finding.rule === 'timeline-out-of-order').map((finding) => finding.range.start.line));
  return {
    uri,
    version,
    isPostmortem: result.isPostmortem !== null,
    model: analysis.model,
    entries: analysis.timeline.map((item) => ({
      key: clock.keyOf(item),
      timeText: item.entry.timeText,
      text: item.entry.text,
      label: item.entry.label,
      range: item.entry.range,
      approximate: item.entry.approximate,
      milestone: item.entry.milestone,
      outOfOrder: outOfOrderLines.has(item.entry.range.start.line),
      offset: clock.offset(item),
    })),
    milestones: analysis.model.milestones.map((milestone) => ({ kind: milestone.kind, key: analysis.milestoneKeys.get(milestone.kind) ?? null, range: milestone.range })),
    displayZone: analysis.model.timezone ?? 'UTC',
  };
}
