import { DateTime } from 'luxon';
import type { Duration, IncidentModel, MilestoneKind, Range } from './schema.js';
import { parseMarkdown, startOffset, endOffset, type ParsedMarkdown } from './markdown.js';
import { collectFields, type Field } from './fields.js';
import { readOutline, type SectionSpan } from './sections.js';
import { declaredZone } from './zone-declaration.js';
import { readDuration, type DurationResult } from './duration.js';
import { readImpact, impactParts, type ImpactPart } from './impact.js';
import { readTimeline, type TimelineItem } from './timeline.js';
import { orderedEntries, type OrderedEntry } from './timeline-order.js';
import { readMilestones, milestoneWindow } from './milestones.js';
import { readActionItems, type ActionItemSpan } from './action-items.js';
import { readMetadata } from './metadata.js';
import { findTimestamps } from '../time/timestamps.js';
import { reparse } from './incremental-parse.js';

/**
 * Everything the engine knows about one document version. `model` is the
 * public, schema-typed incident model; the rest is what rules, fixes and
 * editor features need to point back into the text.
 */
export interface AnalyzedDocument {
  doc: ParsedMarkdown;
  model: IncidentModel;
  fields: Field[];
  spans: SectionSpan[];
  timeline: TimelineItem[];
  actionItems: ActionItemSpan[];
  durationStatement: DurationResult | null;
  impactParts: ImpactPart[];
  milestoneKeys: Map<MilestoneKind, number | null>;
  /** The title heading's range, when the document starts with one. */
  titleRange: Range | null;
}

/** The model of a text; given the previous version's parse, only what the edit touched is parsed again. */
export function buildModel(text: string, previous?: ParsedMarkdown): AnalyzedDocument {
  const doc = previous ? reparse(previous, text) : parseMarkdown(text);
  const fields = collectFields(doc);
  const outline = readOutline(doc);
  const metadata = readMetadata(fields, text);
  const declared = declaredZone(text)?.zone ?? null;
  const durationStatement = readDuration(doc, fields, outline.spans, declared);
  const zone = declared ?? durationStatement?.zone ?? null;
  // Bare times take their date from the duration statement or, failing that, the incident date.
  const incidentDate = metadata.incidentDate ? (findTimestamps(metadata.incidentDate)[0]?.date ?? null) : null;
  const baseDate = durationStatement?.date ?? incidentDate;
  const timeline = readTimeline(doc, outline.spans, { date: baseDate, zone });
  applyReading(timeline, metadata.newestFirst);
  const { milestones, metrics, keys } = readMilestones(doc, fields, timeline, { date: baseDate, zone, newestFirst: metadata.newestFirst });
  const actionItems = readActionItems(doc, outline.spans);
  const impact = impactParts(fields, outline.spans);
  const timelineZone = zone ?? timeline.find((item) => item.entry.zone)?.entry.zone ?? null;
  return {
    doc,
    fields,
    spans: outline.spans,
    timeline,
    actionItems,
    durationStatement,
    impactParts: impact,
    milestoneKeys: keys,
    titleRange: outline.titleNode ? doc.lines.range(startOffset(outline.titleNode), endOffset(outline.titleNode)) : null,
    model: {
      title: outline.title,
      metadata,
      timezone: timelineZone,
      sections: outline.spans.map((span) => span.section),
      duration: { ...(durationStatement?.duration ?? { stated: null, start: null, end: null, minutes: null, range: null }), computed: computedDuration(milestones, orderedEntries(timeline, metadata.newestFirst)) },
      impact: readImpact(doc, impact),
      timeline: timeline.map((item) => item.entry),
      milestones,
      metrics,
      actionItems: actionItems.map((span) => span.item),
    },
  };
}

/**
 * Instants as the timeline is read: "00:10" after "23:50" with no new date is
 * the next day, a bare "1:15" after "12:40" the afternoon. The rules report
 * these readings; everything else (hover, milestones, the picture) uses them.
 */
function applyReading(timeline: readonly TimelineItem[], newestFirst: boolean): void {
  for (const { item, key } of orderedEntries(timeline, newestFirst)) {
    const shift = key - item.sortKey!;
    if (shift === 0) continue;
    if (item.entry.at) item.entry.at = DateTime.fromISO(item.entry.at, { setZone: true }).plus(shift).toISO({ suppressMilliseconds: true });
    if (item.entry.until) item.entry.until = DateTime.fromISO(item.entry.until, { setZone: true }).plus(shift).toISO({ suppressMilliseconds: true });
  }
}

/** The duration the document implies: its impact milestones, or else its first and last timeline entries. */
function computedDuration(milestones: IncidentModel['milestones'], entries: readonly OrderedEntry[]): Duration['computed'] {
  const window = milestoneWindow(milestones);
  if (window) {
    const minutes = (Date.parse(window.end.at!) - Date.parse(window.start.at!)) / 60000;
    return { minutes, start: window.start.at, end: window.end.at, basis: `${window.start.kind} → ${window.end.kind} milestones` };
  }
  if (entries.length < 2) return null;
  const first = entries.reduce((a, b) => (b.key < a.key ? b : a));
  const last = entries.reduce((a, b) => (b.key > a.key ? b : a));
  if (first.key === last.key) return null;
  return { minutes: (last.key - first.key) / 60000, start: first.item.entry.at, end: last.item.entry.at, basis: 'first → last timeline entry' };
}
