// Times of day as people type them in a stated window, rewritten into the
// forms the timestamp reader knows: "0300hrs" → "03:00", "14h34" → "14:34",
// "12: 48pm" → "12:48pm", "11:26-am-GMT" → "11:26 am GMT", "0900–1300 PST"
// → "09:00–13:00 PST", "midnight" → "12:00 AM", "noon" → "12:00 PM",
// "GMT +1" → "GMT+1". Only for reading a stated start and end: a timeline
// line such as "1030 - curl" stays as it is written.

import { ZONE_TOKEN_SOURCE } from './zones.js';
import { allMatches } from './all-matches.js';

export interface RewrittenTimes {
  text: string;
  /** The offset in the original text of an offset in the rewritten one. */
  original: (offset: number) => number;
}

const HOUR24 = '(?:[01]\\d|2[0-3])';
// Each rewrite with what its matches hold, found cheaply: most statements hold a year (four digits)
// and none of the rest, and the patterns that open with a look-behind are costly to scan for nothing.
const REWRITES: Array<[RegExp, (match: RegExpMatchArray) => string, RegExp | null]> = [
  // "0900–1300 PST": four-digit times joined by a dash, with a zone after (so "2018-2019" stays years).
  [new RegExp(`(?<![A-Za-z0-9.:/-])(${HOUR24})([0-5]\\d)\\s*([–—-]|to|until)\\s*(${HOUR24})([0-5]\\d)(?=\\s*\\(?${ZONE_TOKEN_SOURCE})`, 'g'), (m) => `${m[1]}:${m[2]}${m[3]!.length > 1 ? ` ${m[3]} ` : m[3]}${m[4]}:${m[5]}`, /\d{4}/],
  // "0300hrs", "1400h": military time glued to its unit.
  [new RegExp(`(?<![A-Za-z0-9.:/-])(${HOUR24})([0-5]\\d)(?:hrs?|h)(?![\\w])`, 'g'), (m) => `${m[1]}:${m[2]}`, /\dh/],
  // "14h34": a French-style time with a two-digit hour (so "2h30" stays a duration).
  [new RegExp(`(?<![A-Za-z0-9.:/-])(${HOUR24})h([0-5]\\d)(?![\\w:])`, 'g'), (m) => `${m[1]}:${m[2]}`, /\dh\d/],
  // "12: 48pm": a stray space after the colon, only before am/pm.
  [/(?<![A-Za-z0-9.:/])(\d{1,2}):\s+([0-5]\d)\s?([AaPp]\.?[Mm]\b)/g, (m) => `${m[1]}:${m[2]}${m[3]}`, /\d:\s/],
  // "11:26-am-GMT": hyphens in place of spaces.
  [/(?<![A-Za-z0-9.:/])(\d{1,2}:[0-5]\d)-([AaPp][Mm])(?:-([A-Z]{2,5}))?(?![\w])/g, (m) => `${m[1]} ${m[2]}${m[3] ? ` ${m[3]}` : ''}`, /\d-[AaPp]/],
  [/\bmidnight\b/gi, () => '12:00 AM', null],
  [/\b(?:noon|midday)\b/gi, () => '12:00 PM', null],
  // "GMT +1", "UTC + 2": the offset written apart from its zone.
  [/\b(GMT|UTC)\s+([+\-−])\s*(\d{1,2})\b/g, (m) => `${m[1]}${m[2]}${m[3]}`, null],
];

const MAY_NEED = /\d{4}|\dh\d|\d:\s|\d-[AaPp]|midnight|noon|midday|(?:GMT|UTC)\s+[+\-−]/i;

/** The text with every such time in a readable form, and a way back to the original offsets. */
export function rewriteTimeForms(text: string): RewrittenTimes {
  if (!MAY_NEED.test(text)) return { text, original: (offset) => offset };
  // Each rewrite is applied in turn; offsets are mapped back through every step.
  const steps: Array<Array<{ at: number; from: number; to: number }>> = [];
  let current = text;
  for (const [pattern, replace, holds] of REWRITES) {
    if (holds && !holds.test(current)) continue;
    const changes: Array<{ at: number; from: number; to: number }> = [];
    let out = '';
    let last = 0;
    for (const match of allMatches(current, pattern)) {
      const replacement = replace(match);
      out += current.slice(last, match.index) + replacement;
      changes.push({ at: match.index, from: match[0].length, to: replacement.length });
      last = match.index + match[0].length;
    }
    if (changes.length === 0) continue;
    current = out + current.slice(last);
    steps.push(changes);
  }
  if (steps.length === 0) return { text, original: (offset) => offset };
  const original = (offset: number): number => {
    let at = offset;
    for (let s = steps.length - 1; s >= 0; s--) {
      // Walk the step's changes in the rewritten text: before a change the shift so far holds; inside one, its start.
      let shift = 0;
      for (const change of steps[s]!) {
        const start = change.at + shift;
        if (at < start) break;
        if (at < start + change.to) {
          at = change.at + Math.min(at - start, change.from);
          shift = Number.NaN;
          break;
        }
        shift += change.to - change.from;
      }
      if (!Number.isNaN(shift)) at -= shift;
    }
    return at;
  };
  return { text: current, original };
}
