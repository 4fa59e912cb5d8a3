import type { Field } from './fields.js';
import type { Metadata } from './schema.js';
import { readTimestamps } from '../time/timestamps.js';

const STATUS: ReadonlyArray<readonly [NonNullable<Metadata['status']>, RegExp]> = [
  ['draft', /^draft\b|^wip\b|^work in progress/i],
  ['in-review', /^in[- ]review\b|^under review|^review(?:ing)?$/i],
  ['reviewed', /^reviewed\b|^approved\b|^final\b|^published\b/i],
  ['closed', /^closed\b|^complete(?:d)?\b|^done\b/i],
];

// The keys each value is read from (field keys are lower-cased labels).
const SEVERITY_KEYS = new Set(['severity', 'sev', 'sev level', 'severity level', 'incident severity', 'priority']);
const STATUS_KEYS = new Set(['status', 'state', 'document status', 'postmortem status']);
const OWNER_KEYS = new Set(['owner', 'owners', 'incident owner', 'postmortem owner', 'dri', 'incident commander', 'ic']);
const AUTHOR_KEYS = new Set(['author', 'authors', 'written by', 'prepared by']);
const DATE_KEYS = new Set(['date', 'incident date', 'date of incident', 'occurred', 'when']);
const PUBLISHED_KEYS = new Set(['published', 'publication date', 'date published', 'last updated', 'updated']);

function fieldValue(fields: readonly Field[], keys: ReadonlySet<string>): string | null {
  return fields.find((field) => keys.has(field.key))?.value.replace(/[*_`]/g, '').trim() || null;
}

function people(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(/,|;|\band\b|&/)
    .map((name) => name.replace(/[*_`[\]]/g, '').trim())
    .filter((name) => name !== '' && name.length < 60);
}

function isoDate(value: string | null): string | null {
  const stamp = value ? readTimestamps(value).find((candidate) => candidate.date?.year) : undefined;
  if (!stamp?.date?.year) return null;
  return `${stamp.date.year}-${String(stamp.date.month).padStart(2, '0')}-${String(stamp.date.day).padStart(2, '0')}`;
}

const NEWEST_FIRST = /\b(?:newest|latest|most recent) (?:entries |events )?first\b|\breverse chronological\b/i;
// Every NEWEST_FIRST match holds one of these words. Spelled in both cases, not with the i flag (which, for ASCII
// letters and no u flag, matches the same), so the scan of a whole document can skip ahead: most documents hold none.
const NEWEST_FIRST_WORD = new RegExp(['newest', 'latest', 'recent', 'reverse'].map(eitherCase).join('|'));

/** "Word" as "[Ww][Oo][Rr][Dd]". */
function eitherCase(word: string): string {
  return word.replace(/[a-z]/g, (letter) => `[${letter.toUpperCase()}${letter}]`);
}

/** Severity, status, owners, authors and dates from fields and front matter. */
export function readMetadata(fields: readonly Field[], text: string): Metadata {
  const statusText = fieldValue(fields, STATUS_KEYS);
  return {
    severity: fieldValue(fields, SEVERITY_KEYS),
    status: statusText ? (STATUS.find(([, pattern]) => pattern.test(statusText))?.[0] ?? null) : null,
    owners: people(fieldValue(fields, OWNER_KEYS)),
    authors: people(fieldValue(fields, AUTHOR_KEYS)),
    incidentDate: isoDate(fieldValue(fields, DATE_KEYS)),
    publishedDate: isoDate(fieldValue(fields, PUBLISHED_KEYS)),
    newestFirst: NEWEST_FIRST_WORD.test(text) && NEWEST_FIRST.test(text),
  };
}
