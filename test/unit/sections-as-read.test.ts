import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../server/src/model/build-model.js';
import { CORPUS } from '../support/fixtures.js';

// The genre's sections as a reader sees them, and the entries and items under them (test/corpus fixtures).
const read = (name: string): ReturnType<typeof buildModel> => buildModel(readFileSync(join(CORPUS, name), 'utf8'));
const outline = (name: string): string[] => read(name).model.sections.map((section) => `${section.level} ${section.form ?? 'heading'} ${section.kind}`);

test('plain label lines inside one paragraph are sections, with the entries and items on the lines below them', () => {
  const { model } = read('genre-plain-line-labels.md');
  assert.deepEqual(outline('genre-plain-line-labels.md'), ['2 line summary', '2 line timeline', '2 line root-cause', '2 line action-items']);
  assert.deepEqual(model.timeline.map((entry) => entry.timeText), ['10:00 AM UTC', '10:06 AM UTC', '10:15 AM UTC', '10:24 AM UTC', '10:40 AM UTC']);
  assert.equal(model.actionItems.length, 2);
});

test('label lines with trailing colons in paragraphs of their own', () => {
  const { model } = read('genre-label-lines-with-colons.md');
  assert.deepEqual(outline('genre-label-lines-with-colons.md'), ['2 line summary', '2 line timeline', '2 line root-cause', '2 line action-items', '2 line lessons']);
  assert.equal(model.timeline.length, 5);
  assert.equal(model.timeline[0]?.at, '2024-06-03T14:10:00Z');
  assert.equal(model.actionItems.length, 2);
});

test('bold label lines: phase labels stay sub-labels of the timeline; block-quoted and "At …" entries are read; a bold sentence is no section', () => {
  const { model } = read('genre-bold-labels.md');
  assert.deepEqual(outline('genre-bold-labels.md'), ['2 bold timeline', '2 bold root-cause', '2 bold action-items']);
  assert.deepEqual(
    model.timeline.map((entry) => [entry.at, entry.label]),
    [
      ['2024-09-02T08:12:00Z', 'Detection'],
      ['2024-09-02T08:15:00Z', 'Detection'],
      ['2024-09-02T08:25:00Z', 'Actions Taken'],
      ['2024-09-02T08:40:00Z', 'Actions Taken'],
      ['2024-09-02T08:55:00Z', 'Actions Taken'],
      ['2024-09-02T09:20:00Z', 'Actions Taken'],
    ],
  );
  assert.equal(model.actionItems.length, 2);
});

test('"###Timeline" without a space is a heading at its hashes\' level', () => {
  const { model } = read('genre-hash-without-space.md');
  assert.deepEqual(outline('genre-hash-without-space.md'), ['3 hashes summary', '3 hashes timeline', '3 hashes root-cause', '3 hashes action-items']);
  assert.equal(model.timeline.length, 3);
  assert.equal(model.actionItems.length, 1);
});

test('question-style, numbered, emoji, plural and setext headings name their sections', () => {
  const { model } = read('question-style-headings.md');
  assert.equal(model.title, 'Postmortem: The wiki went read-only');
  assert.deepEqual(outline('question-style-headings.md'), ['2 heading summary', '2 heading timeline', '2 heading root-cause', '2 heading resolution', '2 heading action-items', '2 heading lessons']);
  assert.equal(model.timeline.length, 4);
});

test('entry shapes: date then time, closing hashes, [HH:MM], [MM-DD HH:MM], a paragraph opening with a date-time, a level-2 time heading; no code, log, URL, git or chat lines', () => {
  const { model } = read('entry-shapes-and-traps.md');
  assert.deepEqual(
    model.timeline.map((entry) => [entry.timeText, entry.at]),
    [
      ['May 2, 2023: 5:40pm UTC', '2023-05-02T17:40:00Z'],
      ['5:52 PM', '2023-05-02T17:52:00Z'],
      ['18:05', '2023-05-02T18:05:00Z'],
      ['05-02 18:20', '2023-05-02T18:20:00Z'],
      ['2023-05-02 18:47 UTC', '2023-05-02T18:47:00Z'],
      ['19:05 UTC', '2023-05-02T19:05:00Z'],
    ],
  );
  assert.ok(model.timeline[1]?.text.startsWith('Webhook delivery lag'));
});

test('a Day / Date / Time / Event table gives each entry the date of its row', () => {
  const { model } = read('day-date-time-table.md');
  assert.deepEqual(model.timeline.map((entry) => entry.at), ['2024-11-09T18:40:00Z', '2024-11-09T23:10:00Z', '2024-11-10T08:30:00Z', '2024-11-10T13:55:00Z']);
});

test('a bold line that names no section, and a bold field, are not sections', () => {
  const { model } = buildModel('# Incident\n\n**Summary:** the cache filled up.\n\n**Thanks to everyone who helped**\n\n## Timeline\n\n- 10:00 UTC: alert\n');
  assert.deepEqual(model.sections.map((section) => section.kind), ['timeline']);
});

test('a wrapped line of prose that happens to hold a section word is not a label', () => {
  const { model } = buildModel('# Incident\n\n## Summary\n\nWe looked at the logs for a long while and the\nroot cause was a typo.\nFix deployed by noon and verified by support\n');
  assert.deepEqual(model.sections.map((section) => section.kind), ['summary']);
});

test("missing-section follows the team's own template: a section every sibling postmortem lacks is not missing", async () => {
  const { analyze } = await import('../../server/src/engine/analyze.js');
  const text = '# Incident: search down\n\n## Summary\n\nSearch returned errors for 40% of users for an hour; the root cause was a full disk.\n\n## Timeline\n\n- 10:00 UTC: alert\n- 11:00 UTC: disk cleared\n\n## Root Cause\n\nA full disk.\n';
  const missing = (siblingSections: Array<Set<'summary' | 'timeline' | 'root-cause' | 'action-items'>>): string[] =>
    analyze(text, { force: true, siblingSections }).findings.filter((finding) => finding.rule === 'missing-section').map((finding) => finding.message.replace(/ \(.*/, ''));
  assert.deepEqual(missing([]), ['Missing section "Action Items"']);
  // One sibling says little about a team's habits.
  assert.deepEqual(missing([new Set(['summary', 'timeline'])]), ['Missing section "Action Items"']);
  assert.deepEqual(missing([new Set(['summary', 'timeline']), new Set(['summary', 'root-cause'])]), []);
  // One sibling that has the section is enough to keep it expected.
  assert.deepEqual(missing([new Set(['summary', 'timeline']), new Set(['summary', 'action-items'])]), ['Missing section "Action Items"']);
});

test('sections a reader sees: HTML headings, a list of labelled sections, labels ending in ":-" or a dash, aliases and question headings', () => {
  const kinds = (text: string): string[] => buildModel(text).model.sections.map((section) => `${section.kind}:${section.level}`);
  assert.deepEqual(kinds('<h1>Postmortem</h1>\n\n<h2>Sumary</h2>\n\nText.\n\n<h3>Timeline(UTC)</h3>\n\n- 10:00: alert\n\n<h3>Other notes</h3>\n\nText.\n'), ['summary:2', 'timeline:3', 'other:3']);
  assert.deepEqual(kinds('# Outage\n\n1. **Issue Summary**\n   It broke.\n2. **Root cause:**\n   A typo.\n'), ['summary:2', 'root-cause:2']);
  // A table of contents is not a list of sections: its items have nothing under them.
  assert.deepEqual(kinds('# Outage\n\n1. **Issue Summary**\n2. **Root cause**\n\n## Timeline\n\n- 10:00 UTC: alert\n'), ['timeline:2']);
  // Labelled groups inside a section stay its items.
  assert.deepEqual(kinds('# Outage\n\n## Action Items\n\n- **Short term:**\n  - Add an alert\n- **Long term improvements:**\n  - Add a test\n'), ['action-items:2']);
  assert.deepEqual(kinds('# Outage\n\nIssue Summary:-\nIt broke.\n\nTimeline -\n- 10:00 AM: alert\n\n**Root Cause** —\nA typo.\n'), ['summary:2', 'timeline:2', 'root-cause:2']);
  assert.deepEqual(
    kinds('# Outage\n\n## Introduction\n\n## Origin of the incident\n\n## Are the apps affected?\n\n## Who was affected?\n\n## Recommendations\n\n## What are we doing about it?\n\n## What did we learn?\n\n## The Issue\n'),
    ['summary:2', 'root-cause:2', 'other:2', 'impact:2', 'action-items:2', 'action-items:2', 'lessons:2', 'summary:2'],
  );
  // "# Incident" alone is a title, not a section.
  assert.equal(buildModel('# Incident\n\n## Timeline\n\n- 10:00 UTC: alert\n').model.title, 'Incident');
});
