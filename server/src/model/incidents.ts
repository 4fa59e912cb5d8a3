import type { Field } from './fields.js';
import type { ParsedMarkdown } from './markdown.js';
import type { SectionSpan } from './sections.js';
import type { DocumentDating } from './date-context.js';
import { splitLines } from './positions.js';
import { declaredZone } from './zone-declaration.js';
import { findTimestamps, writtenDate, type TimestampMatch } from '../time/timestamps.js';
import type { MemoOwner } from '../time/memo-owner.js';

/** One incident of a document that reports several, each under its own heading with its own timeline. */
export interface IncidentScope {
  title: string;
  /** Offsets: the incident's heading to the next heading at its level or above. */
  start: number;
  end: number;
  /** The dates and zone its bare times are read in: its own where it writes them, else the document's. */
  dating: DocumentDating;
}

const DATE_FIELD = /^(?:date|incident date|date of incident|when|day)$/;
const INTRO_CHARS = 2_000;
const MAX_INCIDENTS = 50;

function firstDate(text: string, memos: MemoOwner): TimestampMatch | null {
  for (const line of splitLines(text)) {
    const found = findTimestamps(line.text, memos).find((stamp) => stamp.date !== null);
    if (found) return found;
  }
  return null;
}

/**
 * The incidents of a document that holds several: two or more headings at
 * one level, each with a timeline section of its own below it ("## Incident 1
 * … ### Timeline", "## Incident 2 … ### Timeline"). One timeline, or timelines
 * under one heading, is one incident: the result is then empty.
 */
export function readIncidents(doc: ParsedMarkdown, spans: readonly SectionSpan[], fields: readonly Field[], base: DocumentDating, memos: MemoOwner): IncidentScope[] {
  // Each incident has a timeline of its own: most documents have one, and one incident.
  if (spans.filter((span) => span.section.kind === 'timeline').length < 2) return [];
  const owners = new Map<SectionSpan, number>();
  // The latest heading at each level, so that each timeline finds its owner in one pass (50,000 headings stay linear).
  const latest: Array<SectionSpan | undefined> = [];
  for (const span of spans) {
    const level = span.section.level;
    if (span.section.kind === 'timeline') {
      const owner = latest.slice(0, level).reduce<SectionSpan | undefined>((best, candidate) => (candidate && (!best || candidate.start > best.start) ? candidate : best), undefined);
      if (owner) owners.set(owner, (owners.get(owner) ?? 0) + 1);
    } else {
      latest[level] = span;
      // A new heading closes the deeper ones before it.
      latest.length = level + 1;
    }
  }
  const heads = [...owners.keys()];
  // More than a report's worth of incidents is a log or a generated list: read as one document, and each timeline stays its own list.
  if (heads.length < 2 || heads.length > MAX_INCIDENTS || heads.some((head) => head.section.level !== heads[0]!.section.level)) return [];
  // Two timelines under one of them and none under another is a document told twice, not two incidents.
  if ([...owners.values()].some((count) => count > 1)) return [];
  const indexOf = new Map(spans.map((span, index) => [span, index]));
  return heads.map((head) => {
    // Heads at one level do not overlap: each scan stops at the next one, so all of them together pass the spans once.
    let next: SectionSpan | undefined;
    for (let index = indexOf.get(head)! + 1; index < spans.length && !next; index++) {
      if (spans[index]!.section.level <= head.section.level) next = spans[index];
    }
    const end = next?.start ?? doc.text.length;
    return { title: head.section.heading, start: head.start, end, dating: scopeDating(doc, head, end, fields, base, memos) };
  });
}

/** The incident's own date (its heading, a Date field, its first lines) and zone, else the document's. */
function scopeDating(doc: ParsedMarkdown, head: SectionSpan, end: number, fields: readonly Field[], base: DocumentDating, memos: MemoOwner): DocumentDating {
  const own =
    firstDate(head.section.heading, memos) ??
    fields.filter((field) => field.start >= head.start && field.start < end && DATE_FIELD.test(field.key)).map((field) => firstDate(field.value, memos)).find(Boolean) ??
    firstDate(doc.text.slice(head.contentStart, Math.min(end, head.contentStart + INTRO_CHARS)), memos);
  const date = own ? writtenDate(own, base.dayFirst) : null;
  const zone = declaredZone(doc.text.slice(head.start, end));
  return {
    ...base,
    date: date ? { ...date, year: date.year ?? base.date?.year ?? null } : base.date,
    dateSource: date ? 'heading' : base.dateSource,
    zone: zone?.zone ?? base.zone,
    declaredText: zone?.written ?? base.declaredText,
    notes: [],
  };
}
