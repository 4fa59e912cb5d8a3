import type { Rule, RuleReport } from './types.js';
import type { TimelineItem } from '../model/timeline.js';

/** A timeline that jumps back in time misleads every reader who trusts it. */
export const timelineOutOfOrder: Rule = {
  id: 'timeline-out-of-order',
  description: 'A timeline entry is earlier than the entry before it.',
  defaultSeverity: 'error',
  check(analysis) {
    const reports: RuleReport[] = [];
    let previous: TimelineItem | null = null;
    for (const item of analysis.timeline) {
      if (item.sortKey === null) continue;
      if (previous && item.sortKey < previous.sortKey!) {
        reports.push({
          message: `Timeline out of order: ${item.entry.timeText} comes after ${previous.entry.timeText}, which is later.`,
          range: item.entry.range,
          related: [{ range: previous.entry.range, message: `The earlier entry, at ${previous.entry.timeText}.` }],
        });
      }
      // Compare with the latest time seen so one misplaced entry is reported once, not again for every entry after it.
      if (!previous || item.sortKey >= previous.sortKey!) previous = item;
    }
    return reports;
  },
};
