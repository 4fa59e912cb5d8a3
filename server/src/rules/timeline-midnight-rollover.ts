import type { Rule, RuleContext } from './types.js';
import { guessedEntries } from './timeline-readings.js';
import { allMatches } from '../time/all-matches.js';

// "3–4", "3rd to 4th": a range of days, not of times ("10:00–14:00").
const HEADING_DAY_RANGE = /(?<![:\d])\d{1,2}(?:st|nd|rd|th)?\s*(?:[–—-]|to)\s*\d{1,2}(?:st|nd|rd|th)?(?![:\d])/i;
const HEADING_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** "23:50 … 00:10" with no new date: probably the next day, but the reader has to guess. */
export const timelineMidnightRollover: Rule = {
  id: 'timeline-midnight-rollover',
  description: 'The timeline crosses midnight without saying so: the time goes back with no new date.',
  defaultSeverity: 'warning',
  check(context) {
    // "## Timeline (March 3–4, 2024)": the heading says the timeline runs into the next day; nobody has to guess.
    const spansDays = (start: number): boolean =>
      context.spans.some((span) => span.section.kind === 'timeline' && span.start <= start && start < span.end && HEADING_DAY_RANGE.test(span.section.heading) && HEADING_MONTH.test(span.section.heading));
    const rolled = guessedEntries(context, 'rolledOver').filter(({ entry }) => !spansDays(entry.item.start));
    // "April 13, 10:00 PM – April 14, 2:00 AM", "spans August 18-19": the document says the night was crossed, so no reader guesses.
    if (rolled.length === 0 || nightsCrossed(context, rolled.map(({ entry }) => entry.item.start)) <= declaredMidnights(context, rolled.map(({ entry }) => monthDay(entry.item.entry.local)))) return [];
    return rolled.map(({ entry, before }) => ({
      message: `The time goes back from ${before.item.entry.timeText} to ${entry.item.entry.timeText} with no new date: read as the next day. Add a date heading or line (or a date on this entry) so readers need not guess.`,
      range: entry.item.entry.timeRange,
      related: [{ range: before.item.entry.range, message: `The last entry before midnight, at ${before.item.entry.timeText}.` }],
    }));
  },
};

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// "August 18-19", "18–19 August": a range of days in one month.
const DAY_RANGE = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[-–—]\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s*[-–—]\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}`, 'g');
const DAY = 86_400_000;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month and day of a local wall time ("2024-04-14T01:30", "--04-14T01:30") as "MM-DD", or null when the entry has no date. */
function monthDay(local: string | null | undefined): string | null {
  return /^(?:\d{4}|-)-(\d\d-\d\d)/.exec(local ?? '')?.[1] ?? null;
}

/** The most midnights one timeline section crosses: the same night told twice (a timeline and its recap in an appendix) is one night. */
function nightsCrossed(context: RuleContext, starts: number[]): number {
  const perSection = new Map<number, number>();
  for (const start of starts) {
    const section = context.spans.filter((span) => span.section.kind === 'timeline' && span.start <= start && start < span.end).pop();
    const key = section?.start ?? -1;
    perSection.set(key, (perSection.get(key) ?? 0) + 1);
  }
  return Math.max(...perSection.values());
}

/** How many midnights the document itself says the incident crossed: its stated window's dates (or an evening-to-morning window), or a written range of days. */
function declaredMidnights(context: RuleContext, rolledDays: ReadonlyArray<string | null>): number {
  // "from 10:40 PM to 1:10 AM": one night, though no date is written.
  let most = context.durationStatement?.crossesNight ? 1 : 0;
  const { start, end } = context.model.duration;
  const day = (iso: string): number => Date.parse(iso.slice(0, 10));
  if (start && end && /^\d{4}-\d{2}-\d{2}/.test(start) && /^\d{4}-\d{2}-\d{2}/.test(end)) most = Math.max(most, Math.round((day(end) - day(start)) / DAY));
  for (const match of allMatches(context.doc.text, DAY_RANGE)) {
    const from = Number(match[1] ?? match[3]);
    const to = Number(match[2] ?? match[4]);
    // "as it did March 3-4": a span of other days says nothing about this night.
    const month = MONTH_NAMES.indexOf(/[a-z]{3}/i.exec(match[0].replace(/\d+(?:st|nd|rd|th)?/g, ''))?.[0]?.toLowerCase() ?? '') + 1;
    const inside = (day: string | null): boolean => day === null || month === 0 || (Number(day.slice(0, 2)) === month && Number(day.slice(3)) > from && Number(day.slice(3)) <= to);
    if (to > from && to - from <= 7 && rolledDays.every(inside)) most = Math.max(most, to - from);
  }
  return most;
}
