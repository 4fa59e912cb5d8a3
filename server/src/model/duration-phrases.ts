import { allMatches } from '../time/all-matches.js';
// Durations as people write them in prose: "2 hours and 10 minutes",
// "forty-five minutes", "2h35m", "about six hours", "three days", "an hour and
// a half". The time module reads the compact forms of fields; prose needs
// number words and hedges too.

const UNITS: Record<string, number> = {
  week: 10080, weeks: 10080,
  day: 1440, days: 1440, d: 1440,
  hour: 60, hours: 60, hr: 60, hrs: 60, h: 60,
  minute: 1, minutes: 1, min: 1, mins: 1, m: 1,
  second: 1 / 60, seconds: 1 / 60, sec: 1 / 60, secs: 1 / 60, s: 1 / 60,
};

const SMALL: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  half: 0.5, 'a couple of': 2, 'a few': 3, several: 3,
};
const VAGUE_COUNTS = new Set(['a few', 'several', 'a couple of']);

const WORD = '(?:a couple of|a few|several|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|half|an|a)';
const NUMBER = `(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:[.,]\\d+)?|${WORD}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)`;
const LONG_UNIT = '(?:weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)';
// "2h35m", "1h 5m", "90m": compact parts run together.
const COMPACT = '(?:\\d+(?:\\.\\d+)?\\s?(?:d|h|hrs?|m|min|s)(?=\\d|\\b))';
const PART = `(?:half\\s+an?\\s+hour\\b|${NUMBER}[\\s-]?${LONG_UNIT}\\b(?:\\s+and\\s+a\\s+half\\b)?|${COMPACT}(?:\\s?${COMPACT})*)`;
const HEDGE = '(?:about|approximately|approx\\.?|roughly|around|nearly|almost|over|more than|less than|under|just over|just under|at least|at most|up to|close to|some|~|≈|ca\\.?)';

/** A duration phrase: hedge, then one or more parts joined by ",", "and" or a space. */
export const DURATION_PHRASE = new RegExp(`(?<![\\w.])(?:(${HEDGE})\\s*)?(${PART}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s+)${PART})*)(?![\\w])`, 'gi');

export interface ProseDuration {
  minutes: number;
  start: number;
  end: number;
  text: string;
  /** A hedge ("about", "roughly", "~") or a vague count ("a few hours"): the figure has tolerance. */
  approximate: boolean;
  /** "at least", "over", "more than": only a lower bound. */
  lowerBound: boolean;
  /** "up to", "less than", "under", "within": only an upper bound. */
  upperBound: boolean;
}

function numberValue(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  // "2,865 minutes" has a thousands separator; "1,5 hours" a decimal comma.
  const clean = /^\d{1,3}(?:,\d{3})+$/.test(trimmed) ? trimmed.replace(/,/g, '') : trimmed.replace(',', '.');
  if (/^\d/.test(clean)) return Number(clean);
  if (clean in SMALL) return SMALL[clean]!;
  const [tens, ones] = clean.split(/[- ]/);
  if (tens && ones && tens in SMALL && ones in SMALL) return SMALL[tens]! + SMALL[ones]!;
  return null;
}

// A number starts where no digit stands before it: from inside a run of digits every start would rescan it (quadratic).
const PART_READER = new RegExp(`(?<![\\d.,])(?:(${NUMBER})[\\s-]?(${LONG_UNIT})\\b(\\s+and\\s+a\\s+half\\b)?|(\\d+(?:\\.\\d+)?)\\s?(d|h|hrs?|m|min|s)(?=\\d|\\b))`, 'gi');

/** Minutes in a phrase of parts, and whether a part was a vague count. */
function readParts(text: string): { minutes: number; vague: boolean } | null {
  let minutes = 0;
  let vague = false;
  let any = false;
  if (/^half\s+an?\s+hour$/i.test(text.trim())) return { minutes: 30, vague: false };
  for (const part of allMatches(text, PART_READER)) {
    const count = part[1] ?? part[4]!;
    const unit = (part[2] ?? part[5]!).toLowerCase();
    const value = numberValue(count);
    const perUnit = UNITS[unit];
    if (value === null || perUnit === undefined) return null;
    if (VAGUE_COUNTS.has(count.toLowerCase())) vague = true;
    minutes += (value + (part[3] ? 0.5 : 0)) * perUnit;
    any = true;
  }
  return any ? { minutes, vague } : null;
}

// Every phrase DURATION_PHRASE reads holds a unit word or a compact part ("2h", "5 m"): most prose
// blocks hold neither, and this test is far cheaper than the phrase pattern's scan from every word.
const MAY_HOLD_DURATION = /\d\s?[dhms]|week|day|hour|hr|min|sec/i;

/** Every duration phrase in a text, with its length in minutes. */
export function findProseDurations(text: string): ProseDuration[] {
  const found: ProseDuration[] = [];
  if (!MAY_HOLD_DURATION.test(text)) return found;
  for (const match of allMatches(text, DURATION_PHRASE)) {
    const hedge = (match[1] ?? '').toLowerCase();
    const body = match[2]!;
    // "5 m" or "a m" alone is too thin to be a duration.
    if (/^\S+\s+[msh]$/i.test(body.trim())) continue;
    // "a day" or "one hour" without a hedge is a duration; "a" and "an" alone before a unit are fine too.
    const parts = readParts(body);
    if (!parts) continue;
    found.push({
      minutes: parts.minutes,
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
      approximate: hedge !== '' || parts.vague,
      lowerBound: /^(?:over|more than|at least|just over)$/.test(hedge),
      upperBound: /^(?:up to|less than|under|at most|just under)$/.test(hedge),
    });
  }
  return found;
}
