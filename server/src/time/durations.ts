// Durations as people write them: "2h 30m", "66 minutes", "2 hours and 28
// minutes", "~48 hours", "1.5 hours", "PT2H30M".
import { allMatches } from './all-matches.js';

const UNIT_MINUTES: Record<string, number> = {
  d: 1440, day: 1440, days: 1440,
  h: 60, hr: 60, hrs: 60, hour: 60, hours: 60,
  m: 1, min: 1, mins: 1, minute: 1, minutes: 1,
  s: 1 / 60, sec: 1 / 60, secs: 1 / 60, second: 1 / 60, seconds: 1 / 60,
};

// Neither starts where an earlier start already scanned the same run (a part
// inside digits; a phrase at a space after a space where one could start):
// from every position of a long run, that is quadratic.
const PART = '(?<!\\d)(\\d+(?:\\.\\d+)?)\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\b';
const PHRASE = new RegExp(`(?<![\\w.])(?!(?<=(?<![\\w.])\\s)\\s)~?\\s*${PART}(?:(?:\\s*,\\s*|\\s+and\\s+|\\s+)${PART})*(?:(?:\\s*,\\s*|\\s+and\\s+|\\s+)${PART})?`, 'gi');
const PART_GLOBAL = new RegExp(PART, 'gi');
const ISO = /\bP(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?\b/;

export interface DurationMatch {
  minutes: number;
  start: number;
  end: number;
  text: string;
  approximate: boolean;
}

/** Every duration phrase in a text, with its length in minutes. */
export function findDurations(text: string): DurationMatch[] {
  const found: DurationMatch[] = [];
  const iso = ISO.exec(text);
  if (iso && iso[0].length > 1 && iso[0] !== 'PT') {
    const minutes = Number(iso[1] ?? 0) * 1440 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0) + Number(iso[4] ?? 0) / 60;
    found.push({ minutes, start: iso.index, end: iso.index + iso[0].length, text: iso[0], approximate: false });
  }
  for (const match of allMatches(text, PHRASE)) {
    const phrase = match[0];
    let minutes = 0;
    for (const part of allMatches(phrase, PART_GLOBAL)) {
      minutes += Number(part[1]) * (UNIT_MINUTES[part[2]!.toLowerCase()] ?? 0);
    }
    // "5 m" alone is too thin to trust; "5m" and "5 min" are fine.
    if (/^\d+\s+[ms]$/i.test(phrase.trim())) continue;
    found.push({
      minutes,
      start: match.index,
      end: match.index + phrase.length,
      text: phrase.trim(),
      approximate: phrase.trimStart().startsWith('~'),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "2h 30m", "45m", "1d 2h": the compact form used in our own messages and fixes. */
export function formatMinutes(total: number): string {
  const rounded = Math.round(total);
  if (rounded === 0) return '0m';
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const minutes = rounded % 60;
  return [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean).join(' ');
}
