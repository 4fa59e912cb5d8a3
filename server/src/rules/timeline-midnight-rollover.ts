import type { Rule, RuleContext } from './types.js';
import { guessedEntries } from './timeline-readings.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "August 18-19, 2025", "April 13 – 14": a span of days the document states in its title, intro or a heading.
const DAY_SPAN = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|and)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?/g;

/** Month and day of a local wall time ("2024-04-14T01:30", "--04-14T01:30"), as MM-DD. */
function monthDay(local: string | null | undefined): string | null {
  return /^(?:\d{4}|-)-(\d\d-\d\d)/.exec(local ?? '')?.[1] ?? null;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function nextDay(monthDayText: string): string {
  const [month, day] = monthDayText.split('-').map(Number);
  // A leap year, so "02-29" has a day after it.
  const next = new Date(Date.UTC(2000, month! - 1, day! + 1));
  return `${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/**
 * The spans of days the document states: its stated duration's window (start
 * and end on different days), and "August 18-19" in the title, intro or a
 * heading. Across such a span the next-day reading is the document's, not a guess.
 */
function statedSpans(context: RuleContext): Array<[string, string]> {
  const spans: Array<[string, string]> = [];
  const { start, end } = context.model.duration;
  const from = monthDay(start);
  const to = monthDay(end);
  if (from && to && from !== to) spans.push([from, to]);
  const firstSection = context.spans[0]?.start ?? context.doc.text.length;
  const texts = [context.doc.text.slice(0, Math.min(firstSection, 3_000)), ...context.spans.map((span) => span.section.heading)];
  for (const text of texts) {
    for (const match of text.matchAll(DAY_SPAN)) {
      const month = MONTHS.indexOf(match[1]!.toLowerCase()) + 1;
      const first = Number(match[2]);
      const last = Number(match[3]);
      if (last > first && last - first <= 7) spans.push([`${pad(month)}-${pad(first)}`, `${pad(month)}-${pad(last)}`]);
    }
  }
  return spans;
}

/** "23:50 … 00:10" with no new date: probably the next day, but the reader has to guess. */
export const timelineMidnightRollover: Rule = {
  id: 'timeline-midnight-rollover',
  description: 'The timeline crosses midnight without saying so: the time goes back with no new date.',
  defaultSeverity: 'warning',
  check(context) {
    const guessed = guessedEntries(context, 'rolledOver');
    if (guessed.length === 0) return [];
    const spans = statedSpans(context);
    const stated = (before: string | null, written: string | null): boolean => {
      if (before === null || written === null) return false;
      // Without a year the reading moved only the clock: the entry's day is the one after.
      const after = written === before ? nextDay(before) : written;
      return spans.some(([first, last]) => first <= before && before < after && after <= last);
    };
    return guessed
      .filter(({ entry, before }) => !stated(monthDay(before.item.entry.local), monthDay(entry.item.entry.local)))
      .map(({ entry, before }) => ({
        message: `The time goes back from ${before.item.entry.timeText} to ${entry.item.entry.timeText} with no new date: read as the next day. Add a date heading or line (or a date on this entry) so readers need not guess.`,
        range: entry.item.entry.timeRange,
        related: [{ range: before.item.entry.range, message: `The last entry before midnight, at ${before.item.entry.timeText}.` }],
      }));
  },
};
