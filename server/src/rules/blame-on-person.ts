// Where a text puts the cause of an incident on a person, read by meaning
// rather than by one word: "caused by … a new intern", "the problem was the
// junior engineer added …", "a junior developer mistakenly saved …", "do not let
// the junior engineers deploy". A person who only appears in the story ("the
// intern restarted Nginx", "the junior engineer detected the outage") is not
// blamed. Pure: text in, spans out.

import { allMatches } from '../time/all-matches.js';

/** Someone singled out by inexperience: the genre's intern, junior, trainee or new hire. */
const NOVICE =
  /\b(?:junior (?:[a-z-]+ )?(?:engineers?|developers?|devs?|admins?|sysadmins?|employees?|members?|staff|operators?)|inexperienced (?:[a-z-]+ )?(?:engineers?|developers?|devs?|admins?|employees?|members?|staff|colleagues?|operators?)|new (?:engineers?|developers?|employees?|team members?|admins?|joiners?|colleagues?|operators?)|interns?|trainees?|newbies?|rookies?|new hires?|apprentices?|juniors?)\b/gi;
// Each of those holds one of these words: a cheap test that most blocks fail.
export const ANY_NOVICE = /junior|inexperienced|new |intern|trainee|newbie|rookie|apprentice/i;

// The cause named before the person, in the same sentence: "caused by the deletion of the database by a new intern".
const CAUSE_BEFORE = /\b(?:caused by|due to|because of|the (?:root )?cause (?:was|is)|the (?:problem|issue|culprit|mistake|error) (?:was|is)|(?:fault|mistake|error) (?:of|by)|blamed? on)\b/i;
// What the person did wrong, just after them: "mistakenly saved", "added an extra letter", "deleted the whole database".
const MISTAKE_AFTER =
  /^(?:\s+(?:on duty|on call|on-call|in charge|(?:who|that) [a-z'’ ]{0,40}?))?\s+(?:(?:mistakenly|accidentally|inadvertently|carelessly|wrongly|incorrectly|erroneously|unknowingly|unintentionally|by mistake)\b|(?:made|introduced|committed|caused|pushed|typed|added|deleted|dropped|removed|broke|misspelled|mistyped|misconfigured|forgot|overwrote|saved|ran|executed|wiped|truncated|renamed|edited|changed|modified)\b[^.;!?\n]{0,80}?\b(?:mistakes?|typos?|errors?|wrong|extra|incorrect|invalid|letters?|characters?|outage|failure|bug|whole|entire|production|by accident)\b)/i;
// Work taken away from the person as the fix: "do not let the junior engineers deploy", "only the senior may".
const RESTRICT_BEFORE = /\b(?:do not|don['’]t|never|no longer|not)\s+(?:let|allow|permit)\s+(?:the\s+|any\s+|our\s+|them\s+)?$/i;
const TAKE_AWAY_BEFORE = /\b(?:away from|out of the hands of|(?:take|remove|revoke)\s+(?:[a-z]+\s+){0,4}?(?:from|off))\s+(?:the\s+|any\s+|our\s+|all\s+)?$/i;

const SENTENCE_END = /[.!?;\n\r]/;

/** Spans [from, to) of the people a text blames, one per sentence: as the cause, or as whom the fix restricts. */
export function blamedPeople(text: string): Array<readonly [from: number, to: number, how: 'cause' | 'restricted']> {
  const found: Array<readonly [number, number, 'cause' | 'restricted']> = [];
  // Most blocks name no novice: one test says so without setting up the scan.
  if (!ANY_NOVICE.test(text)) return found;
  let lastSentence = -1;
  for (const match of allMatches(text, NOVICE)) {
    const from = match.index;
    const to = from + match[0].length;
    const sentenceStart = lastIndexOfSentenceEnd(text, from) + 1;
    if (sentenceStart === lastSentence) continue;
    const before = text.slice(Math.max(sentenceStart, from - 160), from);
    const after = text.slice(to, to + 160);
    const restricted = RESTRICT_BEFORE.test(before) || TAKE_AWAY_BEFORE.test(before);
    if (!restricted && !CAUSE_BEFORE.test(before) && !MISTAKE_AFTER.test(after)) continue;
    found.push([from, to, restricted ? 'restricted' : 'cause']);
    lastSentence = sentenceStart;
  }
  return found;
}

function lastIndexOfSentenceEnd(text: string, before: number): number {
  for (let i = before - 1; i >= 0 && i >= before - 400; i--) {
    if (SENTENCE_END.test(text[i]!) && (text[i] !== '.' || /\s/.test(text[i + 1] ?? ' '))) return i;
  }
  return Math.max(-1, before - 401);
}

/**
 * Whether the words at [from, to) are one item of an enumeration of causes in
 * general ("bugs, traffic spikes, hardware failures, human error…"): a list of
 * kinds, not a statement about this incident.
 */
export function inEnumeration(text: string, from: number, to: number): boolean {
  let start = from;
  while (start > 0 && from - start < 300 && !/[.:;!?…\n\r]/.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && end - to < 300 && !/[.;!?…\n\r]/.test(text[end]!)) end++;
  const items = text.slice(start, end).split(',').map((item) => item.trim().replace(/^(?:and|or)\s+/i, '').replace(/(?<!\s)\s+(?:etc|and so on)$/i, ''));
  if (items.length < 3 || items.some((item) => item.split(/\s+/).length > 4)) return false;
  const own = text.slice(from, to).toLowerCase();
  return items.some((item) => item.toLowerCase() === own);
}
