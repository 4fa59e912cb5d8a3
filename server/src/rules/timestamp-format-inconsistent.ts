import type { Rule } from './types.js';
import { hourOf } from '../model/timeline-order.js';

/** Mixing "2:05 PM" and "14:10" makes a reader convert in their head; one clock reads faster. */
export const timestampFormatInconsistent: Rule = {
  id: 'timestamp-format-inconsistent',
  description: 'The timeline mixes 12-hour and 24-hour times.',
  defaultSeverity: 'info',
  check(context) {
    const timed = context.timeline.filter((item) => !item.entry.dateOnly && item.entry.clock !== 'iso');
    const twelve = timed.filter((item) => item.entry.clock === '12h');
    // Only times written the 24-hour way count: "14:10", "09:46" or "00:30", not "9:30".
    const twentyFour = timed.filter((item) => item.entry.clock === '24h' && (/(?:^|\D)0\d:\d{2}/.test(item.entry.timeText) || hourOf(item.entry.timeText) >= 13));
    if (twelve.length === 0 || twentyFour.length === 0) return [];
    const minority = twelve.length < twentyFour.length ? twelve : twentyFour;
    const majorityName = minority === twelve ? '24-hour' : '12-hour';
    const first = minority[0]!;
    return [
      {
        message: `The timeline mixes 12-hour and 24-hour times (${twelve.length} and ${twentyFour.length}); "${first.entry.timeText}" differs from the ${majorityName} times around it. Pick one clock.`,
        range: first.entry.timeRange,
      },
    ];
  },
};
