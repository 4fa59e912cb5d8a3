import type { Rule } from './types.js';
import type { ActionItem } from '../model/schema.js';
import { sectionHeading, documentAnchor } from './anchors.js';

// Words that show an item removes the cause or catches it sooner.
const PREVENTS_OR_DETECTS = /\b(?:prevent\w*|validat\w*|tests?|testing|alert\w*|monitor\w*|detect\w*|guard\w*|lint\w*|canar(?:y|ies)|staged|gradual(?:ly)?|enforc\w*|block\w*|reject\w*|pin\w*|safeguard\w*|circuit[- ]breakers?|dashboards?|slos?|pre-?flight|dry[- ]run|verif\w*|require\w*|forbid\w*|disallow\w*|page (?:the|on-?call)|notify)\b/i;
// Wording of items that soften or repair without preventing or revealing:
// more capacity, higher limits, shorter timeouts, runbook steps, clean-ups, restores, reports.
const MITIGATION_ONLY = /\b(?:raise|increase|lower|reduce|bump|double|scale|add (?:more |an? |two |three |\d+ )?(?:capacity|replicas?|read replicas?|nodes?|servers?|instances?|workers?|memory|disk|headroom)|restart|reboot|runbooks?|playbooks?|timeouts?|clean(?:[- ]?up)?|backfill|refund|re-?run|communicate|apolog\w*|restore|revert|roll(?:ed)? ?back|rollback|re-?deploy|publish|share|fix(?:ed)? the)\b/i;

/** Typed items say for themselves; an untyped one counts as preventive unless its words only mitigate or repair. */
function preventsOrDetects(item: ActionItem): boolean {
  if (item.type !== null) return item.type === 'prevent' || item.type === 'detect';
  return PREVENTS_OR_DETECTS.test(item.text) || !MITIGATION_ONLY.test(item.text);
}

/** Only more capacity and clean-ups: the same incident can happen again tomorrow. */
export const noPreventiveAction: Rule = {
  id: 'no-preventive-action',
  description: 'No action item prevents a recurrence or detects it sooner: all are mitigations (more capacity, higher limits, runbook steps) or repairs.',
  defaultSeverity: 'warning',
  check(context) {
    const items = context.actionItems;
    // When in doubt an item counts as preventive: a wrong alarm here would insult a good list.
    // Follow-ups announced in prose are too few and too loose to judge the report's whole plan by.
    if (items.length === 0 || items.some((span) => span.announced) || items.some((span) => preventsOrDetects(span.item))) return [];
    return [
      {
        message: `None of the ${items.length} action item${items.length === 1 ? '' : 's'} prevents this from happening again or detects it sooner: they add capacity, change limits or document steps. Add at least one that removes the cause or catches it earlier (type "prevent" or "detect").`,
        range: sectionHeading(context, 'action-items') ?? documentAnchor(context),
      },
    ];
  },
};
