// What the scans rewritten to be linear (docs/RELIABILITY.md, items 7 and 8)
// must still read the way the patterns they replace did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hourOf } from '../../server/src/model/timeline-order.js';
import { findDurations } from '../../server/src/time/durations.js';
import { findTimestamps } from '../../server/src/time/timestamps.js';
import { extractMetrics } from '../../server/src/model/metrics.js';
import { LineIndex } from '../../server/src/model/positions.js';
import { buildModel } from '../../server/src/model/build-model.js';
import { MemoOwner } from '../../server/src/time/memo-owner.js';

// One owner for the file, as a host keeps one: readings are remembered across its tests.
const memos = new MemoOwner();

for (const [text, hour] of [
  ['2024-09-03 22:05', 22],
  ['9:05 AM', 9],
  ['10:00:30', 10],
  ['1:23:45:67', 23],
  ['123:45', 23],
  ['08:00 to 09:30', 9],
  ['08:00\n09:30', 8],
  ['no time', -1],
] as const) {
  test(`hourOf(${JSON.stringify(text)}) is ${hour}`, () => {
    assert.equal(hourOf(text), hour);
  });
}

test('a duration phrase starts at the first space a phrase may start at, as before', () => {
  assert.deepEqual(findDurations('Duration:  45 minutes').map((d) => [d.start, d.text]), [[9, '45 minutes']]);
  assert.deepEqual(findDurations('for  45 minutes').map((d) => [d.start, d.text]), [[4, '45 minutes']]);
  assert.deepEqual(findDurations('x  ~2h').map((d) => [d.start, d.approximate]), [[3, true]]);
});

test('an undated time inside a dated match is not read twice', () => {
  assert.deepEqual(findTimestamps('2024-01-01 10:00 then 11:00, Jan 2 12:00', memos).map((t) => t.text), ['2024-01-01 10:00', '11:00', 'Jan 2 12:00']);
});

test('metrics do not overlap, whichever pattern finds them first', () => {
  const text = '5% of users, $300 and 1,200 users for 2 hours';
  assert.deepEqual(extractMetrics(text, 0, new LineIndex(text)).map((m) => [m.text, m.unit]), [
    ['5%', '%'],
    ['$300 ', 'money'],
    ['1,200 users', 'count'],
    ['2 hours', 'minutes'],
  ]);
});

test('a timeline table header names its zone in the first non-empty parentheses', () => {
  const { model } = buildModel('# Postmortem\n\n## Timeline\n\n| Time () (PST) | Event |\n| --- | --- |\n| 2024-01-01 10:00 | Paged |\n');
  assert.equal(model.timeline[0]?.at, '2024-01-01T10:00:00-08:00');
});

test('the separator after an entry\'s time is left out of its text (emphasis before a word is not one)', () => {
  const { model } = buildModel('# Postmortem\n\n## Timeline\n\n- **09:05**: Paged\n- 09:10 (approx) - Rolled back\n- 09:20 *__Recovered\n- `09:30` | Closed\n');
  assert.deepEqual(model.timeline.map((entry) => entry.text), ['Paged', 'Rolled back', '*__Recovered', 'Closed']);
});
