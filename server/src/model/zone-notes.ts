import { DateTime } from 'luxon';
import type { ParsedMarkdown } from './markdown.js';
import type { DatingNote, DocumentDating } from './date-context.js';
import { proseLines } from './prose-lines.js';
import { STANDARD_OFFSETS, SUMMER_NAMES, summerMessage } from './timeline-dating.js';
import { findTimestamps, writtenDate, type CalendarDate } from '../time/timestamps.js';
import { resolveZoneName, zoneOf } from '../time/zones.js';
import { allMatches } from '../time/all-matches.js';
import type { MemoOwner } from '../time/memo-owner.js';

// A zone word right after a time ("2:00 PM (EST)", "1300 PST", "13:35 EST"): the text before it ends in a digit or am/pm.
const AFTER_TIME = /(?:\d|[AaPp]\.?[Mm]\.?)[ \t]*\(?[ \t]*$/;
const STANDARD_WORD = /\b(?:EST|CST|PST|CET|EET|AEST|NZST)\b/;
const STANDARD_WORDS = /\b(EST|CST|PST|CET|EET|AEST|NZST)\b/g;

function offsetAt(zone: string, date: CalendarDate & { year: number }, hour: number, minute: number): number | null {
  const at = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone: zoneOf(zone) });
  return at.isValid ? at.offset : null;
}

/** The whole day is summer time in the zone (a day the clocks change on is neither). */
function summerAllDay(zone: string, standard: number, date: CalendarDate & { year: number }): boolean {
  const morning = offsetAt(zone, date, 0, 0);
  const night = offsetAt(zone, date, 23, 59);
  return morning !== null && night !== null && morning !== standard && night !== standard;
}

/** Every reading of a date: an all-numeric date the document never decided is read both ways round. */
function readings(stamp: ReturnType<typeof findTimestamps>[number], dating: DocumentDating): CalendarDate[] {
  const read = writtenDate(stamp, dating.dayFirst);
  if (!read) return [];
  if (stamp.numericOrder === 'either' && dating.dayOrder === 'ambiguous') return [read, { year: read.year, month: read.day, day: read.month }];
  return [read];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A standard-time abbreviation written after a time in prose ("Duration: May 15,
 * 2023, 2:00 PM – 10:00 AM (EST)", "13:35 EST on April 29th 2020") on a day its
 * zone keeps summer time. The date is the line's own (every date on it must be
 * in summer), else the document's. Said once, where it is first written.
 */
export function standardInProse(doc: ParsedMarkdown, dating: DocumentDating, memos: MemoOwner): DatingNote | null {
  for (const line of proseLines(doc, STANDARD_WORD)) {
    for (const match of allMatches(line.text, STANDARD_WORDS)) {
      const written = match[1]!;
      if (!AFTER_TIME.test(line.text.slice(Math.max(0, match.index - 12), match.index))) continue;
      const zone = resolveZoneName(written);
      const standard = STANDARD_OFFSETS[written];
      if (!zone || standard === undefined) continue;
      const stamps = findTimestamps(line.text, memos).filter((stamp) => stamp.date !== null);
      const dates = stamps.length > 0 ? stamps.flatMap((stamp) => readings(stamp, dating)) : dating.date ? [dating.date] : [];
      const dated = dates.map((date) => ({ ...date, year: date.year ?? dating.date?.year ?? null }));
      if (dated.length === 0 || dated.some((date) => date.year === null)) continue;
      if (!dated.every((date) => summerAllDay(zone, standard, date as CalendarDate & { year: number }))) continue;
      const first = dated[0]!;
      const from = line.start + match.index;
      return {
        kind: 'standard-in-summer',
        message: summerMessage(written, SUMMER_NAMES[written]!, `${MONTH_NAMES[first.month - 1]!} ${first.day}, ${String(first.year)}`),
        range: doc.lines.range(from, from + written.length),
      };
    }
  }
  return null;
}

// "SAST+2", "(CET+1)": an abbreviation with an offset after it.
const ZONE_PLUS_HINT = /\b[A-Z]{2,5}[+\-\u2212]\d/;
const ZONE_PLUS = /\b([A-Z]{2,5})([+\-\u2212])(\d{1,2})(?::?(\d{2}))?(?![\d:])/g;
const UNIVERSAL = new Set(['UTC', 'GMT', 'Z', 'ZULU']);

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '\u2212' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/**
 * "10:00 AM (SAST+2)": a zone abbreviation with an offset after it is not a
 * zone. SAST is already UTC+2, so "+2" is either its offset restated or two
 * hours more. Read as the abbreviation's zone, and said once.
 */
export function zoneWithOffset(doc: ParsedMarkdown, dating: DocumentDating): DatingNote | null {
  for (const line of proseLines(doc, ZONE_PLUS_HINT)) {
    for (const match of allMatches(line.text, ZONE_PLUS)) {
      const written = match[1]!;
      if (UNIVERSAL.has(written) || !AFTER_TIME.test(line.text.slice(Math.max(0, match.index - 12), match.index))) continue;
      const zone = resolveZoneName(written);
      if (!zone || zone === 'UTC' || zone.startsWith('UTC')) continue;
      const year = dating.date?.year ?? null;
      const day = year !== null && dating.date ? { ...dating.date, year } : null;
      // Without a date only a zone that never changes its clocks has one offset to compare with.
      const winter = offsetAt(zone, day ?? { year: 2024, month: 1, day: 15 }, 12, 0);
      const summer = offsetAt(zone, day ?? { year: 2024, month: 7, day: 15 }, 12, 0);
      if (winter === null || summer === null || (!day && winter !== summer)) continue;
      const added = (match[2] === '+' ? 1 : -1) * (Number(match[3]) * 60 + Number(match[4] ?? 0));
      const text = match[0];
      const from = line.start + match.index;
      const own = formatOffset(winter);
      const message =
        added === winter
          ? `"${text}" is not a zone: ${written} is already ${own}, so the offset may restate it or be added to it (${formatOffset(winter + added)}). Read as ${written} (${own}). Write "${written}" or "${own}".`
          : `"${text}" is not a zone: ${written} is ${own}, and "${text.slice(written.length)}" added to it names no zone a reader can be sure of. Read as ${written} (${own}). Write "${written}" or an offset from UTC.`;
      return { kind: 'zone-with-offset', message, range: doc.lines.range(from, from + text.length) };
    }
  }
  return null;
}
