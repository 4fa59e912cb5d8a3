import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/engine/analyze.js';
import { minutesBetween } from '../../server/src/model/entry-dating.js';
import { CORPUS } from '../support/fixtures.js';

// Dates and zones as a reader finds them: each fixture's entries carry the
// local wall time, the instant and where the date came from.

function model(text: string, path: string | null = null) {
  return analyze(text, { path, force: true });
}

function corpus(name: string) {
  const path = `${CORPUS}/${name}`;
  return model(readFileSync(path, 'utf8'), path);
}

function entries(result: ReturnType<typeof model>): Array<[string, string, string | null, string | null, string | null]> {
  return result.analysis.model.timeline.map((entry) => [entry.timeText, entry.local, entry.at, entry.dateSource, entry.zone]);
}

function rules(result: ReturnType<typeof model>): string[] {
  return result.findings.map((finding) => `${finding.range.start.line + 1}:${finding.rule}`);
}

/** A small complete postmortem around a timeline, so only dating decides what is reported. */
function doc(head: string, timeline: string): string {
  return `${head}

**Status**: Final
**Duration**: 30 minutes

## Summary

A cache node ran out of memory and the API answered slowly until it was replaced.

## Impact

- 1,200 API requests timed out.

## Root Cause

The node's memory limit was set below its working set.

${timeline}

## Action Items

- [ ] Alert on cache memory use above 80% (owner: @api, API-1)
`;
}

test('the title dates bare times; WAT in the heading and 9.05 AM / 9:12a shapes read', () => {
  const result = corpus('dates-title-date-west-africa.md');
  assert.deepEqual(entries(result).slice(0, 2), [
    ['9.05 AM', '2024-03-14T09:05', '2024-03-14T09:05:00+01:00', 'title', 'Africa/Lagos'],
    ['9:12a', '2024-03-14T09:12', '2024-03-14T09:12:00+01:00', 'title', 'Africa/Lagos'],
  ]);
  assert.equal(result.analysis.model.timeline[2]!.approximate, true, '"ca. 9:30 AM" is approximate');
});

test('a file name dates bare times: 2023-06-01-… and 20230601_…', () => {
  const result = corpus('2023-06-01-cache-stampede-eastern.md');
  assert.deepEqual(entries(result)[0], ['14:05', '2023-06-01T14:05', '2023-06-01T14:05:00-04:00', 'file-name', 'America/New_York']);
  const text = doc('# Postmortem: Cache node out of memory', '## Timeline\n\nAll times UTC.\n\n- 10:05 Node evicts keys.\n- 10:30 Node replaced.');
  assert.equal(model(text, '/notes/20230601_cache.md').analysis.model.timeline[0]!.at, '2023-06-01T10:05:00Z');
  assert.equal(model(text, null).analysis.model.timeline[0]!.at, null, 'no path, no date');
});

test('front matter, a Date field and the intro date bare times', () => {
  const timeline = '## Timeline\n\nAll times UTC.\n\n- 10:05 Node evicts keys.\n- 10:30 Node replaced.';
  const front = model(`---\ndate: 2024-02-29\n---\n\n${doc('# Postmortem: Cache node out of memory', timeline)}`);
  assert.deepEqual(entries(front)[0], ['10:05', '2024-02-29T10:05', '2024-02-29T10:05:00Z', 'front-matter', 'UTC']);
  const field = model(doc('# Postmortem: Cache node out of memory\n\nDate: 5 March 2024', timeline));
  assert.deepEqual(entries(field)[0]!.slice(1, 4), ['2024-03-05T10:05', '2024-03-05T10:05:00Z', 'field']);
  const intro = corpus('dates-intro-japan-column.md');
  assert.deepEqual(entries(intro)[0], ['11:00', '2022-06-03T11:00', '2022-06-03T11:00:00+09:00', 'intro', 'Asia/Tokyo']);
});

test('date headings and lines in every common form date the entries under them; 00:01 under a new date heading is that day', () => {
  const result = corpus('dates-headings-many-forms.md');
  assert.deepEqual(
    entries(result).map(([, local, , source]) => [local, source]),
    [
      ['2022-11-08T22:40', 'heading'],
      ['2022-11-08T23:55', 'heading'],
      ['2022-11-09T00:20', 'heading'],
      ['2022-11-09T09:10', 'heading'],
      ['2022-11-10T00:01', 'heading'],
      ['2023-05-02T18:15', 'entry'],
    ],
  );
  assert.ok(!rules(result).some((rule) => rule.endsWith('timeline-midnight-rollover')));
  const german = corpus('dates-german-and-us-numeric.md');
  assert.deepEqual(entries(german).map(([, local]) => local), ['2023-05-12T01:00', '2023-05-13T01:00', '2023-05-14T09:30', '2023-05-14T10:15']);
});

test('a date column beside a time column dates each row; day-first dates and a "Time in CEST" column', () => {
  const result = corpus('dates-day-first-cest-table.md');
  assert.deepEqual(entries(result).map(([, , at]) => at), [
    '2022-06-14T23:20:00+02:00',
    '2022-06-14T23:50:00+02:00',
    '2022-06-15T00:10:00+02:00',
    '2022-06-15T00:45:00+02:00',
    '2022-06-15T01:00:00+02:00',
  ]);
  assert.deepEqual(rules(result), []);
});

test('numeric day/month order: consecutive dates decide, and an undecided order is said once and never silently guessed', () => {
  const decided = corpus('dates-numeric-consecutive-day-first.md');
  assert.equal(decided.analysis.dating.dayOrder, 'dates');
  assert.equal(decided.analysis.model.timeline[2]!.local, '2024-03-03T06:10');
  const undecided = corpus('dates-numeric-either-way.md');
  assert.equal(undecided.analysis.dating.dayOrder, 'ambiguous');
  assert.equal(rules(undecided).filter((rule) => rule.endsWith('ambiguous-date-reading')).length, 1);
  // A zone decides when nothing else does: day first in Europe, month first in the US.
  const europe = model(doc('# Postmortem: Cache node out of memory', '## Timeline\n\nAll times CET.\n\n- 04/03/2024 10:05 Node evicts keys.\n- 04/03/2024 10:30 Node replaced.'));
  assert.equal(europe.analysis.model.timeline[0]!.local, '2024-03-04T10:05');
  assert.equal(europe.analysis.dating.dayOrder, 'zone');
});

test('across dates whose order the document leaves open, a step back is not an error', () => {
  const text = doc(
    '# Postmortem: Cache node out of memory',
    '## Timeline\n\nAll times UTC.\n\n- 04/05/2024 10:05 Node evicts keys.\n- 05/04/2024 09:30 Node replaced.',
  );
  const result = model(text);
  assert.equal(result.analysis.dating.dayOrder, 'ambiguous');
  assert.ok(!rules(result).some((rule) => rule.endsWith('timeline-out-of-order')), rules(result).join());
});

test('zones from prose with a typo, a range that is not an offset, 0:41:07 AM, and ISO offsets', () => {
  const result = corpus('dates-zones-prose-and-carry.md');
  const timeline = result.analysis.model.timeline;
  assert.equal(result.analysis.model.timezone, 'America/Los_Angeles');
  assert.equal(timeline[0]!.local, '2023-07-18T00:41:07');
  assert.equal(timeline[1]!.at, '2023-07-18T09:10:00-07:00');
  assert.equal(timeline[1]!.until, '2023-07-18T09:25:00-07:00');
  assert.equal(timeline[4]!.at, '2023-07-18T16:45:00Z');
});

test('a zone written on an entry carries to the entries around it', () => {
  const result = corpus('dates-entry-zone-carries.md');
  assert.deepEqual(new Set(result.analysis.model.timeline.map((entry) => entry.zone)), new Set(['UTC+2']));
  const before = model(doc('# Postmortem: Cache node out of memory\n\nDate: 2024-05-21', '## Timeline\n\n- 10:00 Node evicts keys.\n- 10:12 UTC Alert fires.\n- 10:30 Node replaced.'));
  assert.deepEqual(before.analysis.model.timeline.map((entry) => entry.at), ['2024-05-21T10:00:00Z', '2024-05-21T10:12:00Z', '2024-05-21T10:30:00Z']);
});

test('zone declarations: heading, column header and prose forms', () => {
  const forms: Array<[string, string]> = [
    ['## Timeline (all times EST)\n\n- 10:05 Node evicts keys.', 'America/New_York'],
    ['## Timeline (UTC)\n\n- 10:05 Node evicts keys.', 'UTC'],
    ['## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 10:05 | Node evicts keys. |', 'UTC'],
    ['## Timeline\n\n| Time in CEST | Event |\n| --- | --- |\n| 10:05 | Node evicts keys. |', 'Europe/Berlin'],
    ['## Timeline\n\nAll times are Eastern Time (ET).\n\n- 10:05 Node evicts keys.', 'America/New_York'],
    ['## Timeline\n\nTimes below are Pacific time.\n\n- 10:05 Node evicts keys.', 'America/Los_Angeles'],
    ['## Timeline\n\nAll times are in West African Time.\n\n- 10:05 Node evicts keys.', 'Africa/Lagos'],
    ['## Timeline\n\nAll times in SAST.\n\n- 10:05 Node evicts keys.', 'Africa/Johannesburg'],
    ['## Timeline\n\nAll times are in Easterm time.\n\n- 10:05 Node evicts keys.', 'America/New_York'],
  ];
  for (const [timeline, zone] of forms) {
    assert.equal(model(doc('# Postmortem: Cache node out of memory', timeline)).analysis.model.timezone, zone, timeline);
  }
});

test('IST is read from the document\'s evidence, or reported once as ambiguous', () => {
  const irish = corpus('dates-ist-irish.md');
  assert.equal(irish.analysis.model.timeline[0]!.at, '2024-08-06T08:10:00+01:00');
  assert.ok(!rules(irish).some((rule) => rule.endsWith('ambiguous-date-reading')));
  const bare = model(doc('# Postmortem: Cache node out of memory\n\nDate: 2024-08-06', '## Timeline\n\nAll times IST.\n\n- 10:05 Node evicts keys.\n- 10:30 Node replaced.'));
  assert.equal(rules(bare).filter((rule) => rule.endsWith('ambiguous-date-reading')).length, 1);
  const india = model(doc('# Postmortem: Cache node out of memory in the Bengaluru region\n\nDate: 2024-08-06', '## Timeline\n\nAll times IST.\n\n- 10:05 Node evicts keys.'));
  assert.equal(india.analysis.model.timeline[0]!.at, '2024-08-06T10:05:00+05:30');
  assert.equal(rules(india).filter((rule) => rule.endsWith('ambiguous-date-reading')).length, 0);
});

test('a standard-time abbreviation in summer is read as the zone meant, and said once', () => {
  const result = corpus('dates-standard-zone-in-summer.md');
  assert.equal(result.analysis.model.timeline[0]!.at, '2024-07-09T08:00:00-04:00');
  assert.equal(rules(result).filter((rule) => rule.endsWith('ambiguous-date-reading')).length, 1);
});

test('unreadable times and dates get one finding each, and no out-of-order finding across them', () => {
  const result = corpus('dates-unreadable-times.md');
  const unreadable = result.findings.filter((finding) => finding.rule === 'unreadable-time');
  assert.deepEqual(unreadable.map((finding) => finding.message.split('"')[1]), ['Tuesday, September 4, 2024', '25:61', '14:30 PM', '20224-09-05']);
  assert.ok(!rules(result).some((rule) => rule.endsWith('timeline-out-of-order')));
});

test('every entry has a local wall time; zone-less entries have no instant, but minutes between dated entries are known', () => {
  const text = doc('# Postmortem: Cache node out of memory\n\nDate: 2024-03-02', '## Timeline\n\n- 23:50 Node evicts keys.\n- 00:20 Node replaced.');
  const result = model(text);
  const [first, second] = result.analysis.model.timeline;
  assert.equal(first!.at, null);
  assert.equal(first!.local, '2024-03-02T23:50');
  assert.equal(second!.local, '2024-03-03T00:20', 'read past midnight');
  assert.equal(second!.dateSource, 'rollover');
  assert.equal(minutesBetween(first!, second!), 30);
  const undated = model(doc('# Postmortem: Cache node out of memory', '## Timeline\n\n- 10:05 Node evicts keys.\n- 10:30 Node replaced.'));
  assert.deepEqual(undated.analysis.model.timeline.map((entry) => [entry.local, entry.dateSource]), [['10:05', null], ['10:30', null]]);
  assert.equal(minutesBetween(undated.analysis.model.timeline[0]!, undated.analysis.model.timeline[1]!), null);
});

test('a timeline told twice, or a recap under its own timeline heading, is not one list', () => {
  const text = doc('# Postmortem: Cache node out of memory\n\nDate: 2024-03-02', '## Timeline\n\nAll times UTC.\n\n- 10:05 Node evicts keys.\n- 10:30 Node replaced.\n\n## Detection timeline\n\n- 10:05 Alert fires.');
  assert.ok(!rules(model(text)).some((rule) => rule.endsWith('timeline-out-of-order')));
});

test('seconds: "17:55" after "17:55:08" is not out of order', () => {
  const text = doc('# Postmortem: Cache node out of memory\n\nDate: 2024-03-02', '## Timeline\n\nAll times UTC.\n\n- 17:54 Upgrade starts.\n- 17:55:08 Old process stops.\n- 17:55 New process starts.');
  assert.ok(!rules(model(text)).some((rule) => rule.endsWith('timeline-out-of-order')));
});

test('a 24-hour time with pm glued to a colon, and a weekday beside an ISO date in the summary, are named', () => {
  const text = doc('# Postmortem: Cache node out of memory\n\nDate: 2023-01-04', '## Timeline\n\nAll times UTC.\n\n- 14:00 UTC: Node evicts keys.\n- 14:15pm: Node replaced.');
  assert.deepEqual(model(text).findings.filter((finding) => finding.rule === 'unreadable-time').map((finding) => finding.message.split('"')[1]), ['14:15pm']);
  const weekday = doc('# Postmortem: Cache node out of memory', '## Timeline\n\nAll times UTC.\n\n- 14:00 Node evicts keys.').replace('A cache node ran', 'On Tuesday, 2023-01-04, a cache node ran');
  assert.deepEqual(model(weekday).findings.filter((finding) => finding.rule === 'unreadable-time').map((finding) => finding.message.split('"')[1]), ['Tuesday, 2023-01-04']);
});

test('an offset written with a real minus sign in the timeline heading', () => {
  const text = doc('# Postmortem: Cache node out of memory\n\nDate: 2023-01-04', '## Timeline (UTC\u221205:00)\n\n- 14:00 Node evicts keys.');
  assert.equal(model(text).analysis.model.timeline[0]!.at, '2023-01-04T14:00:00-05:00');
});
