import type { Rule } from './types.js';

/** In a timeline written with am/pm, "9:30" could be morning or evening. */
export const ambiguousTime: Rule = {
  id: 'ambiguous-time',
  description: 'A time without am/pm in a timeline that uses the 12-hour clock, where it could be morning or evening.',
  defaultSeverity: 'warning',
  check(context) {
    const timed = context.timeline.filter((item) => !item.entry.dateOnly);
    if (!timed.some((item) => item.entry.clock === '12h')) return [];
    return timed
      .filter((item) => {
        if (item.entry.clock !== '24h') return false;
        const hour = Number(/^(\d{1,2}):/.exec(item.entry.timeText.replace(/^\D+/, ''))?.[1] ?? -1);
        return hour >= 1 && hour <= 12;
      })
      .map((item) => ({
        message: `"${item.entry.timeText}" has no AM or PM, but this timeline uses the 12-hour clock elsewhere: say which, or use 24-hour times throughout.`,
        range: item.entry.timeRange,
      }));
  },
};
