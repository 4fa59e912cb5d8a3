import { DateTime } from 'luxon';
import { resolveTimestamp, writtenDate, writtenZone, type CalendarDate, type ResolvedInstant, type TimestampMatch } from '../time/timestamps.js';
import type { DateSource, DocumentDating } from './date-context.js';
import type { TimelineEntry } from './schema.js';
import type { MemoOwner } from '../time/memo-owner.js';

/** The dating in force while a timeline is read top to bottom. */
export interface DatingContext {
  date: CalendarDate | null;
  dateSource: DateSource | null;
  /** The date in force came from a numeric date the document never decided the order of. */
  dateUncertain: boolean;
  zone: string | null;
  /** Where the zone came from: declared for the document, or carried on from an entry that wrote one. */
  zoneSource: 'document' | 'entry' | null;
  dayFirst: boolean | null;
  dayOrderAmbiguous: boolean;
  zoneAliases: Readonly<Record<string, string>> | null;
  /** The analysis's memo owner, for reading and placing times. */
  memos: MemoOwner;
}

/** How one entry was placed in time. */
export interface EntryDating {
  date: CalendarDate | null;
  dateSource: DateSource | null;
  /** The entry's date rests on a reading the document leaves open (a numeric date either way round). */
  uncertain: boolean;
}

export function startDating(base: DocumentDating | { date: CalendarDate | null; zone: string | null }, memos: MemoOwner): DatingContext {
  const full = 'notes' in base ? base : null;
  return {
    date: base.date,
    dateSource: full?.dateSource ?? (base.date ? 'field' : null),
    dateUncertain: false,
    zone: base.zone,
    zoneSource: base.zone ? 'document' : null,
    dayFirst: full?.dayFirst ?? null,
    dayOrderAmbiguous: full?.dayOrder === 'ambiguous',
    zoneAliases: full?.zoneAliases ?? null,
    memos,
  };
}

function eitherWay(stamp: TimestampMatch, context: DatingContext): boolean {
  return stamp.numericOrder === 'either' && context.dayOrderAmbiguous;
}

/** A date heading or date line ("### 2024-03-02", "_5/17/22_", "Tuesday Nov 8th") sets the day for what follows. */
export function enterDate(context: DatingContext, stamp: TimestampMatch, source: DateSource = 'heading'): void {
  const date = writtenDate(stamp, context.dayFirst);
  if (!date) return;
  context.date = { ...date, year: date.year ?? context.date?.year ?? null };
  context.dateSource = source;
  context.dateUncertain = eitherWay(stamp, context);
}

/**
 * Places an entry's timestamp (and the end of its range) with the dating in
 * force, and carries what it writes to the entries after it: its date, and
 * its zone when the document declares none.
 */
export function placeEntry(stamp: TimestampMatch, until: TimestampMatch | null, context: DatingContext): { resolved: ResolvedInstant; resolvedEnd: ResolvedInstant | null; dating: EntryDating } {
  const resolved = resolveTimestamp(stamp, context, context.memos);
  const ownZone = writtenZone(stamp, context.zoneAliases);
  if (ownZone && context.zoneSource !== 'document') {
    context.zone = ownZone;
    context.zoneSource = 'entry';
  }
  let dating: EntryDating;
  if (stamp.date) {
    // A full date on an entry is inherited by the bare times after it.
    context.date = resolved.date;
    context.dateSource = 'entry';
    context.dateUncertain = eitherWay(stamp, context);
    dating = { date: resolved.date, dateSource: 'entry', uncertain: context.dateUncertain };
  } else {
    dating = { date: resolved.date, dateSource: resolved.date ? context.dateSource : null, uncertain: context.dateUncertain };
  }
  let resolvedEnd = until ? resolveTimestamp(until, { date: resolved.date, zone: resolved.zone, dayFirst: context.dayFirst, zoneAliases: context.zoneAliases }, context.memos) : null;
  // "23:15 - 00:30": a range whose end is earlier on the clock ends the next day.
  if (until && !until.date && resolved.date?.year && resolvedEnd?.sortKey != null && resolved.sortKey != null && resolvedEnd.sortKey < resolved.sortKey) {
    const next = DateTime.utc(resolved.date.year, resolved.date.month, resolved.date.day).plus({ days: 1 });
    resolvedEnd = resolveTimestamp(until, { date: { year: next.year, month: next.month, day: next.day }, zone: resolved.zone, dayFirst: context.dayFirst, zoneAliases: context.zoneAliases }, context.memos);
  }
  return { resolved, resolvedEnd, dating };
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The wall time as written, ISO-like without an offset: "2024-03-02T00:01",
 * "--11-08T09:05" when no year is known, "09:05" when no date is, "2024-03-02"
 * for a date alone.
 */
export function localText(date: CalendarDate | null, time: TimestampMatch['time']): string {
  const day = date ? `${date.year === null ? '-' : String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}` : '';
  if (!time) return day;
  const clock = `${pad(time.hour)}:${pad(time.minute)}${time.second ? `:${pad(time.second)}` : ''}`;
  return day ? `${day}T${clock}` : clock;
}

/** A local wall time moved on by a rollover or an afternoon reading. */
export function shiftLocal(local: string, milliseconds: number): string {
  const dated = /^\d{4}-\d\d-\d\dT/.test(local);
  if (!dated) {
    const clock = /^(?:(-?-\d\d-\d\d)T)?(\d\d):(\d\d)(?::(\d\d))?$/.exec(local);
    if (!clock) return local;
    // Without a year only the clock can move; a whole day's shift leaves it as written.
    const minutes = (Number(clock[2]) * 60 + Number(clock[3]) + Math.round(milliseconds / 60_000)) % 1440;
    if (minutes === Number(clock[2]) * 60 + Number(clock[3])) return local;
    const shifted = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}${clock[4] ? `:${clock[4]}` : ''}`;
    return clock[1] ? `${clock[1]}T${shifted}` : shifted;
  }
  const moved = DateTime.fromISO(local, { zone: 'UTC' }).plus(milliseconds);
  return moved.toFormat(moved.second ? "yyyy-LL-dd'T'HH:mm:ss" : "yyyy-LL-dd'T'HH:mm");
}

function wallMillis(local: string): number | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(local)) return null;
  const parsed = DateTime.fromISO(local, { zone: 'UTC' });
  return parsed.isValid ? parsed.toMillis() : null;
}

/**
 * Minutes from entry `a` to entry `b`: from their instants when both have
 * one, else from their local wall times when both are fully dated and in the
 * same zone (or neither names one). Null when the document does not say enough.
 */
export function minutesBetween(a: Pick<TimelineEntry, 'at' | 'local' | 'zone'>, b: Pick<TimelineEntry, 'at' | 'local' | 'zone'>): number | null {
  if (a.at && b.at) return (Date.parse(b.at) - Date.parse(a.at)) / 60_000;
  if (a.zone !== b.zone) return null;
  const from = wallMillis(a.local);
  const to = wallMillis(b.local);
  return from === null || to === null ? null : (to - from) / 60_000;
}
