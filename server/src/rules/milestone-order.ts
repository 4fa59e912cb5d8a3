import type { Rule, RuleReport } from './types.js';
import type { MilestoneKind } from '../model/schema.js';

const NAMES: Record<MilestoneKind, string> = {
  'impact-start': 'impact start',
  detected: 'detection',
  mitigated: 'mitigation',
  resolved: 'resolution',
  'impact-end': 'impact end',
};

// Which milestones must come no later than which. Impact end may come before resolution (cleanup continues).
const MUST_PRECEDE: ReadonlyArray<readonly [MilestoneKind, MilestoneKind]> = [
  ['impact-start', 'detected'],
  ['impact-start', 'mitigated'],
  ['impact-start', 'resolved'],
  ['impact-start', 'impact-end'],
  ['detected', 'mitigated'],
  ['detected', 'resolved'],
  ['mitigated', 'resolved'],
];

/** Start ≤ detected ≤ mitigated ≤ resolved; an incident that breaks this has a wrong time somewhere (Rootly refuses such incidents). */
export const milestoneOrder: Rule = {
  id: 'milestone-order',
  description: 'The milestones are out of order: impact start, detection, mitigation and resolution must come in that order.',
  defaultSeverity: 'error',
  check(context) {
    const byKind = new Map(context.model.milestones.map((milestone) => [milestone.kind, milestone]));
    const reports: RuleReport[] = [];
    const reported = new Set<MilestoneKind>();
    for (const [earlier, later] of MUST_PRECEDE) {
      const a = context.milestoneKeys.get(earlier);
      const b = context.milestoneKeys.get(later);
      const milestone = byKind.get(later);
      const before = byKind.get(earlier);
      if (a == null || b == null || !milestone || !before || b >= a || reported.has(later)) continue;
      reported.add(later);
      reports.push({
        message: `The ${NAMES[later]} comes before the ${NAMES[earlier]}: milestones must run impact start → detection → mitigation → resolution. One of the two times is wrong.`,
        range: milestone.range,
        related: [{ range: before.range, message: `The ${NAMES[earlier]}.` }],
      });
    }
    return reports.sort((x, y) => x.range.start.line - y.range.start.line);
  },
};
