import type { Rule } from './types.js';

/** "Include exact numbers" (PagerDuty): an impact statement without a quantity cannot be weighed. */
export const impactWithoutMetrics: Rule = {
  id: 'impact-without-metrics',
  description: 'The impact statement has no quantity: no percentage, count, money, rate or duration.',
  defaultSeverity: 'warning',
  check(analysis) {
    const impact = analysis.model.impact;
    if (!impact || impact.metrics.length > 0) return [];
    const firstLineEnd = analysis.doc.lines.lineEnd(impact.range.start.line);
    return [
      {
        message: 'The impact has no numbers. Say how much: the share of users or requests affected, error counts, orders or money lost, or how long users were affected.',
        range: { start: impact.range.start, end: analysis.doc.lines.positionAt(firstLineEnd) },
      },
    ];
  },
};
