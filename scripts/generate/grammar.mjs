// syntaxes/postmortem.injection.tmLanguage.json (npm run grammar; --check compares
// and writes nothing). The grammar is one large regular expression on purpose:
// separate patterns made table rows quadratic to tokenize (see syntaxes/README.md).
// Edit the pieces here, then regenerate and run the grammar tests
// (test/unit/grammar.test.ts). Oniguruma syntax, not JavaScript's: possessive
// quantifiers (++, *+) and (?i:...) are fine here.
//
// The zone abbreviations come from the engine (time/zones.ts, as built by
// tsc -b), so the grammar colours exactly the zones the linter reads; month and
// weekday names are checked against the engine's timestamp reader below.
import { ABBREVIATIONS as ZONE_ABBREVIATIONS } from '../../out/server/src/time/zones.js';
import { readTimestamps } from '../../out/server/src/time/timestamps.js';
import { emit, isMain } from './emit.mjs';

const raw = String.raw;

// ---- boundaries ------------------------------------------------------------
// "_" counts as a letter only next to a letter or digit, so "_5 minutes_"
// (Markdown italics) works while "ttl_30s" does not.
const NOT_AFTER_WORD = raw`(?<![A-Za-z0-9]|[A-Za-z0-9]_)`;
// Not glued on the left to a word, number, version, IP, path or query string.
// A hyphen is allowed after a space or dash but not after a letter or digit.
const B = raw`(?<![A-Za-z0-9.,:/=#@$%&\\~]|[A-Za-z0-9]_|[\w.]-)`;
// Word end that treats a lone trailing "_" as italics, not as part of the word.
const END = raw`(?![A-Za-z0-9]|_[A-Za-z0-9])`;
// Not continued by a word, a decimal or version part, a path or more clock.
const A = raw`(?![A-Za-z0-9%]|_[A-Za-z0-9]|[.,:/]\d)`;
const NUM = raw`(?:\d{1,3}(?:,\d{3})++|\d++)(?:\.\d+)?`;
const APPROX = raw`(?:~[ ]?)?`;

// ---- timestamps ------------------------------------------------------------
const MONTH_NAMES = ['Jan(?:uary)?', 'Feb(?:ruary)?', 'Mar(?:ch)?', 'Apr(?:il)?', 'May', 'June?', 'July?', 'Aug(?:ust)?', 'Sep(?:t(?:ember)?)?', 'Oct(?:ober)?', 'Nov(?:ember)?', 'Dec(?:ember)?'];
const MONTH = `(?:${MONTH_NAMES.join('|')})`;
const WEEKDAY = raw`(?:(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?[ ])`;
const DAY = raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const YEAR = raw`(?:19|20)\d{2}`;
const ISODATE = raw`(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`;
const CLOCK = raw`(?:[01]?\d|2[0-4]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?`;
const AMPM = raw`(?:[ ]?(?:[AaPp][Mm]` + END + raw`|[AaPp]\.[Mm]\.))`;
// The abbreviations the engine reads after a time (its zone token is two to
// five capitals); UTC and GMT come first with their offsets, Z stands alone.
const ZONE_WORDS = Object.keys(ZONE_ABBREVIATIONS).filter((word) => /^[A-Z]{2,5}$/.test(word) && word !== 'UTC' && word !== 'GMT');
const ZONEWORD =
  raw`(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{1,4}\d[A-Z]{3}` +
  `|${ZONE_WORDS.join('|')}` +
  raw`|(?:US|America|Europe|Asia|Australia|Africa|Pacific|Canada)/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?`;
const ZONE = `(?:Z${END}` + raw`|[+-](?:0\d|1[0-4]):?[0-5]\d(?!\d)|[ ]?(?=[A-Z])(?:` + ZONEWORD + `)${END}` + raw`|[ ]\((?:` + ZONEWORD + raw`)\))`;
const TIME = `${CLOCK}${AMPM}?${ZONE}?`;
const HOUR12 = `(?:1[0-2]|0?[1-9])${AMPM}${ZONE}?`;

const TIMESTAMP = [
  // 2026-08-18T16:27:00+00:00, 2015-10-21 15:28 UTC, 2024-04-10 09:00 AM, 2022-10-11 at 05:59 UTC, 2024-04-10, Tuesday, 2024-02-06
  `${B}${APPROX}${WEEKDAY}?${ISODATE}` + raw`(?:(?:T|[ ](?:at[ ])?)` + `${TIME})?${A}`,
  // October 11 05:59 UTC, March 14th, 2023, Mon, August 11, 2014, 17:10
  raw`(?<![A-Za-z0-9.]|[A-Za-z0-9]_)` + `${WEEKDAY}?${MONTH}` + raw`\.?[ ]` + DAY + raw`(?:,?[ ]` + YEAR + raw`)?(?:,?[ ](?:at[ ])?` + `${TIME})?${A}`,
  // 8 August 2024, 21st Oct 2015
  `${B}${DAY}[ ]${MONTH}` + raw`\.?,?[ ]` + YEAR + A,
  // 14:05 UTC, 9:37AM PST, 09:05 AM, 07:30am, 14:00Z, ~01:30, and the 8:24 of 8:20-8:24
  raw`(?:(?<=:[0-5]\d-)|` + `${B})${APPROX}${TIME}${A}`,
  // 9 AM, 10pm PST
  `${B}${APPROX}${HOUR12}${A}`,
  // T0, T+5m, T+00:30, T-1h
  raw`(?<![A-Za-z0-9_.\-+])T(?:0|[+-](?:\d{1,2}:[0-5]\d|\d+(?:\.\d+)?[dhms](?:\d+[ms])?))(?![A-Za-z0-9:]|_[A-Za-z0-9]|\.\d)`,
];

// ---- durations -------------------------------------------------------------
const DUR_UNIT =
  raw`(?:[ ]?(?=[a-z])(?:milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years?|ms|h|s)` +
  raw`|[dm])(?![A-Za-z]|_[A-Za-z0-9])`;
const DUR_PART = NUM + DUR_UNIT;
const DUR_RANGE = `${NUM}[-–]${NUM}${DUR_UNIT}`;
const DUR_SEP = raw`(?:,?[ ]and[ ]|[ ]|)`;
const SPELLED =
  '(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve' +
  '|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ff]orty(?:-five)?|[Ff]ifty|[Ss]ixty|[Nn]inety)';
const DURATION = [
  // PT2H30M, P1DT2H, P2W
  raw`(?<![A-Za-z0-9_.\-])P(?:(?:\d+(?:\.\d+)?[YMWD])+(?:T(?:\d+(?:\.\d+)?[HMS])+)?|T(?:\d+(?:\.\d+)?[HMS])+)(?![A-Za-z0-9.\-]|_[A-Za-z0-9])`,
  // 2h 30m, 2h30m, 66 minutes, 40min, 2 hours and 28 minutes, ~48 hours, 300 s, 20-40 s, 2,865 minutes; not 429s or 500s
  `${B}(?![45]\\d\\ds${END})${APPROX}(?:${DUR_RANGE}|${DUR_PART}(?:${DUR_SEP}${DUR_PART})*)${A}`,
  // a 6-second partition, a 30-minute canary; not a 24-hour clock
  `${B}${NUM}` + raw`-(?:millisecond|second|minute|hour|day|week|month|year)(?![A-Za-z0-9\-]|_[A-Za-z0-9])(?![ ](?:clock|format|times?` + `${END}))`,
  // forty minutes, two hours
  raw`(?<![A-Za-z0-9\-]|[A-Za-z0-9]_)` + `${SPELLED}[ ](?:seconds?|minutes?|hours?|days?|weeks?)${END}`,
];

// ---- severities, tickets, owners -------------------------------------------
const SEVERITY = [
  raw`(?<![A-Za-z0-9.\-]|[A-Za-z0-9]_)(?:(?:SEV|Sev|sev)[- ]?[0-5]|P[0-4]|[Ss]everity[ ][0-5])(?![A-Za-z0-9\-]|_[A-Za-z0-9]|\.\d)`,
];
const TICKET = [
  // ABC-123, HOT-8812, BILL-INC-77; not SEV-1, UTF-8, ISO-8601, UTC-5, GPT-4, X-1 ...
  raw`(?<![A-Za-z0-9\-./#@]|[A-Za-z0-9]_)(?!(?:SEV|UTF|UTC|GMT|ISO|RFC|TLS|SSL|HTTPS?|IPV|SHA|MD|AES|PCI|SOC|COVID|GPT|ARM|X86|WIN|CVE|PT|ET|CT|MT|[PXQHT])-\d)` +
    raw`[A-Z][A-Z0-9]{1,9}(?:-[A-Z][A-Z0-9]{0,9})*+-\d+(?![A-Za-z0-9\-]|_[A-Za-z0-9]|\.\d)`,
  // #123 (a heading's # is followed by a space, so never this)
  raw`(?<![A-Za-z0-9#&/\\]|[A-Za-z0-9]_)#\d+(?![A-Za-z0-9\-]|_[A-Za-z0-9]|\.\d)`,
  // Bug 5554823, b/123456
  raw`(?<![A-Za-z0-9\-./]|[A-Za-z0-9]_)(?:[Bb]ug[ ]#?|b/)\d{3,}(?![A-Za-z0-9\-]|_[A-Za-z0-9]|\.\d)`,
];
const OWNER = [
  // @handle, @igor.b, @dev-oncall, @org/team; not the @ of an e-mail address
  raw`(?<![A-Za-z0-9.@/+\-\\]|[A-Za-z0-9]_)@[A-Za-z0-9](?:[\w.\-]*(?<=[A-Za-z0-9]))?(?:/[A-Za-z0-9](?:[\w\-]*(?<=[A-Za-z0-9]))?)?(?![A-Za-z0-9@]|_[A-Za-z0-9])`,
];

// ---- metrics ---------------------------------------------------------------
const NOUNS =
  '(?i:users?|customers?|accounts?|tenants?|organi[sz]ations?|orgs?|teams?|members?|merchants?|partners?|vendors?' +
  '|visitors?|subscribers?|recipients?|people|persons?|employees?|players?|drivers?|riders?|devices?|clients?' +
  '|requests?|quer(?:y|ies)|calls?|errors?|failures?|timeouts?|exceptions?|retries|responses?|lookups?|writes?|reads?' +
  '|transactions?|payments?|charges?|refunds?|orders?|checkouts?|purchases?|carts?|invoices?|bookings?|reservations?|shipments?' +
  '|tickets?|cases?|contacts?|complaints?|reports?|emails?|messages?|notifications?|webhooks?|events?|alerts?|pages?' +
  '|page[ ]?views?|pageviews?|views?|impressions?|sessions?|logins?|sign-?ins?|sign-?ups?|attempts?|edits?|saves?' +
  '|imports?|exports?|confirmations?|jobs?|tasks?|builds?|deploy(?:ment)?s?|pipelines?|downloads?|uploads?|pulls?|pushes|installs?' +
  '|files?|objects?|records?|rows?|items?|entries|documents?|images?|assets?|products?|packages?|projects?|repositor(?:y|ies)|repos?' +
  '|services?|apis?|endpoints?|hosts?|servers?|nodes?|pods?|containers?|instances?|machines?|vms?|clusters?|regions?|zones?' +
  '|databases?|connections?|sites?|websites?|dashboards?|incidents?|credits?)';
const DATA_UNIT = '(?:[KMGTPE]i?B|bytes?|[KMG]bps|rps|qps|rpm|RPS|QPS|RPM|TPS|req/s)';
const SCALE = `(?:[ ]?(?:k|K|M|B|bn)${END}|[ ](?:hundred|thousand|million|billion|trillion)${END})`;
// Up to two words between a count and what it counts ("2,340 support tickets",
// "1,930 public API requests"), but no function words or common verbs, so
// "6,200 of those customers" and "23 users lost edits" stop early.
const STOPWORD =
  '(?:a|an|the|of|for|to|in|on|at|by|from|with|into|over|under|than|per|and|or|but|nor|not|no|as' +
  '|is|are|was|were|be|been|had|has|have|did|do|does|got|get|saw|see|lost|left|made|took|ran|hit|went|came' +
  '|that|this|those|these|their|its|our|your|his|her|which|who|more|less|fewer|most|about|out|up|down|all|each|every)';
const MODIFIER = `(?!${STOPWORD}${END})` + raw`[A-Za-z][\w\-]*+`;
const METRIC = [
  // $12,000, $1.2M, € 5k; 12,000 USD
  raw`(?<![A-Za-z0-9$€£¥]|[A-Za-z0-9]_)[$€£¥][ ]?` + `${NUM}${SCALE}` + raw`?(?![A-Za-z0-9%]|_[A-Za-z0-9]|[.,]\d)`,
  `${B}${NUM}${SCALE}?[ ]?(?:USD|EUR|GBP|dollars|euros)${END}`,
  // 30%, 4.7%, 0.02 %, 1-4%, 12 percent
  `${B}${APPROX}` + raw`\d++(?:[.,]\d+)?(?:[-–]\d++(?:[.,]\d+)?)?(?:[ ]?%|[ ](?:percent|per[ ]cent)` + `${END})`,
  // 2,340 support tickets, 340 million search queries, 412 GB, 5x, 1,000 requests per second;
  // not HTTP 503 errors, 429 responses
  `${B}(?<!HTTP[ ]|http[ ]|status[ ]|code[ ]|error[ ]|Error[ ])(?![1-5]\\d\\d[ ](?:responses?|errors?|status|codes?)${END})${APPROX}${NUM}${SCALE}?\\+?` +
    `(?:[ ]?${DATA_UNIT}${END}|[x×](?![A-Za-z0-9])|[ ](?=[A-Za-z])(?:${MODIFIER}[ ]){0,2}${NOUNS}${END})` +
    `(?:[ ]?(?:/|per[ ])(?:s|sec|second|min|minute|h|hr|hour|day)${END})?`,
  // 1,284,551, 61.2 million
  `${B}${APPROX}` + raw`(?:\d{1,3}(?:,\d{3})++(?:\.\d+)?` + `${SCALE}` + raw`?|\d++(?:\.\d+)?[ ](?:thousand|million|billion|trillion)` + `${END})${A}`,
];

const URL_ = ['\\b(?:(?:https?|ftp|file)://|www\\.)[^\\s<>`\\"\'()\\[\\]*]+'];
const STOPPER = '[|~]';

const order = [
  [URL_, null],
  [TIMESTAMP, 'constant.numeric.timestamp.postmortem'],
  [DURATION, 'constant.numeric.duration.postmortem'],
  [SEVERITY, 'keyword.other.severity.postmortem'],
  [TICKET, 'markup.underline.link.ticket.postmortem'],
  [OWNER, 'variable.other.owner.postmortem'],
  [METRIC, 'constant.numeric.metric.postmortem'],
];
const groups = [];
const captures = {};
order.forEach(([alternatives, scope], index) => {
  groups.push(`(${alternatives.join('|')})`);
  if (scope) captures[String(index + 1)] = { name: scope };
});
const combined = `(?:${NOT_AFTER_WORD}(?=[\\w~$€£¥@#])(?:${groups.join('|')})|(${STOPPER}))`;

/** The vocabulary above must be what the engine reads, or the colours promise what the linter does not see. */
function checkAgainstEngine() {
  const disagreements = [];
  const reads = (text, wanted) => readTimestamps(text).some((match) => match.text === wanted);
  for (const month of ['Jan', 'January', 'Feb', 'February', 'Mar', 'March', 'Apr', 'April', 'May', 'Jun', 'June', 'Jul', 'July', 'Aug', 'August', 'Sep', 'Sept', 'September', 'Oct', 'October', 'Nov', 'November', 'Dec', 'December']) {
    if (!new RegExp(`^${MONTH}$`).test(month)) disagreements.push(`the grammar's MONTH misses ${month}`);
    if (!reads(`on ${month} 11, 2024 the`, `${month} 11, 2024`)) disagreements.push(`the engine does not read "${month} 11, 2024"`);
  }
  for (const weekday of ['Mon', 'Monday', 'Tue', 'Tues', 'Tuesday', 'Wed', 'Wednesday', 'Thu', 'Thurs', 'Thursday', 'Fri', 'Friday', 'Sat', 'Saturday', 'Sun', 'Sunday']) {
    if (!reads(`on ${weekday}, 2024-04-10 the`, `${weekday}, 2024-04-10`)) disagreements.push(`the engine does not read "${weekday}, 2024-04-10"`);
  }
  for (const zone of ZONE_WORDS) {
    if (readTimestamps(`at 14:05 ${zone} the`)[0]?.zone == null) disagreements.push(`the engine reads no zone in "14:05 ${zone}"`);
  }
  if (disagreements.length > 0) throw new Error(`grammar vocabulary and engine disagree:\n  ${disagreements.join('\n  ')}`);
}

function generate() {
  checkAgainstEngine();
  const grammar = {
    name: 'Postmortem (Markdown injection)',
    scopeName: 'text.postmortem.injection',
    comment:
      "Injected into Markdown by package.json (contributes.grammars, injectTo text.html.markdown). Colours timestamps, durations, severities, ticket ids, owners and impact metrics in prose, lists, tables and headings; never in code spans, fenced or indented code, links, images, HTML comments or tags, front matter or math. syntaxes/README.md lists the scopes. There is deliberately no L: priority: Markdown's own rules (a paragraph or list item starting, a table cell) must win ties, or a line that starts with a timestamp loses its paragraph and the code spans after it. Everything is one regular expression on purpose: table cells (like headings and strikethrough) are captures that vscode-textmate tokenizes again on a copy of the line, which resets Oniguruma's per-line search cache; with separate patterns, each would rescan to the end of the line between cells, quadratic on long table rows. One expression stops at its first hit, and its last alternative (| or ~, consumed without a scope; Markdown wins ties there too) bounds each search by the next cell.",
    injectionSelector: 'text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -markup.math -meta.link -meta.image -meta.tag -meta.embedded -comment',
    patterns: [{ include: '#postmortem-tokens' }],
    repository: {
      'postmortem-tokens': {
        comment:
          'Alternatives in priority order (at one position the first that matches wins), each a capture group: (1) bare URLs, consumed without a scope so the numbers in them stay plain; (2) timestamps: 2026-08-18T16:27:00+00:00, 2015-10-21 15:28 UTC, 2024-04-10, Tuesday, 2024-02-06, October 11 05:59 UTC, March 14th, 2023, 8 August 2024, 14:05 UTC, 9:37AM PST, 09:05 AM, 07:30am, 14:00Z, 17:50 PST8PDT, 14:00 (UTC), ~01:30, 8:20-8:24, 9 PM, T0, T+5m, T+00:30; (3) durations: PT2H30M, 2h 30m, 2h30m, 66 minutes, 40min, 2 hours and 28 minutes, ~48 hours, 300 s, 20-40 s, 2,865 minutes, 6-second, forty minutes (not 429s/500s, not a 24-hour clock); (4) severities: SEV-1..SEV-5, SEV1, Sev 2, P0..P4, severity 3; (5) ticket ids: ABC-123, BILL-INC-77, #123, Bug 5554823, b/123456 (not SEV-1, UTF-8, ISO-8601, UTC-5, GPT-4 ...); (6) owners: @handle, @igor.b, @org/team (not e-mail addresses); (7) metrics: $12,000, $1.2M, 12,000 USD, 30%, 4.7%, 1-4%, 12 percent, 2,340 support tickets, 340 million search queries, 412 GB, 5x, 1,284,551, 61.2 million (not HTTP 503 errors, 429 responses); (8) | or ~, consumed without a scope. No alternative starts inside a word, number, version, IP, path or query string, or ends before more of one.',
        match: combined,
        captures,
      },
    },
  };
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

export const grammar = { file: 'syntaxes/postmortem.injection.tmLanguage.json', command: 'npm run grammar', generate };

if (isMain(import.meta.url)) await emit([grammar]);
