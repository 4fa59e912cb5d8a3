import type { Rule } from './types.js';
import type { ActionItem } from '../model/schema.js';
import { sectionHeading, documentAnchor } from './anchors.js';

// Wording of items that soften the next incident without preventing or revealing it:
// more capacity, higher limits, shorter timeouts, runbook steps, clean-ups.
const MITIGATION_ONLY = /\b(?:raise|increase|lower|reduce|bump|double|scale|add (?:more |an? |two |three |\d+ )?(?:capacity|replicas?|read replicas?|nodes?|servers?|instances?|workers?|memory|disk|headroom)|restart|reboot|runbooks?|playbooks?|timeouts?|clean(?:[- ]?up)?|backfill|refund|re-?run|communicate|apolog)\w*/i;

function preventsOrDetects(item: ActionItem): boolean {
  if (item.type !== null) return item.type === 'prevent' || item.type === 'detect';
  return !MITIGATION_ONLY.test(item.text);
}

/** Only more capacity and clean-ups: the same incident can happen again tomorrow. */
export const noPreventiveAction: Rule = {
  id: 'no-preventive-action',
  description: 'No action item prevents a recurrence or detects it sooner: all are mitigations (more capacity, higher limits, runbook steps) or repairs.',
  defaultSeverity: 'warning',
  check(context) {
    const items = context.actionItems;
    // Untyped items count as preventive unless their wording says otherwise: a wrong alarm here would insult a good list.
    if (items.length === 0 || items.some((span) => preventsOrDetects(span.item))) return [];
    return [
      {
        message: `None of the ${items.length} action item${items.length === 1 ? '' : 's'} prevents this from happening again or detects it sooner: they add capacity, change limits or document steps. Add at least one that removes the cause or catches it earlier (type "prevent" or "detect").`,
        range: sectionHeading(context, 'action-items') ?? documentAnchor(context),
      },
    ];
  },
};
