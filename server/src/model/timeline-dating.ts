import { DateTime } from 'luxon';
import type { TimelineItem } from './timeline.js';
import type { DatingNote, DocumentDating } from './date-context.js';
import { orderedEntries, timelineOrder, type TimelineOrder } from './timeline-order.js';
import { shiftLocal } from './entry-dating.js';
import { findTimestamps, resolveTimestamp } from '../time/timestamps.js';
import type { MemoOwner } from '../time/memo-owner.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A zone written on one entry holds for the entries around it when the
 * document declares none: the entries before the first one that writes a
 * zone are read in that zone too (those after it already were, as the
 * timeline was read). Those entries are made anew; the others are kept.
 */
export function carryZoneBack(timeline: TimelineItem[], dating: DocumentDating, memos: MemoOwner): TimelineItem[] {
  if (dating.zone) return timeline;
  const firstZoned = timeline.findIndex((item) => item.entry.zone !== null);
  if (firstZoned <= 0) return timeline;
  const zone = timeline[firstZoned]!.entry.zone!;
  return timeline.map((item, index) => (index < firstZoned ? inZone(item, zone, dating, memos) : item));
}

/** An entry read in a zone it did not write (see carryZoneBack). */
function inZone(item: TimelineItem, zone: string, dating: DocumentDating, memos: MemoOwner): TimelineItem {
  if (item.entry.dateOnly) return item;
  const stamp = findTimestamps(item.entry.timeText, memos)[0];
  if (!stamp?.time) return item;
  const resolved = resolveTimestamp(stamp, { date: item.dating.date, zone, dayFirst: dating.dayFirst, zoneAliases: dating.zoneAliases }, memos);
  return { ...item, sortKey: resolved.sortKey, entry: { ...item.entry, zone, at: resolved.iso } };
}

/**
 * The timeline read in order, once: "00:10" after "23:50" with no new date is
 * the next day, a bare "1:15" after "12:40" the afternoon. The rules report
 * these readings from the order; everything else (hover, milestones, the
 * picture) uses the instants as read, so an entry the reading moves is made
 * anew with them. Sort keys stay as written: the order holds the keys as read.
 */
export function readInOrder(timeline: TimelineItem[], newestFirst: boolean): { timeline: TimelineItem[]; order: TimelineOrder } {
  const read = orderedEntries(timeline, newestFirst);
  const { entries } = read;
  let moved: Map<TimelineItem, TimelineItem> | null = null;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const shift = entry.key - entry.item.sortKey!;
    if (shift === 0) continue;
    const item = shifted(entry.item, shift);
    (moved ??= new Map()).set(entry.item, item);
    entries[index] = { ...entry, item };
  }
  return { timeline: moved === null ? timeline : timeline.map((item) => moved.get(item) ?? item), order: timelineOrder(read) };
}

/** An entry's instants moved by the reading (a day past midnight, half a day into the afternoon). */
function shifted(item: TimelineItem, shift: number): TimelineItem {
  const { entry } = item;
  return {
    ...item,
    entry: {
      ...entry,
      at: entry.at ? DateTime.fromISO(entry.at, { setZone: true }).plus(shift).toISO({ suppressMilliseconds: true }) : entry.at,
      until: entry.until ? DateTime.fromISO(entry.until, { setZone: true }).plus(shift).toISO({ suppressMilliseconds: true }) : entry.until,
      local: shiftLocal(entry.local, shift),
      dateSource: shift >= DAY && entry.dateSource !== null ? 'rollover' : entry.dateSource,
    },
  };
}

// Standard-time abbreviations and their standard offsets in minutes. Written in
// summer, the writer still means the zone: "EST" in July is New York's EDT.
export const STANDARD_OFFSETS: Readonly<Record<string, number>> = { EST: -300, CST: -360, PST: -480, CET: 60, EET: 120, AEST: 600, NZST: 720, GMT: 0 };
// Every abbreviation of STANDARD_OFFSETS but GMT, in any case ("AEST" holds "EST").
const STANDARD_HINT = /EST|CST|PST|CET|EET|NZST/i;
export const SUMMER_NAMES: Readonly<Record<string, string>> = { EST: 'EDT', CST: 'CDT', PST: 'PDT', CET: 'CEST', EET: 'EEST', AEST: 'AEDT', NZST: 'NZDT', GMT: 'BST' };

/** One note when a standard-time abbreviation is written for a time its zone keeps summer time: read as the zone the writer meant. */
export function standardInSummer(timeline: readonly TimelineItem[], dating: DocumentDating, memos: MemoOwner): DatingNote | null {
  // The abbreviation is the time's own (part of its text) or the declared one: when neither can be a standard one, no entry needs reading.
  const declared = dating.declaredText?.toUpperCase() ?? '';
  const declaredStandard = declared in STANDARD_OFFSETS && declared !== 'GMT';
  for (const item of timeline) {
    const at = item.entry.at;
    if (!at || (!declaredStandard && !STANDARD_HINT.test(item.entry.timeText))) continue;
    const written = findTimestamps(item.entry.timeText, memos)[0]?.zoneText?.toUpperCase() ?? declaredAbbreviation(dating, item);
    if (!written || !(written in STANDARD_OFFSETS) || written === 'GMT') continue;
    const offset = DateTime.fromISO(at, { setZone: true }).offset;
    if (offset === STANDARD_OFFSETS[written]) continue;
    const summer = SUMMER_NAMES[written]!;
    return { kind: 'standard-in-summer', message: summerMessage(written, summer, 'a time'), range: item.entry.timeRange };
  }
  return null;
}

/** What the note says: "EST is written for May 15, 2023, when that zone keeps summer time (EDT) …". */
export function summerMessage(written: string, summer: string, when: string): string {
  return `${written} is written for ${when}, when that zone keeps summer time (${summer}): read as ${summer}, the local time the writer meant. Write ${summer}, or a zone name such as the generic abbreviation or an offset.`;
}

/** The abbreviation the document declared, when the entry took the document's zone. */
function declaredAbbreviation(dating: DocumentDating, item: TimelineItem): string | null {
  return item.entry.zone === dating.zone ? (dating.declaredText?.toUpperCase() ?? null) : null;
}
