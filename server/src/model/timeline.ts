import type { Heading, ListItem, Nodes, Paragraph, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type ParsedMarkdown, walk, startOffset, endOffset } from './markdown.js';
import type { SectionSpan } from './sections.js';
import type { TimelineEntry } from './schema.js';
import { findTimestamps, isDateOnly, mayHoldDate, type CalendarDate, type TimestampMatch } from '../time/timestamps.js';
import { startDating, enterDate, placeEntry, localText, type DatingContext, type EntryDating } from './entry-dating.js';
import type { DocumentDating } from './date-context.js';
import { resolveZoneName } from '../time/zones.js';
import { milestoneFromWording } from './milestones.js';
import { outerSpans, blocksBySpan } from './outer-spans.js';
import { splitLines } from './positions.js';
import type { IncidentScope } from './incidents.js';
import type { MemoOwner } from '../time/memo-owner.js';

/** A timeline entry plus what ordering needs but the printed model does not. */
export interface TimelineItem {
  entry: TimelineEntry;
  /** Milliseconds on a scale shared by the document's entries; null for undated text. */
  sortKey: number | null;
  start: number;
  end: number;
  /** The entry wrote its own date (not inherited). */
  ownDate: boolean;
  /** The inherited date in force, as text, so entries under the same date can be told apart from those under a new one. */
  dateContext: string;
  /** The whole list item or table row, and the list or table it belongs to: what sorting the timeline moves. */
  block: { start: number; end: number; group: number } | null;
  /** A heading entry ("### 4:27"), whose text is the paragraph below it. */
  fromHeading?: boolean;
  /** Where the entry's date came from, and whether it rests on a reading the document leaves open. */
  dating: EntryDating;
}

interface Context extends DatingContext {
  label: string | null;
  /** Reading inside a block quote, where a quoted chat log may sit. */
  quoted?: boolean;
}

// What may stand before an entry's time: list markup, emphasis, code ticks,
// a link bracket, "~" or "around".
const LEAD_IN = /^[\s*_`[~>]*(?:(?:at|around|about|approx(?:imately|\.)?|circa|ca\.)\s+)?$/i;
// What separates the time from the text: "09:05 AM: …", "14:05 - …", "| …".
// The second class only follows a parenthesis: straight after the first, the
// two overlapping runs backtrack quadratically on a long run of `*` or `_`.
const SEPARATOR = /^[\s*_`\]]*(?:\([^)]*\)[\s*_`]*)?(?:[:\-–—|]+|\s)\s*/;
// A sub-label inside a timeline: "**Detection**:" alone on its line.
const SUB_LABEL = /^\s*(?:\*\*|__)([^*_\n]{1,60})(?:\*\*|__)\s*:?\s*$/;

const ASIDES: ReadonlySet<string> = new Set(['supporting-information', 'root-cause', 'lessons', 'action-items', 'impact', 'summary']);

const RANGE_CONNECTOR = /^\s*(?:-|–|—|to|until|till)\s*$/i;

/** "8:20 - 8:24": the timestamp that ends a range starting with `stamp`, if the line continues with one. */
function rangeEnd(line: string, stamp: TimestampMatch, memos: MemoOwner): TimestampMatch | null {
  const next = findTimestamps(line, memos).find((candidate) => candidate.start >= stamp.end);
  return next && RANGE_CONNECTOR.test(line.slice(stamp.end, next.start)) ? next : null;
}

/** The text after an entry's time (and the end of its range, `end`, which the caller found with rangeEnd). */
function entryText(line: string, stamp: TimestampMatch, end: TimestampMatch | null): string {
  return line.slice((end ?? stamp).end).replace(SEPARATOR, '').trim();
}

// A date and the time after it, apart: "May 2, 2023: 6:15pm UTC", "2023-05-02 - 18:15".
const DATE_TIME_GAP = /^(?:[:,\-–—|]|at)?$/i;
// "[03-14 14:05]": a month and day before the time, in the brackets of a chat or log export.
const BRACKET_MONTH_DAY = /^(\s*(?:[-*+]\s+)?\[)(\d{2})-(\d{2}) +(?=\d{1,2}:\d{2})/;

/** The timestamp an entry starts with, if its text starts with one. */
function leadingTimestamp(line: string, memos: MemoOwner): TimestampMatch | null {
  const monthDay = monthDayStamp(line, memos);
  if (monthDay) return monthDay;
  const stamps = findTimestamps(line, memos);
  const first = stamps[0];
  if (!first) return null;
  if (!LEAD_IN.test(line.slice(0, first.start))) return null;
  const next = stamps[1];
  if (isDateOnly(first) && next?.time && !next.date && DATE_TIME_GAP.test(line.slice(first.end, next.start).trim())) {
    return { ...next, start: first.start, text: line.slice(first.start, next.end), date: first.date };
  }
  return first;
}

function monthDayStamp(line: string, memos: MemoOwner): TimestampMatch | null {
  const bracket = BRACKET_MONTH_DAY.exec(line);
  if (!bracket) return null;
  const month = Number(bracket[2]);
  const day = Number(bracket[3]);
  const time = findTimestamps(line.slice(bracket[0].length), memos)[0];
  if (!time?.time || time.start !== 0 || time.date || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const start = bracket[1]!.length;
  const end = bracket[0].length + time.end;
  return { ...time, start, end, text: line.slice(start, end), date: { year: null, month, day } };
}

// What follows the time on a line a program wrote, not a person: a log level, a process tag.
const LOG_LINE = /^[\s\]|]*(?:\[(?:error|warn(?:ing)?|info|debug|trace|fatal|crit(?:ical)?|notice|emerg|alert)\]|(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL|CRIT(?:ICAL)?|NOTICE)\b|\[(?:pid\s*)?\d+\]|[\w.-]+\[\d+\]:|[+-]\d{4}\b|,\d{3}\b)/;
// "[10:04] dana: is prod down?": a chat line quoted, a person's words, not an event.
const CHAT_LINE = /^[\s\]]*(?:<[\w.@-]+>|@?[\w.-]+:)\s/;

export function readTimeline(doc: ParsedMarkdown, spans: readonly SectionSpan[], base: DocumentDating | { date: CalendarDate | null; zone: string | null }, incidents: readonly IncidentScope[], memos: MemoOwner): TimelineItem[] {
  const items: TimelineItem[] = [];
  const timelineSpans = spans.filter((span) => span.section.kind === 'timeline');
  // Nested timeline headings ("### Day 1" inside "## Timeline") are part of their parent's range.
  const outer = outerSpans(timelineSpans);
  // By where a block starts: a list ending in a half-typed "- " runs past the section's trimmed end.
  const blocks = blocksBySpan(doc.root.children, outer);
  // An appendix, the causes or the lessons written inside a timeline section hold no entries (their times are quotes, logs, references).
  const asides = spans.filter((span) => ASIDES.has(span.section.kind));
  for (const span of outer) {
    // In a document that reports several incidents, each timeline is read in its own incident's date and zone.
    const incident = incidents.findIndex((scope) => span.start >= scope.start && span.start < scope.end);
    const context: Context = { ...startDating(incident >= 0 ? incidents[incident]!.dating : base, memos), label: null };
    const first = items.length;
    const inside = asides.filter((aside) => aside.start > span.start && aside.start < span.end);
    for (const node of blocks.get(span) ?? []) {
      const at = startOffset(node);
      if (inside.some((aside) => at >= aside.start && at < Math.max(aside.end, aside.contentStart + 1))) continue;
      // "### 4:27" with its text in the paragraph below: the paragraph is the entry's text.
      const previous = items[items.length - 1];
      if (node.type === 'paragraph' && previous?.fromHeading && previous.entry.text === '') {
        previous.entry.text = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
        previous.entry.milestone = milestoneFromWording(previous.entry.text, memos);
        continue;
      }
      readBlock(doc, node, context, items, span);
    }
    if (incident >= 0) for (const item of items.slice(first)) item.entry.incident = incident;
  }
  return items;
}

function readBlock(doc: ParsedMarkdown, node: Nodes, context: Context, items: TimelineItem[], span: SectionSpan): void {
  if (node.type === 'heading') readHeading(doc, node, context, items, span);
  else if (node.type === 'table') readTable(doc, node, context, items);
  else if (node.type === 'paragraph') readParagraph(doc, node, context, items);
  else if (node.type === 'blockquote') {
    // Entries quoted as a block ("> 10:05 UTC - …") are entries; a quoted chat log is not (see CHAT_LINE).
    const quoted = context.quoted;
    context.quoted = true;
    for (const child of node.children) readBlock(doc, child, context, items, span);
    context.quoted = quoted;
  }
  else if (node.type === 'list') {
    walk(node, (child, ancestors) => {
      if (child.type !== 'listItem') return;
      readListItem(doc, child, ancestors, context, items);
    });
  }
}

function readHeading(doc: ParsedMarkdown, node: Heading, context: Context, items: TimelineItem[], span: SectionSpan): void {
  if (node === span.node) return;
  const text = toString(node, { includeHtml: false });
  const stamp = leadingTimestamp(text, context.memos);
  if (!stamp) {
    context.label = text.trim();
    return;
  }
  if (isDateOnly(stamp) || text.trim() === stamp.text) {
    // "### 2021-03-05" sets the date; "### 4:27" is an entry whose text follows.
    if (isDateOnly(stamp)) {
      enterDate(context, stamp);
      return;
    }
  }
  const start = startOffset(node);
  const end = endOffset(node);
  const rawLine = doc.text.slice(start, end);
  const offsetInRaw = rawLine.indexOf(stamp.text);
  const until = rangeEnd(text, stamp, context.memos);
  const item = makeItem(doc, stamp, until, entryText(text, stamp, until), start + Math.max(0, offsetInRaw), start, end, context);
  item.fromHeading = true;
  items.push(item);
}

function readParagraph(doc: ParsedMarkdown, node: Paragraph, context: Context, items: TimelineItem[]): void {
  const start = startOffset(node);
  for (const line of splitLines(doc.text.slice(start, endOffset(node)))) readLine(doc, line.text, start + line.start, context, items);
}

/** One line of a paragraph or the first line of a list item. */
function readLine(doc: ParsedMarkdown, line: string, lineOffset: number, context: Context, items: TimelineItem[], end?: number): void {
  const label = SUB_LABEL.exec(line);
  if (label) {
    context.label = label[1]!.trim();
    return;
  }
  readStampedLine(doc, line, leadingTimestamp(line, context.memos), lineOffset, context, items, end);
}

/** readLine after its label check, with the line's leading timestamp found. */
function readStampedLine(doc: ParsedMarkdown, line: string, stamp: TimestampMatch | null, lineOffset: number, context: Context, items: TimelineItem[], end?: number): void {
  if (!stamp) return;
  const after = line.slice(stamp.end);
  if (LOG_LINE.test(after) || (context.quoted && CHAT_LINE.test(after))) return;
  const until = rangeEnd(line, stamp, context.memos);
  const rest = entryText(line, stamp, until);
  if (isDateOnly(stamp) && rest.replace(/[*_`:]/g, '').trim() === '') {
    enterDate(context, stamp);
    return;
  }
  items.push(makeItem(doc, stamp, until, rest, lineOffset + stamp.start, lineOffset, end ?? lineOffset + line.length, context));
}

function readListItem(doc: ParsedMarkdown, item: ListItem, ancestors: readonly Nodes[], context: Context, items: TimelineItem[]): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return;
  const start = startOffset(paragraph);
  // The paragraph's lines once: its first line is the entry's, and later lines may be entries too.
  const lines = splitLines(doc.text.slice(start, endOffset(paragraph)));
  const line = lines[0]!.text;
  const label = SUB_LABEL.exec(line);
  if (label) {
    context.label = label[1]!.trim();
    return;
  }
  // Entries nested under a sub-label keep that label; a top-level item without one clears it.
  const nestedUnderLabel = ancestors.some((ancestor) => ancestor.type === 'listItem' && ancestor !== item);
  const stamp = leadingTimestamp(line, context.memos);
  if (!nestedUnderLabel && !stamp) context.label = null;
  const before = items.length;
  // Lines after the first that start with a time are entries of their own: "- At 10:15 AM: …" then
  // "10:31 AM: …" on the next line is one paragraph to CommonMark (a lazy continuation), two entries to a reader.
  const own = lines.findIndex((next, index) => index > 0 && leadingTimestamp(next.text, context.memos) !== null);
  const firstEnd = own > 0 ? start + lines[own - 1]!.start + lines[own - 1]!.text.length : endOffset(paragraph);
  readStampedLine(doc, line, stamp, start, context, items, firstEnd);
  const list = ancestors[ancestors.length - 1];
  if (items.length > before && list && own < 0) items[items.length - 1]!.block = { start: startOffset(item), end: endOffset(item), group: startOffset(list) };
  if (own > 0) for (const next of lines.slice(own)) readLine(doc, next.text, start + next.start, context, items);
}

/** What the first non-empty parentheses hold, as `/\(([^)]+)\)/` finds it, without retrying from every "(". */
function parenthesised(text: string): string | undefined {
  for (let open = text.indexOf('('); open >= 0; ) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) return undefined;
    if (close > open + 1) return text.slice(open + 1, close);
    open = text.indexOf('(', close + 1);
  }
  return undefined;
}

function readTable(doc: ParsedMarkdown, table: Table, context: Context, items: TimelineItem[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const headerCells = header.children.map((cell) => toString(cell).trim());
  let timeColumn = headerCells.findIndex((cell) => /^(?:time|date|when|timestamp|date\/time|datetime)\b/i.test(cell));
  // "| Day | Date | Time | Event |": the date and the time sit in columns of their own; each row gets both.
  const ownTimeColumn = headerCells.findIndex((cell) => /^(?:time|hour)\b/i.test(cell));
  const columnNamed = (pattern: RegExp): number => headerCells.findIndex((cell, index) => index !== ownTimeColumn && pattern.test(cell));
  const dateColumn = ownTimeColumn < 0 ? -1 : columnNamed(/^date\b/i) >= 0 ? columnNamed(/^date\b/i) : columnNamed(/^day\b/i);
  if (dateColumn >= 0) timeColumn = ownTimeColumn;
  const zoneInHeader = parenthesised(headerCells[timeColumn] ?? '');
  const columnZone = zoneInHeader ? resolveZoneName(zoneInHeader) : null;
  if (timeColumn < 0) timeColumn = guessTimeColumn(rows, context.memos);
  if (timeColumn < 0) return;
  for (const row of rows) {
    const cell = row.children[timeColumn];
    if (!cell) continue;
    if (dateColumn >= 0) {
      const dateCell = row.children[dateColumn];
      const date = dateCell ? leadingTimestamp(toString(dateCell).trim(), context.memos) : null;
      if (date && isDateOnly(date)) enterDate(context, date, 'entry');
    }
    const rawCell = doc.text.slice(startOffset(cell), endOffset(cell));
    const cellText = withoutOuterPipes(rawCell).trim();
    const stamp = leadingTimestamp(cellText, context.memos);
    if (!stamp) continue;
    const cellStart = startOffset(cell) + rawCell.indexOf(stamp.text);
    // Each cell's text once: the entry's text and the date lookup below both read them.
    const texts = row.children.map((other) => toString(other).trim());
    const until = rangeEnd(cellText, stamp, context.memos);
    const parts = [entryText(cellText, stamp, until)];
    for (let index = 0; index < texts.length; index++) if (index !== timeColumn && index !== dateColumn) parts.push(texts[index]!);
    const rest = parts.filter(Boolean).join(' | ');
    if (isDateOnly(stamp) && rest === '') {
      enterDate(context, stamp);
      continue;
    }
    // "| 2025-03-12 | 15:57 | …": a date in its own column is the entry's own date.
    if (!stamp.date) {
      const dateCell = firstDateOnlyLead(texts, context.memos);
      if (dateCell) enterDate(context, dateCell, 'entry');
    }
    const rowContext = columnZone && !stamp.zone ? { ...context, zone: columnZone } : context;
    const item = makeItem(doc, stamp, until, rest, cellStart, startOffset(row), endOffset(row), rowContext);
    item.block = { start: startOffset(row), end: endOffset(row), group: startOffset(table) };
    items.push(item);
  }
}

/** A cell's raw text without the "|" it may start and end with. */
function withoutOuterPipes(raw: string): string {
  const start = raw.startsWith('|') ? 1 : 0;
  const end = raw.length > start && raw.endsWith('|') ? raw.length - 1 : raw.length;
  return start === 0 && end === raw.length ? raw : raw.slice(start, end);
}

/** The first cell that starts with a date and holds only that. */
function firstDateOnlyLead(texts: readonly string[], memos: MemoOwner): TimestampMatch | null {
  for (const text of texts) {
    const stamp = dateOnlyLead(text, memos);
    if (stamp) return stamp;
  }
  return null;
}

/** The date a cell starts with, when it is only a date. A cell that cannot hold a date (most: the event's words) is not read. */
function dateOnlyLead(text: string, memos: MemoOwner): TimestampMatch | null {
  if (!mayHoldDate(text)) return null;
  const stamp = leadingTimestamp(text, memos);
  return stamp !== null && isDateOnly(stamp) ? stamp : null;
}

function guessTimeColumn(rows: readonly TableRow[], memos: MemoOwner): number {
  const first = rows[0];
  if (!first) return -1;
  return first.children.findIndex((cell) => leadingTimestamp(toString(cell).trim(), memos) !== null);
}

function makeItem(doc: ParsedMarkdown, stamp: TimestampMatch, until: TimestampMatch | null, text: string, timeStart: number, start: number, end: number, context: Context): TimelineItem {
  const { resolved, resolvedEnd, dating } = placeEntry(stamp, until, context);
  return {
    dating,
    start,
    end,
    sortKey: resolved.sortKey,
    ownDate: stamp.date !== null,
    block: null,
    dateContext: JSON.stringify(context.date),
    entry: {
      at: resolved.iso,
      local: localText(dating.date, stamp.time),
      dateSource: dating.dateSource,
      timeText: stamp.text,
      text,
      range: doc.lines.range(start, end),
      timeRange: doc.lines.range(timeStart, timeStart + stamp.text.length),
      approximate: stamp.approximate,
      label: context.label,
      until: resolvedEnd?.iso ?? null,
      dateOnly: isDateOnly(stamp),
      clock: /\d{4}-\d{2}-\d{2}T\d/.test(stamp.text) ? 'iso' : stamp.twelveHour ? '12h' : '24h',
      zone: resolved.zone,
      milestone: milestoneFromWording(text, context.memos),
    },
  };
}
