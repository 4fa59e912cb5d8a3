import { DateTime } from 'luxon';
import type { CalendarDate, TimestampMatch } from '../time/timestamps.js';
import { findTimestamps } from '../time/timestamps.js';
import { zoneOf } from '../time/zones.js';
import type { MemoOwner } from '../time/memo-owner.js';

/** Two clock readings of one time that disagree: "16:00-17:50 UTC / 08:30-10:50 PDT" (16:00 UTC is 09:00 PDT). */
export interface ZoneDisagreement {
  /** From the first side's first time to the second side's last. */
  start: number;
  end: number;
  reason: string;
}

// What joins a time to the same time in another zone: "16:00 UTC / 09:00 PDT", "16:00 UTC (09:00 PDT)", "16:00 UTC = 09:00 PDT", "16:00 UTC | 09:00 PDT".
const JOIN = /^[ \t]*(?:\/|\(|=|\|)[ \t]*$/;
// What joins the two ends of a range: "16:00-17:50 UTC", "16:00 to 17:50 UTC".
const RANGE = /^[ \t]*(?:-|–|—|to|until)[ \t]*$/;
export const ZONE_PAIR_HINT = /\d[:.]\d\d[^\n]{0,40}[A-Za-z)][ \t]*(?:\/|\(|=|\|)[ \t]*\d/;
const DAY = 24 * 60;

interface Side {
  times: TimestampMatch[];
  zone: string;
  zoneText: string;
}

/** The times of a line grouped into sides: a time or a range, closed by the zone written after it. */
function sides(line: string, stamps: readonly TimestampMatch[]): Array<Side & { next: number }> {
  const found: Array<Side & { next: number }> = [];
  let open: TimestampMatch[] = [];
  for (const [index, stamp] of stamps.entries()) {
    if (!stamp.time) {
      open = [];
      continue;
    }
    const previous = open[open.length - 1];
    if (previous && !RANGE.test(line.slice(previous.end, stamp.start))) open = [];
    open.push(stamp);
    if (stamp.zone && stamp.zoneText) {
      if (open.length <= 2) found.push({ times: open, zone: stamp.zone, zoneText: stamp.zoneText, next: index + 1 });
      open = [];
    }
  }
  return found;
}

function minutesOf(stamp: TimestampMatch): number {
  return stamp.time!.hour * 60 + stamp.time!.minute;
}

// What an abbreviation names literally: a writer may mean "PST" as UTC−8 even in August.
const LITERAL: Readonly<Record<string, number>> = {
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, EET: 120, EEST: 180, BST: 60, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

/**
 * The offsets a side's zone may stand for: its offset on the day (without a
 * day, its winter and its summer offset) and what its abbreviation names.
 */
function offsets(zone: string, zoneText: string, date: CalendarDate | null): number[] {
  const at = (month: number, day: number, year: number): number | null => {
    const time = DateTime.fromObject({ year, month, day, hour: 12 }, { zone: zoneOf(zone) });
    return time.isValid ? time.offset : null;
  };
  const found: number[] = [];
  const literal = LITERAL[zoneText.toUpperCase()];
  if (literal !== undefined) found.push(literal);
  if (date?.year) {
    const onDay = at(date.month, date.day, date.year);
    if (onDay !== null) found.push(onDay);
  } else {
    // Without a day, either of the zone's offsets may be meant.
    for (const offset of [at(1, 15, 2024), at(7, 15, 2024)]) if (offset !== null) found.push(offset);
  }
  return found;
}

const clock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A line that gives one time in two zones, side by side, where the two do not
 * name the same instant under any reading: the zone's offset on the line's
 * own date (else the document's, else either of its offsets) or the offset
 * its abbreviation names.
 */
export function zoneDisagreements(line: string, date: CalendarDate | null, memos: MemoOwner): ZoneDisagreement[] {
  const stamps = findTimestamps(line, memos);
  const dated = stamps.find((stamp) => stamp.date?.year);
  const day = dated?.date ?? date;
  const found: ZoneDisagreement[] = [];
  const grouped = sides(line, stamps);
  for (let i = 0; i + 1 < grouped.length; i++) {
    const first = grouped[i]!;
    const second = grouped[i + 1]!;
    if (first.zone === second.zone || first.times.length !== second.times.length) continue;
    if (!JOIN.test(line.slice(first.times[first.times.length - 1]!.end, second.times[0]!.start))) continue;
    const a = offsets(first.zone, first.zoneText, day);
    const b = offsets(second.zone, second.zoneText, day);
    if (a.length === 0 || b.length === 0) continue;
    const agrees = (x: number, y: number): boolean => first.times.every((time, k) => (((minutesOf(time) - x + y - minutesOf(second.times[k]!)) % DAY) + DAY) % DAY === 0);
    if (a.some((x) => b.some((y) => agrees(x, y)))) continue;
    const [x, y] = [a[a.length - 1]!, b[b.length - 1]!];
    const wrong = Math.max(0, first.times.findIndex((time, k) => (((minutesOf(time) - x + y - minutesOf(second.times[k]!)) % DAY) + DAY) % DAY !== 0));
    const from = first.times[wrong]!;
    const expected = (((minutesOf(from) - x + y) % DAY) + DAY) % DAY;
    found.push({
      start: first.times[0]!.start,
      end: second.times[second.times.length - 1]!.end,
      reason: `gives one time in two zones that disagree: ${clock(minutesOf(from))} ${first.zoneText} is ${clock(expected)} ${second.zoneText}, not ${clock(minutesOf(second.times[wrong]!))}`,
    });
    i++;
  }
  return found;
}
