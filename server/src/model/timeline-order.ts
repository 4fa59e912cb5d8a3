import type { TimelineItem } from './timeline.js';

export interface OrderedEntry {
  readonly item: TimelineItem;
  /** Sort key after midnight and noon rollovers were accounted for. */
  readonly key: number;
  /** The time is earlier on the clock than the previous one's, as when a timeline crosses midnight with no new date. */
  readonly rolledOver: boolean;
  /** A bare "1:15" after "12:40" in a timeline without am/pm, read as afternoon: the reader has to guess. */
  readonly readAsAfternoon: boolean;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const HALF_DAY = DAY / 2;
// An entry that opens on the day moving on: "The following day", "(next day)", "Next morning".
const NEXT_DAY = /^\W{0,4}(?:the\s+)?(?:following|next)\s+(?:day|morning)\b|^\W{0,4}the\s+day\s+after\b/i;

/**
 * The hour as written, wherever the time sits in the stamp ("2024-09-03 22:05" → 22):
 * the last h:mm on the first line that has one, or the one before it when the last
 * is its ":mm:ss" ("10:00:30" → 10). One pass: looking ahead from each time for a
 * later one is quadratic.
 */
export function hourOf(timeText: string): number {
  let last = -1;
  let before = -1;
  // Each colon between a digit and two digits, up to the end of the first line that has one (a character loop: a pattern per entry costs more).
  for (let index = 0; index < timeText.length; index++) {
    const character = timeText[index];
    if (character === '\n' || character === '\r' || character === '\u2028' || character === '\u2029') {
      if (last >= 0) break;
      continue;
    }
    if (character !== ':' || !isDigit(timeText[index - 1]) || !isDigit(timeText[index + 1]) || !isDigit(timeText[index + 2])) continue;
    before = last;
    last = index;
  }
  if (last < 0) return -1;
  const colon = before >= 0 && before === last - 3 ? before : last;
  const twoDigits = colon >= 2 && isDigit(timeText[colon - 2]);
  return Number(timeText.slice(twoDigits ? colon - 2 : colon - 1, colon));
}

function isClockHour(hour: number): boolean {
  return hour >= 1 && hour <= 12;
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/**
 * The timeline's timed entries in document order, read the way the document
 * says: reversed when it declares newest-first; a jump from late evening to
 * early morning on the same inherited date read as crossing midnight; and in a
 * timeline that never writes am/pm nor an hour past 12, "1:15" after "12:40"
 * read as the afternoon. Each guess is flagged for its own rule to report.
 * Called when the model is built; everything after reads the model's TimelineOrder.
 */
export function orderedEntries(timeline: readonly TimelineItem[], newestFirst: boolean): ReadOrder {
  const timed = timeline.filter((item) => item.sortKey !== null && !item.entry.dateOnly);
  const entries = newestFirst ? [...timed].reverse() : timed;
  // A clock that could be 12-hour: no hour above 12 and no 00 written anywhere.
  const twelveHourClock = entries.every((item) => item.entry.clock === '12h' || isClockHour(hourOf(item.entry.timeText)));
  const result: OrderedEntry[] = [];
  let shift = 0;
  let previous: OrderedEntry | null = null;
  for (const item of entries) {
    // A written date or a new date heading says where the day is: no guessing past it.
    // Nor past the start of another incident's timeline: each incident's day is its own.
    const sameDay = previous !== null && !item.ownDate && item.dateContext === previous.item.dateContext && item.entry.incident === previous.item.entry.incident;
    if (!sameDay) shift = 0;
    let key = item.sortKey! + shift;
    let rolledOver = false;
    let readAsAfternoon = false;
    if (previous && sameDay && !newestFirst && key < previous.key) {
      // Only "1:15" after "12:40" (or "2:05" after "11:50") reads as the afternoon: a bare hour with no leading zero, just past noon.
      const hour = hourOf(item.entry.timeText);
      const previousHour = hourOf(previous.item.entry.timeText);
      const bare = item.entry.clock === '24h' && /(?:^|\D)[1-9]:\d{2}/.test(item.entry.timeText) && hour >= 1 && hour <= 6;
      const aroundNoon = previousHour === 12 || (previousHour >= 9 && previousHour <= 11);
      if (twelveHourClock && bare && aroundNoon && key + HALF_DAY >= previous.key && key + HALF_DAY - previous.key < 6 * HOUR) {
        shift += HALF_DAY;
        key += HALF_DAY;
        readAsAfternoon = true;
      } else if (NEXT_DAY.test(item.entry.text.slice(0, 80))) {
        // "10:00 AM: The following day, …": the entry says the day moved on; nothing is guessed.
        shift += DAY;
        key += DAY;
      } else if (previous.key - key > HALF_DAY) {
        shift += DAY;
        key += DAY;
        rolledOver = true;
      }
    }
    const entry = { item, key, rolledOver, readAsAfternoon };
    result.push(entry);
    previous = entry;
  }
  return { entries: result, twelveHourClock };
}

/**
 * The timeline's chronological reading, made once when the model is built
 * (see timeline-dating.ts) and read by the rules, fixes and editor features.
 */
export interface TimelineOrder {
  /** The timed entries in reading order (see orderedEntries). */
  readonly entries: readonly OrderedEntry[];
  /** Each timed entry's key on that reading, for comparing milestones and sorting the same way. */
  readonly keyOf: ReadonlyMap<TimelineItem, number>;
  /** Every time says am/pm or has an hour from 1 to 12: the clock may be a 12-hour one written without am/pm. */
  readonly twelveHourClock: boolean;
}

/** What orderedEntries reads. */
export interface ReadOrder {
  entries: OrderedEntry[];
  twelveHourClock: boolean;
}

/** The timeline and its order with some entries made anew: each takes the place of the one it replaces. */
export function replaceEntries(timeline: TimelineItem[], order: TimelineOrder, replaced: ReadonlyMap<TimelineItem, TimelineItem>): { timeline: TimelineItem[]; order: TimelineOrder } {
  if (replaced.size === 0) return { timeline, order };
  const entries = order.entries.map((entry) => {
    const item = replaced.get(entry.item);
    return item ? { ...entry, item } : entry;
  });
  return { timeline: timeline.map((item) => replaced.get(item) ?? item), order: timelineOrder({ entries, twelveHourClock: order.twelveHourClock }) };
}

/** The order of a timeline read already, with its keys by entry. */
export function timelineOrder(read: ReadOrder): TimelineOrder {
  return { entries: read.entries, keyOf: new Map(read.entries.map((entry) => [entry.item, entry.key])), twelveHourClock: read.twelveHourClock };
}
