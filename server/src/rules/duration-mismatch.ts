import * as z from 'zod';
import type { Rule } from './types.js';
import { formatMinutes } from '../time/durations.js';

const Options = z.object({
  /** Differences up to this many minutes are never reported. */
  toleranceMinutes: z.number().min(0).default(5),
  /** Nor differences up to this share of the stated duration. */
  tolerancePercent: z.number().min(0).default(10),
});

/** "66 minutes" that the timeline shows as 2 hours: one of the two is wrong, and readers will quote the wrong one. */
export const durationMismatch: Rule<z.infer<typeof Options>> = {
  id: 'duration-mismatch',
  description: 'The stated duration disagrees with the one the milestones or the timeline show.',
  defaultSeverity: 'warning',
  options: Options,
  check(context, options) {
    const { duration } = context.model;
    if (duration.minutes === null || duration.computed === null || duration.range === null) return [];
    const stated = duration.minutes;
    const computed = duration.computed.minutes;
    const tolerance = Math.max(options.toleranceMinutes, (stated * options.tolerancePercent) / 100);
    const fromMilestones = duration.computed.basis.includes('milestones');
    // A timeline usually runs past the impact (lead-up, follow-up), so it can only show a stated duration to be too long.
    const wrong = fromMilestones ? Math.abs(stated - computed) > tolerance : stated - computed > tolerance;
    if (!wrong) return [];
    return [
      {
        message: fromMilestones
          ? `The stated duration (${formatMinutes(stated)}) differs from the ${formatMinutes(computed)} between the impact milestones (${duration.computed.basis.replace(' milestones', '')}).`
          : `The stated duration (${formatMinutes(stated)}) is longer than the whole timeline (${formatMinutes(computed)}, first to last entry).`,
        range: duration.range,
      },
    ];
  },
};
