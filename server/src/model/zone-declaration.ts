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
  // The two "Timeline (…)" patterns hold only at a line's start: see timelineMatches.
  new RegExp(`^[ \\t]*(?:#{1,6}[ \\t]*)?[*_]*timeline[*_]*[^\\n(]{0,40}\\([ \\t]*(?:in[ \\t]+)?${ZONE_WORD}`, 'imy'),
  // "## Timeline (March 3–4, 2024, UTC)": the zone closes the parenthesis.
  new RegExp(`^[ \\t]*(?:#{1,6}[ \\t]*)?[*_]*timeline[^\\n(]{0,40}\\([^)\\n]{0,40}?[\\s,;]${ZONE_WORD}\\)`, 'imy'),
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

const TIMELINE_WORD = /timeline/gi;

function isLineTerminator(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/**
 * The matches, in order and without overlaps, that a global multiline scan of a
 * sticky pattern of the form `^[ \t]*(?:#{1,6}[ \t]*)?[*_]*timeline…` finds. Such a
 * match starts at a line's start with only spaces, tabs, "#", "*" and "_" before
 * its "timeline"; the scan from every position cost several times the other
 * patterns together, so each "timeline" leads back to its line's start instead.
 */
function* timelineMatches(text: string, sticky: RegExp): Generator<RegExpExecArray, void, undefined> {
  let from = 0;
  TIMELINE_WORD.lastIndex = 0;
  for (let word = TIMELINE_WORD.exec(text); word !== null; word = TIMELINE_WORD.exec(text)) {
    let start = word.index;
    while (start > 0 && ' \t#*_'.includes(text[start - 1]!)) start--;
    if (start < from || (start > 0 && !isLineTerminator(text.charCodeAt(start - 1)))) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    sticky.lastIndex = 0;
    if (match === null) continue;
    from = start + match[0].length;
    const resume = TIMELINE_WORD.lastIndex;
    yield match;
    TIMELINE_WORD.lastIndex = Math.max(resume, from);
  }
  TIMELINE_WORD.lastIndex = 0;
}

/** The zone a document declares for its times, resolved to a zone name, and the abbreviation as written. */
export function declaredZone(text: string): { zone: string; offset: number; written: string } | null {
  let best: { zone: string; offset: number; written: string } | null = null;
  for (const pattern of DECLARATIONS) {
    let tries = 0;
    for (const match of pattern.sticky ? timelineMatches(text, pattern) : allMatches(text, pattern)) {
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
