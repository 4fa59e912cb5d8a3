import type { Rule } from './types.js';
import { guessedEntries } from './timeline-readings.js';

// "3–4", "3rd to 4th": a range of days, not of times ("10:00–14:00").
const DAY_RANGE = /(?<![:\d])\d{1,2}(?:st|nd|rd|th)?\s*(?:[–—-]|to)\s*\d{1,2}(?:st|nd|rd|th)?(?![:\d])/i;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/** "23:50 … 00:10" with no new date: probably the next day, but the reader has to guess. */
export const timelineMidnightRollover: Rule = {
  id: 'timeline-midnight-rollover',
  description: 'The timeline crosses midnight without saying so: the time goes back with no new date.',
  defaultSeverity: 'warning',
  check(context) {
    // "## Timeline (March 3–4, 2024)": the heading says the timeline runs into the next day; nobody has to guess.
    const spansDays = (start: number): boolean =>
      context.spans.some((span) => span.section.kind === 'timeline' && span.start <= start && start < span.end && DAY_RANGE.test(span.section.heading) && MONTH.test(span.section.heading));
    return guessedEntries(context, 'rolledOver').filter(({ entry }) => !spansDays(entry.item.start)).map(({ entry, before }) => ({
      message: `The time goes back from ${before.item.entry.timeText} to ${entry.item.entry.timeText} with no new date: read as the next day. Add a date heading or line (or a date on this entry) so readers need not guess.`,
      range: entry.item.entry.timeRange,
      related: [{ range: before.item.entry.range, message: `The last entry before midnight, at ${before.item.entry.timeText}.` }],
    }));
  },
};
