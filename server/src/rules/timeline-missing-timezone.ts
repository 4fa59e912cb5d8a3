import type { Rule } from './types.js';
import { firstLine, sectionHeading } from './anchors.js';

/** "09:05" means nothing to a reader in another office, or to the person comparing it with graphs in UTC. */
export const timelineMissingTimezone: Rule = {
  id: 'timeline-missing-timezone',
  description: 'The timeline has times but the document never says which time zone they are in.',
  defaultSeverity: 'warning',
  check(context) {
    const timed = context.timeline.filter((item) => !item.entry.dateOnly);
    if (timed.length === 0 || context.model.timezone !== null || timed.some((item) => item.entry.zone !== null)) return [];
    const anchor = sectionHeading(context, 'timeline') ?? firstLine(context, timed[0]!.entry.range);
    return [
      {
        message: `The timeline's ${timed.length} time${timed.length === 1 ? '' : 's'} have no time zone. Say which, for example "All times UTC." under the heading, or write the zone on the times ("09:05 UTC").`,
        range: anchor,
      },
    ];
  },
};
