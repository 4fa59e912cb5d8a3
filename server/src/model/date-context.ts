import type { Field } from './fields.js';
import type { ParsedMarkdown } from './markdown.js';
import type { SectionSpan } from './sections.js';
import type { Range } from './schema.js';
import { splitLines } from './positions.js';
import { findTimestamps, mayHoldDate, mayHoldTime, writtenDate, type CalendarDate, type TimestampMatch } from '../time/timestamps.js';
import { declaredZone, zoneAliases } from './zone-declaration.js';
import { zoneFromName } from '../time/zones.js';
import { allMatches } from '../time/all-matches.js';
import type { MemoOwner } from '../time/memo-owner.js';

/**
 * Where a bare time's date comes from, the way a reader finds it: written on
 * the entry (or an earlier entry), a date heading or date line above it, the
 * timeline's heading, a `Date:` field or front matter, the title, the intro,
 * the file name, or a midnight rollover the timeline implies.
 */
export type DateSource = 'entry' | 'heading' | 'timeline-heading' | 'field' | 'front-matter' | 'title' | 'intro' | 'duration' | 'file-name' | 'rollover';

export const DATE_SOURCES: readonly DateSource[] = ['entry', 'heading', 'timeline-heading', 'field', 'front-matter', 'title', 'intro', 'duration', 'file-name', 'rollover'];

/** How the document orders day and month in all-numeric dates, and why. */
export type DayOrderBasis = 'written' | 'dates' | 'zone' | 'ambiguous';

/** Something the engine had to read one way of two; one info finding each. */
export interface DatingNote {
  kind: 'day-order' | 'ist' | 'standard-in-summer' | 'zone-with-offset';
  message: string;
  range: Range;
}

/** What the whole document says about the dates and zone of its times. */
export interface DocumentDating {
  date: CalendarDate | null;
  dateSource: DateSource | null;
  zone: string | null;
  /** The declared zone as written ("EST", "Pacific"). */
  declaredText: string | null;
  /** Numeric dates are day first ("05/06/2022" is 5 June); null when the document has none that could be either. */
  dayFirst: boolean | null;
  dayOrder: DayOrderBasis | null;
  zoneAliases: Record<string, string> | null;
  notes: DatingNote[];
  /** The date the file's name carries ("2023-06-01-db-outage.md"), to check the title's against. */
  fileDate: CalendarDate | null;
}

export interface DocumentDatingInput {
  doc: ParsedMarkdown;
  fields: readonly Field[];
  spans: readonly SectionSpan[];
  title: string | null;
  /** The title heading's end offset, where the intro starts. */
  titleEnd: number;
  /** The document's path or URI, when the host knows it: "2023-06-01-db-outage.md" dates it. */
  path: string | null;
  durationDate: CalendarDate | null;
  memos: MemoOwner;
}

const DATE_FIELD = /^(?:date|incident date|date of incident|date of the incident|occurred|occurred on|when|day|incident day|date of outage|outage date)$/;
// "2023-06-01-…", "20230601_…", "postmortem-2023-06-01.md".
const FILE_DATE = /(?<!\d)(20\d\d|19\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;
// All-numeric dates with a year, or without one when a time follows ("03-02 14:05"): one scan of the text.
const NUMERIC_DATE = /(?<![\w/.:-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2})(?![\w/:]|[.-]\d)|(?=[ \t]+\d{1,2}:\d\d))/g;
const INTRO_CHARS = 2_000;

interface Candidate {
  match: TimestampMatch;
  source: DateSource;
}

/** The first dated timestamp in a text, line by line (each line's reading is memoised). */
function firstDate(text: string, memos: MemoOwner): TimestampMatch | null {
  for (const line of splitLines(text)) {
    if (!mayHoldDate(line.text)) continue;
    const found = findTimestamps(line.text, memos).find((stamp) => stamp.date !== null);
    if (found) return withTrailingYear(found, line.text);
  }
  return null;
}

// What may stand between a day and the year written after it: "March 3–4, 2024", "15 Feb at 00:25AM 2022".
const TRAILING_YEAR = /^[\s,]*(?:[–—-]\s*\d{1,2}(?:st|nd|rd|th)?[\s,]*)?(?:(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?[\s,]*)?((?:19|20)\d\d)(?![\d:])/i;

/** A day written without its year takes the year written just after it on its line. */
function withTrailingYear(match: TimestampMatch, line: string): TimestampMatch {
  if (!match.date || match.date.year !== null) return match;
  const year = TRAILING_YEAR.exec(line.slice(match.end));
  return year ? { ...match, date: { ...match.date, year: Number(year[1]) } } : match;
}

function fileDate(path: string | null): TimestampMatch | null {
  if (!path) return null;
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const match = FILE_DATE.exec(name);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return { start: 0, end: 0, text: match[0], date, time: null, twelveHour: false, zone: null, zoneText: null, approximate: false, numericOrder: null, weekday: null };
}

/** The zone written in words right after a time: "3:00 AM (South African Standard Time)". */
function namedZoneAfter(line: string, end: number): string | null {
  const after = /^[ \t]*\(?[ \t]*/.exec(line.slice(end, end + 4))?.[0].length ?? 0;
  return zoneFromName(line.slice(end + after, end + after + 60))?.zone ?? null;
}

/** The zones the times of a text write, when they all write the same one ("from 9:35 PM PST until 10:42 PM PST"). */
function soleZone(text: string, memos: MemoOwner): string | null {
  let zone: string | null = null;
  for (const line of splitLines(text)) {
    if (!mayHoldTime(line.text)) continue;
    for (const stamp of findTimestamps(line.text, memos)) {
      if (!stamp.time) continue;
      const written = stamp.zone ?? namedZoneAfter(line.text, stamp.end);
      if (!written) continue;
      if (zone && zone !== written) return null;
      zone = written;
    }
  }
  return zone;
}

/** The first date the timeline writes with a month's name or in ISO form: it tells which way round its numeric dates are. */
function timelineAnchor(input: DocumentDatingInput): CalendarDate | null {
  const span = input.spans.find((candidate) => candidate.section.kind === 'timeline');
  if (!span) return null;
  for (const line of splitLines(input.doc.text.slice(span.contentStart, Math.min(span.end, span.contentStart + INTRO_CHARS)))) {
    if (!mayHoldDate(line.text)) continue;
    const found = findTimestamps(line.text, input.memos).find((stamp) => stamp.date?.year && stamp.numericOrder === null);
    if (found) return found.date;
  }
  return null;
}

/** Dates a reader would take a bare time's day from, strongest first. */
function candidates(input: DocumentDatingInput): Candidate[] {
  const { doc, fields, spans } = input;
  const found: Candidate[] = [];
  const add = (match: TimestampMatch | null | undefined, source: DateSource): void => {
    if (match?.date) found.push({ match, source });
  };
  const timelineSpan = spans.find((span) => span.section.kind === 'timeline');
  if (timelineSpan) add(firstDate(timelineSpan.section.heading, input.memos), 'timeline-heading');
  for (const field of fields) {
    if (DATE_FIELD.test(field.key)) add(firstDate(field.value, input.memos), field.shape === 'front-matter' ? 'front-matter' : 'field');
  }
  if (input.title) add(firstDate(input.title, input.memos), 'title');
  if (input.durationDate) {
    const date = input.durationDate;
    found.push({ match: { start: 0, end: 0, text: '', date, time: null, twelveHour: false, zone: null, zoneText: null, approximate: false, numericOrder: null, weekday: null }, source: 'duration' });
  }
  // The intro: what stands between the title and the first section, and the start of the summary.
  const firstSpan = spans[0];
  const introEnd = Math.min(firstSpan ? firstSpan.start : doc.text.length, input.titleEnd + INTRO_CHARS);
  if (introEnd > input.titleEnd) add(firstDate(doc.text.slice(input.titleEnd, introEnd), input.memos), 'intro');
  const summary = spans.find((span) => span.section.kind === 'summary');
  if (summary) add(firstDate(doc.text.slice(summary.contentStart, Math.min(summary.end, summary.contentStart + INTRO_CHARS)), input.memos), 'intro');
  add(fileDate(input.path), 'file-name');
  return found;
}

interface NumericDate {
  a: number;
  b: number;
  year: number | null;
  index: number;
  text: string;
}

function numericDates(text: string): NumericDate[] {
  const found: NumericDate[] = [];
  for (const match of allMatches(text, NUMERIC_DATE)) {
    const a = Number(match[1]);
    const b = Number(match[3]);
    if (a < 1 || b < 1 || (a > 12 && b > 12) || a > 31 || b > 31) continue;
    const yearText = match[4];
    found.push({ a, b, year: yearText ? (yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)) : null, index: match.index, text: match[0] });
  }
  return found;
}

function dayNumber(year: number | null, month: number, day: number): number {
  return Date.UTC(year ?? 2000, month - 1, day) / 86_400_000;
}

/** Both readings fit a week: the dates a document writes lie close together. */
function spread(dates: readonly NumericDate[], dayFirst: boolean, anchor: CalendarDate | null): number {
  // A date written without its year ("05-02") is in the anchor's year.
  const yearOf = (date: NumericDate): number | null => date.year ?? anchor?.year ?? null;
  const days = dates.map((date) => (dayFirst ? dayNumber(yearOf(date), date.b, date.a) : dayNumber(yearOf(date), date.a, date.b)));
  if (anchor?.year) days.push(dayNumber(anchor.year, anchor.month, anchor.day));
  return Math.max(...days) - Math.min(...days);
}

// Zones whose people write the day first. Americans write the month first; UTC says nothing.
const DAY_FIRST_ZONES = /^(?:Europe|Africa|Australia|Asia\/(?:Kolkata|Jerusalem|Singapore|Hong_Kong|Manila|Jakarta)|America\/(?:Sao_Paulo|Argentina)|Pacific\/Auckland)/;

/**
 * Day/month order from the document's own evidence: a field above 12
 * anywhere, dates that only lie close together one way round (or near the
 * date the title or a field gives), then the declared zone. Never a silent
 * guess: when nothing decides, month first is used and the caller notes it.
 */
function dayOrder(dates: readonly NumericDate[], anchor: CalendarDate | null, zone: string | null): { dayFirst: boolean; basis: DayOrderBasis } | null {
  if (!dates.some((date) => date.a <= 12 && date.b <= 12)) {
    // Nothing could be read either way; any written order still applies to nothing.
    return null;
  }
  const dayFirstWritten = dates.some((date) => date.a > 12);
  const monthFirstWritten = dates.some((date) => date.b > 12);
  if (dayFirstWritten !== monthFirstWritten) return { dayFirst: dayFirstWritten, basis: 'written' };
  if (!dayFirstWritten) {
    const monthFirstSpread = spread(dates, false, anchor);
    const dayFirstSpread = spread(dates, true, anchor);
    if ((dates.length > 1 || anchor?.year) && Math.min(monthFirstSpread, dayFirstSpread) <= 7 && Math.max(monthFirstSpread, dayFirstSpread) > 7) {
      return { dayFirst: dayFirstSpread < monthFirstSpread, basis: 'dates' };
    }
    if (zone && zone !== 'UTC' && !zone.startsWith('UTC')) return { dayFirst: DAY_FIRST_ZONES.test(zone), basis: 'zone' };
  }
  return { dayFirst: false, basis: 'ambiguous' };
}

function introZone(input: DocumentDatingInput): string | null {
  const firstSpan = input.spans[0];
  const introEnd = Math.min(firstSpan ? firstSpan.start : input.doc.text.length, input.titleEnd + INTRO_CHARS);
  const summary = input.spans.find((span) => span.section.kind === 'summary');
  const zones = [
    introEnd > input.titleEnd ? soleZone(input.doc.text.slice(input.titleEnd, introEnd), input.memos) : null,
    summary ? soleZone(input.doc.text.slice(summary.contentStart, Math.min(summary.end, summary.contentStart + INTRO_CHARS)), input.memos) : null,
  ].filter((zone): zone is string => zone !== null);
  return zones.length > 0 && zones.every((zone) => zone === zones[0]) ? zones[0]! : null;
}

/** What the document says about its dates and zone, read once per analysis. */
export function readDocumentDating(input: DocumentDatingInput): DocumentDating {
  const { doc } = input;
  const notes: DatingNote[] = [];
  const aliases = zoneAliases(doc.text);
  const declared = declaredZone(doc.text);
  // Undeclared, the zone the intro's times all write is the one the reader carries into the timeline.
  const zone = declared ? (aliases.aliases?.[declared.written.toUpperCase()] ?? declared.zone) : introZone(input);
  if (aliases.ambiguousIst) {
    const at = doc.text.search(/\bIST\b/);
    notes.push({
      kind: 'ist',
      message: 'IST can mean India (UTC+5:30), Israel (UTC+2) or Irish Standard Time (UTC+1), and nothing else in the document says which: read as India Standard Time. Write the offset, e.g. "IST (UTC+5:30)".',
      range: doc.lines.range(at, at + 3),
    });
  }

  const found = candidates(input);
  const numeric = numericDates(doc.text);
  // An anchor for day order: a date that cannot be read two ways.
  // One with its year first: "May 2" alone cannot place "05-02" against "2023-05-02".
  const unambiguous = found.filter((candidate) => candidate.match.numericOrder !== 'either');
  const anchor = (unambiguous.find((candidate) => candidate.match.date?.year) ?? unambiguous[0])?.match.date ?? (numeric.length > 0 ? timelineAnchor(input) : null);
  const order = dayOrder(numeric, anchor, zone);
  if (order?.basis === 'ambiguous') {
    const first = numeric.find((date) => date.a <= 12 && date.b <= 12)!;
    notes.push({
      kind: 'day-order',
      message: `Dates such as "${first.text}" can be read month first or day first, and nothing in the document decides: read as month/day. Write dates as YYYY-MM-DD or with the month's name.`,
      range: doc.lines.range(first.index, first.index + first.text.length),
    });
  }
  const dayFirst = order?.dayFirst ?? null;

  const best = found[0];
  let date = best ? writtenDate(best.match, dayFirst) : null;
  if (date && date.year === null) {
    const year = found.map((candidate) => candidate.match.date?.year).find((value) => value != null) ?? null;
    date = { ...date, year };
  }
  return { date, dateSource: best?.source ?? null, zone, declaredText: declared?.written ?? null, dayFirst, dayOrder: order?.basis ?? null, zoneAliases: aliases.aliases, notes, fileDate: fileDate(input.path)?.date ?? null };
}
