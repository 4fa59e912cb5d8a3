import type { OrderedEntry } from '../model/timeline-order.js';
import type { RuleContext } from './types.js';

/** Entries the timeline could only be read in order by guessing (past midnight, or the afternoon), with the entry before each. */
export function guessedEntries(context: RuleContext, guess: 'rolledOver' | 'readAsAfternoon'): Array<{ entry: OrderedEntry; before: OrderedEntry }> {
  const { entries } = context.timelineOrder;
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
  // Under the same written date the order holds whichever way round that date is read.
  const sameDate = JSON.stringify(first.item.dating.date) === JSON.stringify(second.item.dating.date);
  if (!sameDate && (first.item.dating.uncertain || second.item.dating.uncertain)) return false;
  // "17:55:08" then "17:55": the minute written without seconds may well hold the earlier second.
  if (Math.floor(first.key / MINUTE) === Math.floor(second.key / MINUTE) && !(hasSeconds(first) && hasSeconds(second))) return false;
  const from = Math.min(first.item.start, second.item.start);
  const to = Math.max(first.item.end, second.item.end);
  if (context.unreadable.some((text) => text.start >= from && text.start < to)) return false;
  // Each timeline section is its own timeline: a document that tells the story twice, or a detection recap, is not one list.
  return !context.spans.some((span) => span.section.kind === 'timeline' && span.start > from && span.start < to);
}

const MINUTE = 60_000;

function hasSeconds(entry: OrderedEntry): boolean {
  return /\d:\d\d:\d\d/.test(entry.item.entry.timeText);
}
