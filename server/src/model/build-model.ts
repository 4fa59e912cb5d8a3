import type { Duration, IncidentModel, MilestoneKind, Range } from './schema.js';
import { parseMarkdown, startOffset, endOffset, type ParsedMarkdown } from './markdown.js';
import { collectFields, type Field } from './fields.js';
import { readOutline, type SectionSpan } from './sections.js';
import { readDuration, type DurationResult } from './duration.js';
import { readImpact, impactParts, type ImpactPart } from './impact.js';
import { readTimeline, type TimelineItem } from './timeline.js';
import { orderedEntries, replaceEntries, timelineOrder, type OrderedEntry, type TimelineOrder } from './timeline-order.js';
import { readMilestones, milestoneWindow } from './milestones.js';
import { readActionItems, type ActionItemSpan } from './action-items.js';
import { readMetadata } from './metadata.js';
import { readDocumentDating, type DocumentDating } from './date-context.js';
import { readInOrder, carryZoneBack, standardInSummer } from './timeline-dating.js';
import { standardInProse, zoneWithOffset } from './zone-notes.js';
import { findUnreadableTimes, type UnreadableTime } from './unreadable-times.js';
import { reparse } from './incremental-parse.js';
import { readIncidents } from './incidents.js';
import { MemoOwner } from '../time/memo-owner.js';

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
  timeline: readonly TimelineItem[];
  /** The timeline's chronological reading, made once: what every reader of the order reads. */
  timelineOrder: TimelineOrder;
  actionItems: ActionItemSpan[];
  durationStatement: DurationResult | null;
  impactParts: ImpactPart[];
  milestoneKeys: Map<MilestoneKind, number | null>;
  /** The title heading's range, when the document starts with one. */
  titleRange: Range | null;
  /** How the document dates its times, and what it leaves open (notes for the info rule). */
  dating: DocumentDating;
  /** Times and dates in the timeline or title that a reader cannot place. */
  unreadable: UnreadableTime[];
}

/**
 * The model of a text; given the previous version's parse, only what the edit touched is parsed again.
 * `memos` are the host's memo tables (lines it read before are not read again); without them, the model is read afresh.
 */
export function buildModel(text: string, previous?: ParsedMarkdown, path?: string | null, memos: MemoOwner = new MemoOwner()): AnalyzedDocument {
  const doc = previous ? reparse(previous, text) : parseMarkdown(text);
  const fields = collectFields(doc);
  const outline = readOutline(doc);
  const metadata = readMetadata(fields, text);
  const titleEnd = outline.titleNode ? endOffset(outline.titleNode) : 0;
  // Bare times take their date from wherever a reader finds it: the timeline's heading, a Date field, the title, the intro, the file name.
  const dating = readDocumentDating({ doc, fields, spans: outline.spans, title: outline.title, titleEnd, path: path ?? null, durationDate: null, memos });
  const declared = dating.zone;
  const durationStatement = readDuration(doc, fields, outline.spans, declared, memos);
  const zone = declared ?? durationStatement?.zone ?? null;
  if (!dating.date && durationStatement?.date) Object.assign(dating, { date: durationStatement.date, dateSource: 'duration' });
  dating.zone = zone;
  const baseDate = dating.date;
  // Several incidents in one document are read as several timelines, each in its own date and zone.
  const incidents = readIncidents(doc, outline.spans, fields, dating, memos);
  const { timeline, order } = readInOrder(carryZoneBack(readTimeline(doc, outline.spans, dating, incidents, memos), dating, memos), metadata.newestFirst);
  // A standard-time abbreviation in summer, on an entry or in prose: said once, where it is first written.
  const summer = [standardInSummer(timeline, dating, memos), standardInProse(doc, dating, memos)].filter((note) => note !== null).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
  if (summer) dating.notes.push(summer);
  const offsetNote = zoneWithOffset(doc, dating);
  if (offsetNote) dating.notes.push(offsetNote);
  // The title and the intro (up to the first section) are read for impossible dates too.
  const introEnd = Math.min(outline.spans[0]?.start ?? text.length, titleEnd + 2_000);
  const summary = outline.spans.find((span) => span.section.kind === 'summary');
  const regions = [
    ...(outline.titleNode ? [{ start: startOffset(outline.titleNode), end: titleEnd }] : []),
    ...(introEnd > titleEnd ? [{ start: titleEnd, end: introEnd }] : []),
    ...(summary ? [{ start: summary.contentStart, end: Math.min(summary.end, summary.contentStart + 2_000) }] : []),
  ];
  const unreadable = findUnreadableTimes(doc, outline.spans, regions, baseDate, memos);
  // The document's own milestones are not pooled across its incidents: each incident has its own.
  const inIncident = (offset: number): boolean => incidents.some((scope) => offset >= scope.start && offset < scope.end);
  const documentFields = incidents.length > 0 ? fields.filter((field) => !inIncident(field.start)) : fields;
  const documentTimeline = incidents.length > 0 ? [] : timeline;
  const documentOrder = incidents.length > 0 ? timelineOrder({ entries: [], twelveHourClock: true }) : order;
  const { milestones, metrics, keys, labelled } = readMilestones(doc, documentFields, documentTimeline, { date: baseDate, zone, keyOf: documentOrder.keyOf, memos });
  const position = new Map(timeline.map((item, index) => [item, index]));
  const parts = incidents.map((scope, index) => {
    const own = timeline.filter((item) => item.entry.incident === index);
    // Each incident's own reading: its clock (12- or 24-hour) is judged apart from the others'.
    const ownOrder = timelineOrder(orderedEntries(own, metadata.newestFirst));
    const read = readMilestones(doc, fields.filter((field) => field.start >= scope.start && field.start < scope.end), own, { date: scope.dating.date, zone: scope.dating.zone, keyOf: ownOrder.keyOf, memos });
    for (const [item, made] of read.labelled) labelled.set(item, made);
    return {
      title: scope.title,
      range: doc.lines.range(scope.start, scope.end),
      entries: own.map((item) => position.get(item)!),
      computed: computedDuration(read.milestones, ownOrder.entries),
      milestones: read.milestones,
      metrics: read.metrics,
    };
  });
  const actionItems = readActionItems(doc, outline.spans);
  const impact = impactParts(fields, outline.spans, text);
  const timelineZone = zone ?? timeline.find((item) => item.entry.zone)?.entry.zone ?? null;
  // Entries a sub-label makes a milestone take their place with it.
  const remade = replaceEntries(timeline, order, labelled);
  return {
    doc,
    fields,
    spans: outline.spans,
    timeline: remade.timeline,
    timelineOrder: remade.order,
    actionItems,
    durationStatement,
    impactParts: impact,
    milestoneKeys: keys,
    dating,
    unreadable,
    titleRange: outline.titleNode ? doc.lines.range(startOffset(outline.titleNode), endOffset(outline.titleNode)) : null,
    model: {
      title: outline.title,
      metadata,
      timezone: timelineZone,
      sections: outline.spans.map((span) => span.section),
      duration: { ...(durationStatement?.duration ?? { stated: null, start: null, end: null, minutes: null, range: null }), computed: computedDuration(milestones, documentOrder.entries) },
      impact: readImpact(doc, impact),
      timeline: remade.timeline.map((item) => item.entry),
      milestones,
      metrics,
      actionItems: actionItems.map((span) => span.item),
      ...(parts.length > 0 ? { incidents: parts } : {}),
    },
  };
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
