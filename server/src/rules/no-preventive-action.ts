import type { Rule } from './types.js';
import { sectionHeading, documentAnchor } from './anchors.js';

// Words that show an item prevents a recurrence or catches it sooner.
const PREVENTS_OR_DETECTS = /\b(?:prevent\w*|validat\w*|tests?|testing|alert\w*|monitor\w*|detect\w*|guard\w*|limit\w*|automat\w*|enforc\w*|lint\w*|canar(?:y|ies)|staged|gradual|rollouts?|redundan\w*|block\w*|reject\w*|pin\w*|checks?|safeguard\w*|circuit[- ]breakers?|timeouts?|retr(?:y|ies)|fallbacks?|runbooks?|playbooks?|protocols?|dashboards?|slos?|quotas?|capacity|failover|backups?)\b/i;

/** Only clean-ups and repairs: the same incident can happen again tomorrow. */
export const noPreventiveAction: Rule = {
  id: 'no-preventive-action',
  description: 'No action item prevents a recurrence or detects it sooner: all are mitigations or repairs.',
  defaultSeverity: 'warning',
  check(context) {
    const items = context.actionItems;
    if (items.length === 0) return [];
    const preventive = items.some((span) => span.item.type === 'prevent' || span.item.type === 'detect' || (span.item.type === null && PREVENTS_OR_DETECTS.test(span.item.text)));
    if (preventive) return [];
    return [
      {
        message: `None of the ${items.length} action item${items.length === 1 ? '' : 's'} prevents this from happening again or detects it sooner. Add at least one that does (type "prevent" or "detect").`,
        range: sectionHeading(context, 'action-items') ?? documentAnchor(context),
      },
    ];
  },
};
