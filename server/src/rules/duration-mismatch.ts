import * as z from 'zod';
import type { Rule, RuleReport } from './types.js';
import type { DurationResult } from '../model/duration.js';
import { provenWindow } from '../model/proven-window.js';
import { meridiemSlip } from '../model/meridiem-slip.js';
import { formatMinutes } from '../time/durations.js';

const Options = z.object({
  /** Differences up to this many minutes are never reported. */
  toleranceMinutes: z.number().min(0).default(5),
  /** Nor differences up to this share of the stated duration. */
  tolerancePercent: z.number().min(0).default(10),
});

// A hedged figure ("about 30 minutes", "~2h") is read with this much more room.
const APPROXIMATE_PERCENT = 25;
const APPROXIMATE_MINUTES = 10;

type Tolerances = z.infer<typeof Options>;

function tolerance(statement: DurationResult, minutes: number, options: Tolerances): number {
  const base = Math.max(options.toleranceMinutes, (minutes * options.tolerancePercent) / 100);
  return statement.duration.approximate ? Math.max(base, APPROXIMATE_MINUTES, (minutes * APPROXIMATE_PERCENT) / 100) : base;
}

/** How far a statement is from a span, in the direction its bound allows: "at least 5 hours" is not wrong about 7. */
function gap(statement: DurationResult, stated: number, actual: number): number {
  if (statement.bound === 'lower') return Math.max(0, stated - actual);
  if (statement.bound === 'upper') return Math.max(0, actual - stated);
  return Math.abs(stated - actual);
}

/**
 * "66 minutes" that the timeline shows as 2 hours: one of the two is wrong, and
 * readers will quote the wrong one. Reported only when both sides are certain:
 * a stated figure (hedges give room) against milestones the document proves, a
 * whole timeline read without guessing, or the title against the summary.
 */
export const durationMismatch: Rule<Tolerances> = {
  id: 'duration-mismatch',
  description: 'The stated duration disagrees with the one the milestones or the timeline show, or the title says another length than the summary.',
  defaultSeverity: 'warning',
  options: Options,
  check(context, options) {
    const statement = context.durationStatement;
    const { duration } = context.model;
    // "from 9:35 PM until 10:42 AM" over a timeline that ends at 10:46 PM: the window's end has the wrong am/pm.
    const slip = meridiemSlip(context);
    if (slip && duration.range) {
      return [{ message: `The stated window ends at ${slip.written}, before it starts; the timeline runs from ${slip.first} to ${slip.last} on one day, so ${slip.meant} was probably meant. Correct the am/pm so the duration can be read.`, range: duration.range }];
    }
    if (!statement || duration.minutes === null || duration.range === null) return [];
    const stated = duration.minutes;
    const reports: RuleReport[] = [];
    const window = provenWindow(context);
    if (window) {
      const fromImpact = window.start.kind === 'impact-start';
      const room = tolerance(statement, stated, options);
      // From detection, the impact may have begun earlier: a longer statement is no contradiction.
      const wrong = fromImpact ? gap(statement, stated, window.minutes) > room : statement.bound !== 'upper' && window.minutes - stated > room;
      // The statement may measure another proven span (to mitigation, from detection).
      const other = window.alternatives.some((minutes) => gap(statement, stated, minutes) <= room);
      if (wrong && !other) {
        reports.push({
          message: `The stated duration (${statement.duration.approximate ? '≈' : ''}${formatMinutes(stated)}) differs from the ${formatMinutes(window.minutes)} between ${window.start.kind} (${window.start.text}) and ${window.end.kind} (${window.end.text}) on the timeline.`,
          range: duration.range,
        });
      }
    } else if (duration.computed && statement.bound === undefined) {
      // A timeline usually runs past the impact (lead-up, follow-up), so it can only show a stated duration to be too long, and only when read without guessing.
      // "Less than two hours" bounds it from above: a shorter timeline agrees with it.
      const { entries } = context.timelineOrder;
      const guessed = entries.some((entry) => entry.rolledOver || entry.readAsAfternoon || entry.item.entry.approximate);
      const first = entries.reduce<(typeof entries)[number] | null>((a, b) => (a === null || b.key < a.key ? b : a), null);
      const last = entries.reduce<(typeof entries)[number] | null>((a, b) => (a === null || b.key > a.key ? b : a), null);
      // Both ends dated and zoned: a timeline whose dates the engine could not read may span days it cannot see.
      const sameDay = first !== null && last !== null && first.item.entry.at !== null && last.item.entry.at !== null;
      // And only a timeline that reaches the end: one that stops at the diagnosis leaves the fix and the end to the prose.
      const reachesEnd = last !== null && context.model.milestones.some((milestone) => (milestone.kind === 'resolved' || milestone.kind === 'impact-end') && milestone.range.start.line === last.item.entry.range.start.line);
      if (first && last && !guessed && sameDay && reachesEnd && entries.length >= 3) {
        const span = (last.key - first.key) / 60000;
        if (stated - span > tolerance(statement, span, options)) {
          reports.push({ message: `The stated duration (${formatMinutes(stated)}) is longer than the whole timeline (${formatMinutes(span)}, first to last entry).`, range: duration.range });
        }
      }
    }
    // The title says one length, the summary another.
    const all = [statement, ...(statement.others ?? [])].filter((one) => one.duration.minutes !== null && one.duration.range !== null);
    const title = all.find((one) => one.inTitle);
    const body = all.find((one) => !one.inTitle);
    if (title && body) {
      const a = title.duration.minutes!;
      const b = body.duration.minutes!;
      const room = Math.max(tolerance(title, a, options), tolerance(body, b, options));
      if (gap(title, a, b) > room && gap(body, b, a) > room) {
        reports.push({
          message: `The title says ${title.duration.stated ?? formatMinutes(a)}, but the document states ${body.duration.stated ?? formatMinutes(b)}. Say one length.`,
          range: title.duration.range!,
          related: [{ range: body.duration.range!, message: 'The other length stated here.' }],
        });
      }
    }
    return reports;
  },
};
