import { IANAZone, FixedOffsetZone, Settings, type Zone } from 'luxon';

// One fixed locale: results do not depend on the machine's, and luxon skips
// a slow Intl lookup of the system locale (about 15 ms of every CLI run).
Settings.defaultLocale = 'en-US';

// Abbreviations people write in postmortems, mapped to the IANA zone they
// mean. Offsets and DST come from the zone database through luxon, never from
// a table here: "PST" in July is read as Pacific time, which is what writers mean.
const ABBREVIATIONS: Record<string, string> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  ZULU: 'UTC',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  PACIFIC: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  EASTERN: 'America/New_York',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  SGT: 'Asia/Singapore',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
};

/** The regular-expression source that matches a zone token after a time. */
export const ZONE_TOKEN_SOURCE =
  '(?:[A-Za-z]+(?:\\/[A-Za-z_+-]+){1,2}|[A-Z]{1,4}\\d[A-Z]{3}|UTC[+-]\\d{1,2}(?::?\\d{2})?|GMT[+-]\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|Z\\b|[A-Z]{2,5}\\b)';

/**
 * Resolves a zone as written ("UTC", "PST", "US/Pacific", "+02:00",
 * "PST8PDT") to a zone name luxon accepts, or null when it is not a zone.
 */
export function resolveZoneName(token: string): string | null {
  const trimmed = token.trim();
  if (trimmed === '') return null;
  const upper = trimmed.toUpperCase();
  const abbreviation = ABBREVIATIONS[upper];
  if (abbreviation) return abbreviation;
  const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return FixedOffsetZone.instance((offset[1] === '-' ? -1 : 1) * minutes).name;
  }
  // Zone ids are case-sensitive in the database but not in people's writing.
  if (/^[A-Za-z]+(?:\/[A-Za-z_+-]+)+$|^[A-Z]{1,4}\d[A-Z]{3}$/i.test(trimmed) && IANAZone.isValidZone(trimmed)) {
    return IANAZone.create(trimmed).name;
  }
  return null;
}

export function zoneOf(name: string): Zone {
  if (name === 'UTC') return FixedOffsetZone.utcInstance;
  const fixed = /^UTC([+-]\d+(?::\d+)?)$/.exec(name);
  if (fixed) return FixedOffsetZone.parseSpecifier(name);
  return IANAZone.create(name);
}
