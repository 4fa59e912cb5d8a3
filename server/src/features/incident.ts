import type { Analysis } from '../engine/analyze.js';
import type { TimelineItem } from '../model/timeline.js';
import type { IncidentPicture, IncidentResult, PictureEntry, ZoneOffset } from '../protocol.js';
import { incidentClock } from './incident-clock.js';
import { pictureSpans } from './picture-spans.js';
import { offsetAt, wallClock, zoneOffsets } from './picture-zone.js';
import { plainText } from './plain-text.js';

const DAY = 24 * 60 * 60_000;

/** The model plus the timeline on one time scale: what the Incident Timeline picture and "Export as JSON" need. */
export function incident(uri: string, version: number, result: Analysis): IncidentResult {
  const { analysis, findings } = result;
  const clock = incidentClock(result);
  const outOfOrderLines = new Set(findings.filter((finding) => finding.rule === 'timeline-out-of-order').map((finding) => finding.range.start.line));
  const displayZone = analysis.model.timezone ?? 'UTC';
  const keys = analysis.timeline.map((item) => clock.keyOf(item));
  const spans = pictureSpans(result);
  const zone = zoneAround(displayZone, [...keys, ...spans.flatMap((span) => [span.from, span.to])]);
  const twelveHour = usesTwelveHour(analysis.timeline, keys);
  const entries = analysis.timeline.map((item, index): PictureEntry => {
    const key = keys[index]!;
    return {
      key,
      timeText: item.entry.timeText,
      text: item.entry.text,
      label: item.entry.label,
      range: item.entry.range,
      approximate: item.entry.approximate,
      milestone: item.entry.milestone,
      outOfOrder: outOfOrderLines.has(item.entry.range.start.line),
      offset: clock.offset(item),
      plainText: plainText(item.entry.text),
      shownTime: shownTime(item, key, zone, twelveHour),
      problem: null,
    };
  });
  entries.forEach((entry, index) => (entry.problem = problemOf(entries, index)));
  const { model } = analysis;
  const picture: IncidentPicture = {
    title: model.title === null ? null : plainText(model.title),
    spans,
    statedMinutes: model.duration.minutes,
    dateKnown: model.timeline.some((entry) => entry.at !== null) || model.duration.start !== null,
    twelveHour,
    zone,
  };
  return {
    uri,
    version,
    isPostmortem: result.isPostmortem !== null,
    model,
    entries,
    milestones: model.milestones.map((milestone) => ({ kind: milestone.kind, key: analysis.milestoneKeys.get(milestone.kind) ?? null, range: milestone.range })),
    displayZone,
    picture,
  };
}

/** The display zone's offsets over every instant the picture may draw: the incident's span and as much again on each side. */
function zoneAround(displayZone: string, instants: ReadonlyArray<number | null>): ZoneOffset[] {
  const known = instants.filter((key): key is number => key !== null);
  if (known.length === 0) return zoneOffsets(displayZone, 0, 0);
  const first = Math.min(...known);
  const last = Math.max(...known);
  const margin = last - first + 2 * DAY;
  return zoneOffsets(displayZone, first - margin, last + margin);
}

function usesTwelveHour(items: readonly TimelineItem[], keys: ReadonlyArray<number | null>): boolean {
  const timed = items.filter((_, index) => keys[index] !== null);
  return timed.length > 0 && timed.filter((item) => item.entry.clock === '12h').length * 2 >= timed.length;
}

/** Full stamps ("2026-08-18T15:58:00+00:00") read as their time of day in the display zone; the rest as written. */
function shownTime(item: TimelineItem, key: number | null, zone: readonly ZoneOffset[], twelveHour: boolean): string {
  const { timeText, approximate } = item.entry;
  const written = key !== null && timeText.length > 12 ? `${wallClock(zone, key, twelveHour)} ${offsetAt(zone, key).name}` : timeText;
  return `${approximate && !written.startsWith('~') ? '~' : ''}${written}`;
}

function problemOf(entries: readonly PictureEntry[], index: number): string | null {
  const entry = entries[index]!;
  if (!entry.outOfOrder) return null;
  const before = entries.slice(0, index).reverse().find((candidate) => candidate.key !== null && entry.key !== null && candidate.key > entry.key);
  return before ? `Out of order: written after ${before.timeText} but happened earlier.` : 'Out of order: earlier than the entry written before it.';
}
