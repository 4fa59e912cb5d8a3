import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDurations, formatMinutes } from '../../server/src/time/durations.js';
import { buildModel } from '../../server/src/model/build-model.js';

for (const [text, minutes] of [
  ['2h 30m', 150],
  ['66 minutes', 66],
  ['40min', 40],
  ['2 hours and 28 minutes', 148],
  ['~48 hours', 2880],
  ['1.5 hours', 90],
  ['PT2H30M', 150],
  ['1 day, 2 hours', 1560],
] as const) {
  test(`"${text}" lasts ${minutes} minutes`, () => {
    assert.equal(findDurations(text)[0]?.minutes, minutes);
  });
}

test('durations are formatted compactly', () => {
  assert.equal(formatMinutes(150), '2h 30m');
  assert.equal(formatMinutes(45), '45m');
  assert.equal(formatMinutes(1560), '1d 2h');
});

for (const [line, minutes, start] of [
  ['**Duration**: From 2024-04-10 09:00 AM to 2024-04-10 11:30 AM (UTC).', 150, '2024-04-10T09:00:00Z'],
  ['Duration: 66 minutes', 66, null],
  ['**Duration:** Between 14:00 and 15:06 UTC on 2023-02-01', 66, '2023-02-01T14:00:00Z'],
  ['- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM UTC)', 150, null],
] as const) {
  test(`the stated duration of "${line}" is ${minutes} minutes`, () => {
    const { model } = buildModel(`# Postmortem\n\n## Summary\n${line}\n`);
    assert.equal(model.duration?.minutes, minutes);
    assert.equal(model.duration?.start, start);
  });
}

test('a summary sentence can state the duration', () => {
  const { model } = buildModel('# Outage\n\n## Summary\nThe checkout API was down for 45 minutes after a bad deploy.\n');
  assert.equal(model.duration?.minutes, 45);
});

test('Start and End fields give the duration', () => {
  const { model } = buildModel('# Outage\n\nStart: 2024-03-05 10:00 UTC\nEnd: 2024-03-05 11:15 UTC\n\n## Summary\nx\n');
  assert.equal(model.duration?.minutes, 75);
  assert.equal(model.duration?.end, '2024-03-05T11:15:00Z');
});
