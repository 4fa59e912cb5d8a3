import type { ActionItemSpan } from '../model/action-items.js';
import type { RuleContext } from './types.js';

/** Items still to do: done ones need no owner or ticket any more. */
export function openActionItems(context: RuleContext): ActionItemSpan[] {
  return context.actionItems.filter((span) => span.item.status !== 'done');
}
