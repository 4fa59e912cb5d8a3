import { IANAZone, FixedOffsetZone, Settings, type Zone } from 'luxon';

// One fixed locale: results do not depend on the machine's, and luxon skips
// a slow Intl lookup of the system locale (about 15 ms of every CLI run).
Settings.defaultLocale = 'en-US';

// Abbreviations people write in postmortems, mapped to the IANA zone they
// mean. Offsets and DST come from the zone database through luxon, never from
// a table here: "PST" in July is read as Pacific time, which is what writers mean.
export const ABBREVIATIONS: Record<string, string> = {
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
  // IST is also Israel and Irish Standard Time: the document's other evidence decides (model/zone-declaration.ts).
  IST: 'Asia/Kolkata',
  // Regional zones of Africa, where many postmortems of the seed's genre are written.
  WAT: 'Africa/Lagos',
  CAT: 'Africa/Maputo',
  EAT: 'Africa/Nairobi',
  SAST: 'Africa/Johannesburg',
  MSK: 'Europe/Moscow',
  HKT: 'Asia/Hong_Kong',
  PHT: 'Asia/Manila',
  WIB: 'Asia/Jakarta',
  AWST: 'Australia/Perth',
  ACST: 'Australia/Adelaide',
  BRT: 'America/Sao_Paulo',
  ART: 'America/Argentina/Buenos_Aires',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  CENTRAL: 'America/Chicago',
  MOUNTAIN: 'America/Denver',
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
  '(?:[A-Za-z]+(?:\\/[A-Za-z_+-]+){1,2}|[A-Z]{1,4}\\d[A-Z]{3}|UTC[+\\-\u2212]\\d{1,2}(?::?\\d{2})?|GMT[+\\-\u2212]\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2}|Z\\b|[A-Z]{2,5}\\b)';

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
  // "UTC−05:00" is written with U+2212 too.
  const offset = /^(?:UTC|GMT)?\s*([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/i.exec(trimmed);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return FixedOffsetZone.instance((offset[1] === '+' ? 1 : -1) * minutes).name;
  }
  // Zone ids are case-sensitive in the database but not in people's writing.
  if (/^[A-Za-z]+(?:\/[A-Za-z_+-]+)+$|^[A-Z]{1,4}\d[A-Z]{3}$/i.test(trimmed) && IANAZone.isValidZone(trimmed)) {
    return IANAZone.create(trimmed).name;
  }
  return null;
}

// Zones written out in words. Each is matched as a phrase; "time" and
// "standard"/"summer"/"daylight" are optional, so "Pacific time", "Pacific
// Standard Time" and "West African Time" all read.
const ZONE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['coordinated universal', 'UTC'],
  ['greenwich mean', 'UTC'],
  ['universal', 'UTC'],
  ['pacific', 'America/Los_Angeles'],
  ['eastern', 'America/New_York'],
  ['us eastern', 'America/New_York'],
  ['central european', 'Europe/Berlin'],
  ['western european', 'Europe/Lisbon'],
  ['eastern european', 'Europe/Athens'],
  ['british', 'Europe/London'],
  ['west africa', 'Africa/Lagos'],
  ['west african', 'Africa/Lagos'],
  ['east africa', 'Africa/Nairobi'],
  ['east african', 'Africa/Nairobi'],
  ['central africa', 'Africa/Maputo'],
  ['central african', 'Africa/Maputo'],
  ['south africa', 'Africa/Johannesburg'],
  ['south african', 'Africa/Johannesburg'],
  ['india', 'Asia/Kolkata'],
  ['indian', 'Asia/Kolkata'],
  ['israel', 'Asia/Jerusalem'],
  ['irish', 'Europe/Dublin'],
  ['japan', 'Asia/Tokyo'],
  ['central', 'America/Chicago'],
  ['mountain', 'America/Denver'],
];
const ZONE_NAME_PATTERN = new RegExp(
  `^(${ZONE_NAMES.map(([name]) => name.replace(' ', '\\s+')).join('|')})(?:\\s+(?:standard|summer|daylight(?:\\s+saving)?))?\\s+time\\b`,
  'i',
);

/** A zone written out at the start of a text ("Pacific time", "West African Time …"), with the length it takes. */
export function zoneFromName(text: string): { zone: string; length: number } | null {
  const match = ZONE_NAME_PATTERN.exec(text);
  if (!match) return null;
  const key = match[1]!.toLowerCase().replace(/\s+/g, ' ');
  const zone = ZONE_NAMES.find(([name]) => name === key)?.[1];
  return zone ? { zone, length: match[0].length } : null;
}

// Long zone words people mistype ("Pacfic", "Easterm"): one letter wrong, missing, extra or swapped.
const TYPO_TARGETS = ['PACIFIC', 'EASTERN', 'CENTRAL', 'MOUNTAIN'];

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A zone word with an obvious typo ("Pacfic"), or null. Only long words: a three-letter typo is another zone. */
export function zoneFromTypo(word: string): string | null {
  const upper = word.toUpperCase();
  if (upper.length < 6) return null;
  const target = TYPO_TARGETS.find((candidate) => oneEditApart(upper, candidate));
  return target ? (ABBREVIATIONS[target] ?? null) : null;
}

export function zoneOf(name: string): Zone {
  if (name === 'UTC') return FixedOffsetZone.utcInstance;
  const fixed = /^UTC([+-]\d+(?::\d+)?)$/.exec(name);
  if (fixed) return FixedOffsetZone.parseSpecifier(name);
  return IANAZone.create(name);
}
