import { DateTime } from 'luxon';
import type { Duration } from './schema.js';
import type { Field } from './fields.js';
import type { ParsedMarkdown } from './markdown.js';
import type { SectionSpan } from './sections.js';
import { findTimestamps, resolveTimestamp, type CalendarDate, type TimestampMatch } from '../time/timestamps.js';
import { findDurations } from '../time/durations.js';

const DURATION_KEYS = /^(?:(?:total |incident |outage |impact |downtime )?duration|length|time to (?:resolve|recovery|recover)|downtime|total downtime)$/;
const START_KEYS = /^(?:start(?:ed)?(?: time| at)?|(?:impact|incident|outage) start(?:ed)?|began)$/;
const END_KEYS = /^(?:end(?:ed)?(?: time| at)?|(?:impact|incident|outage) end(?:ed)?|ended)$/;
const LASTED = /\b(?:lasted|lasting|for a total of|a duration of|an? outage of|down for|(?:was|were) (?:unavailable|degraded|down) for)\s+(?:about |approximately |roughly |around |nearly |almost |over |~)?/i;
const FROM_TO_KEYWORD = /\b(?:from|between)\s+/gi;
const FROM_TO_CONNECTOR = /^\s*(?:to|until|till|and|through|–|—|-)\s*$/i;

/** "from 14:00 to 15:06 UTC", "between 2024-06-12 08:14 and 09:02 UTC": the statement's offsets within the text. */
function findFromTo(text: string): { start: number; end: number } | null {
  for (const keyword of text.matchAll(FROM_TO_KEYWORD)) {
    const after = keyword.index + keyword[0].length;
    const [first, second] = findTimestamps(text.slice(after, after + 120));
    if (first?.start === 0 && second && FROM_TO_CONNECTOR.test(text.slice(after + first.end, after + second.start))) {
      return { start: keyword.index, end: after + second.end };
    }
  }
  return null;
}

export interface DurationResult {
  duration: Omit<Duration, 'computed'>;
  /** The date the duration gives, inherited by bare timeline times. */
  date: CalendarDate | null;
  zone: string | null;
  /** Offsets of the statement, for fixes and related information. */
  start: number;
  end: number;
}

function minutesBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const diff = DateTime.fromISO(b, { setZone: true }).diff(DateTime.fromISO(a, { setZone: true }), 'minutes').minutes;
  return Number.isFinite(diff) ? diff : null;
}

/** Start and end from "From X to Y" style text; the second inherits the first's date and zone. */
function span(value: string, zone: string | null): { start: TimestampMatch; end: TimestampMatch; startIso: string | null; endIso: string | null; date: CalendarDate | null; zone: string | null } | null {
  const stamps = findTimestamps(value);
  const timed = stamps.filter((stamp) => stamp.time !== null);
  const ends = timed.length >= 2 ? timed : stamps;
  if (ends.length < 2) return null;
  const [first, second] = [ends[0]!, ends[1]!];
  // "Between 14:00 and 15:06 UTC on 2023-02-01": a date elsewhere in the statement dates both times.
  const statedDate = stamps.find((stamp) => stamp.date !== null)?.date ?? null;
  const sharedZone = first.zone ?? second.zone ?? zone;
  const startResolved = resolveTimestamp(first, { date: statedDate, zone: sharedZone });
  const endResolved = resolveTimestamp(second, { date: startResolved.date, zone: sharedZone });
  return { start: first, end: second, startIso: startResolved.iso, endIso: endResolved.iso, date: startResolved.date, zone: sharedZone };
}

function fromText(value: string, zone: string | null): Omit<DurationResult, 'start' | 'end'> {
  const range = span(value, zone);
  const stated = findDurations(value)[0] ?? null;
  const computed = range ? minutesBetween(range.startIso, range.endIso) : null;
  return {
    duration: {
      stated: value,
      start: range?.startIso ?? null,
      end: range?.endIso ?? null,
      minutes: stated?.minutes ?? (computed !== null && computed >= 0 ? computed : null),
      range: null,
    },
    date: range?.date ?? findTimestamps(value).find((stamp) => stamp.date)?.date ?? null,
    zone: range?.zone ?? findTimestamps(value).find((stamp) => stamp.zone)?.zone ?? null,
  };
}

/** The duration the document states: a Duration field, Start/End fields, or a sentence in the summary. */
export function readDuration(doc: ParsedMarkdown, fields: readonly Field[], spans: readonly SectionSpan[], zone: string | null): DurationResult | null {
  const field = fields.find((candidate) => DURATION_KEYS.test(candidate.key));
  if (field) {
    const result = fromText(field.value, zone);
    return { ...result, duration: { ...result.duration, range: doc.lines.range(field.start, field.end) }, start: field.start, end: field.end };
  }

  const startField = fields.find((candidate) => START_KEYS.test(candidate.key));
  const endField = fields.find((candidate) => END_KEYS.test(candidate.key));
  if (startField && endField) {
    const result = fromText(`from ${startField.value} to ${endField.value}`, zone);
    if (result.duration.start || result.duration.minutes !== null) {
      const start = Math.min(startField.start, endField.start);
      const end = Math.max(startField.end, endField.end);
      return { ...result, duration: { ...result.duration, stated: `${startField.value} – ${endField.value}`, range: doc.lines.range(start, end) }, start, end };
    }
  }

  // Prose: "The outage lasted 66 minutes", "from 14:00 to 15:06 UTC".
  for (const span of spans.filter((candidate) => candidate.section.kind === 'summary' || candidate.section.kind === 'impact')) {
    const text = doc.text.slice(span.contentStart, span.end);
    const lasted = LASTED.exec(text);
    const phrase = lasted ? findDurations(text.slice(lasted.index + lasted[0].length)).find((d) => d.start === 0) : undefined;
    if (lasted && phrase) {
      const start = span.contentStart + lasted.index;
      const end = start + lasted[0].length + phrase.end;
      return { duration: { stated: doc.text.slice(start, end), start: null, end: null, minutes: phrase.minutes, range: doc.lines.range(start, end) }, date: null, zone: null, start, end };
    }
    const fromTo = findFromTo(text);
    if (fromTo) {
      const statement = text.slice(fromTo.start, fromTo.end);
      const result = fromText(statement, zone);
      if (result.duration.minutes !== null) {
        const start = span.contentStart + fromTo.start;
        const end = span.contentStart + fromTo.end;
        return { ...result, duration: { ...result.duration, stated: statement, range: doc.lines.range(start, end) }, start, end };
      }
    }
  }
  return null;
}
