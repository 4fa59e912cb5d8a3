import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../server/src/engine/analyze.js';
import type { TimelineEntry } from '../../server/src/model/schema.js';
import { incidentClock } from '../../server/src/features/incident-clock.js';
import { CORPUS } from '../support/fixtures.js';

// The checklist of issue #11 sections 0-2: every section label, entry shape,
// date form and zone form the issue names, each with the corpus fixture and
// line that shows it, and what the model must read there. Lines are 1-based.

type Expect =
  | { section: string }
  | { entry: Partial<Pick<TimelineEntry, 'timeText' | 'local' | 'at' | 'zone' | 'dateSource' | 'label' | 'until' | 'approximate'>> }
  | { noEntry: true }
  | { milestone: string };

interface Item {
  part: '0 genre' | '1 dates' | '1 zones' | '2 entries' | '2 not entries';
  shape: string;
  fixture: string;
  line: number;
  expect: Expect;
}

const CHECKLIST: Item[] = [
  // 0. The seed's own genre: labels as people type them, the entries under them, regional zones.
  { part: '0 genre', shape: 'plain-line label "Timeline"', fixture: 'genre-plain-line-labels.md', line: 5, expect: { section: 'timeline' } },
  { part: '0 genre', shape: 'label line with a colon "Timeline:"', fixture: 'genre-label-lines-with-colons.md', line: 9, expect: { section: 'timeline' } },
  { part: '0 genre', shape: 'bold line "**Corrective measures**"', fixture: 'genre-bold-labels.md', line: 26, expect: { section: 'action-items' } },
  { part: '0 genre', shape: '"###Timeline" without a space', fixture: 'genre-hash-without-space.md', line: 6, expect: { section: 'timeline' } },
  { part: '0 genre', shape: '"## Timelines:" plural with a colon', fixture: 'genre-sast-start-end-labels.md', line: 10, expect: { section: 'timeline' } },
  { part: '0 genre', shape: '"10:00 AM (SAST): …" plain line', fixture: 'genre-sast-start-end-labels.md', line: 12, expect: { entry: { local: '2024-03-12T10:00', at: '2024-03-12T10:00:00+02:00' } } },
  { part: '0 genre', shape: '"- At 10:15 AM: …"', fixture: 'genre-sast-start-end-labels.md', line: 14, expect: { entry: { timeText: '10:15 AM', local: '2024-03-12T10:15' } } },
  { part: '0 genre', shape: 'a time line straight after a list item (lazy continuation)', fixture: 'genre-sast-start-end-labels.md', line: 15, expect: { entry: { local: '2024-03-12T10:31' } } },
  { part: '0 genre', shape: '"- At 08:25 UTC: …"', fixture: 'genre-bold-labels.md', line: 16, expect: { entry: { at: '2024-09-02T08:25:00Z' } } },
  { part: '0 genre', shape: 'entries in a block quote', fixture: 'genre-bold-labels.md', line: 19, expect: { entry: { at: '2024-09-02T08:55:00Z' } } },
  { part: '0 genre', shape: 'entries under a bold pseudo-heading', fixture: 'genre-bold-labels.md', line: 11, expect: { entry: { label: 'Detection' } } },
  { part: '0 genre', shape: '"9.05 AM"', fixture: 'dates-title-date-west-africa.md', line: 21, expect: { entry: { timeText: '9.05 AM', local: '2024-03-14T09:05' } } },
  { part: '0 genre', shape: 'italic start label "_Start:_"', fixture: 'genre-sast-start-end-labels.md', line: 7, expect: { milestone: 'impact-start' } },
  { part: '0 genre', shape: 'bracketed end label "[End]:"', fixture: 'genre-sast-start-end-labels.md', line: 8, expect: { milestone: 'impact-end' } },
  { part: '0 genre', shape: 'EAT ("East Africa Time")', fixture: 'dates-heading-range-east-africa.md', line: 20, expect: { entry: { zone: 'Africa/Nairobi', at: '2024-03-03T22:40:00+03:00' } } },
  { part: '0 genre', shape: 'WAT', fixture: 'dates-title-date-west-africa.md', line: 22, expect: { entry: { zone: 'Africa/Lagos' } } },
  { part: '0 genre', shape: '"West African Time"', fixture: '20230601_resolver-west-african-time.md', line: 22, expect: { entry: { zone: 'Africa/Lagos', at: '2023-06-01T08:20:00+01:00' } } },
  { part: '0 genre', shape: 'SAST', fixture: 'genre-sast-start-end-labels.md', line: 13, expect: { entry: { zone: 'Africa/Johannesburg' } } },
  { part: '0 genre', shape: 'IST read from the document\'s evidence (Ireland)', fixture: 'dates-ist-irish.md', line: 23, expect: { entry: { at: '2024-08-06T08:10:00+01:00' } } },
  { part: '0 genre', shape: 'CET', fixture: 'dates-german-and-us-numeric.md', line: 24, expect: { entry: { zone: 'Europe/Berlin' } } },
  { part: '0 genre', shape: '"UTC+2" in parentheses', fixture: 'dates-entry-zone-carries.md', line: 21, expect: { entry: { zone: 'UTC+2', at: '2024-05-21T10:00:00+02:00' } } },

  // 1. Where a bare time's date comes from, and the forms dates are written in.
  { part: '1 dates', shape: 'the title ("… – March 14, 2024")', fixture: 'dates-title-date-west-africa.md', line: 21, expect: { entry: { dateSource: 'title' } } },
  { part: '1 dates', shape: 'the file name "2023-06-01-…"', fixture: '2023-06-01-cache-stampede-eastern.md', line: 23, expect: { entry: { dateSource: 'file-name', local: '2023-06-01T14:05' } } },
  { part: '1 dates', shape: 'the file name "20230601_…"', fixture: '20230601_resolver-west-african-time.md', line: 22, expect: { entry: { dateSource: 'file-name', local: '2023-06-01T08:20' } } },
  { part: '1 dates', shape: 'front matter', fixture: 'dates-front-matter-pacific.md', line: 27, expect: { entry: { dateSource: 'front-matter', local: '2023-11-02T16:05' } } },
  { part: '1 dates', shape: 'the intro paragraph', fixture: 'dates-intro-japan-column.md', line: 24, expect: { entry: { dateSource: 'intro', local: '2022-06-03T11:00' } } },
  { part: '1 dates', shape: 'a plain "Date:" field', fixture: 'dates-plain-date-field.md', line: 21, expect: { entry: { dateSource: 'field', local: '2022-05-17T13:20' } } },
  { part: '1 dates', shape: 'a bold "**Date**:" field', fixture: 'dates-zones-prose-and-carry.md', line: 25, expect: { entry: { dateSource: 'field', local: '2023-07-18T09:26' } } },
  { part: '1 dates', shape: 'ISO date heading', fixture: 'dates-headings-many-forms.md', line: 36, expect: { entry: { dateSource: 'heading', local: '2022-11-10T00:01' } } },
  { part: '1 dates', shape: '"June 3, 2022"', fixture: 'dates-intro-japan-column.md', line: 27, expect: { entry: { local: '2022-06-03T12:15' } } },
  { part: '1 dates', shape: '"Tuesday Nov 8th"', fixture: 'dates-headings-many-forms.md', line: 26, expect: { entry: { local: '2022-11-08T22:40' } } },
  { part: '1 dates', shape: '"12. Mai"', fixture: 'dates-german-and-us-numeric.md', line: 24, expect: { entry: { local: '2023-05-12T01:00' } } },
  { part: '1 dates', shape: '"5/17/22"', fixture: 'dates-plain-date-field.md', line: 24, expect: { entry: { local: '2022-05-17T14:30' } } },
  { part: '1 dates', shape: '"_5/17/22_" in italics', fixture: 'dates-headings-many-forms.md', line: 31, expect: { entry: { local: '2022-11-09T00:20' } } },
  { part: '1 dates', shape: '"06-14-2022" (month first)', fixture: 'dates-german-and-us-numeric.md', line: 32, expect: { entry: { local: '2023-05-14T09:30' } } },
  { part: '1 dates', shape: '"14-06-2022" (day first)', fixture: 'dates-day-first-cest-table.md', line: 22, expect: { entry: { local: '2022-06-14T23:20' } } },
  { part: '1 dates', shape: 'a date range in the Timeline heading', fixture: 'dates-heading-range-east-africa.md', line: 22, expect: { entry: { local: '2024-03-04T07:55' } } },
  { part: '1 dates', shape: 'a date written on the entry', fixture: 'dates-numeric-consecutive-day-first.md', line: 24, expect: { entry: { dateSource: 'entry', local: '2024-03-03T06:10' } } },
  { part: '1 dates', shape: 'a year written after the time ("3 Mar at 11:40PM 2023")', fixture: 'dates-year-after-time.md', line: 12, expect: { entry: { dateSource: 'intro', at: '2023-03-03T23:40:00-05:00' } } },
  { part: '1 dates', shape: 'each incident its own date', fixture: 'two-incidents-one-report.md', line: 39, expect: { entry: { local: '2024-03-09T09:00' } } },

  // 1. Zones from headings, column headers, prose and entries.
  { part: '1 zones', shape: 'heading "Timeline (all times WAT)"', fixture: 'dates-title-date-west-africa.md', line: 25, expect: { entry: { at: '2024-03-14T10:10:00+01:00' } } },
  { part: '1 zones', shape: 'heading "Timeline (UTC)"', fixture: 'dates-plain-date-field.md', line: 22, expect: { entry: { at: '2022-05-17T13:45:00Z' } } },
  { part: '1 zones', shape: 'column header "Time in CEST"', fixture: 'dates-day-first-cest-table.md', line: 24, expect: { entry: { at: '2022-06-15T00:10:00+02:00' } } },
  { part: '1 zones', shape: 'column header "Time (UTC)"', fixture: 'day-date-time-table.md', line: 14, expect: { entry: { at: '2024-11-09T23:10:00Z' } } },
  { part: '1 zones', shape: 'column header "Date and time in JST"', fixture: 'dates-intro-japan-column.md', line: 24, expect: { entry: { at: '2022-06-03T11:00:00+09:00' } } },
  { part: '1 zones', shape: 'prose "All times are Eastern Time (ET)"', fixture: '2023-06-01-cache-stampede-eastern.md', line: 23, expect: { entry: { at: '2023-06-01T14:05:00-04:00' } } },
  { part: '1 zones', shape: 'prose "Pacific time"', fixture: 'dates-front-matter-pacific.md', line: 27, expect: { entry: { at: '2023-11-02T16:05:00-07:00' } } },
  { part: '1 zones', shape: 'a typo of a zone name ("Pacfic")', fixture: 'dates-zones-prose-and-carry.md', line: 25, expect: { entry: { zone: 'America/Los_Angeles' } } },
  { part: '1 zones', shape: 'an entry\'s zone carries to the entries after it', fixture: 'dates-entry-zone-carries.md', line: 22, expect: { entry: { zone: 'UTC+2', at: '2024-05-21T10:12:00+02:00' } } },
  { part: '1 zones', shape: 'EST in July read as EDT', fixture: 'dates-standard-zone-in-summer.md', line: 23, expect: { entry: { at: '2024-07-09T08:00:00-04:00' } } },
  { part: '1 zones', shape: 'each incident its own zone', fixture: 'two-incidents-one-report.md', line: 39, expect: { entry: { zone: 'Europe/Berlin', at: '2024-03-09T09:00:00+01:00' } } },

  // 2. Entry shapes.
  { part: '2 entries', shape: 'a paragraph that starts with a date-time', fixture: 'entry-shapes-and-traps.md', line: 28, expect: { entry: { at: '2023-05-02T18:47:00Z' } } },
  { part: '2 entries', shape: '"### 5:52 PM ###" closing hashes', fixture: 'entry-shapes-and-traps.md', line: 13, expect: { entry: { timeText: '5:52 PM', at: '2023-05-02T17:52:00Z' } } },
  { part: '2 entries', shape: '"9:12a"', fixture: 'dates-title-date-west-africa.md', line: 22, expect: { entry: { local: '2024-03-14T09:12' } } },
  { part: '2 entries', shape: '"1:10p"', fixture: 'genre-sast-start-end-labels.md', line: 16, expect: { entry: { local: '2024-03-12T13:10' } } },
  { part: '2 entries', shape: '"[HH:MM]"', fixture: 'entry-shapes-and-traps.md', line: 17, expect: { entry: { at: '2023-05-02T18:05:00Z' } } },
  { part: '2 entries', shape: '"[MM-DD HH:MM]"', fixture: 'dates-front-matter-bracketed.md', line: 25, expect: { entry: { local: '2024-03-04T09:30' } } },
  { part: '2 entries', shape: '"**08:12 UTC** -"', fixture: 'genre-bold-labels.md', line: 11, expect: { entry: { at: '2024-09-02T08:12:00Z' } } },
  { part: '2 entries', shape: '"May 2, 2023: 6:15pm UTC"', fixture: 'dates-headings-many-forms.md', line: 37, expect: { entry: { at: '2023-05-02T18:15:00Z' } } },
  { part: '2 entries', shape: 'a Day / Date / Time / Event table', fixture: 'day-date-time-table.md', line: 15, expect: { entry: { at: '2024-11-10T08:30:00Z' } } },
  { part: '2 entries', shape: '"0:41:07 AM"', fixture: 'dates-zones-prose-and-carry.md', line: 23, expect: { entry: { local: '2023-07-18T00:41:07' } } },
  { part: '2 entries', shape: '"ca. 9:30 AM" approximate', fixture: 'dates-title-date-west-africa.md', line: 23, expect: { entry: { approximate: true, local: '2024-03-14T09:30' } } },
  { part: '2 entries', shape: '"~09:10-09:25" a range, not an offset', fixture: 'dates-zones-prose-and-carry.md', line: 24, expect: { entry: { at: '2023-07-18T09:10:00-07:00', until: '2023-07-18T09:25:00-07:00' } } },
  { part: '2 entries', shape: 'an entry after an image', fixture: 'entry-shapes-and-traps.md', line: 21, expect: { entry: { at: '2023-05-02T18:20:00Z' } } },
  { part: '2 entries', shape: 'an entry after a fenced block', fixture: 'entry-shapes-and-traps.md', line: 28, expect: { entry: { timeText: '2023-05-02 18:47 UTC' } } },
  { part: '2 entries', shape: 'a level-2 time heading inside a timeline', fixture: 'entry-shapes-and-traps.md', line: 30, expect: { entry: { at: '2023-05-02T19:05:00Z' } } },
  { part: '2 not entries', shape: 'a time inside a code block', fixture: 'entry-shapes-and-traps.md', line: 24, expect: { noEntry: true } },
  { part: '2 not entries', shape: 'a log line', fixture: 'entry-shapes-and-traps.md', line: 36, expect: { noEntry: true } },
  { part: '2 not entries', shape: 'a URL with times', fixture: 'entry-shapes-and-traps.md', line: 37, expect: { noEntry: true } },
  { part: '2 not entries', shape: 'a git "Date:" line', fixture: 'entry-shapes-and-traps.md', line: 38, expect: { noEntry: true } },
  { part: '2 not entries', shape: 'a quoted chat log', fixture: 'entry-shapes-and-traps.md', line: 40, expect: { noEntry: true } },
  { part: '2 not entries', shape: 'an appendix after the timeline\'s entries', fixture: 'entry-shapes-and-traps.md', line: 36, expect: { noEntry: true } },
];

const results = new Map<string, Analysis>();
function read(fixture: string): Analysis {
  let result = results.get(fixture);
  if (!result) {
    const path = join(CORPUS, fixture);
    result = analyze(readFileSync(path, 'utf8'), { path, force: true });
    results.set(fixture, result);
  }
  return result;
}

for (const item of CHECKLIST) {
  test(`issue 11 §${item.part}: ${item.shape} (${item.fixture}:${item.line})`, () => {
    const { model } = read(item.fixture).analysis;
    const entries = model.timeline.filter((entry) => entry.range.start.line + 1 === item.line);
    const { expect } = item;
    if ('section' in expect) {
      assert.ok(model.sections.some((section) => section.headingRange.start.line + 1 === item.line && section.kind === expect.section), JSON.stringify(model.sections.map((section) => [section.headingRange.start.line + 1, section.kind])));
    } else if ('noEntry' in expect) {
      assert.deepEqual(entries, []);
    } else if ('milestone' in expect) {
      assert.ok(model.milestones.some((milestone) => milestone.kind === expect.milestone && milestone.range.start.line + 1 === item.line), JSON.stringify(model.milestones));
    } else {
      assert.equal(entries.length, 1, `one entry on line ${item.line}`);
      const entry = entries[0]!;
      const actual = Object.fromEntries(Object.keys(expect.entry).map((key) => [key, entry[key as keyof TimelineEntry]]));
      assert.deepEqual(actual, expect.entry);
    }
  });
}

test('issue 11 §2: a document that reports several incidents is read as several timelines, not pooled', () => {
  const { model } = read('two-incidents-one-report.md').analysis;
  assert.deepEqual(
    model.incidents?.map((incident) => [incident.title, incident.entries, incident.computed?.minutes, incident.milestones.map((milestone) => milestone.kind)]),
    [
      ['Incident 1: Search index stopped updating', [0, 1, 2], 30, ['detected']],
      ['Incident 2: Checkout errors after a config change', [3, 4, 5], 20, ['detected', 'mitigated']],
    ],
  );
  assert.deepEqual(model.timeline.map((entry) => entry.incident), [0, 0, 0, 1, 1, 1]);
  // Nothing is computed across the two: 14:30 on March 4 to 09:20 on March 9 is no incident's duration.
  assert.equal(model.duration.computed, null);
  assert.deepEqual(model.milestones, []);
  // T+ offsets (inlay hints, outline, the picture's labels) count from each incident's own first entry.
  const result = read('two-incidents-one-report.md');
  const clock = incidentClock(result);
  assert.deepEqual(result.analysis.timeline.map((item) => clock.offset(item)), ['T+0', 'T+10m', 'T+30m', 'T+0', 'T+5m', 'T+20m']);
  // One incident under one title is not split.
  assert.equal(read('genre-bold-labels.md').analysis.model.incidents, undefined);
});

test('issue 11 §2: a range across midnight ends the next day, and each incident\'s day is its own', () => {
  const text = '# Postmortem: Replica lag\n\n**Date**: 2024-06-02\n\n## Summary\n\nThe replica fell behind.\n\n## Timeline (UTC)\n\n- 23:15 - 00:30 Replica lag above one hour.\n- 00:40 Lag back to normal.\n';
  const [range] = analyze(text, { force: true }).analysis.model.timeline;
  assert.deepEqual([range?.at, range?.until], ['2024-06-02T23:15:00Z', '2024-06-03T00:30:00Z']);
});

test('issue 11: every checklist fixture is in the corpus and every corpus entry has a local wall time', () => {
  for (const fixture of new Set(CHECKLIST.map((item) => item.fixture))) {
    for (const entry of read(fixture).analysis.model.timeline) assert.match(entry.local, /^(?:\d{4}|-)-\d\d-\d\d(?:T\d\d:\d\d)?|^\d\d:\d\d/, `${fixture}: ${entry.timeText}`);
  }
});
