import type { Rule, Fix } from './types.js';
import type { AnalyzedDocument } from '../model/build-model.js';
import type { TimelineItem } from '../model/timeline.js';
import { orderedEntries, type OrderedEntry } from '../model/timeline-order.js';
import { formatMinutes } from '../time/durations.js';
import { resolveZoneName } from '../time/zones.js';
import { lineEnding } from '../model/positions.js';

/** How long the incident lasted is the first thing a reader looks for. */
export const missingDuration: Rule = {
  id: 'missing-duration',
  description: 'The postmortem states no incident duration.',
  defaultSeverity: 'warning',
  check(analysis) {
    if (analysis.durationStatement) return [];
    const summary = analysis.spans.find((span) => span.section.kind === 'summary');
    const anchor = summary?.section.headingRange ?? analysis.titleRange ?? analysis.model.sections[0]?.headingRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const fix = durationFix(analysis);
    return [
      {
        message: fix
          ? `No incident duration is stated. The timeline spans ${fix.minutesText}; add a Duration line (for example "**Duration**: ${fix.value}").`
          : 'No incident duration is stated. Add a Duration line (for example "**Duration**: From 09:00 to 11:30 UTC") so readers know how long the impact lasted.',
        range: anchor,
        ...(fix ? { fix: fix.fix } : {}),
      },
    ];
  },
};

/**
 * The impact window: the entries marked impact start and impact end (or
 * resolved) when the timeline marks them, else its earliest and latest
 * entries, on the timeline's own reading (midnight crossed, afternoon guessed).
 */
function bounds(items: readonly TimelineItem[], newestFirst: boolean): [OrderedEntry, OrderedEntry] | null {
  const entries = orderedEntries(items, newestFirst);
  if (entries.length < 2) return null;
  const marked = (kinds: readonly string[]): OrderedEntry | undefined => entries.find((entry) => kinds.includes(entry.item.entry.milestone ?? ''));
  const start = marked(['impact-start']);
  const end = [...entries].reverse().find((entry) => entry.item.entry.milestone === 'impact-end') ?? [...entries].reverse().find((entry) => entry.item.entry.milestone === 'resolved');
  if (start && end && end.key > start.key) return [start, end];
  const first = entries.reduce((a, b) => (b.key < a.key ? b : a));
  const last = entries.reduce((a, b) => (b.key > a.key ? b : a));
  return first.key === last.key ? null : [first, last];
}

/** Inserts a Duration line computed from the timeline's impact window, in the style of the fields around it. */
function durationFix(analysis: AnalyzedDocument): { fix: Fix; value: string; minutesText: string } | null {
  const ends = bounds(analysis.timeline, analysis.model.metadata.newestFirst);
  if (!ends) return null;
  const [{ item: first, key: firstKey }, { item: last, key: lastKey }] = ends;
  const minutesText = formatMinutes((lastKey - firstKey) / 60000);
  const zone = analysis.model.timezone;
  const writtenZone = resolveZoneName(last.entry.timeText.split(/\s+/).pop()!.replace(/[()]/g, ''));
  const value = `${minutesText} (from ${first.entry.timeText} to ${last.entry.timeText}${zone && !writtenZone ? ` ${zone}` : ''})`;

  const { doc } = analysis;
  const summary = analysis.spans.find((span) => span.section.kind === 'summary');
  const region = summary ?? null;
  const fieldsInRegion = analysis.fields.filter((field) => field.shape !== 'front-matter' && (!region || (field.start >= region.contentStart && field.end <= region.end)));
  const listField = region ? fieldsInRegion.find((field) => field.shape === 'list') : undefined;
  const lineField = region ? fieldsInRegion.find((field) => field.shape === 'line') : undefined;

  let offset: number;
  let newText: string;
  const eol = lineEnding(doc.text);
  if (listField) {
    // Same bullet and indentation as the field it goes before: "- **Impact**:" → "- **Duration**:".
    const position = doc.lines.positionAt(listField.start);
    const linePrefix = doc.lines.lineText(position.line).slice(0, position.character);
    const marker = /^\s*([-*+]|\d+[.)])\s/.exec(doc.text.slice(listField.start))?.[0] ?? '- ';
    offset = doc.lines.lineStart(position.line);
    newText = `${linePrefix}${marker}**Duration**: ${value}${eol}`;
  } else if (lineField) {
    offset = doc.lines.lineStart(doc.lines.positionAt(lineField.start).line);
    newText = `**Duration**: ${value}${eol}`;
  } else {
    const anchorEnd = region?.contentStart ?? (analysis.spans[0] ? analysis.spans[0].start : 0);
    if (region) {
      offset = anchorEnd;
      newText = `${eol}${eol}**Duration**: ${value}`;
    } else {
      offset = anchorEnd;
      newText = `**Duration**: ${value}${eol}${eol}`;
    }
  }
  const at = doc.lines.positionAt(offset);
  return { value, minutesText, fix: { title: `Insert "Duration: ${value}" computed from the timeline`, edits: [{ range: { start: at, end: at }, newText }] } };
}
