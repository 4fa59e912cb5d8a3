import type { Rule } from './types.js';
import { nothingToCount } from './impact-nothing-to-count.js';

/** "Include exact numbers" (PagerDuty): an impact statement without a quantity cannot be weighed. */
export const impactWithoutMetrics: Rule = {
  id: 'impact-without-metrics',
  description: 'The impact statement has no quantity: no percentage, count, money, rate or duration.',
  defaultSeverity: 'warning',
  check(analysis) {
    const impact = analysis.model.impact;
    if (!impact || impact.metrics.length > 0) return [];
    // The potential impact of a vulnerability nobody exploited, or "no customer was affected": nothing to count.
    const open = analysis.impactParts.filter((part) => !nothingToCount(analysis.doc.text.slice(part.start, part.end)));
    const first = open[0];
    if (!first) return [];
    const start = analysis.doc.lines.positionAt(first.start);
    return [
      {
        message: 'The impact has no numbers. Say how much: the share of users or requests affected, error counts, orders or money lost, or how long users were affected.',
        range: { start, end: analysis.doc.lines.positionAt(analysis.doc.lines.lineEnd(start.line)) },
      },
    ];
  },
};
