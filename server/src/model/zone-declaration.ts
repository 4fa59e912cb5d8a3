import { resolveZoneName, zoneFromName, zoneFromTypo } from '../time/zones.js';
import { allMatches } from '../time/all-matches.js';

// "All times in UTC", "*all times UTC*", "(all times are US/Pacific)",
// "Times are in PST", "Time zone: Europe/Berlin", "## Timeline (UTC)",
// "Timeline (all times EST)", a "Time (UTC)", "Time in CEST" or "Date and
// time in JST" column, "All times are Eastern Time (ET)".
// A zone word, with "UTC−05:00" written with U+2212 too.
const ZONE_WORD = '\\(?([A-Za-z][\\w/+:\\-\u2212]*)';
const DECLARATIONS = [
  new RegExp(`\\ball (?:the )?times?(?: (?:are|shown|listed|given|below|above|here|mentioned))*(?: (?:in|as|on))?\\s+${ZONE_WORD}`, 'gi'),
  new RegExp(`\\btimes?(?: ?stamps?)?(?: (?:below|above|here|listed|shown|given))? (?:are |is )?(?:in |given in |shown in |listed in )${ZONE_WORD}`, 'gi'),
  new RegExp(`\\btimes?(?: (?:below|above|here|listed|shown|given))? (?:are|is) (?:in |given in |shown in )?${ZONE_WORD}`, 'gi'),
  new RegExp(`\\btime ?zone\\s*(?:[:=]|is|used)\\s*${ZONE_WORD}`, 'gi'),
  new RegExp(`^[ \\t]*(?:#{1,6}[ \\t]*)?[*_]*timeline[*_]*[^\\n(]{0,40}\\([ \\t]*(?:in[ \\t]+)?${ZONE_WORD}`, 'gim'),
  // "## Timeline (March 3–4, 2024, UTC)": the zone closes the parenthesis.
  new RegExp(`^[ \\t]*(?:#{1,6}[ \\t]*)?[*_]*timeline[^\\n(]{0,40}\\([^)\\n]{0,40}?[\\s,;]${ZONE_WORD}\\)`, 'gim'),
  new RegExp(`\\|\\s*(?:date\\s+(?:and|&)\\s+)?time(?:stamp)?s?\\s*(?:\\(|in\\s+|,\\s*)${ZONE_WORD}\\)?[^|\\n]{0,20}\\|`, 'gi'),
];
// Tried matches per pattern: prose says "time" often; the declaration is near the timeline, not in the 500th sentence.
const TRIES = 20;

/** The word without the colons and parentheses that close it ("UTC):" → "UTC"); a loop, as a `[:)]+$` pattern retries from every colon. */
function trimClosers(word: string): string {
  let end = word.length;
  while (end > 0 && (word[end - 1] === ':' || word[end - 1] === ')')) end--;
  return word.slice(0, end);
}

/** The zone a word (and the words after it) names: an abbreviation, a zone id, a name in words, or an obvious typo of one. */
function zoneAt(text: string, at: number, word: string): string | null {
  return zoneFromName(text.slice(at, at + 60))?.zone ?? resolveZoneName(trimClosers(word)) ?? zoneFromTypo(word);
}

// Every declaration holds "time" (any case). Tried only where one can start around a "time" the
// text holds, the patterns find the same matches as scanned over the whole text, at a fraction of the cost.
const ANCHORED = DECLARATIONS.map((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y'));
const TABLE_DECLARATION = DECLARATIONS.length - 1;

const isWordCode = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isLineBreak = (code: number): boolean => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/**
 * Where each declaration pattern can start, in order: "all (the )?time" four or eight
 * characters before a "time"; "\btime…" at one; "timeline" at its line's start. Null
 * when lower-casing changes the text's length (a case-blind match could then sit elsewhere).
 */
function declarationStarts(text: string): number[][] | null {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  const starts: number[][] = DECLARATIONS.map(() => []);
  const add = (index: number, at: number): void => {
    const list = starts[index]!;
    if (at >= 0 && list[list.length - 1] !== at) list.push(at);
  };
  for (let at = lower.indexOf('time'); at >= 0; at = lower.indexOf('time', at + 1)) {
    if (lower.startsWith('all the ', at - 8)) add(0, at - 8);
    if (lower.startsWith('all ', at - 4)) add(0, at - 4);
    if (at === 0 || !isWordCode(text.charCodeAt(at - 1))) {
      add(1, at);
      add(2, at);
      add(3, at);
    }
    if (lower.startsWith('timeline', at)) {
      let lineStart = at;
      while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
      add(4, lineStart);
      add(5, lineStart);
    }
  }
  // "all the time" eight characters back may come after a "time" four characters back.
  starts[0] = [...new Set(starts[0])].sort((a, b) => a - b);
  return starts;
}

/** The matches of a sticky pattern at the given starts, as allMatches finds them with its global twin. */
function* matchesAt(text: string, pattern: RegExp, starts: readonly number[]): Generator<RegExpExecArray, void, undefined> {
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    pattern.lastIndex = 0;
    if (match === null) continue;
    from = start + match[0].length;
    yield match;
  }
}

/** The zone a document declares for its times, resolved to a zone name, and the abbreviation as written. */
export function declaredZone(text: string): { zone: string; offset: number; written: string } | null {
  let best: { zone: string; offset: number; written: string } | null = null;
  const starts = declarationStarts(text);
  for (const [index, pattern] of DECLARATIONS.entries()) {
    let tries = 0;
    // The table-column form starts at a "|", any spaces before its "time": scanned whole, when the text has a "|".
    if (index === TABLE_DECLARATION && starts !== null && !text.includes('|')) continue;
    const matches = starts === null || index === TABLE_DECLARATION ? allMatches(text, pattern) : matchesAt(text, ANCHORED[index]!, starts[index]!);
    for (const match of matches) {
      if (++tries > TRIES || (best && match.index >= best.offset)) break;
      const word = match[1]!;
      const at = match.index + match[0].length - word.length;
      const zone = zoneAt(text, at, word);
      if (zone) {
        best = { zone, offset: match.index, written: trimClosers(word) };
        break;
      }
    }
  }
  return best;
}

// What tells India, Israel and Irish Standard Time apart: places, and offsets written beside IST.
const IST_EVIDENCE: ReadonlyArray<readonly [string, RegExp]> = [
  ['Asia/Kolkata', /\b(?:India|Indian|Bengaluru|Bangalore|Mumbai|Delhi|Hyderabad|Chennai|Pune|Kolkata|Noida|Gurgaon)\b|(?:UTC|GMT)\s?\+\s?0?5:?30/],
  ['Asia/Jerusalem', /\b(?:Israel|Israeli|Tel Aviv|Jerusalem|Haifa)\b|(?:UTC|GMT)\s?\+\s?0?[23](?![\d:])/],
  ['Europe/Dublin', /\b(?:Ireland|Irish|Dublin|Cork)\b/],
];

export interface ZoneAliases {
  /** Abbreviations read otherwise than by default, e.g. { IST: "Europe/Dublin" }. */
  aliases: Record<string, string> | null;
  /** The document writes IST and nothing in it says which IST. */
  ambiguousIst: boolean;
}

/** How this document means the abbreviations that name more than one zone. */
export function zoneAliases(text: string): ZoneAliases {
  if (!/\bIST\b/.test(text)) return { aliases: null, ambiguousIst: false };
  const candidates = IST_EVIDENCE.filter(([, pattern]) => pattern.test(text));
  if (candidates.length !== 1) return { aliases: null, ambiguousIst: true };
  return { aliases: { IST: candidates[0]![0] }, ambiguousIst: false };
}
