import type { Duration } from './schema.js';
import type { Field } from './fields.js';
import type { ParsedMarkdown } from './markdown.js';
import type { SectionSpan } from './sections.js';
import { findTimestamps, resolveTimestamp, type CalendarDate, type TimestampMatch } from '../time/timestamps.js';
import { findDurations } from '../time/durations.js';

// Field names that state the incident's length ("Duration", "Minutes downtime or degradation", "Outage length").
const DURATION_KEYS = /\bduration\b|\bdowntime\b|\bdegradation\b|\boutage length\b|^length$|^time to (?:resolve|recovery|recover)$/;
const START_KEYS = /^(?:start(?:ed)?(?: time| at)?|(?:impact|incident|outage) start(?:ed)?|began)$/;
const END_KEYS = /^(?:end(?:ed)?(?: time| at)?|(?:impact|incident|outage) end(?:ed)?|ended)$/;
// "lasted 66 minutes", "returned errors for 66 minutes", "for ~48 hours".
const LASTED = /\b(?:lasted|lasting|for a total of|a duration of|an? outage of|for)\s+(?:about |approximately |roughly |around |nearly |almost |over |more than |~)?(?=~?\d)/gi;
const RANGE_KEYWORD = /\b(?:from|between|starting at|starting)\s+/gi;
const RANGE_CONNECTOR = /^\s*(?:to|until|till|and|through|–|—|-)\s*$/i;

export interface DurationResult {
  duration: Omit<Duration, 'computed'>;
  /** The date the duration gives, inherited by bare timeline times. */
  date: CalendarDate | null;
  zone: string | null;
  /** Offsets of the statement, for fixes and related information. */
  start: number;
  end: number;
}

interface Span {
  startIso: string | null;
  endIso: string | null;
  minutes: number | null;
  date: CalendarDate | null;
  zone: string | null;
}

/** Start and end from two timestamps; the second inherits the first's date and zone. */
function spanOf(first: TimestampMatch, second: TimestampMatch, statedDate: CalendarDate | null, zone: string | null): Span {
  const sharedZone = first.zone ?? second.zone ?? zone;
  const start = resolveTimestamp(first, { date: first.date ?? statedDate, zone: sharedZone });
  const end = resolveTimestamp(second, { date: second.date ?? start.date, zone: second.zone ?? sharedZone });
  // Without a full date both were placed on the same stand-in day, so their difference still holds.
  const minutes = start.sortKey !== null && end.sortKey !== null && end.sortKey >= start.sortKey ? (end.sortKey - start.sortKey) / 60000 : null;
  return { startIso: start.iso, endIso: end.iso, minutes, date: start.date, zone: sharedZone };
}

/** A duration field's value: "From X to Y (UTC)", "2h 30m", "66 minutes (14:00–15:06 UTC)". */
function fromValue(value: string, zone: string | null): Omit<DurationResult, 'start' | 'end'> {
  const stamps = findTimestamps(value);
  const timed = stamps.filter((stamp) => stamp.time !== null);
  const ends = timed.length >= 2 ? timed : stamps;
  const statedDate = stamps.find((stamp) => stamp.date !== null)?.date ?? null;
  const span = ends.length >= 2 ? spanOf(ends[0]!, ends[1]!, statedDate, zone) : null;
  const stated = findDurations(value)[0] ?? null;
  return {
    duration: { stated: value, start: span?.startIso ?? null, end: span?.endIso ?? null, minutes: stated?.minutes ?? span?.minutes ?? null, range: null },
    date: span?.date ?? statedDate,
    zone: span?.zone ?? stamps.find((stamp) => stamp.zone)?.zone ?? null,
  };
}

/** A range written in prose: "From 22:40 on 2022-11-03 to 01:10 on 2022-11-04 (2h 30m)", "Between 13:02 and 14:14 UTC", "17:10 to 17:50 PST8PDT". */
function findRange(text: string, datedOnly: boolean): { start: number; end: number } | null {
  const stamps = findTimestamps(text);
  for (let i = 0; i + 1 < stamps.length; i++) {
    const first = stamps[i]!;
    const second = stamps[i + 1]!;
    const connector = text.slice(first.end, second.start);
    if (!RANGE_CONNECTOR.test(connector)) continue;
    const before = text.slice(0, first.start);
    const keyword = [...before.matchAll(RANGE_KEYWORD)].pop();
    const keyed = keyword !== undefined && keyword.index + keyword[0].length === before.length;
    // "and" joins a range only after "between"; a bare "X to Y" needs a date or zone to be a time range, not prose.
    if (/^\s*and\s*$/i.test(connector) && !(keyed && /between/i.test(keyword[0]))) continue;
    if (!keyed && !first.date && !first.zone && !second.zone) continue;
    if (datedOnly && !first.date) continue;
    let end = second.end;
    const stated = /^\s*\(([^)]{1,40})\)/.exec(text.slice(end));
    if (stated && findDurations(stated[1]!).length > 0) end += stated[0].length;
    return { start: keyed ? keyword.index : first.start, end };
  }
  return null;
}

/** The duration the document states: a Duration field, Start/End fields, or a sentence near the top or in the summary. */
export function readDuration(doc: ParsedMarkdown, fields: readonly Field[], spans: readonly SectionSpan[], zone: string | null): DurationResult | null {
  const field = fields.find((candidate) => DURATION_KEYS.test(candidate.key) && (findDurations(candidate.value).length > 0 || findTimestamps(candidate.value).length >= 2));
  if (field) {
    const result = fromValue(field.value, zone);
    return { ...result, duration: { ...result.duration, range: doc.lines.range(field.start, field.end) }, start: field.start, end: field.end };
  }

  const startField = fields.find((candidate) => START_KEYS.test(candidate.key));
  const endField = fields.find((candidate) => END_KEYS.test(candidate.key));
  if (startField && endField) {
    const result = fromValue(`${startField.value} to ${endField.value}`, zone);
    if (result.duration.start || result.duration.minutes !== null) {
      const start = Math.min(startField.start, endField.start);
      const end = Math.max(startField.end, endField.end);
      return { ...result, duration: { ...result.duration, stated: `${startField.value} – ${endField.value}`, range: doc.lines.range(start, end) }, start, end };
    }
  }

  // Prose, in the lines under the title and in the summary and impact sections.
  const firstSection = spans[0]?.start ?? doc.text.length;
  const regions = [
    // Under the title, only a dated range counts ("Mon, August 11, 2014, 17:10 to 17:50 PST8PDT"): prose there can name any hours.
    { start: 0, end: firstSection, header: true },
    ...spans.filter((span) => span.section.kind === 'summary' || span.section.kind === 'impact').map((span) => ({ start: span.contentStart, end: span.end, header: false })),
  ];
  for (const region of regions) {
    const text = doc.text.slice(region.start, region.end);
    const range = findRange(text, region.header);
    if (range) {
      const statement = text.slice(range.start, range.end);
      const result = fromValue(statement, zone);
      if (result.duration.minutes !== null) {
        const start = region.start + range.start;
        const end = region.start + range.end;
        return { ...result, duration: { ...result.duration, stated: statement, range: doc.lines.range(start, end) }, start, end };
      }
    }
    for (const lasted of region.header ? [] : text.matchAll(LASTED)) {
      const after = lasted.index + lasted[0].length;
      const phrase = findDurations(text.slice(after)).find((candidate) => candidate.start === 0);
      if (!phrase) continue;
      const start = region.start + lasted.index;
      const end = region.start + after + phrase.end;
      return { duration: { stated: doc.text.slice(start, end), start: null, end: null, minutes: phrase.minutes, range: doc.lines.range(start, end) }, date: null, zone: null, start, end };
    }
  }
  return null;
}
