import type { Rule } from './types.js';
import { openActionItems } from './action-items.js';

const quote = (text: string): string => `"${text.length > 40 ? `${text.slice(0, 37)}…` : text}"`;

/**
 * Items that live only in the postmortem are forgotten once it is published.
 * One finding per document, naming the items: the same advice beside every
 * item (next to its owner finding) is noise a reviewer would not write.
 */
export const actionItemMissingTicket: Rule = {
  id: 'action-item-missing-ticket',
  description: 'Open action items have no tracking ticket (ABC-123, #123 or a tracker link); reported once per document.',
  defaultSeverity: 'info',
  check(context) {
    const untracked = openActionItems(context).filter((span) => span.item.ticket === null);
    const first = untracked[0];
    if (!first) return [];
    const names = untracked.slice(0, 3).map((span) => quote(span.item.text)).join(', ');
    const more = untracked.length > 3 ? ` and ${untracked.length - 3} more` : '';
    return [
      {
        message: `${untracked.length === 1 ? 'This action item has' : `${untracked.length} open action items have`} no tracking ticket (${names}${more}): link a ticket (ABC-123, #123 or an issue URL) so each is followed up.`,
        range: first.item.range,
        related: untracked.slice(1).map((span) => ({ range: span.item.range, message: 'No tracking ticket.' })),
      },
    ];
  },
};
