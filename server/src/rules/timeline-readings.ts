import { orderedEntries, type OrderedEntry } from '../model/timeline-order.js';
import type { RuleContext } from './types.js';

/** Entries the timeline could only be read in order by guessing (past midnight, or the afternoon), with the entry before each. */
export function guessedEntries(context: RuleContext, guess: 'rolledOver' | 'readAsAfternoon'): Array<{ entry: OrderedEntry; before: OrderedEntry }> {
  const entries = orderedEntries(context.timeline, context.model.metadata.newestFirst);
  return entries.flatMap((entry, index) => {
    const before = entries[index - 1];
    return entry[guess] && before ? [{ entry, before }] : [];
  });
}
