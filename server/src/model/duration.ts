import type { Duration } from './schema.js';
import type { Field } from './fields.js';
import type { ParsedMarkdown } from './markdown.js';
import type { SectionSpan } from './sections.js';
import { findTimestamps, resolveTimestamp, type CalendarDate, type TimestampMatch } from '../time/timestamps.js';
import { findDurations } from '../time/durations.js';
import { findProseDurations, type ProseDuration } from './duration-phrases.js';
import { proseBlocks } from './prose.js';
import { rewriteTimeForms } from '../time/time-forms.js';
import { allMatches } from '../time/all-matches.js';
import type { MemoOwner } from '../time/memo-owner.js';

// Field names that state the incident's length ("Duration", "Minutes downtime or degradation", "Outage length").
const DURATION_KEYS = /\bduration\b|\bdowntime\b|\bdegradation\b|\boutage length\b|^length$|^(?:total )?time to (?:resolve|resolution|recovery|recover|restore|restoration)$/;
// "Time to recovery: N/A": the document says no duration applies, which is a statement too.
const NOT_APPLICABLE = /^\s*(?:n\/?a|not applicable|none|no downtime|no outage|no impact)\b\.?\s*$/i;
const START_KEYS = /^(?:start(?:ed)?(?: time| at)?|(?:impact|incident|outage) start(?:ed)?|began)$/;
const END_KEYS = /^(?:end(?:ed)?(?: time| at)?|(?:impact|incident|outage) end(?:ed)?|ended)$/;
// "lasted 66 minutes", "returned errors for 66 minutes", "for ~48 hours".
const RANGE_KEYWORD = /\b(?:from|between|starting at|starting)\s+/gi;
// "From 15 Feb at 00:25AM 2022 to …": a year may trail the start.
const RANGE_CONNECTOR = /^[\s*_,]*(?:(?:19|20)\d\d\b[\s*_,]*)?(?:to|until|till|and|through|–|—|-)[\s*_]*$/i;
// Between a time and the date written after it: ", ", ", on the ", or a zone the reader did not know ("GTM+2, on").
const DATE_AFTER = /^[\s*_]*(?:\(?[A-Z]{2,5}[+-]?\d{0,2}\)?[\s*_]*)?(?:,\s*)?(?:on\s+)?(?:the\s+)?$/;
// "started on April 29th 2020, at 13:35 EST and ended on …", "began at **14:30 UTC** and was resolved by **14:45 UTC**".
const START_CUE = /\b(?:started|starting|began|begun|commenced|start(?:ed)? at)(?:\s+(?:on|at))?\s*$/i;
const END_CONNECTOR = /^[\s*_]*(?:,\s*)?and\s+(?:(?:it|the (?:outage|incident|issue|service))\s+)?(?:was\s+|were\s+|got\s+)?(?:ended|resolved|restored|recovered|fixed|mitigated)(?:\s+(?:on|at|by))?[\s*_]*$/i;

export interface DurationResult {
  duration: Omit<Duration, 'computed'>;
  /** The date the duration gives, inherited by bare timeline times. */
  date: CalendarDate | null;
  zone: string | null;
  /** Offsets of the statement, for fixes and related information. */
  start: number;
  end: number;
  /** "at least 5 hours" bounds the length from below, "within 25 minutes" from above. */
  bound?: 'lower' | 'upper';
  /** The statement stands in the document's title. */
  inTitle?: boolean;
  /** The stated window runs from one evening into the next morning with no date on its end ("from 10:40 PM to 1:10 AM"). */
  crossesNight?: boolean;
  /** Other statements of the incident's length (the title's, a second sentence), for contradictions. */
  others?: DurationResult[];
}

const DAY = 86_400_000;

interface Span {
  startIso: string | null;
  endIso: string | null;
  minutes: number | null;
  date: CalendarDate | null;
  zone: string | null;
  crossesNight?: boolean;
}

/** Start and end from two timestamps; the second inherits the first's date and zone. */
function spanOf(first: TimestampMatch, second: TimestampMatch, statedDate: CalendarDate | null, zone: string | null, memos: MemoOwner): Span {
  const sharedZone = first.zone ?? second.zone ?? zone;
  const start = resolveTimestamp(first, { date: first.date ?? statedDate, zone: sharedZone }, memos);
  const end = resolveTimestamp(second, { date: second.date ?? start.date, zone: second.zone ?? sharedZone }, memos);
  // Without a full date both were placed on the same stand-in day, so their difference still holds.
  let minutes = start.sortKey !== null && end.sortKey !== null && end.sortKey >= start.sortKey ? (end.sortKey - start.sortKey) / 60000 : null;
  // "from 10:00 PM to 2:00 AM", "between 11 PM and midnight" with no date on the end: the night between. Not "9:35 PM until 10:42 AM", a slip of am/pm.
  if (minutes === null && !second.date && first.time && second.time && start.sortKey !== null && end.sortKey !== null && first.time.hour >= 18 && (second.time.hour < 6 || (second.time.hour === 0 && second.time.minute === 0))) {
    minutes = (end.sortKey + DAY - start.sortKey) / 60000;
    // The end's instant is on the next day, which the reading above did not place: leave it out rather than write the wrong day.
    return { startIso: start.iso, endIso: null, minutes, date: start.date, zone: sharedZone, crossesNight: true };
  }
  return { startIso: start.iso, endIso: end.iso, minutes, date: start.date, zone: sharedZone };
}

/** A duration field's value: "From X to Y (UTC)", "2h 30m", "66 minutes (14:00–15:06 UTC)". */
function fromValue(written: string, zone: string | null, memos: MemoOwner): Omit<DurationResult, 'start' | 'end'> {
  // "0300hrs", "14h34", "midnight": read as the times they are; the statement keeps its own words.
  const value = rewriteTimeForms(written).text;
  const stamps = findTimestamps(value, memos);
  const timed = stamps.filter((stamp) => stamp.time !== null);
  const ends = timed.length >= 2 ? timed : stamps;
  const statedDate = stamps.find((stamp) => stamp.date !== null)?.date ?? null;
  const span = ends.length >= 2 ? spanOf(ends[0]!, ends[1]!, statedDate, zone, memos) : null;
  const compact = findDurations(value)[0] ?? null;
  const hedged = findProseDurations(value)[0];
  // Prose reading wins where it starts no later: it knows "2,865 minutes" and "forty minutes".
  const stated = hedged && (!compact || hedged.start <= compact.start) ? { minutes: hedged.minutes, approximate: hedged.approximate } : compact;
  return {
    duration: {
      stated: written,
      start: span?.startIso ?? null,
      end: span?.endIso ?? null,
      minutes: stated?.minutes ?? span?.minutes ?? null,
      range: null,
      basis: stated ? 'field' : span ? 'range' : 'field',
      // "~48 hours", "about 2h": the figure has tolerance; a range of two times has none.
      approximate: stated ? stated.approximate || (hedged?.approximate ?? false) || /~|\babout\b|\bapprox|\broughly\b|\baround\b|\bnearly\b|\bover\b|\bat least\b/i.test(value) : false,
    },
    date: span?.date ?? statedDate,
    zone: span?.zone ?? stamps.find((stamp) => stamp.zone)?.zone ?? null,
    ...(span?.crossesNight ? { crossesNight: true } : {}),
  };
}

/** The text without the "**" or "__" that opens a bold time after it (a loop: a pattern would rescan a run of them from every start). */
function withoutTrailingEmphasis(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '*' || text[end - 1] === '_')) end--;
  return text.slice(0, end);
}

/** A range written in prose: "From 22:40 on 2022-11-03 to 01:10 on 2022-11-04 (2h 30m)", "Between 13:02 and 14:14 UTC", "17:10 to 17:50 PST8PDT". */
function findRange(text: string, datedOnly: boolean, memos: MemoOwner): { start: number; end: number } | null {
  const stamps = findTimestamps(text, memos);
  for (let i = 0; i + 1 < stamps.length; i++) {
    const first = stamps[i]!;
    // "14:30 UTC, March 6, 2025 and …": the date written after the start's time belongs to it.
    const firstDate = !first.date && first.time && stamps[i + 2] && stamps[i + 1]!.date && !stamps[i + 1]!.time && DATE_AFTER.test(text.slice(first.end, stamps[i + 1]!.start)) ? stamps[i + 1]! : null;
    const second = stamps[firstDate ? i + 2 : i + 1]!;
    const connector = text.slice((firstDate ?? first).end, second.start);
    const before = withoutTrailingEmphasis(text.slice(0, first.start));
    // A start and an end in one sentence: "began at X and was resolved by Y".
    const startCue = START_CUE.exec(before);
    if (startCue && END_CONNECTOR.test(connector) && first.time && second.time) return { start: startCue.index, end: second.end };
    if (!RANGE_CONNECTOR.test(connector)) continue;
    const keyword = [...allMatches(before, RANGE_KEYWORD)].pop();
    const keyed = keyword !== undefined && keyword.index + keyword[0].length === before.length;
    // "and" joins a range only after "between"; a bare "X to Y" needs a date or zone to be a time range, not prose.
    if (/^[\s*_]*and[\s*_]*$/i.test(connector) && !(keyed && /between/i.test(keyword[0]))) continue;
    if (!keyed && !first.date && !first.zone && !second.zone) continue;
    // "Between 14:34 and 14:47 GMT+2, on the 12th of May 2022": the date written right after the range.
    const next = stamps[stamps.indexOf(second) + 1];
    const datedAfter = next !== undefined && next.date !== null && !next.time && DATE_AFTER.test(text.slice(second.end, next.start));
    // Under the title a range needs a date, or a keyword and times that are clearly times (am/pm or a zone on both ends' side).
    if (datedOnly && !first.date && !(keyed && datedAfter) && !(keyed && (first.zone || second.zone) && /[ap]\.?m\b|\d{2}:\d{2}/i.test(text.slice(first.start, second.end)))) continue;
    let end = second.end;
    const stated = /^\s*\(([^)]{1,40})\)/.exec(text.slice(end));
    if (stated && findDurations(stated[1]!).length > 0) end += stated[0].length;
    return { start: keyed ? keyword.index : first.start, end };
  }
  return null;
}

/** The duration the document states: a Duration field, Start/End fields, or a sentence near the top or in the summary. */
export function readDuration(doc: ParsedMarkdown, fields: readonly Field[], spans: readonly SectionSpan[], zone: string | null, memos: MemoOwner): DurationResult | null {
  const primary = statedDuration(doc, fields, spans, zone, memos);
  if (!primary || primary.duration.basis === 'prose') return primary;
  // The title or a sentence may say otherwise: keep them for contradictions.
  const others = proseStatements(doc, spans).map((other) => other.result).filter((other) => other.start >= primary.end || other.end <= primary.start);
  return others.length > 0 ? { ...primary, others } : primary;
}

function statedDuration(doc: ParsedMarkdown, fields: readonly Field[], spans: readonly SectionSpan[], zone: string | null, memos: MemoOwner): DurationResult | null {
  const field = fields.find((candidate) => DURATION_KEYS.test(candidate.key) && (findDurations(candidate.value).length > 0 || findTimestamps(rewriteTimeForms(candidate.value).text, memos).length >= 2 || NOT_APPLICABLE.test(candidate.value)));
  if (field) {
    const range = doc.lines.range(field.start, field.end);
    if (NOT_APPLICABLE.test(field.value)) {
      return { duration: { stated: field.value.trim(), start: null, end: null, minutes: null, range, basis: 'not-applicable', approximate: false }, date: null, zone: null, start: field.start, end: field.end };
    }
    const result = fromValue(field.value, zone, memos);
    if (result.duration.minutes === null) {
      // "Duration: about forty-five minutes": the field's words, read as prose.
      const phrase = findProseDurations(field.value)[0];
      if (phrase) {
        result.duration = { ...result.duration, minutes: phrase.minutes, approximate: phrase.approximate || phrase.lowerBound || phrase.upperBound };
        const bound = phrase.lowerBound ? 'lower' : phrase.upperBound ? 'upper' : undefined;
        if (bound) return { ...result, bound, duration: { ...result.duration, range }, start: field.start, end: field.end };
      }
    } else if (/\b(?:at least|over|more than)\b/i.test(field.value)) {
      return { ...result, bound: 'lower', duration: { ...result.duration, approximate: true, range }, start: field.start, end: field.end };
    }
    return { ...result, duration: { ...result.duration, range }, start: field.start, end: field.end };
  }

  const startField = fields.find((candidate) => START_KEYS.test(candidate.key));
  const endField = fields.find((candidate) => END_KEYS.test(candidate.key));
  if (startField && endField) {
    const result = fromValue(`${startField.value} to ${endField.value}`, zone, memos);
    if (result.duration.start || result.duration.minutes !== null) {
      const start = Math.min(startField.start, endField.start);
      const end = Math.max(startField.end, endField.end);
      return { ...result, duration: { ...result.duration, stated: `${startField.value} – ${endField.value}`, range: doc.lines.range(start, end), basis: 'range' }, start, end };
    }
  }

  // Prose, in the lines under the title and in the summary and impact sections.
  const firstSection = spans[0]?.start ?? doc.text.length;
  const regions = [
    // Under the title, only a dated range counts ("Mon, August 11, 2014, 17:10 to 17:50 PST8PDT"): prose there can name any hours.
    { start: 0, end: firstSection, header: true },
    ...spans.filter((span) => span.section.kind === 'summary' || span.section.kind === 'impact').map((span) => ({ start: span.contentStart, end: span.end, header: false })),
  ];
  // "from 9:35 PM until 10:42 AM" ends before it starts: a window is stated all the same, only its length cannot be read.
  let unreadable: DurationResult | null = null;
  for (const region of regions) {
    const text = doc.text.slice(region.start, region.end);
    const rewritten = rewriteTimeForms(text);
    const found = findRange(rewritten.text, region.header, memos);
    const range = found ? { start: rewritten.original(found.start), end: rewritten.original(found.end) } : null;
    if (range) {
      const statement = text.slice(range.start, range.end);
      const result = fromValue(statement, zone, memos);
      const start = region.start + range.start;
      const end = region.start + range.end;
      const stated = { ...result, duration: { ...result.duration, stated: statement, range: doc.lines.range(start, end), basis: 'range' as const, approximate: false }, start, end };
      if (result.duration.minutes !== null) return stated;
      unreadable ??= { ...stated, duration: { ...stated.duration, start: null, end: null } };
    }
  }
  return proseStatement(doc, spans) ?? unreadable;
}

// What before a duration phrase makes it the incident's own length.
// Strong cues say so wherever they stand: "lasted", "an outage of", "total downtime".
const STRONG_BEFORE = /(?:\b(?:lasted|lasting|lasts|went on for|persisted for|spanned|spanning|a duration of|for a total of|in total of)(?:\s+for)?(?:\s+(?:a|the) (?:period|total|span|duration) of)?|\b(?:outage|downtime|disruption|degradation|interruption|unavailability|incident) (?:of|lasting)|\b(?:total|overall)(?: time to (?:resolution|resolve|recovery|recover|restore)| downtime| outage(?: time| duration)?| duration| impact(?: duration)?)(?:\s*(?:was|is|of|:|=|-|–|—))?|\b(?:time to (?:resolution|recovery|restore)|downtime|duration)\s*(?:was|is|of|:|=|-|–|—)|\b(?:down|offline|unavailable|unreachable|inaccessible|degraded|unresponsive|disrupted|out of service|inoperable|unusable) for|\b(?:recovered|resolved|restored|came back|fixed|mitigated|stopped|patched|returned to normal|back to normal|back online|to recover)\b[^.\n]{0,40}?\b(?:within|in|after))\s*$/i;
// "restored less than two hours after the bad deploy": the length from the start to recovery.
const RECOVERED_BEFORE = /\b(?:recovered|resolved|restored|came back|fixed|mitigated|stopped|back online|back up)\s*$/i;
const RECOVERED_AFTER = /^\s*(?:after|following|later|since)\b/i;
// Weak cues only in the summary, the impact and under the title: "returned errors for 66 minutes".
const WEAK_BEFORE = /\b(?:errors?|erroring|failed|failing|failures?|affected|impacted|unable to|could not|couldn't|cannot|timed out|timing out|outage|down|broken|slow|degraded|disrupted|interrupted)\b[^.\n]{0,60}?\bfor\s*$/i;
// Configuration and waiting, not impact: "requests were retried for 30 seconds".
const NOT_IMPACT = /\b(?:retr(?:y|ies|ied|ying)|timeouts?|ttl|cache[ds]?|caching|wait(?:ed|ing)?|sleep|poll(?:ed|ing)?|backoff|every|interval|kept|held|retained|valid|expire[sd]?|paused?)\b/i;
// After the phrase: "three days of degraded service", "a 3-hour outage", "45 minutes of downtime".
const AFTER = /^(?:\s+|-long\s+|\s+long\s+)(?:of\s+(?:total\s+|partial\s+|complete\s+|full\s+|intermittent\s+)?(?:downtime|outage|degraded service|degradation|service degradation|disruption|service disruption|unavailability|instability|impact|errors)\b|(?:total\s+|partial\s+|complete\s+|full\s+)?(?:[a-z-]+\s+)?(?:outage|downtime|disruption|service disruption)\b)/i;
// "30 minutes later", "2 hours before": a moment, not a length.
const MOMENT = /^\s*(?:later|earlier|ago|prior|beforehand|into|in advance)\b/i;
// "45 minutes after the deploy" is a moment, unless a cue made it a length: "down for 45 minutes after a bad deploy".
const SOFT_MOMENT = /^\s*(?:before|after|since)\b/i;
// Sections where a duration is about the future or a lesson, not the incident.
const FUTURE_KINDS = new Set(['action-items', 'lessons', 'supporting-information']);
const WEAK_KINDS = new Set(['summary', 'impact']);

function isIncidentDuration(text: string, phrase: ProseDuration, weak: boolean): boolean {
  if (phrase.minutes < 1) return false;
  const before = text.slice(Math.max(0, phrase.start - 90), phrase.start);
  if (RECOVERED_BEFORE.test(before) && RECOVERED_AFTER.test(text.slice(phrase.end, phrase.end + 20))) return true;
  if (MOMENT.test(text.slice(phrase.end))) return false;
  if (AFTER.test(text.slice(phrase.end, phrase.end + 60))) return true;
  if (STRONG_BEFORE.test(before)) return !NOT_IMPACT.test(before.slice(-40));
  if (!weak) return false;
  const clause = before.split(/[.;\n]/).pop() ?? '';
  if (SOFT_MOMENT.test(text.slice(phrase.end)) && !/\bfor\s*$/i.test(clause)) return false;
  return WEAK_BEFORE.test(clause) && !NOT_IMPACT.test(clause);
}

/**
 * A duration stated in prose: "an outage lasting 2 hours and 10 minutes",
 * "unavailable for about 2h35m", "three days of degraded service". One pass
 * over the prose blocks; weak cues count only in the summary, the impact and
 * under the title.
 */
function proseStatement(doc: ParsedMarkdown, spans: readonly SectionSpan[]): DurationResult | null {
  const found = proseStatements(doc, spans);
  const primary = found.find((found) => found.weakRegion && !found.result.inTitle) ?? found[0];
  if (!primary) return null;
  return { ...primary.result, others: found.filter((other) => other !== primary).map((other) => other.result) };
}

/** Every statement of the incident's length in the prose, and whether it stands in the summary, impact or under the title. */
export function proseStatements(doc: ParsedMarkdown, spans: readonly SectionSpan[]): Array<{ result: DurationResult; weakRegion: boolean }> {
  const statements: Array<{ result: DurationResult; weakRegion: boolean }> = [];
  let firstHeading = true;
  let next = 0;
  // The sections the block is in, outermost first: spans come in document order and nest.
  const open: SectionSpan[] = [];
  for (const block of proseBlocks(doc)) {
    while (next < spans.length && spans[next]!.start <= block.start) {
      const span = spans[next++]!;
      while (open.length > 0 && open[open.length - 1]!.end <= span.start) open.pop();
      open.push(span);
    }
    while (open.length > 0 && open[open.length - 1]!.end <= block.start) open.pop();
    // The document's title: its first heading, at level 1.
    const isTitle = block.kind === 'heading' && firstHeading && /^#\s/.test(block.text);
    if (block.kind === 'heading') firstHeading = false;
    // Which sections the block is in, without an array per block: most blocks are read for nothing else.
    let inSection = false;
    let future = false;
    let weakKind = false;
    for (const span of open) {
      if (span.end <= block.start) continue;
      inSection = true;
      future ||= FUTURE_KINDS.has(span.section.kind);
      weakKind ||= WEAK_KINDS.has(span.section.kind);
    }
    if (block.kind === 'heading' && !isTitle && inSection) continue;
    if (future) continue;
    const weak = isTitle || !inSection || weakKind;
    for (const phrase of findProseDurations(block.text)) {
      if (!isIncidentDuration(block.text, phrase, weak)) continue;
      const start = block.start + phrase.start;
      const end = block.start + phrase.end;
      const within = /\bwithin\s*$/i.test(block.text.slice(Math.max(0, phrase.start - 10), phrase.start));
      const bound = phrase.lowerBound ? 'lower' : phrase.upperBound || within ? 'upper' : undefined;
      const result: DurationResult = {
        ...(bound ? { bound } : {}),
        inTitle: isTitle,
        duration: {
          stated: doc.text.slice(start, end).trim(),
          start: null,
          end: null,
          minutes: phrase.minutes,
          range: doc.lines.range(start, end),
          basis: 'prose',
          // "within 25 minutes" is a bound, not a measurement.
          approximate: phrase.approximate || bound !== undefined,
        },
        date: null,
        zone: null,
        start,
        end,
      };
      statements.push({ result, weakRegion: weak });
      // Enough to compare: a document that states its length a dozen times says nothing new after the first few.
      if (statements.length >= 8) return statements;
    }
  }
  return statements;
}
