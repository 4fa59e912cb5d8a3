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

/**
 * Two entries' order is certain when neither date rests on a reading the
 * document leaves open (a numeric date either way round) and no time or date
 * the engine could not read stands between them (a date line it could not
 * read may have moved the day on).
 */
export function orderIsCertain(context: RuleContext, first: OrderedEntry, second: OrderedEntry): boolean {
  if (first.item.dating.uncertain || second.item.dating.uncertain) return false;
  const from = Math.min(first.item.start, second.item.start);
  const to = Math.max(first.item.end, second.item.end);
  return !context.unreadable.some((text) => text.start >= from && text.start < to);
}
