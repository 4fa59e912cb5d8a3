import type { TimelineItem } from './timeline.js';

export interface OrderedEntry {
  item: TimelineItem;
  /** Sort key after midnight rollovers were accounted for. */
  key: number;
  /** This entry's time is earlier on the clock than the previous one's, as when a timeline crosses midnight with no new date. */
  rolledOver: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
const HALF_DAY = DAY / 2;

/**
 * The timeline's timed entries in document order, read the way the document
 * says: reversed when it declares newest-first, and with a jump from late
 * evening to early morning on the same inherited date read as crossing
 * midnight (reported by its own rule, not as out of order).
 */
export function orderedEntries(timeline: readonly TimelineItem[], newestFirst: boolean): OrderedEntry[] {
  const timed = timeline.filter((item) => item.sortKey !== null && !item.entry.dateOnly);
  const entries = newestFirst ? [...timed].reverse() : timed;
  const result: OrderedEntry[] = [];
  let shift = 0;
  let previous: OrderedEntry | null = null;
  for (const item of entries) {
    // A written date or a new date heading says where the day is: no guessing past it.
    const sameDay = previous !== null && !item.ownDate && item.dateContext === previous.item.dateContext;
    if (!sameDay) shift = 0;
    let key = item.sortKey! + shift;
    let rolledOver = false;
    if (sameDay && previous && !newestFirst && key < previous.key && previous.key - key > HALF_DAY) {
      shift += DAY;
      key += DAY;
      rolledOver = true;
    }
    const entry = { item, key, rolledOver };
    result.push(entry);
    previous = entry;
  }
  return result;
}
