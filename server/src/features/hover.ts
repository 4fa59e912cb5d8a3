import { DateTime } from 'luxon';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import type { Range } from '../model/schema.js';
import { sectionsMatching } from '../templates/registry.js';
import { pairSections } from '../templates/pairing.js';
import { formatMinutes } from '../time/durations.js';
import { incidentClock } from './incident-clock.js';
import { markdownText } from './markdown-text.js';

const contains = (range: Range, position: Position): boolean =>
  (position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character)) &&
  (position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character));

// An IANA or offset zone name: no Markdown in it (an underscore between letters is not emphasis).
const ZONE_NAME = /^[A-Za-z0-9/+:-]+(?:_[A-Za-z0-9/+:-]+)*$/;

function instantLines(iso: string, zone: string | null): string[] {
  const at = DateTime.fromISO(iso, { setZone: true });
  const lines = [`- UTC: ${at.toUTC().toFormat("yyyy-MM-dd HH:mm 'UTC'")}`];
  // Zone names ("America/New_York") read as they are; anything else from the document is made literal.
  if (zone && zone !== 'UTC') lines.push(`- ${ZONE_NAME.test(zone) ? zone : markdownText(zone)}: ${at.setZone(zone).toFormat('yyyy-MM-dd HH:mm ZZZZ (ZZ)')}`);
  return lines;
}

/** On a timestamp: the instant in UTC and the document's zone, and T+ from impact start. On a duration: how it was found. On a heading: what the template expects. */
export function hover(result: Analysis, position: Position): Hover | null {
  const { analysis, template } = result;
  const { model } = analysis;

  for (const item of analysis.timeline) {
    if (!contains(item.entry.timeRange, position)) continue;
    const clock = incidentClock(result);
    const lines = [`**${markdownText(item.entry.timeText)}**${item.entry.approximate ? ' (approximate)' : ''}`, ''];
    if (item.entry.at) lines.push(...instantLines(item.entry.at, model.timezone));
    else lines.push(item.entry.zone ? '- No date: the document gives none before this entry.' : '- No time zone: the document does not say which zone its times are in.');
    const offset = clock.offset(item);
    if (offset) lines.push(`- ${offset} from ${clock.originLabel}`);
    if (item.entry.until) lines.push(`- Until ${DateTime.fromISO(item.entry.until, { setZone: true }).toFormat('HH:mm ZZZZ')}`);
    if (item.entry.milestone) lines.push(`- Milestone: ${item.entry.milestone.replace('-', ' ')}`);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: item.entry.timeRange };
  }

  const { duration } = model;
  if (duration.range && contains(duration.range, position)) {
    const lines = ['**Incident duration**', ''];
    if (duration.minutes !== null) lines.push(`- Stated: ${formatMinutes(duration.minutes)}${duration.start && duration.end ? ` (${markdownText(duration.start)} → ${markdownText(duration.end)})` : ''}`);
    if (duration.computed) lines.push(`- From the document: ${formatMinutes(duration.computed.minutes)} (${markdownText(duration.computed.basis)})`);
    lines.push(`- ${markdownText(model.metrics.basis)}`);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: duration.range };
  }

  const pairs = pairSections(template.sections, model.sections.filter((section) => section.level === Math.min(...model.sections.map((candidate) => candidate.level))));
  for (const section of model.sections) {
    if (!contains(section.headingRange, position)) continue;
    // The template section this heading stands for, as the outline pairs them ("Root Cause and Resolution" is not "Root Cause").
    const expected = [...pairs].find(([, paired]) => paired === section)?.[0] ?? template.sections.find((candidate) => sectionsMatching(candidate, [section]).length > 0);
    // Heading text is the writer's, the template's name and purpose may come from the workspace: all literal.
    const lines = [`**${markdownText(section.heading)}** — ${section.kind === 'other' ? 'not a standard postmortem section' : `${section.kind.replace(/-/g, ' ')} section`}`];
    if (expected) lines.push('', `${markdownText(template.name)} template${expected.required ? '' : ' (recommended)'}: ${markdownText(expected.purpose)}`);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: section.headingRange };
  }
  return null;
}
