import type { AnalyzedDocument } from './build-model.js';
import { findTimestamps, type CalendarDate } from '../time/timestamps.js';
import { rewriteTimeForms } from '../time/time-forms.js';
import type { MemoOwner } from '../time/memo-owner.js';

export interface MeridiemSlip {
  /** The end as written ("10:42 AM PST") and as the timeline shows it was meant ("10:42 PM"). */
  written: string;
  meant: string;
  /** The timeline's first and last entries, as written. */
  first: string;
  last: string;
}

// The meant end may sit this far past the last entry ("until 10:42" when the last entry is 10:40).
const SLACK_MINUTES = 10;

function minuteOfDay(local: string): { day: string; minute: number } | null {
  const match = /^(.*?)T?(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  return { day: match[1]!, minute: Number(match[2]) * 60 + Number(match[3]) };
}

function dateOf(day: string): CalendarDate | null {
  const match = /(\d{4})?-?-(\d{2})-(\d{2})$/.exec(day);
  return match ? { year: match[1] ? Number(match[1]) : null, month: Number(match[2]), day: Number(match[3]) } : null;
}

function sameDate(a: CalendarDate, b: CalendarDate | null): boolean {
  return b !== null && a.month === b.month && a.day === b.day && (a.year === null || b.year === null || a.year === b.year);
}

/**
 * "from 9:35 PM until 10:42 AM" over a timeline that runs 9:35 PM to 10:46 PM on
 * one day: the end's am/pm was slipped, and the timeline proves it. Only when
 * certain: both ends written with am/pm, the end read in the start's half-day
 * lands inside the timeline's span (or right at its end), the start does too,
 * and the timeline stays on one day with nothing guessed. An honest overnight
 * window ("10:40 PM to 1:10 AM") is read as one and never reaches here.
 */
export function meridiemSlip(analysis: Pick<AnalyzedDocument, 'model' | 'timelineOrder' | 'durationStatement'> & { memos: MemoOwner }): MeridiemSlip | null {
  const statement = analysis.durationStatement;
  if (!statement || statement.duration.minutes !== null || statement.duration.basis !== 'range' || statement.crossesNight || !statement.duration.stated) return null;
  const stamps = findTimestamps(rewriteTimeForms(statement.duration.stated).text, analysis.memos).filter((stamp) => stamp.time !== null);
  const [from, to] = stamps;
  if (!from?.time || !to?.time || !from.twelveHour || !to.twelveHour) return null;
  const start = from.time.hour * 60 + from.time.minute;
  const end = to.time.hour * 60 + to.time.minute;
  const meant = end + 720;
  if (end >= start || meant >= 1440 || meant <= start) return null;
  const { entries } = analysis.timelineOrder;
  if (entries.length < 3) return null;
  if (entries.some((entry) => entry.rolledOver || entry.readAsAfternoon || entry.item.entry.approximate || entry.item.entry.dateOnly || entry.item.entry.clock !== '12h')) return null;
  const times = entries.map((entry) => minuteOfDay(entry.item.entry.local));
  if (times.some((time) => time === null)) return null;
  const days = new Set(times.map((time) => time!.day));
  if (days.size !== 1) return null;
  // "until 10:42 AM on May 25" may be an honest next morning: a date on the end must be the start's, or the timeline's day.
  if (to.date !== null && !sameDate(to.date, from.date ?? dateOf([...days][0]!))) return null;
  const minutes = times.map((time) => time!.minute);
  const lowest = Math.min(...minutes);
  const highest = Math.max(...minutes);
  if (start < lowest || start > highest || meant < lowest || meant > highest + SLACK_MINUTES) return null;
  const first = entries.find((_, i) => minutes[i] === lowest)!;
  const last = entries.find((_, i) => minutes[i] === highest)!;
  // The end is a morning time (an afternoon one plus 12 hours passes midnight): it was meant in the afternoon.
  const hour12 = ((to.time.hour + 11) % 12) + 1;
  return {
    written: `${hour12}:${String(to.time.minute).padStart(2, '0')} AM`,
    meant: `${hour12}:${String(to.time.minute).padStart(2, '0')} PM`,
    first: first.item.entry.timeText,
    last: last.item.entry.timeText,
  };
}
