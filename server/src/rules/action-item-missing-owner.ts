import type { Rule } from './types.js';
import { openActionItems } from './action-items.js';

/** An item nobody owns is an item nobody does. */
export const actionItemMissingOwner: Rule = {
  id: 'action-item-missing-owner',
  description: 'An open action item names no owner.',
  defaultSeverity: 'warning',
  check(context) {
    return openActionItems(context)
      .filter((span) => span.item.owner === null)
      .map((span) => ({
        message: `No owner for "${span.item.text.length > 60 ? `${span.item.text.slice(0, 57)}…` : span.item.text}": name one person (@handle, "owner: …" or an Owner column).`,
        range: span.item.range,
      }));
  },
};
