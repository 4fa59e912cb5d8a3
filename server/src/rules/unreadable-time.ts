import type { Rule } from './types.js';

/** "25:61", "14:30 PM", "20224-03-02", "Tuesday, March 14, 2024" (a Thursday): a reader cannot place it, and neither can the engine. */
export const unreadableTime: Rule = {
  id: 'unreadable-time',
  description: 'A time or date in the timeline (or the title) that cannot be read: an impossible hour or minute, a 24-hour time with AM/PM, a year of five digits, a weekday that is not the date\'s, one time in two zones that disagree.',
  defaultSeverity: 'warning',
  check(context) {
    return context.unreadable.map((text) => ({
      message: `"${text.text}" ${text.reason}: readers (and this linter) cannot place it in time. Correct it; entries around it are not checked for order until it reads.`,
      range: text.range,
    }));
  },
};
