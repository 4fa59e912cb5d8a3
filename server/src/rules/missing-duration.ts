import type { Rule, Fix } from './types.js';
import type { AnalyzedDocument } from '../model/build-model.js';
import { provenWindow } from '../model/proven-window.js';
import { formatMinutes } from '../time/durations.js';
import { lineEnding } from '../model/positions.js';
import { isDisclosureWithoutOutage } from '../model/no-outage.js';

/** How long the incident lasted is the first thing a reader looks for. */
export const missingDuration: Rule = {
  id: 'missing-duration',
  description: 'The postmortem states no incident duration.',
  defaultSeverity: 'warning',
  check(analysis) {
    if (analysis.durationStatement) return [];
    // A vulnerability report where nothing went down has no duration to state.
    if (isDisclosureWithoutOutage(analysis)) return [];
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
