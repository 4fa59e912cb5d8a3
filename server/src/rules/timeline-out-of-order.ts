import type { Rule, RuleReport } from './types.js';
import type { OrderedEntry } from '../model/timeline-order.js';
import { orderIsCertain } from './timeline-readings.js';

/** A timeline that jumps back in time misleads every reader who trusts it. */
export const timelineOutOfOrder: Rule = {
  id: 'timeline-out-of-order',
  description: 'A timeline entry is earlier than the entry before it (or later, in a timeline declared newest-first).',
  defaultSeverity: 'error',
  check(context) {
    const newestFirst = context.model.metadata.newestFirst;
    const reports: RuleReport[] = [];
    // Each entry against the one just before it: one misplaced entry makes one finding, on the entry that breaks the order.
    let latest: OrderedEntry | null = null;
    for (const entry of context.timelineOrder.entries) {
      // Only a certain order is an error: not across text the engine could not read, nor on a date read one way of two.
      if (latest && entry.key < latest.key && orderIsCertain(context, latest, entry)) {
        const { entry: current } = entry.item;
        const { entry: before } = latest.item;
        reports.push({
          message: newestFirst
            ? `Timeline out of order: this newest-first timeline has ${current.timeText} above ${before.timeText}, which is earlier.`
            : `Timeline out of order: ${current.timeText} comes after ${before.timeText}, which is later.`,
          range: current.range,
          related: [{ range: before.range, message: `The entry at ${before.timeText}.` }],
        });
      }
      latest = entry;
    }
    // In a newest-first timeline the entries were reversed for reading; report top to bottom.
    return newestFirst ? reports.reverse() : reports;
  },
};
