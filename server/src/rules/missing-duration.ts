import type { Rule, Fix } from './types.js';
import type { AnalyzedDocument } from '../model/build-model.js';
import type { Milestone } from '../model/schema.js';
import { orderedEntries, hourOf, type OrderedEntry } from '../model/timeline-order.js';
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
          ? `No incident duration is stated. The milestones span ${fix.minutesText}; add a Duration line (for example "**Duration**: ${fix.value}").`
          : 'No incident duration is stated. Add a Duration line (for example "**Duration**: From 09:00 to 11:30 UTC") so readers know how long the impact lasted. (No quick fix: the timeline does not prove when the impact started and ended.)',
        range: anchor,
        ...(fix ? { fix: fix.fix } : {}),
      },
    ];
  },
};

/** The ends of the window a fix may write: the text to quote and the instant or sort key. */
interface WindowEnd {
  text: string;
  key: number;
  /** The zone is already written on the time. */
  zoned: boolean;
}

/**
 * The impact window the document proves, or null. Only milestones count (impact
 * start or detection to impact end or resolution), never a first→last span that
 * takes in lead-up and follow-up; and only when neither end was guessed: both
 * dated instants, or two times on one undated day, on a clock that is not
 * ambiguous, that the reading did not have to move across midnight or noon.
 */
export function provenWindow(analysis: AnalyzedDocument): { start: WindowEnd; end: WindowEnd; minutes: number } | null {
  const byKind = new Map(analysis.model.milestones.map((milestone) => [milestone.kind, milestone]));
  const start = byKind.get('impact-start') ?? byKind.get('detected');
  const end = byKind.get('impact-end') ?? byKind.get('resolved');
  if (!start || !end) return null;
  const entries = orderedEntries(analysis.timeline, analysis.model.metadata.newestFirst);
  const entryOf = (range: Milestone['range']): OrderedEntry | undefined =>
    entries.find((entry) => entry.item.entry.range.start.line === range.start.line && entry.item.entry.range.start.character === range.start.character);
  // "9:05" and "1:15" with no am/pm, in a timeline that never passes 12: either half of the day. "09:05" says 24-hour.
  const ambiguousClock =
    entries.every((entry) => entry.item.entry.clock === '12h' || (hourOf(entry.item.entry.timeText) >= 1 && hourOf(entry.item.entry.timeText) <= 12)) &&
    entries.some((entry) => entry.item.entry.clock === '24h' && /(?:^|\D)[1-9]:\d{2}/.test(entry.item.entry.timeText));
  const read = (milestone: Milestone): (WindowEnd & { dated: boolean; day: string | null }) | null => {
    // A sub-label field ("- **Detection**:" over its entries) is read through its first entry.
    const labelled = milestone.source === 'field' && !milestone.at ? entries.find((entry) => entry.item.entry.range.start.line > milestone.range.start.line && entry.item.entry.range.start.line <= milestone.range.end.line) : undefined;
    if (milestone.source === 'field' && !labelled) {
      if (!milestone.at) return null;
      return { text: analysis.doc.text.slice(analysis.doc.lines.offsetAt(milestone.range.start), analysis.doc.lines.offsetAt(milestone.range.end)).replace(/^[^:]*:\s*(?:\*\*|__)?\s*/, '').trim(), key: Date.parse(milestone.at), zoned: true, dated: true, day: null };
    }
    const entry = labelled ?? entryOf(milestone.range);
    if (!entry) return null;
    const { item } = entry;
    // The reading moved it (midnight, afternoon): a guess, not a proof.
    if (entry.rolledOver || entry.readAsAfternoon || entry.key !== item.sortKey) return null;
    if (item.entry.clock === '24h' && ambiguousClock) return null;
    if (item.entry.approximate || item.entry.dateOnly) return null;
    return { text: item.entry.timeText, key: entry.key, zoned: resolveZoneName(item.entry.timeText.split(/\s+/).pop()!.replace(/[()]/g, '')) !== null, dated: item.entry.at !== null, day: item.ownDate ? null : item.dateContext };
  };
  const from = read(start);
  const to = read(end);
  if (!from || !to || to.key <= from.key) return null;
  const minutes = (to.key - from.key) / 60000;
  // Two undated times count only on one day: the same inherited date (or none), no date of their own.
  if (!(from.dated && to.dated) && (from.day === null || from.day !== to.day)) return null;
  if (minutes > 7 * 1440) return null;
  return { start: from, end: to, minutes };
}

/** Inserts a Duration line computed from the timeline's impact window, in the style of the fields around it. */
function durationFix(analysis: AnalyzedDocument): { fix: Fix; value: string; minutesText: string } | null {
  const window = provenWindow(analysis);
  if (!window) return null;
  const minutesText = formatMinutes(window.minutes);
  const zone = analysis.model.timezone;
  const value = `${minutesText} (from ${window.start.text} to ${window.end.text}${zone && !window.end.zoned ? ` ${zone}` : ''})`;

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
