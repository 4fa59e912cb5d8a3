import { DateTime, FixedOffsetZone, type Zone } from 'luxon';
import { ZONE_TOKEN_SOURCE, resolveZoneName, zoneOf } from './zones.js';
import { RecentMemo } from './recent-memo.js';
import { memoSlot, type MemoOwner } from './memo-owner.js';

export interface CalendarDate {
  year: number | null;
  month: number;
  day: number;
}

export interface TimestampMatch {
  start: number;
  end: number;
  text: string;
  /** The date as written; an all-numeric date that could be either way round ("06/05/2022") is read month first here. */
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
  /**
   * How an all-numeric date orders day and month: fixed by a field above 12
   * ("14-06-2022" is day first, "06-14-2022" month first), or "either" when
   * both fields are 12 or less and the document has to decide. Null for dates
   * with a month name or a four-digit year first, and for bare times.
   */
  numericOrder: 'mdy' | 'dmy' | 'either' | null;
  /** The weekday written before the date (1 = Monday … 7 = Sunday), to check against the date. */
  weekday: number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// German spellings whose first three letters differ from the English ("12. Mai", "3. März").
const OTHER_MONTHS: Record<string, number> = { mai: 5, mär: 3, mae: 3, okt: 10, dez: 12 };
// The first letter in either case: "24 mar 2017" is written too (a lower-case month needs a year, see readDate).
const MONTH_SOURCE =
  '(?:[Jj]an(?:uary|uar)?|[Ff]eb(?:ruary|ruar)?|[Mm](?:ä|ae)rz|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|[Mm]ai|[Jj]une?|[Jj]uni|[Jj]uly?|[Jj]uli|[Aa]ug(?:ust)?|[Ss]ept?(?:ember)?|[Oo]ct(?:ober)?|[Oo]kt(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?|[Dd]ez(?:ember)?)\\.?';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdaySource = (group: string): string => `(?:(?<${group}>[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un)[a-z]*\\.?,?\\s+)?`;

// The weekday is tried once, before the four forms: a weekday's name never starts a month's, so at
// any place only forms with it or only forms without it can match, as when each form had its own.
const DATE_SOURCE = `${weekdaySource('wd')}(?:${[
  '(?<isoY>\\d{4})(?:-(?<isoM>\\d{2})-(?<isoD>\\d{2})|/(?<slashM>\\d{1,2})/(?<slashD>\\d{1,2}))',
  `(?<wordM>${MONTH_SOURCE})\\s+(?:the\\s+)?(?<wordD>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<wordY>\\d{4}))?`,
  `(?<dmD>\\d{1,2})(?<dmDot>st|nd|rd|th|\\.)?\\s+(?:of\\s+)?(?<dmM>${MONTH_SOURCE})(?:,?\\s+(?<dmY>\\d{4}))?`,
  // "5/17/22", "06-14-2022", "14.06.2022", and yearless "03-02" when a time follows.
  '(?<nA>\\d{1,2})(?<nS>[/.-])(?<nB>\\d{1,2})(?:\\k<nS>(?<nY>\\d{4}|\\d{2}))?',
].join('|')})`;

const MERIDIEM = '(?:\\s?(?<ampm>[AaPp])\\.?[Mm]\\.?|(?<ampmShort>[AaPp]))(?![A-Za-z])';
const TIME_SOURCE =
  `(?<h>\\d{1,2}):(?<min>\\d{2})(?::(?<sec>\\d{2})(?:\\.\\d+)?)?(?:${MERIDIEM})?` +
  // "9.05 AM": a dot only with am/pm, or it is a version or a decimal.
  '|(?<dotH>\\d{1,2})\\.(?<dotMin>\\d{2})\\s?(?<dotAmpm>[AaPp])\\.?[Mm]\\.?(?![A-Za-z])' +
  '|(?<bareH>\\d{1,2})\\s?(?<bareAmpm>[AaPp])\\.?[Mm]\\.?(?![A-Za-z])';

// Two patterns (a date with an optional time, and a bare time) because
// JavaScript on Node 20 forbids reusing a group name across alternatives.
function timestampPattern(core: string): RegExp {
  return new RegExp(
    `(?<approx>~\\s*|\\b(?:around|about|approx(?:imately|\\.)?|circa|ca\\.)\\s+)?(?:${core})` +
      // A minus glued to the time is an offset only in ISO form ("T09:10-05:00"); "09:10-09:25" is a range.
      `(?<zone>(?:(?!-\\d)|(?<=T\\d{1,2}:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?))\\s*\\(?${ZONE_TOKEN_SOURCE}\\)?)?`,
    'g',
  );
}
// "May 2, 2023: 6:15pm" joins a date and its time with a colon too, and "2023-01-04/11:34" with a slash after an ISO date.
const DATED = timestampPattern(`(?:${DATE_SOURCE})(?:(?:T|,?\\s+(?:at\\s+)?|,\\s*|:\\s+|(?<=\\d{4}-\\d\\d-\\d\\d)/)(?:${TIME_SOURCE}))?`);
const UNDATED = timestampPattern(TIME_SOURCE);
// Every date DATED reads has an ISO or numeric date or a month's name (case as DATED has it).
const MAY_HOLD_DATE = /\d{4}[-/]\d|\d[/.-]\d{1,2}[/.-]\d\d|\d[/-]\d{1,2}\s+\d{1,2}:|Jan|Feb|Mar|M(?:ä|ae)rz|Apr|May|Mai|Jun|Jul|Aug|Sep|Oct|Okt|Nov|Dec|Dez|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

// Every time UNDATED reads has "h:mm", "h.mm" before am/pm, or "h am".
const MAY_HOLD_TIME = /\d[:.]\d\d|\d\s?[AaPp]\.?[Mm]/;

// A time glued to these is part of something else: a URL, a version, an IP,
// a ratio, a ticket id. (Not "_": "_5/17/22_" is an italic date.) Tested a
// character at a time: a slice and a pattern for each match cost more than the reading.
const GLUED_BEFORE_MARKS = '/.:=?&#@+-';
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

function gluedBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const code = text.charCodeAt(at - 1);
  return isDigit(code) || isLetter(code) || GLUED_BEFORE_MARKS.includes(text[at - 1]!);
}

/** A digit or a letter next, or ".", ":" or "/" and a digit. */
function gluedAfter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (isDigit(code) || isLetter(code)) return true;
  return (code === 46 || code === 58 || code === 47) && isDigit(text.charCodeAt(at + 1));
}

function monthNumber(word: string): number {
  const head = word.slice(0, 3).toLowerCase();
  return MONTHS.indexOf(head) + 1 || (OTHER_MONTHS[head] ?? 0);
}

function plausibleDate(date: CalendarDate): boolean {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= 31 && (date.year === null || (date.year >= 1970 && date.year <= 2100));
}

// Lines read before, across an owner's analyses: after an edit only the changed
// lines run the patterns again. Results are frozen, so no caller can alter a shared one.
const LINES = memoSlot(() => new RecentMemo<readonly TimestampMatch[]>(10_000));

/** False when no timestamp findTimestamps finds in the text can have a date: a cheap test before reading a line for its date. */
export function mayHoldDate(text: string): boolean {
  return MAY_HOLD_DATE.test(text);
}

/** False when no timestamp findTimestamps finds in the text can have a time of day. */
export function mayHoldTime(text: string): boolean {
  return MAY_HOLD_TIME.test(text);
}

/** Finds every date, time or date-time in a line of text. */
export function findTimestamps(text: string, memos: MemoOwner): readonly TimestampMatch[] {
  return memos.of(LINES).get(text, readLine);
}

/** The same without a memo, for a text read once (a field's value, a due date): remembering it would only cost. */
export function readTimestamps(text: string): readonly TimestampMatch[] {
  return readLine(text);
}

function readLine(text: string): readonly TimestampMatch[] {
  const found = scanTimestamps(text);
  for (const match of found) Object.freeze(match);
  return Object.freeze(found);
}

/** The next match of a global pattern from `from` (as allMatches steps; neither pattern can match empty text), leaving lastIndex at 0. */
function nextMatch(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  pattern.lastIndex = 0;
  return match;
}

// The long patterns are costly to try at every position of a line. A cheap
// pattern finds where the next match can first be (every dated match holds a
// digit; every time holds what MAY_HOLD_TIME finds), and the long one starts
// from there, less what may stand before it: the same matches, fewer tries.
const DIGIT = /\d/g;
const TIME_HINT = new RegExp(MAY_HOLD_TIME.source, 'g');

/** The next match of DATED from `from`, as if it had been tried at every position. */
function nextDated(text: string, from: number): RegExpExecArray | null {
  const digit = nextMatch(DIGIT, text, from);
  return digit === null ? null : nextMatch(DATED, text, Math.max(from, wordsBefore(text, digit.index, from)));
}

/** The next match of UNDATED from `from`, as if it had been tried at every position. */
function nextUndated(text: string, from: number): RegExpExecArray | null {
  const hint = nextMatch(TIME_HINT, text, from);
  if (hint === null) return null;
  // The hour starts at most one digit before the hint; "~" or "approximately" (13 letters) and spaces may precede it.
  let start = Math.max(from, hint.index - 1);
  while (start > from && isSpace(text.charCodeAt(start - 1))) start--;
  return nextMatch(UNDATED, text, Math.max(from, start - 13));
}

// A superset of what \s matches (every space is below 33, U+00A0, or at U+1680 and above).
const isSpace = (code: number): boolean => code <= 32 || code === 0xa0 || code >= 0x1680;
// What the words before a date's first digit are made of: "~", "approx.", "Monday,", "Sept.", "März", "the".
const isWordPart = (code: number): boolean => isLetter(code) || code === 46 || code === 44 || code === 126 || code === 0xe4;

/**
 * Where a dated match whose first digit is at `digit` can start at the earliest:
 * before the digit stand at most four words (about, a weekday, a month, "the"),
 * each after spaces.
 */
function wordsBefore(text: string, digit: number, floor: number): number {
  let at = digit;
  for (let words = 0; words < 4; words++) {
    while (at > floor && isSpace(text.charCodeAt(at - 1))) at--;
    const end = at;
    while (at > floor && isWordPart(text.charCodeAt(at - 1))) at--;
    if (at === end) break;
  }
  return at;
}

function scanTimestamps(text: string): TimestampMatch[] {
  const found: TimestampMatch[] = [];
  // Most lines name no month and hold no ISO date: the long date pattern need not scan them.
  const dated: TimestampMatch[] = [];
  if (MAY_HOLD_DATE.test(text)) {
    for (let match = nextDated(text, 0); match !== null; match = nextDated(text, match.index + match[0].length)) {
      const read = readMatch(text, match, dated);
      if (read) dated.push(read);
    }
  }
  // Both lists come in order without overlaps, so one sweep tells which undated
  // times fall inside a dated match (checking every match for each is quadratic).
  let d = 0;
  // Most prose lines hold no clock time at all: the time pattern need not scan them.
  for (let match = nextUndated(text, 0); match !== null; match = nextUndated(text, match.index + match[0].length)) {
    while (d < dated.length && dated[d]!.end <= match.index) {
      found.push(dated[d]!);
      d++;
    }
    const inside = d < dated.length && dated[d]!.start <= match.index + match[0].length;
    if (inside) continue;
    const read = readMatch(text, match, found);
    if (read) found.push(read);
  }
  while (d < dated.length) found.push(dated[d++]!);
  return joinTimesToDates(text, found);
}

function weekdayNumber(word: string | undefined): number | null {
  return word ? WEEKDAYS.indexOf(word.slice(0, 3).toLowerCase()) + 1 || null : null;
}

function readDate(g: Record<string, string | undefined>): { date: CalendarDate; numericOrder: TimestampMatch['numericOrder']; weekday: number | null } | null {
  if (g['isoY']) {
    return { date: { year: Number(g['isoY']), month: Number(g['isoM'] ?? g['slashM']), day: Number(g['isoD'] ?? g['slashD']) }, numericOrder: null, weekday: weekdayNumber(g['wd']) };
  }
  // "we may 3x it", "to march 5 miles": a month in lower case is a date only with its year.
  const lowerMonth = /^[a-z]/.test(g['wordM'] ?? g['dmM'] ?? '');
  if (lowerMonth && !(g['wordY'] ?? g['dmY'])) return null;
  if (g['wordM']) {
    return { date: { year: g['wordY'] ? Number(g['wordY']) : null, month: monthNumber(g['wordM']), day: Number(g['wordD']) }, numericOrder: null, weekday: weekdayNumber(g['wd']) };
  }
  if (g['dmM']) {
    // "3. May" is more often a numbered list item than a date: the dot needs a German month or a year.
    if (g['dmDot'] === '.' && !g['dmY'] && /^(?:May|Mar|Jun|Jul|Aug|Apr|Sep|Nov|Oct|Dec|Jan|Feb)/.test(g['dmM']) && !/^(?:Juni|Juli|Januar|Februar|Oktober|Dezember)/.test(g['dmM'])) return null;
    return { date: { year: g['dmY'] ? Number(g['dmY']) : null, month: monthNumber(g['dmM']), day: Number(g['dmD']) }, numericOrder: null, weekday: weekdayNumber(g['wd']) };
  }
  if (g['nA']) {
    const a = Number(g['nA']);
    const b = Number(g['nB']);
    const yearText = g['nY'];
    // Yearless "3-4" or "1/2" is a range or a fraction unless a time follows; dotted needs a year.
    if (!yearText && (g['nS'] === '.' || !(g['h'] ?? g['dotH'] ?? g['bareH']))) return null;
    const year = yearText ? (yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)) : null;
    const numericOrder = a > 12 ? 'dmy' : b > 12 ? 'mdy' : 'either';
    const date = numericOrder === 'dmy' ? { year, month: b, day: a } : { year, month: a, day: b };
    return { date, numericOrder, weekday: weekdayNumber(g['wd']) };
  }
  return null;
}

/** One match of DATED or UNDATED as a timestamp, or null when it is not one. */
function readMatch(text: string, match: RegExpExecArray | RegExpMatchArray, before: readonly TimestampMatch[]): TimestampMatch | null {
  const g = match.groups ?? {};
  const start = match.index!;
  const approxText = g['approx'] ?? '';
  const coreStart = start + approxText.length;
  const glued = gluedBefore(text, coreStart);
  // "09:10-09:25": the end of a range may follow its start's dash.
  const rangeEnd = coreStart > 0 && (text[coreStart - 1] === '-' || text[coreStart - 1] === '–') && before[before.length - 1]?.end === coreStart - 1 && before[before.length - 1]!.time !== null;
  if (glued && !rangeEnd) return null;

  const read = readDate(g);
  if (read === null && g['nA'] !== undefined) return null;
  const date = read?.date ?? null;
  if (date && !plausibleDate(date)) return null;

  let time: TimestampMatch['time'] = null;
  let twelveHour = false;
  const hourText = g['h'] ?? g['dotH'] ?? g['bareH'];
  if (hourText !== undefined) {
    let hour = Number(hourText);
    const minute = Number(g['min'] ?? g['dotMin'] ?? 0);
    const second = Number(g['sec'] ?? 0);
    const ampm = (g['ampm'] ?? g['ampmShort'] ?? g['dotAmpm'] ?? g['bareAmpm'])?.toLowerCase();
    if (ampm) {
      // "0:41:07 AM" is written by some tools for the first hour after midnight.
      if (hour === 0 && ampm === 'a') hour = 12;
      if (hour < 1 || hour > 12) return null;
      twelveHour = true;
      hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return null;
    time = { hour, minute, second };
  }
  if (!date && !time) return null;

  let end = start + match[0].length;
  let zone: string | null = null;
  const zoneText = g['zone'];
  if (zoneText) {
    zone = resolveZoneName(zoneText.trim().replace(/^\(|\)$/g, ''));
    // "09:10-09:25" is a range, not a time at offset −09:25: a glued minus is an offset only in ISO form ("T09:10-05:00").
    const rangeNotOffset = /^-\d/.test(zoneText) && !/T\d/.test(match[0]);
    // A capitalised word after a time ("09:00 API …") is not a zone.
    if (!zone || rangeNotOffset || (!time && !zoneText.includes('('))) {
      zone = null;
      end -= zoneText.length;
    } else if (zoneText.trim().startsWith('(') !== zoneText.trim().endsWith(')')) {
      end -= zoneText.endsWith(')') ? 1 : 0;
    }
  }
  if (gluedAfter(text, end)) return null;

  return {
    start: coreStart,
    end,
    text: text.slice(coreStart, end),
    date,
    time,
    twelveHour,
    zone,
    zoneText: zone && zoneText ? zoneText.trim().replace(/^\(|\)$/g, '') : null,
    approximate: approxText !== '',
    numericOrder: read?.numericOrder ?? null,
    weekday: read?.weekday ?? null,
  };
}

/** "14:14 UTC on 2020-07-09", "22:40 on 2022-11-03": a time and the date after it are one timestamp. */
function joinTimesToDates(text: string, found: TimestampMatch[]): TimestampMatch[] {
  // Most lines hold no time followed by a date: they keep their list.
  if (!found.some((current, i) => current.time && !current.date && found[i + 1]?.date)) return found;
  const joined: TimestampMatch[] = [];
  for (let i = 0; i < found.length; i++) {
    const current = found[i]!;
    const next = found[i + 1];
    if (next && current.time && !current.date && next.date && !next.time && /^,?\s+on\s+$/.test(text.slice(current.end, next.start))) {
      joined.push({ ...current, end: next.end, text: text.slice(current.start, next.end), date: next.date, numericOrder: next.numericOrder, weekday: next.weekday });
      i++;
    } else joined.push(current);
  }
  return joined;
}

export interface ResolveContext {
  date: CalendarDate | null;
  zone: string | null;
  /** The document writes numeric dates day first ("05/06/2022" is 5 June); null or false reads them month first. */
  dayFirst?: boolean | null;
  /** Abbreviations the document means otherwise than the default ("IST" in a document about Dublin). */
  zoneAliases?: Readonly<Record<string, string>> | null;
}

export interface ResolvedInstant {
  /** ISO 8601 with offset, when both a full date and a zone are known. */
  iso: string | null;
  /** Milliseconds on a scale shared by all entries of a document, for ordering. */
  sortKey: number | null;
  date: CalendarDate | null;
  zone: string | null;
}

/** The date a timestamp writes, with an either-way numeric date read in the document's order. */
export function writtenDate(match: TimestampMatch, dayFirst: boolean | null | undefined): CalendarDate | null {
  if (!match.date) return null;
  if (match.numericOrder === 'either' && dayFirst && match.date.day <= 12) return { year: match.date.year, month: match.date.day, day: match.date.month };
  return match.date;
}

/** The zone a timestamp writes, with the document's reading of an ambiguous abbreviation. */
export function writtenZone(match: TimestampMatch, aliases: Readonly<Record<string, string>> | null | undefined): string | null {
  const alias = match.zoneText && aliases ? aliases[match.zoneText.toUpperCase()] : undefined;
  return alias ?? match.zone;
}

/** Places a timestamp in time, filling a missing date or zone from the context. */
// Timelines repeat the same few dates and zones: each distinct reading is worked out once.
const RESOLVED = memoSlot(() => new RecentMemo<ResolvedInstant>(10_000));

export function resolveTimestamp(match: TimestampMatch, context: ResolveContext, memos: MemoOwner): ResolvedInstant {
  const date = writtenDate(match, context.dayFirst) ?? context.date;
  const year = date?.year ?? context.date?.year ?? null;
  const zone = writtenZone(match, context.zoneAliases) ?? context.zone;
  // In UTC or a fixed offset the reading is plain arithmetic, cheaper than the memo's key.
  const time = match.time ?? MIDNIGHT;
  const fixed = inFixedZone(year ?? 2000, date?.month ?? 1, date?.day ?? 1, time, zone);
  if (fixed) return fixedInstant(fixed, match, date, year, zone);
  const key = `${String(year)}-${String(date?.month)}-${String(date?.day)} ${match.time ? `${match.time.hour}:${match.time.minute}:${match.time.second}` : '-'} ${String(zone)} ${String(match.zoneText)}`;
  const known = memos.of(RESOLVED).get(key, () => resolveAfresh(match, date, year, zone));
  // A copy: callers keep and may extend what they are given.
  return { ...known, date: known.date ? { ...known.date } : null };
}

function resolveAfresh(match: TimestampMatch, date: CalendarDate | null, year: number | null, zone: string | null): ResolvedInstant {
  const time = match.time ?? MIDNIGHT;
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

const pad = (value: number): string => String(value).padStart(2, '0');
const MIDNIGHT = { hour: 0, minute: 0, second: 0 };

function fixedInstant(fixed: { iso: string; millis: number }, match: TimestampMatch, date: CalendarDate | null, year: number | null, zone: string | null): ResolvedInstant {
  // As resolveAfresh: the ISO string only when nothing was assumed.
  const complete = date !== null && year !== null && zone !== null && match.time !== null;
  return { iso: complete ? fixed.iso : null, sortKey: fixed.millis, date: date ? { ...date, year } : null, zone };
}

/**
 * A valid wall-clock time in UTC or a fixed offset (most documents' zone), placed
 * with plain arithmetic: what luxon gives for it (same instant, same ISO text:
 * "Z" for offset 0, else "+hh:mm"; no abbreviation to disambiguate, as a fixed
 * offset has one name all year), at a fraction of the cost. Null for anything
 * else (a zone with DST, a day the month lacks, a year ISO writes otherwise),
 * which luxon places.
 */
function inFixedZone(year: number, month: number, day: number, time: { hour: number; minute: number; second: number }, zone: string | null): { iso: string; millis: number } | null {
  if (zone !== null && !zone.startsWith('UTC')) return null;
  const fixedZone = zone === null ? FixedOffsetZone.utcInstance : (zoneOf(zone) as Zone | null);
  if (!(fixedZone instanceof FixedOffsetZone)) return null;
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return null;
  const { hour, minute, second } = time;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59 || !Number.isInteger(second) || second < 0 || second > 59) return null;
  // The last day of the month: day 0 of the next.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const offset = fixedZone.offset(0);
  if (!Number.isInteger(offset)) return null;
  const millis = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  const sign = offset < 0 ? '-' : '+';
  const suffix = offset === 0 ? 'Z' : `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return { iso: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${suffix}`, millis };
}

/**
 * In the hour a DST change repeats, "01:30 PDT" and "01:30 PST" are an hour
 * apart. When the written abbreviation names the other offset of the same
 * wall-clock time, take that one; the zone database says which is which.
 */
// A zone's short name at an offset ("PDT" for America/Los_Angeles at −7 h) never changes: ask luxon once.
// Kept on the zone object (luxon keeps one per zone name): a fact of the zone database, not of any document.
const offsetNames = new WeakMap<Zone, Map<number, string | null>>();

function disambiguate(dateTime: DateTime, written: string | null): DateTime {
  const name = (candidate: DateTime): string | null => {
    let names = offsetNames.get(candidate.zone);
    if (names === undefined) offsetNames.set(candidate.zone, (names = new Map<number, string | null>()));
    let known = names.get(candidate.offset);
    if (known === undefined) {
      known = candidate.setLocale('en-US').offsetNameShort;
      names.set(candidate.offset, known);
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
