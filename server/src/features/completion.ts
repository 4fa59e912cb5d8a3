import { DateTime } from 'luxon';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze.js';
import { templateSectionPresent } from '../templates/registry.js';
import { resolveZoneName, zoneOf } from '../time/zones.js';
import { tableAbove, tableRow } from './table-row.js';

// Runs of spaces are taken whole, `(?=(\s*))\1` for a possessive `\s*`: giving
// them back to the `[\w ]*` after them cannot help and is quadratic on a long run.
// Only at the start of a line, where a heading can go: "", "#", "## Ti".
const HEADING_PREFIX = /^(#{0,6})(?=(\s*))\2([\w ]*)$/;
// "Severity: ", "- **Status**: S", "| Type | p".
const FIELD_VALUE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ]{1,30}?)(?:\*\*|__)?\s*:(?=(\s*))\2(?:\*\*|__)?(?=(\s*))\3([\w -]*)$/;
const FIELD_NAME = /^(?=(\s*))\1(?:[-*+](?=(\s+))\2)?(?:\*\*|__)?([A-Za-z ]*)$/;
const HANDLE_PREFIX = /(?:^|\s|\()@([\w.-]*)$/;
const ZONE_PREFIX = /\b(?:all times(?: are)?(?: in)?|time ?zone:?|times in)\s+([\w/+-]*)$/i;
const ENTRY_PREFIX = /^(\s*)([-*+]\s+)?$/;

/** The severities completion and New Postmortem offer. */
export const SEVERITIES: readonly string[] = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5'];

const VALUES: Record<string, readonly string[]> = {
  severity: SEVERITIES,
  sev: SEVERITIES,
  status: ['Draft', 'In Review', 'Reviewed', 'Closed'],
  type: ['prevent', 'mitigate', 'detect', 'process', 'repair', 'investigate'],
  priority: ['P0', 'P1', 'P2', 'P3', 'P4'],
};

const FIELDS = ['Duration', 'Impact', 'Severity', 'Status', 'Owner', 'Authors', 'Date', 'Impact start', 'Detected', 'Mitigated', 'Resolved', 'Time to detection', 'Time to recovery'];

const COMMON_ZONES = ['UTC', 'America/Los_Angeles', 'America/New_York', 'America/Chicago', 'America/Denver', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Asia/Kolkata', 'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney'];

function item(label: string, kind: CompletionItemKind, range: { start: Position; end: Position }, newText: string, extra: Partial<CompletionItem> = {}): CompletionItem {
  return { label, kind, textEdit: { range, newText }, ...extra };
}

/** Completions that know the postmortem: missing sections, field names and values, the next timestamp, owners and zones. */
export function completions(document: TextDocument, position: Position, result: Analysis): CompletionItem[] {
  const { analysis, template } = result;
  const { model } = analysis;
  const lineStart = { line: position.line, character: 0 };
  const prefix = document.getText({ start: lineStart, end: position });
  const replace = (length: number): { start: Position; end: Position } => ({ start: { line: position.line, character: position.character - length }, end: position });

  const handle = HANDLE_PREFIX.exec(prefix);
  if (handle) {
    const owners = new Set<string>();
    const cursor = document.offsetAt(position);
    for (const match of analysis.doc.text.matchAll(/(?<![\w.])@([A-Za-z0-9][\w.-]*[A-Za-z0-9_])/g)) {
      // Not the handle being typed.
      if (match.index <= cursor && cursor <= match.index + match[0].length) continue;
      owners.add(match[1]!);
    }
    return [...owners].sort().map((owner) => item(`@${owner}`, CompletionItemKind.Reference, replace(handle[1]!.length + 1), `@${owner}`, { detail: 'named in this postmortem' }));
  }

  const zone = ZONE_PREFIX.exec(prefix);
  if (zone) {
    const zones = [...COMMON_ZONES, ...Intl.supportedValuesOf('timeZone').filter((name) => !COMMON_ZONES.includes(name))];
    return zones.map((name, index) => item(name, CompletionItemKind.EnumMember, replace(zone[1]!.length), name, { sortText: String(index).padStart(4, '0'), detail: 'time zone' }));
  }

  const value = FIELD_VALUE.exec(prefix);
  const choices = value ? VALUES[value[1]!.trim().toLowerCase()] : undefined;
  if (value && choices) {
    return choices.map((choice, index) => item(choice, CompletionItemKind.EnumMember, replace(value[4]!.length), choice, { sortText: String(index) }));
  }

  const inTimeline = model.sections.some((section) => section.kind === 'timeline' && position.line > section.headingRange.start.line && position.line <= section.range.end.line + 1);
  // Directly under a table's last row: one more row of that table, written over what was typed of it ("", "| ").
  const table = inTimeline && (prefix.trim() === '' || prefix.trim() === '|') ? tableAbove(analysis.doc.text.split(/\r?\n/), position.line) : null;
  if (table) return nextTimestamps(result, (time) => tableRow(table, time), replace(prefix.length));
  const entry = ENTRY_PREFIX.exec(prefix);
  if (inTimeline && entry) return nextTimestamps(result, (time, separator) => `${entry[2] ? '' : '- '}${time}${separator}\${1:What happened}`, replace(0));

  const heading = HEADING_PREFIX.exec(prefix);
  if (heading && (heading[1] !== '' || prefix.trim() === '')) {
    const level = heading[1] && heading[1].length >= 2 ? heading[1] : '##';
    const sections = template.sections
      .filter((expected) => !templateSectionPresent(expected, model))
      .map((section, index): CompletionItem => ({
        label: section.heading,
        labelDetails: { description: section.required ? 'missing section' : 'recommended section' },
        kind: CompletionItemKind.Module,
        detail: `Add the ${section.heading} section`,
        documentation: section.purpose,
        sortText: String(index).padStart(2, '0'),
        filterText: `${level} ${section.heading}`,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: { start: lineStart, end: position }, newText: `${level} ${section.heading}\n${section.body}\n` },
      }));
    if (heading[1] !== '') return sections;
  }

  const field = FIELD_NAME.exec(prefix);
  if (field && /\*\*|__/.test(prefix)) {
    const present = new Set(analysis.fields.map((candidate) => candidate.key));
    const start = prefix.search(/\*\*|__/);
    return FIELDS.filter((name) => !present.has(name.toLowerCase())).map((name, index) =>
      item(name, CompletionItemKind.Property, { start: { line: position.line, character: start }, end: position }, `**${name}**: $0`, { insertTextFormat: InsertTextFormat.Snippet, sortText: String(index).padStart(2, '0'), detail: 'postmortem field' }),
    );
  }
  return [];
}

/** The next entry's time in the document's own clock and zone: a few minutes after the last entry, and now. */
function nextTimestamps(result: Analysis, entryLine: (time: string, separator: string) => string, range: { start: Position; end: Position }): CompletionItem[] {
  const { entries } = result.analysis.timelineOrder;
  const last = entries.length > 0 ? entries.reduce((a, b) => (b.key > a.key ? b : a)) : undefined;
  const sample = last?.item.entry;
  const zone = result.analysis.model.timezone;
  const twelveHour = sample?.clock === '12h';
  const lastWord = sample?.timeText.split(/\s+/).pop()?.replace(/[()]/g, '') ?? '';
  // "09:05 UTC" keeps its zone; the "AM" of "11:30 AM" is not one.
  const writtenZone = sample && sample.timeText.includes(' ') && resolveZoneName(lastWord) ? lastWord : '';
  const format = (time: DateTime): string => `${time.toFormat(twelveHour ? 'hh:mm a' : 'HH:mm')}${writtenZone ? ` ${writtenZone}` : ''}`;
  // The document's own separator: "09:05 AM: …", "08:14 UTC – …", "14:02 - …".
  const written = sample ? /^\s*([-–—:|])/.exec(result.analysis.doc.text.slice(result.analysis.doc.lines.offsetAt(sample.timeRange.end)))?.[1] : undefined;
  const separator = written === undefined || written === ':' ? ': ' : ` ${written} `;
  const items: CompletionItem[] = [];
  if (last) {
    const next = DateTime.fromMillis(last.key + 5 * 60_000, { zone: zone ? zoneOf(zone) : 'UTC' });
    items.push(item(format(next), CompletionItemKind.Snippet, range, entryLine(format(next), separator), { insertTextFormat: InsertTextFormat.Snippet, detail: `5 minutes after ${sample!.timeText}`, sortText: '0' }));
  }
  const now = DateTime.now().setZone(zone ? zoneOf(zone) : 'UTC');
  items.push(item(format(now), CompletionItemKind.Snippet, range, entryLine(format(now), separator), { insertTextFormat: InsertTextFormat.Snippet, detail: `now${zone ? ` in ${zone}` : ''}`, sortText: '1' }));
  return items;
}
