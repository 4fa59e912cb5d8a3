import type { Rule } from './types.js';
import { openActionItems } from './action-items.js';

/** Items that live only in the postmortem are forgotten once it is published. */
export const actionItemMissingTicket: Rule = {
  id: 'action-item-missing-ticket',
  description: 'An open action item has no tracking ticket (ABC-123, #123 or a link).',
  defaultSeverity: 'info',
  check(context) {
    return openActionItems(context)
      .filter((span) => span.item.ticket === null)
      .map((span) => ({ message: 'No tracking ticket: link the ticket (ABC-123, #123 or a URL) so the item is followed up.', range: span.item.range }));
  },
};
