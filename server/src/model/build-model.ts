import type { IncidentModel, Range } from './schema.js';
import { startOffset, endOffset } from './markdown.js';
import { parseMarkdown, type ParsedMarkdown } from './markdown.js';
import { collectFields, type Field } from './fields.js';
import { readOutline, type SectionSpan } from './sections.js';
import { declaredZone } from './zone-declaration.js';
import { readDuration, type DurationResult } from './duration.js';
import { readImpact } from './impact.js';
import { readTimeline, type TimelineItem } from './timeline.js';

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
  durationStatement: DurationResult | null;
  /** The title heading's range, when the document starts with one. */
  titleRange: Range | null;
}

export function buildModel(text: string): AnalyzedDocument {
  const doc = parseMarkdown(text);
  const fields = collectFields(doc);
  const outline = readOutline(doc);
  const declared = declaredZone(text)?.zone ?? null;
  const durationStatement = readDuration(doc, fields, outline.spans, declared);
  const zone = declared ?? durationStatement?.zone ?? null;
  const timeline = readTimeline(doc, outline.spans, { date: durationStatement?.date ?? null, zone });
  return {
    doc,
    fields,
    spans: outline.spans,
    timeline,
    durationStatement,
    titleRange: outline.titleNode ? doc.lines.range(startOffset(outline.titleNode), endOffset(outline.titleNode)) : null,
    model: {
      title: outline.title,
      timezone: zone,
      sections: outline.spans.map((span) => span.section),
      duration: durationStatement?.duration ?? null,
      impact: readImpact(doc, fields, outline.spans),
      timeline: timeline.map((item) => item.entry),
    },
  };
}
