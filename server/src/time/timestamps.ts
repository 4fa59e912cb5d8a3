import { DateTime } from 'luxon';
import { ZONE_TOKEN_SOURCE, resolveZoneName, zoneOf } from './zones.js';

export interface CalendarDate {
  year: number | null;
  month: number;
  day: number;
}

export interface TimestampMatch {
  start: number;
  end: number;
  text: string;
  date: CalendarDate | null;
  /** 24-hour clock, after applying am/pm. */
  time: { hour: number; minute: number; second: number } | null;
  /** True when the time was written with am/pm. */
  twelveHour: boolean;
  /** Resolved zone name (IANA or fixed offset), when one follows the time. */
  zone: string | null;
  /** The zone as written ("PDT", "UTC"), which can tell the two 01:30s of a DST change apart. */
  zoneText: string | null;
  approximate: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_SOURCE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY_SOURCE = '(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+)?';

const DATE_SOURCE = [
  '(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})',
  `${WEEKDAY_SOURCE}(?<wordM>${MONTH_SOURCE})\\s+(?<wordD>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<wordY>\\d{4}))?`,
  `${WEEKDAY_SOURCE}(?<dmD>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<dmM>${MONTH_SOURCE})(?:,?\\s+(?<dmY>\\d{4}))?`,
].join('|');

const MERIDIEM = '\\s?(?<ampm>[AaPp])\\.?[Mm]\\.?(?![A-Za-z])';
const TIME_SOURCE = `(?<h>\\d{1,2}):(?<min>\\d{2})(?::(?<sec>\\d{2})(?:\\.\\d+)?)?(?:${MERIDIEM})?|(?<bareH>\\d{1,2})\\s?(?<bareAmpm>[AaPp])\\.?[Mm]\\.?(?![A-Za-z])`;

// Two patterns (a date with an optional time, and a bare time) because
// JavaScript on Node 20 forbids reusing a group name across alternatives.
function timestampPattern(core: string): RegExp {
  return new RegExp(
    `(?<approx>~\\s*|\\b(?:around|about|approx(?:imately|\\.)?|circa|ca\\.)\\s+)?(?:${core})` +
      `(?<zone>\\s*\\(?${ZONE_TOKEN_SOURCE}\\)?)?`,
    'g',
  );
}
const DATED = timestampPattern(`(?:${DATE_SOURCE})(?:(?:T|,?\\s+(?:at\\s+)?|,\\s*)(?:${TIME_SOURCE}))?`);
const UNDATED = timestampPattern(TIME_SOURCE);
// Every date DATED reads has an ISO date or a month's name (case as DATED has it).
const MAY_HOLD_DATE = /\d{4}-\d{2}-\d{2}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

// A time glued to these is part of something else: a URL, a version, an IP,
// a ratio, a ticket id.
const GLUED_BEFORE = /[\w/.:=?&#@+-]$/;
const GLUED_AFTER = /^(?:[\d]|[.:/]\d|[A-Za-z])/;

function monthNumber(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function plausibleDate(date: CalendarDate): boolean {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 && (date.year === null || (date.year >= 1970 && date.year <= 2100));
}

// Lines read before, across analyses: after an edit only the changed lines
// run the patterns again. Results are frozen, so no caller can alter a shared one.
const seen = new Map<string, readonly TimestampMatch[]>();
const SEEN_LIMIT = 50_000;
const SEEN_LONGEST = 2_000;

/** Forgets the lines read so far (benchmarks measure analysis from cold). */
export function forgetTimestamps(): void {
  seen.clear();
  resolved.clear();
}

/** Finds every date, time or date-time in a line of text. */
export function findTimestamps(text: string): readonly TimestampMatch[] {
  const known = seen.get(text);
  if (known) return known;
  const result = Object.freeze(scanTimestamps(text).map((match) => Object.freeze(match)));
  if (text.length <= SEEN_LONGEST) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    seen.set(text, result);
  }
  return result;
}

function scanTimestamps(text: string): TimestampMatch[] {
  const found: TimestampMatch[] = [];
  // Most lines name no month and hold no ISO date: the long date pattern need not scan them.
  const dated = MAY_HOLD_DATE.test(text) ? [...text.matchAll(DATED)] : [];
  const matches = [...dated];
  // Both lists come in order without overlaps, so one sweep tells which undated
  // times fall inside a dated match (checking every match for each is quadratic).
  let d = 0;
  for (const match of text.matchAll(UNDATED)) {
    while (d < dated.length && dated[d]!.index + dated[d]![0].length <= match.index) d++;
    const inside = d < dated.length && dated[d]!.index <= match.index;
    if (!inside) matches.push(match);
  }
  matches.sort((a, b) => a.index - b.index);
  for (const match of matches) {
    const g = match.groups ?? {};
    const start = match.index;
    const approxText = g['approx'] ?? '';
    const coreStart = start + approxText.length;
    if (GLUED_BEFORE.test(text.slice(Math.max(0, coreStart - 1), coreStart))) continue;

    let date: CalendarDate | null = null;
    if (g['isoY']) date = { year: Number(g['isoY']), month: Number(g['isoM']), day: Number(g['isoD']) };
    else if (g['wordM']) date = { year: g['wordY'] ? Number(g['wordY']) : null, month: monthNumber(g['wordM']), day: Number(g['wordD']) };
    else if (g['dmM']) date = { year: g['dmY'] ? Number(g['dmY']) : null, month: monthNumber(g['dmM']), day: Number(g['dmD']) };
    if (date && !plausibleDate(date)) continue;

    let time: TimestampMatch['time'] = null;
    let twelveHour = false;
    const hourText = g['h'] ?? g['bareH'];
    if (hourText !== undefined) {
      let hour = Number(hourText);
      const minute = Number(g['min'] ?? 0);
      const second = Number(g['sec'] ?? 0);
      const ampm = (g['ampm'] ?? g['bareAmpm'])?.toLowerCase();
      if (ampm) {
        if (hour < 1 || hour > 12) continue;
        twelveHour = true;
        hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
      }
      if (hour > 23 || minute > 59 || second > 59) continue;
      time = { hour, minute, second };
    }
    if (!date && !time) continue;

    let end = start + match[0].length;
    let zone: string | null = null;
    const zoneText = g['zone'];
    if (zoneText) {
      zone = resolveZoneName(zoneText.trim().replace(/^\(|\)$/g, ''));
      // A capitalised word after a time ("09:00 API …") is not a zone.
      if (!zone || (!time && !zoneText.includes('('))) {
        zone = null;
        end -= zoneText.length;
      } else if (zoneText.trim().startsWith('(') !== zoneText.trim().endsWith(')')) {
        end -= zoneText.endsWith(')') ? 1 : 0;
      }
    }
    if (GLUED_AFTER.test(text.slice(end, end + 2))) continue;

    found.push({
      start: coreStart,
      end,
      text: text.slice(coreStart, end),
      date,
      time,
      twelveHour,
      zone,
      zoneText: zone && zoneText ? zoneText.trim().replace(/^\(|\)$/g, '') : null,
      approximate: approxText !== '',
    });
  }
  return joinTimesToDates(text, found);
}

/** "14:14 UTC on 2020-07-09", "22:40 on 2022-11-03": a time and the date after it are one timestamp. */
function joinTimesToDates(text: string, found: TimestampMatch[]): TimestampMatch[] {
  const joined: TimestampMatch[] = [];
  for (let i = 0; i < found.length; i++) {
    const current = found[i]!;
    const next = found[i + 1];
    if (next && current.time && !current.date && next.date && !next.time && /^,?\s+on\s+$/.test(text.slice(current.end, next.start))) {
      joined.push({ ...current, end: next.end, text: text.slice(current.start, next.end), date: next.date });
      i++;
    } else joined.push(current);
  }
  return joined;
}

export interface ResolveContext {
  date: CalendarDate | null;
  zone: string | null;
}

export interface ResolvedInstant {
  /** ISO 8601 with offset, when both a full date and a zone are known. */
  iso: string | null;
  /** Milliseconds on a scale shared by all entries of a document, for ordering. */
  sortKey: number | null;
  date: CalendarDate | null;
  zone: string | null;
}

/** Places a timestamp in time, filling a missing date or zone from the context. */
// Timelines repeat the same few dates and zones: each distinct reading is worked out once.
const resolved = new Map<string, ResolvedInstant>();

export function resolveTimestamp(match: TimestampMatch, context: ResolveContext): ResolvedInstant {
  const date = match.date ?? context.date;
  const year = date?.year ?? context.date?.year ?? null;
  const zone = match.zone ?? context.zone;
  const key = `${String(year)}-${String(date?.month)}-${String(date?.day)} ${match.time ? `${match.time.hour}:${match.time.minute}:${match.time.second}` : '-'} ${String(zone)} ${String(match.zoneText)}`;
  let known = resolved.get(key);
  if (!known) {
    known = resolveAfresh(match, date, year, zone);
    if (resolved.size >= 50_000) resolved.clear();
    resolved.set(key, known);
  }
  // A copy: callers keep and may extend what they are given.
  return { ...known, date: known.date ? { ...known.date } : null };
}

function resolveAfresh(match: TimestampMatch, date: CalendarDate | null, year: number | null, zone: string | null): ResolvedInstant {
  const time = match.time ?? { hour: 0, minute: 0, second: 0 };
  // Unknown pieces fall back to fixed stand-ins so that ordering still works
  // within one document; the ISO string is only given when nothing was assumed.
  const dateTime = disambiguate(
    DateTime.fromObject(
      { year: year ?? 2000, month: date?.month ?? 1, day: date?.day ?? 1, hour: time.hour, minute: time.minute, second: time.second },
      { zone: zone ? zoneOf(zone) : 'UTC' },
    ),
    match.zoneText,
  );
  if (!dateTime.isValid) return { iso: null, sortKey: null, date, zone };
  const complete = date !== null && year !== null && zone !== null && match.time !== null;
  return {
    iso: complete ? dateTime.toISO({ suppressMilliseconds: true }) : null,
    sortKey: dateTime.toMillis(),
    date: date ? { ...date, year } : null,
    zone,
  };
}

/**
 * In the hour a DST change repeats, "01:30 PDT" and "01:30 PST" are an hour
 * apart. When the written abbreviation names the other offset of the same
 * wall-clock time, take that one; the zone database says which is which.
 */
// A zone's short name at an offset ("PDT" for America/Los_Angeles at −7 h) never changes: ask luxon once.
const offsetNames = new Map<string, string | null>();

function disambiguate(dateTime: DateTime, written: string | null): DateTime {
  const name = (candidate: DateTime): string | null => {
    const key = `${candidate.zoneName ?? ''} ${candidate.offset}`;
    let known = offsetNames.get(key);
    if (known === undefined) {
      known = candidate.setLocale('en-US').offsetNameShort;
      offsetNames.set(key, known);
    }
    return known;
  };
  if (!written || !dateTime.isValid || name(dateTime) === written) return dateTime;
  for (const shift of [3_600_000, -3_600_000]) {
    const other = DateTime.fromMillis(dateTime.toMillis() + shift, { zone: dateTime.zone });
    if (other.hour === dateTime.hour && other.minute === dateTime.minute && name(other) === written) return other;
  }
  return dateTime;
}

/** A timestamp that is only a date ("### 2021-03-05", "October 11, 2025"). */
export function isDateOnly(match: TimestampMatch): boolean {
  return match.date !== null && match.time === null;
}
