import type { Rule } from './types.js';
import { guessedEntries } from './timeline-readings.js';

/** "23:50 … 00:10" with no new date: probably the next day, but the reader has to guess. */
export const timelineMidnightRollover: Rule = {
  id: 'timeline-midnight-rollover',
  description: 'The timeline crosses midnight without saying so: the time goes back with no new date.',
  defaultSeverity: 'warning',
  check(context) {
    return guessedEntries(context, 'rolledOver').map(({ entry, before }) => ({
      message: `The time goes back from ${before.item.entry.timeText} to ${entry.item.entry.timeText} with no new date: read as the next day. Add a date heading or line (or a date on this entry) so readers need not guess.`,
      range: entry.item.entry.timeRange,
      related: [{ range: before.item.entry.range, message: `The last entry before midnight, at ${before.item.entry.timeText}.` }],
    }));
  },
};
