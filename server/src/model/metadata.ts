import type { Field } from './fields.js';
import type { Metadata } from './schema.js';
import { findTimestamps } from '../time/timestamps.js';

const STATUS: ReadonlyArray<readonly [NonNullable<Metadata['status']>, RegExp]> = [
  ['draft', /^draft\b|^wip\b|^work in progress/i],
  ['in-review', /^in[- ]review\b|^under review|^review(?:ing)?$/i],
  ['reviewed', /^reviewed\b|^approved\b|^final\b|^published\b/i],
  ['closed', /^closed\b|^complete(?:d)?\b|^done\b/i],
];

function fieldValue(fields: readonly Field[], pattern: RegExp): string | null {
  return fields.find((field) => pattern.test(field.key))?.value.replace(/[*_`]/g, '').trim() || null;
}

function people(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(/,|;|\band\b|&/)
    .map((name) => name.replace(/[*_`[\]]/g, '').trim())
    .filter((name) => name !== '' && name.length < 60);
}

function isoDate(value: string | null): string | null {
  const stamp = value ? findTimestamps(value).find((candidate) => candidate.date?.year) : undefined;
  if (!stamp?.date?.year) return null;
  return `${stamp.date.year}-${String(stamp.date.month).padStart(2, '0')}-${String(stamp.date.day).padStart(2, '0')}`;
}

/** Severity, status, owners, authors and dates from fields and front matter. */
export function readMetadata(fields: readonly Field[], text: string): Metadata {
  const statusText = fieldValue(fields, /^(?:status|state|document status|postmortem status)$/);
  return {
    severity: fieldValue(fields, /^(?:severity|sev|sev level|severity level|incident severity|priority)$/),
    status: statusText ? (STATUS.find(([, pattern]) => pattern.test(statusText))?.[0] ?? null) : null,
    owners: people(fieldValue(fields, /^(?:owners?|incident owner|postmortem owner|dri|incident commander|ic)$/)),
    authors: people(fieldValue(fields, /^(?:authors?|written by|prepared by)$/)),
    incidentDate: isoDate(fieldValue(fields, /^(?:date|incident date|date of incident|occurred|when)$/)),
    publishedDate: isoDate(fieldValue(fields, /^(?:published|publication date|date published|last updated|updated)$/)),
    newestFirst: /\b(?:newest|latest|most recent) (?:entries |events )?first\b|\breverse chronological\b/i.test(text),
  };
}
