import { DateTime } from 'luxon';
import type { TimelineItem } from './timeline.js';
import type { DatingNote, DocumentDating } from './date-context.js';
import { orderedEntries } from './timeline-order.js';
import { shiftLocal } from './entry-dating.js';
import { findTimestamps, resolveTimestamp } from '../time/timestamps.js';
import type { MemoOwner } from '../time/memo-owner.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A zone written on one entry holds for the entries around it when the
 * document declares none: the entries before the first one that writes a
 * zone are read in that zone too (those after it already were, as the
 * timeline was read).
 */
export function carryZoneBack(timeline: readonly TimelineItem[], dating: DocumentDating, memos: MemoOwner): void {
  if (dating.zone) return;
  const firstZoned = timeline.findIndex((item) => item.entry.zone !== null);
  if (firstZoned <= 0) return;
  const zone = timeline[firstZoned]!.entry.zone;
  for (const item of timeline.slice(0, firstZoned)) {
    if (item.entry.dateOnly) continue;
    const stamp = findTimestamps(item.entry.timeText, memos)[0];
    if (!stamp?.time) continue;
    const resolved = resolveTimestamp(stamp, { date: item.dating.date, zone, dayFirst: dating.dayFirst, zoneAliases: dating.zoneAliases }, memos);
    item.entry.zone = zone;
    item.entry.at = resolved.iso;
    item.sortKey = resolved.sortKey;
  }
}

/**
 * Instants as the timeline is read: "00:10" after "23:50" with no new date is
 * the next day, a bare "1:15" after "12:40" the afternoon. The rules report
 * these readings; everything else (hover, milestones, the picture) uses them.
 */
export function applyReadings(timeline: readonly TimelineItem[], newestFirst: boolean): void {
  for (const { item, key } of orderedEntries(timeline, newestFirst)) {
    const shift = key - item.sortKey!;
    if (shift === 0) continue;
    const { entry } = item;
    if (entry.at) entry.at = DateTime.fromISO(entry.at, { setZone: true }).plus(shift).toISO({ suppressMilliseconds: true });
    if (entry.until) entry.until = DateTime.fromISO(entry.until, { setZone: true }).plus(shift).toISO({ suppressMilliseconds: true });
    entry.local = shiftLocal(entry.local, shift);
    if (shift >= DAY && entry.dateSource !== null) entry.dateSource = 'rollover';
  }
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
