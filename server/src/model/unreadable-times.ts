import type { ParsedMarkdown } from './markdown.js';
import { startOffset, endOffset } from './markdown.js';
import type { SectionSpan } from './sections.js';
import type { Range } from './schema.js';
import { outerSpans, blocksBySpan } from './outer-spans.js';
import { splitLines } from './positions.js';
import { findTimestamps, mayHoldDate, type CalendarDate } from '../time/timestamps.js';
import { proseLines } from './prose-lines.js';
import { zoneDisagreements, ZONE_PAIR_HINT } from './zone-pairs.js';
import { RecentMemo } from '../time/recent-memo.js';
import { memoSlot, type MemoOwner } from '../time/memo-owner.js';

/** A time or date a reader cannot place: "25:61", "14:30 PM", "20224-03-02", "Tuesday, March 14, 2024" (a Thursday). */
export interface UnreadableTime {
  text: string;
  /** Why it cannot be read, as a clause: "has no hour 25". */
  reason: string;
  start: number;
  end: number;
  range: Range;
}

// What may stand before an entry's time: list markers, quote marks, emphasis, a bracket, "~".
const LEAD = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,3}[.)])[ \t]+)?(?:\|[ \t]*)?[*_`[~ \t]*/;
// "14:15pm:" ends at the colon after pm: only the digits must not run on.
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d|:\d)(?:\s?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?/;
const DOTTED_CLOCK = /^(\d{1,2})\.(\d{2})\s?([AaPp])\.?[Mm]\.?(?![A-Za-z])/;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const LONG_YEAR = new RegExp(`(?<![\\d/.-])\\d{5,}-\\d{1,2}-\\d{1,2}(?![\\d])|(?<![\\d/.-])\\d{1,2}[/-]\\d{1,2}[/-]\\d{5,}(?!\\d)|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{5,}(?!\\d)`);
const BAD_ISO = /(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What is wrong with a clock time at the start of `text`, or null when it reads (or is no clock at all). */
function clockProblem(text: string): { text: string; reason: string } | null {
  const clock = CLOCK.exec(text);
  if (clock) {
    const [written, hourText, minuteText, secondText, ampm] = clock;
    const hour = Number(hourText);
    if (ampm && hour > 12) return { text: written, reason: `mixes a 24-hour hour (${hour}) with ${ampm.toUpperCase()}M` };
    if (ampm && hour === 0 && ampm.toLowerCase() === 'p') return { text: written, reason: 'has hour 0 with PM' };
    if (hour > 23 && !(hour === 24 && minuteText === '00')) return { text: written, reason: `has no hour ${hour}` };
    if (Number(minuteText) > 59) return { text: written, reason: `has no minute ${Number(minuteText)}` };
    if (secondText && Number(secondText) > 59) return { text: written, reason: `has no second ${Number(secondText)}` };
    return null;
  }
  const dotted = DOTTED_CLOCK.exec(text);
  if (dotted) {
    const hour = Number(dotted[1]);
    if (hour > 12) return { text: dotted[0], reason: `mixes a 24-hour hour (${hour}) with ${dotted[3]!.toUpperCase()}M` };
    if (Number(dotted[2]) > 59) return { text: dotted[0], reason: `has no minute ${Number(dotted[2])}` };
  }
  return null;
}

function dayOfWeek(year: number, month: number, day: number): number {
  // 1 = Monday … 7 = Sunday, as TimestampMatch.weekday counts.
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date problems anywhere in a line: a year of five digits, a month or day that does not exist, a weekday that is not the date's. */
function dateProblems(line: string, year: number | null, memos: MemoOwner): Array<{ text: string; reason: string; at: number }> {
  const found: Array<{ text: string; reason: string; at: number }> = [];
  const long = LONG_YEAR.exec(line);
  if (long) found.push({ text: long[0], reason: 'has a year of more than four digits', at: long.index });
  const iso = BAD_ISO.exec(line);
  if (iso && !validDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) && Number(iso[1]) >= 1970) {
    found.push({ text: iso[0], reason: Number(iso[2]) > 12 || Number(iso[2]) < 1 ? `has no month ${Number(iso[2])}` : 'is a day the month does not have', at: iso.index });
  }
  for (const stamp of findTimestamps(line, memos)) {
    const date = stamp.date;
    const stampYear = date?.year ?? year;
    if (!date || stamp.weekday === null || stampYear === null || !validDay(stampYear, date.month, date.day)) continue;
    const actual = dayOfWeek(stampYear, date.month, date.day);
    if (actual !== stamp.weekday) {
      found.push({ text: stamp.text, reason: `names a ${WEEKDAY_NAMES[stamp.weekday - 1]!}, but that date${date.year === null ? ` in ${stampYear}` : ''} is a ${WEEKDAY_NAMES[actual - 1]!}`, at: stamp.start });
    }
  }
  return found;
}

// Lines read before: a timeline's lines repeat across analyses of the same document.
const CLOCKS = memoSlot(() => new RecentMemo<{ text: string; reason: string; at: number } | null>(10_000));
const DATES = memoSlot(() => new RecentMemo<ReadonlyArray<{ text: string; reason: string; at: number }>>(10_000));

/** What is wrong with the clock time where an entry's time stands at the start of `text` (a line or a table cell). */
function leadingClockProblem(text: string, memos: MemoOwner): { text: string; reason: string; at: number } | null {
  return memos.of(CLOCKS).get(text, readLeadingClock);
}

function readLeadingClock(text: string): { text: string; reason: string; at: number } | null {
  const lead = LEAD.exec(text)?.[0].length ?? 0;
  const clock = clockProblem(text.slice(lead));
  return clock ? { ...clock, at: lead } : null;
}

// Every problem dateProblems finds needs a run of five digits (a long year), an ISO date, or a date
// the timestamp reader reads with a weekday's name before it: most lines hold none, and need neither
// the memo nor a scan.
const LONG_YEAR_OR_ISO = /\d{5}|\d{4}-\d\d-\d\d/;
const WEEKDAY_BEFORE = /(?:[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un)[a-z]*\.?,?\s/;
// Both clock patterns need "h:mm" or "h.mm" (after the lead-in): a line without one has no clock to check in any cell.
const MAY_HOLD_CLOCK = /\d[:.]\d\d/;
const CLOCK_HINT = new RegExp(MAY_HOLD_CLOCK.source, 'g');

/** Where the next "h:mm" or "h.mm" (four characters) starts at or after `from`, or -1. */
function clockHint(text: string, from: number): number {
  CLOCK_HINT.lastIndex = from;
  const hint = CLOCK_HINT.exec(text);
  CLOCK_HINT.lastIndex = 0;
  return hint ? hint.index : -1;
}

const NO_PROBLEMS: ReadonlyArray<{ text: string; reason: string; at: number }> = Object.freeze([]);

function lineDateProblems(line: string, year: number | null, memos: MemoOwner): ReadonlyArray<{ text: string; reason: string; at: number }> {
  if (!LONG_YEAR_OR_ISO.test(line) && !(WEEKDAY_BEFORE.test(line) && mayHoldDate(line))) return NO_PROBLEMS;
  return memos.of(DATES).get(`${String(year)}\u0000${line}`, () => dateProblems(line, year, memos));
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote']);

/**
 * Times and dates in the timeline (and the title and intro) a reader cannot place.
 * Only where an entry's time stands (the start of a line, a list item or a
 * table cell) for clock times; anywhere on those lines for dates. Code blocks
 * are not read.
 */
export function findUnreadableTimes(doc: ParsedMarkdown, spans: readonly SectionSpan[], regions: ReadonlyArray<{ start: number; end: number }>, date: CalendarDate | null, memos: MemoOwner): UnreadableTime[] {
  const year = date?.year ?? null;
  const found: UnreadableTime[] = [];
  const readText = (start: number, end: number): void => {
    for (const line of splitLines(doc.text.slice(start, end))) {
      // Most lines have nothing to report: nothing is allocated for them.
      let clocks: Array<{ offset: number; problem: { text: string; reason: string; at: number } }> | null = null;
      // Each table cell starts where an entry's time may stand; each is read up to the next "|" only.
      if (MAY_HOLD_CLOCK.test(line.text)) {
        let hint = -1;
        for (const [cellStart, cellEnd] of cells(line.text)) {
          // Only a cell that holds "h:mm" or "h.mm" can start with a clock: the others are not sliced nor read.
          if (hint < cellStart) hint = clockHint(line.text, cellStart);
          if (hint < 0) break;
          if (hint + 4 > cellEnd) continue;
          const problem = leadingClockProblem(line.text.slice(cellStart, cellEnd), memos);
          if (problem) (clocks ??= []).push({ offset: cellStart + problem.at, problem });
        }
      }
      const problems = lineDateProblems(line.text, year, memos);
      if (clocks === null && problems.length === 0) continue;
      const known = clocks ?? [];
      const dates = problems.filter((problem) => !known.some((clock) => clock.offset === problem.at));
      if (known.length === 0 && dates.length === 0) continue;
      const at = (offset: number, problem: { text: string; reason: string }): void => {
        const from = start + line.start + offset;
        found.push({ text: problem.text, reason: problem.reason, start: from, end: from + problem.text.length, range: doc.lines.range(from, from + problem.text.length) });
      };
      for (const item of [...known.map((clock) => ({ offset: clock.offset, problem: clock.problem })), ...dates.map((problem) => ({ offset: problem.at, problem }))].sort((a, b) => a.offset - b.offset)) {
        at(item.offset, item.problem);
      }
    }
  };
  for (const region of regions) readText(region.start, region.end);
  const timelines = outerSpans(spans.filter((span) => span.section.kind === 'timeline'));
  const blocks = blocksBySpan(doc.root.children, timelines);
  for (const span of timelines) {
    for (const node of blocks.get(span) ?? []) {
      if (TEXT_BLOCKS.has(node.type)) readText(startOffset(node), endOffset(node));
    }
  }
  const add = (from: number, to: number, reason: string): void => {
    if (found.some((known) => known.start === from)) return;
    found.push({ text: doc.text.slice(from, to), reason, start: from, end: to, range: doc.lines.range(from, to) });
  };
  // Anywhere in the prose: a weekday that is not its date's ("On Tuesday, 2023-01-04"), and one time in two zones that disagree.
  for (const line of proseLines(doc, WEEKDAY_HINT)) {
    for (const problem of lineDateProblems(line.text, year, memos)) {
      if (problem.reason.startsWith('names a ')) add(line.start + problem.at, line.start + problem.at + problem.text.length, problem.reason);
    }
  }
  for (const line of proseLines(doc, ZONE_PAIR_HINT)) {
    for (const pair of zoneDisagreements(line.text, date, memos)) add(line.start + pair.start, line.start + pair.end, pair.reason);
  }
  return found.sort((a, b) => a.start - b.start);
}

// A weekday's name or abbreviation before a number or a month: "monitoring" and "Saturation" are not read.
const WEEKDAY_HINT = /\b(?:[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un)(?:day|sday|nesday|rsday|urday|s|rs)?\.?,?\s+(?:\d|[A-Z][a-z]{2})/;

/** The spans of a line's table cells (the whole line when it has no "|"). */
function cells(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let index = line.indexOf('|'); index >= 0; index = line.indexOf('|', index + 1)) {
    spans.push([start, index]);
    start = index + 1;
  }
  spans.push([start, line.length]);
  return spans;
}
