import type { LineIndex } from './positions.js';
import type { Metric } from './schema.js';
import { findDurations } from '../time/durations.js';
import { findProseDurations } from './duration-phrases.js';
import { allMatches } from '../time/all-matches.js';

// What an impact statement counts. A quantity needs a unit to be a metric: a
// bare "2" or a time of day is not one.
export const COUNTED_NOUNS =
  'users?|customers?|partners?|vendors?|requests?|errors?|failures?|orders?|accounts?|transactions?|calls?|queries|jobs?|messages?|emails?|notifications?|payments?|sessions?|tenants?|sites?|websites?|devices?|tickets?|pages?|events?|builds?|deploy(?:ment)?s?|merchants?|clients?|subscribers?|visitors?|records?|rows?|files?|regions?|clusters?|hosts?|servers?|nodes?|pods?|services?|projects?|repositories|repos?|organi[sz]ations?|teams?|members?|players?|drivers?|riders?|downloads?|uploads?|logins?|sign-?ups?|checkouts?|carts?|bookings?|reservations?|shipments?|packages?|instances?|databases?|endpoints?|apis?|responses?|timeouts?|exceptions?|alerts?|pageviews?|impressions?|installs?|invoices?';
const MULTIPLIER = '(?:k|K|M|B|bn|thousand|million|billion|hundred)';

// A number starts where none goes on: not after "1," or ",,", or every comma
// of "1,1,1,…" would start a scan to the end of the run (quadratic).
// `digit`: every match holds a digit, so a statement without one need not be scanned.
const PATTERNS: ReadonlyArray<{ unit: string; pattern: RegExp; digit?: true }> = [
  { unit: '%', pattern: /(?<![\w.])(\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b)/gi, digit: true },
  { unit: 'money', pattern: new RegExp(`(?:[$€£¥]\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s?${MULTIPLIER}?|(?<![\\w.]|[\\d,],)(\\d[\\d,]*(?:\\.\\d+)?)\\s?${MULTIPLIER}?\\s?(?:USD|EUR|GBP|dollars|euros)\\b)`, 'g'), digit: true },
  { unit: 'rate', pattern: /(?<![\w.]|[\d,],)(\d[\d,]*(?:\.\d+)?)\s?(?:[a-z]+\s)?(?:\/|per)\s?(?:s|sec|second|min|minute|h|hr|hour|day)\b/gi, digit: true },
  { unit: 'ratio', pattern: /(?<![\w.]|[\d,],)(\d[\d,]*)\s+(?:of|out of)\s+(?:the\s+)?(?:\d[\d,]*)\b/gi, digit: true },
  // "HTTP 503 errors" names a status code, not a count of errors.
  { unit: 'count', pattern: new RegExp(`(?<![\\w.:/-]|[\\d,],)(?<!\\b(?:HTTP|status|code|error|Error|http)\\s)(\\d[\\d,]*(?:\\.\\d+)?)\\s?${MULTIPLIER}?\\+?\\s+(?:[A-Za-z-]+\\s+){0,2}?(${COUNTED_NOUNS})\\b`, 'gi'), digit: true },
  // Any counted noun: "412 samples", "80 builds stuck", "3 storefronts". Not units, versions or years.
  { unit: 'count', pattern: /(?<![\w.:/#-]|[\d,],)(?<!\b(?:HTTP|status|code|error|Error|http|version|v)\s)(?!(?:19|20)\d\d\b)(\d[\d,]*(?:\.\d+)?)\s?(?:k|K|M|thousand|million)?\+?\s+(?:[a-z-]+\s+)?([a-z]{3,}(?:s|ies|es))\b(?<!\b(?:seconds|minutes|hours|days|weeks|months|years|times|bytes|mins|hrs|secs|ms|percent|cents|dollars|euros|versions|releases|steps|points|items|lines|bits|yes|was|has|is|this|its|us|as|gas|less|across|process|access|success|address|status|always|unless|sometimes|perhaps))/g, digit: true },
  // "all users", "every customer", "the entire site": the whole, which is a quantity too.
  { unit: '%', pattern: new RegExp(`\\b(?:all|every|100%\\s+of)\\s+(?:of\\s+)?(?:the\\s+|our\\s+|its\\s+)?(?:[a-z-]+\\s+)?(?:${COUNTED_NOUNS})\\b`, 'gi') },
  // "All branches and the head office", "none of our stores": the whole of anything counted, named or not.
  { unit: '%', pattern: /\b(?:all|none of)\s+(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?(?:[a-z-]+\s+)?[a-z]{3,}(?:s|es)\b(?<!\b(?:times|changes|kinds|sorts|types|ways|things|efforts|hands|was|has|is|this|its|us|as|gas|less|across|process|access|success|address|status|always|unless|perhaps|sometimes))/gi },
  // "complete downtime", "the entire site", "fully unavailable": the whole service (not "complete unavailability for 75% of users").
  { unit: '%', pattern: /\b(?:complete|completely|total|totally|full|fully|entire|entirely|whole)\s+(?:(?:service|site|website|platform|system|application|app|api|network)\s+)?(?:outage|downtime|unavailability|blackout|shutdown|down|unavailable|inaccessible|offline|unreachable|unusable|site|website|service|platform|application|app|api|system|user ?base|customer ?base)\b(?![^.;\n\d]{0,40}\d)/gi },
];

// Counts and shares in words: "six regions", "hundreds of users", "half of our customers".
const WORD_COUNTS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, 'a dozen': 12, 'a hundred': 100,
  'dozens of': 24, 'hundreds of': 200, 'thousands of': 2000, 'millions of': 2_000_000,
};
// The leading \\b adds nothing (every word starts with a letter) but lets the scan skip ahead before the look-behind.
const WORD_COUNT = new RegExp(`\\b(?<![\\w-])(${Object.keys(WORD_COUNTS).join('|')})\\s+(?:[a-z-]+\\s+)?(${COUNTED_NOUNS})\\b`, 'gi');
const FRACTIONS: Record<string, number> = { half: 50, 'a third': 33, 'one third': 33, 'a quarter': 25, 'one quarter': 25, 'two thirds': 67, 'three quarters': 75 };
// Every fraction names a half, a third or a quarter: most statements name none, and this test is cheaper than the scan.
const FRACTION_WORD = /half|third|quarter/i;
const FRACTION = new RegExp(`\\b(${Object.keys(FRACTIONS).join('|')})\\s+(?:of\\s+)?(?:the\\s+|our\\s+|all\\s+|its\\s+)?(?:[a-z-]+\\s+)?(?:${COUNTED_NOUNS})\\b`, 'gi');

/** Spans [start, end) that do not overlap, sorted: whether a new one touches any, by binary search. */
class CoveredSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** The first span that ends after `at` (spans are apart, so their ends are sorted too). */
  private firstEndingAfter(at: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid]! > at) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  overlaps(start: number, end: number): boolean {
    if (start >= end) return false;
    const index = this.firstEndingAfter(start);
    return index < this.starts.length && this.starts[index]! < end;
  }

  /** Adds a span that overlaps none. */
  add(start: number, end: number): void {
    if (start >= end) return;
    const index = this.firstEndingAfter(start);
    this.starts.splice(index, 0, start);
    this.ends.splice(index, 0, end);
  }
}

/** Quantities in an impact statement: percentages, counts, money, rates and durations. */
export function extractMetrics(text: string, offset: number, lines: LineIndex): Metric[] {
  const metrics: Metric[] = [];
  // The spans metrics cover, sorted and apart: checking a match against every metric so far is quadratic in
  // their number, and a mask per statement (a typed array) costs more to make than most statements take to read.
  const taken = new CoveredSpans();
  const add = (value: number, unit: string, counts: string | null, start: number, end: number): void => {
    if (taken.overlaps(start, end) || !Number.isFinite(value)) return;
    taken.add(start, end);
    metrics.push({ value, unit, counts, text: text.slice(start, end), range: lines.range(offset + start, offset + end) });
  };
  const digits = /\d/.test(text);
  for (const { unit, pattern, digit } of PATTERNS) {
    if (digit && !digits) continue;
    // A plain loop, not allMatches: these patterns are this function's own and never match empty, and a
    // generator per pattern per statement costs more than the scan of most statements.
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      // "all users" counts as the whole: 100%.
      const number = match[1] === undefined && match[2] === undefined ? '100' : (match[1] ?? match[2] ?? '').replace(/,(?=\d{3}\b)/g, '').replace(',', '.');
      const counts = unit === 'count' ? (match[2] ?? '').toLowerCase() : null;
      add(Number(number), unit, counts, match.index, match.index + match[0].length);
    }
    pattern.lastIndex = 0;
  }
  for (const match of allMatches(text, WORD_COUNT)) {
    add(WORD_COUNTS[match[1]!.toLowerCase()] ?? Number.NaN, 'count', match[2]!.toLowerCase(), match.index, match.index + match[0].length);
  }
  for (const match of FRACTION_WORD.test(text) ? allMatches(text, FRACTION) : []) {
    add(FRACTIONS[match[1]!.toLowerCase()] ?? Number.NaN, '%', null, match.index, match.index + match[0].length);
  }
  // A compact duration ("2h", "PT5M") has digits too.
  for (const duration of digits ? findDurations(text) : []) {
    add(duration.minutes, 'minutes', 'duration', duration.start, duration.end);
  }
  // "for at least five hours", "six days out of service": durations in words count too.
  for (const duration of findProseDurations(text)) {
    if (duration.minutes >= 1) add(duration.minutes, 'minutes', 'duration', duration.start, duration.end);
  }
  return metrics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
