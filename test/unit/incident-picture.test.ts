// What the server sends for the Incident Timeline picture (postmortem/incident):
// plain entry text from the engine's parser, times shown in the document's
// zone, the zone's offsets across daylight saving changes, spans, problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { incident } from '../../server/src/features/incident.js';
import { zoneOffsets } from '../../server/src/features/picture-zone.js';
import { plainText } from '../../server/src/features/plain-text.js';
import type { IncidentResult } from '../../server/src/protocol.js';
import { CORPUS, FIXTURES, SEED } from '../support/fixtures.js';

function incidentOf(path: string): IncidentResult {
  return incident(pathToFileURL(path).href, 1, analyze(readFileSync(path, 'utf8'), { path, force: true }));
}

test('plain text: what a reader sees rendered, read by the engine\'s parser', () => {
  assert.equal(plainText('Lookups succeed. **OUTAGE ENDS** <!-- note --> see [the graph](https://x)'), 'Lookups succeed. OUTAGE ENDS see the graph');
  assert.equal(plainText('Rolled back `deploy-42` with _care_, see ![graph](g.png)'), 'Rolled back deploy-42 with care, see graph');
  assert.equal(plainText('Security Team<br />'), 'Security Team');
  assert.equal(plainText('&amp; a &lt; b'), '& a < b');
  // Snake case and lone stars are text, not emphasis.
  assert.equal(plainText('set max_conn_pool_size to 5 * 2'), 'set max_conn_pool_size to 5 * 2');
  // A line that would start a block stays text: it is one entry's text, not a heading or a list.
  assert.equal(plainText('# of retries doubled *again*'), '# of retries doubled again');
  assert.equal(plainText('1. first `step`'), '1. first step');
  assert.equal(plainText('- dash *led*'), '- dash led');
  // Thousands of delimiters: the parser is not asked; the text comes back as written.
  const soup = `${'*_'.repeat(3000)}x`;
  assert.equal(plainText(soup), soup);
});

test('entries carry their plain text, the time to show and why they are out of order', () => {
  const swapped = incidentOf(join(FIXTURES, 'seed-variants', 'swapped-entries.md'));
  const flagged = swapped.entries.filter((entry) => entry.problem !== null);
  assert.equal(flagged.length, 1);
  assert.equal(flagged[0]!.problem, 'Out of order: written after 09:15 AM but happened earlier.');
  assert.ok(swapped.entries.every((entry) => entry.shownTime === entry.timeText), 'times as written');
  assert.equal(swapped.picture.twelveHour, true, 'the seed writes am/pm');
  // Full ISO stamps read as their time of day in the display zone.
  const atlassian = incidentOf(join(CORPUS, 'atlassian-feature-flag-rollout.md'));
  assert.equal(atlassian.entries[0]!.timeText, '2026-08-18T15:58:00+00:00');
  assert.equal(atlassian.entries[0]!.shownTime, '15:58 UTC');
  assert.equal(atlassian.picture.twelveHour, false);
});

test('the zone table: one row for UTC, and a row at each daylight saving change, to the millisecond', () => {
  assert.deepEqual(zoneOffsets('UTC', 0, 10 ** 12), [{ from: 0, minutes: 0, name: 'UTC' }]);
  assert.deepEqual(zoneOffsets('UTC+5:30', 0, 10 ** 12).map((row) => [row.minutes, row.name]), [[330, 'UTC+5:30']]);
  const dst = incidentOf(join(CORPUS, 'billing-cron-dst-double-run.md'));
  assert.equal(dst.displayZone, 'US/Pacific');
  assert.deepEqual(
    dst.picture.zone.slice(1).map((row) => [new Date(row.from).toISOString(), row.minutes, row.name]),
    [['2023-11-05T09:00:00.000Z', -480, 'PST']],
  );
  assert.equal(dst.picture.zone[0]!.name, 'PDT');
  // A whole year of Berlin: two changes, spring and autumn.
  const year = zoneOffsets('Europe/Berlin', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1));
  assert.deepEqual(year.map((row) => [new Date(row.from).toISOString().slice(0, 16), row.minutes]), [['2024-01-01T00:00', 60], ['2024-03-31T01:00', 120], ['2024-10-27T01:00', 60]]);
  // An unknown zone reads as UTC rather than failing.
  assert.deepEqual(zoneOffsets('Mars/Olympus', 0, 1).map((row) => row.minutes), [0]);
});

test('spans: between their milestones when both are on the timeline, else the stated figure from the end it has', () => {
  const sre = incidentOf(join(CORPUS, 'sre-shakespeare-search-outage.md'));
  assert.deepEqual(sre.picture.spans.map((span) => [span.id, span.minutes, span.stated, span.how]), [
    ['impact', 66, false, 'impact start → impact end'],
    ['ttd', 3, false, 'impact start → detected'],
    ['ttm', 45, false, 'detected → mitigated'],
    ['ttr', 95, false, 'detected → resolved'],
  ]);
  for (const span of sre.picture.spans) assert.equal(span.to - span.from, span.minutes * 60_000, span.id);
  const seed = incidentOf(SEED);
  // No impact milestones: the band is the stated Duration's start and end.
  assert.deepEqual(seed.picture.spans.map((span) => [span.id, span.minutes, span.stated, span.how]), [
    ['impact', 150, true, 'the stated duration'],
    ['ttr', 150, false, 'detected → resolved'],
  ]);
  assert.equal(seed.picture.title, 'Postmortem: When the Load Balancer Went on a Coffee Break ☕️');
  assert.equal(seed.picture.dateKnown, true);
});
