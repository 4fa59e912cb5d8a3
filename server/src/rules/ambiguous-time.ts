import type { Rule } from './types.js';
import { guessedEntries } from './timeline-readings.js';

/** "12:40 … 1:15" with no am/pm: the order only works if 1:15 is the afternoon, and the reader has to work that out. */
export const ambiguousTime: Rule = {
  id: 'ambiguous-time',
  description: 'A time without am/pm that only fits the timeline as the afternoon (or evening): the reader has to guess.',
  defaultSeverity: 'warning',
  check(context) {
    return guessedEntries(context, 'readAsAfternoon').map(({ entry, before }) => ({
      message: `"${entry.item.entry.timeText}" has no AM or PM and comes after ${before.item.entry.timeText}: it only fits as ${entry.item.entry.timeText} PM. Write AM/PM, or use 24-hour times throughout.`,
      range: entry.item.entry.timeRange,
    }));
  },
};
