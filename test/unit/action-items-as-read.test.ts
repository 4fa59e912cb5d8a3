import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../../server/src/model/build-model.js';
import { CORPUS } from '../support/fixtures.js';

// Which lines are action items, and their owner / ticket / done state, as a careful reviewer reads them (test/corpus fixtures).
type Row = [line: number, status: string | null, owner: string | null, ticket: string | null];
const rows = (text: string): Row[] => buildModel(text).model.actionItems.map((item) => [item.range.start.line + 1, item.status, item.owner, item.ticket]);
const corpus = (name: string): string => readFileSync(join(CORPUS, name), 'utf8');

test('lists under "what went well", "what didn\'t go well" and "actions taken" are no items; done marks, the timeline, prose owners and tracker links are read', () => {
  const { model } = buildModel(corpus('action-items-as-reviewed.md'));
  const byLine = new Map(model.actionItems.map((item) => [item.range.start.line + 1, item]));
  // Lines 36-42: what went well / didn't / actions taken.
  for (const line of [36, 37, 39, 41, 42]) assert.equal(byLine.has(line), false, `line ${line} is not an item`);
  assert.deepEqual([44, 45, 46, 47, 48].map((line) => [byLine.get(line)?.owner ?? null, byLine.get(line)?.ticket ?? null]), [
    [null, null],
    ['pricing team', 'PRC-310'],
    ['Amara', 'SRCH-88'],
    // A documentation URL is no ticket.
    [null, null],
    [null, null],
  ]);
  // "Stop the bulk re-pricing job." is what the timeline reports at 13:44.
  assert.equal(byLine.get(48)?.status, 'done');
  assert.equal(byLine.get(48)?.derived?.status, 'timeline');
  assert.deepEqual([50, 51, 52, 53].map((line) => byLine.get(line)?.derived?.status), ['marker', 'checkbox', 'struck', 'marker']);
  // An item written out in full: its sub-bullets detail it and are not counted again.
  assert.equal(byLine.get(54)?.owner, '@kwame');
  assert.equal(byLine.has(56), false);
  assert.equal(byLine.has(57), false);
  // Recommendations are work; advice to operators and a "you can follow the steps below" procedure are not.
  assert.deepEqual([61, 62].map((line) => byLine.get(line)?.ticket), ['SRCH-90', 'PRC-312']);
  for (const line of [68, 69, 73, 74]) assert.equal(byLine.has(line), false, `line ${line} is advice to readers`);
  // Paragraph measures under an HTML heading; "by the data team" owns the second.
  assert.deepEqual([78, 80].map((line) => byLine.get(line)?.owner), ['@amara', 'data team']);
  assert.equal(byLine.has(84), false, 'Lessons Learned holds no items');
});

test('measures written as lines under plain-line labels: named measures, group lines, task labels, a closing remark', () => {
  assert.deepEqual(rows(corpus('genre-measures-as-lines.md')), [
    [25, null, '@ines', 'EXP-71'],
    [26, null, null, null],
    // Done: the timeline replaced the credential at 9:30 AM.
    [27, 'done', null, null],
    [33, null, '@ines', 'EXP-72'],
    [34, null, '@tomas', 'EXP-73'],
    [36, null, '@tomas', 'EXP-74'],
    [38, null, 'platform team', 'EXP-75'],
    [40, null, '@ines', 'EXP-76'],
  ]);
});

test('an HTML heading that names measures holds items; one that names lessons does not', () => {
  const text = [
    '# Cache flush outage',
    '',
    '<h3>Preventive Measures</h3>',
    '*Improvements:*',
    '',
    'A canary cache node to be added before every flush.',
    '',
    'Thanks for reading.',
    '',
    '<h3>Lessons learned</h3>',
    '',
    'Add a checklist next time.',
    '',
  ].join('\n');
  assert.deepEqual(rows(text), [[6, null, null, null]]);
});

test('a sub-item takes its parent\'s owner and ticket; a short parent that introduces a list keeps its sub-items', () => {
  const text = [
    '# Disk full on the build cache',
    '',
    '## Action items',
    '',
    '- Clean the build cache nightly (@lin, OPS-5):',
    '  - delete artifacts older than a week',
    '  - alert at 85% use',
    '- **Later:**',
    '  - Move the cache to a larger volume',
    '',
  ].join('\n');
  assert.deepEqual(rows(text), [
    [5, null, '@lin', 'OPS-5'],
    [6, null, '@lin', 'OPS-5'],
    [7, null, '@lin', 'OPS-5'],
    [9, null, null, null],
  ]);
});

test('lines indented into a code block under a corrective heading are read as measures; fenced code is not', () => {
  const text = [
    '# Queue backlog',
    '',
    '## Corrective and Preventative Measures',
    '',
    'We will do the following:',
    '',
    '    Queue alerts: Alert when the backlog passes 10,000 messages.',
    '    Capacity: Add two consumers during sales.',
    '',
    '```',
    'Restart the consumer with --fresh',
    'Restart the producer with --fresh',
    '```',
    '',
  ].join('\n');
  assert.deepEqual(rows(text).map(([line]) => line), [7, 8]);
});

test('a report with no action items: the follow-ups it announces in prose are its items; done work, quotes, advice and the timeline are not', () => {
  // Line 10: "our developers are reviewing the process …"; line 24: the strategy team will add an alert (VAULT-212).
  assert.deepEqual(rows(corpus('genre-announced-follow-ups.md')), [
    [10, null, null, null],
    [24, null, 'strategy team', 'VAULT-212'],
  ]);
});

test('announced follow-ups are read only when the report has no action items otherwise', () => {
  const text = [
    '# Outage',
    '',
    '## Summary',
    '',
    'The API failed for an hour. Our engineers are reviewing the deploy process. A plan is being reviewed to add canaries.',
    '',
    '## Action Items',
    '',
    '- Add a canary stage to the deploy pipeline (@lena, OPS-7)',
  ].join('\n');
  assert.deepEqual(rows(text), [[9, null, '@lena', 'OPS-7']]);
  const withoutList = text.split('\n').slice(0, 6).join('\n');
  assert.deepEqual(rows(withoutList).map(([line]) => line), [5, 5]);
  // Reports of done work, promises to talk, conditionals, advice to readers, the report describing itself and a status update are not follow-ups.
  const traps = [
    '# Outage',
    '',
    'We reviewed the deploy process and added a canary stage. We will share an update tomorrow.',
    'If the error returns, we will roll back again. Users should clear their cache. The team has already migrated every vault.',
    '',
    'In this post we will review what happened. We will continue to monitor the service.',
    '',
    'Investigating - We are working on a fix and are reviewing the deploy process.',
  ].join('\n');
  assert.deepEqual(rows(traps), []);
});
