import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimestamps, resolveTimestamp } from '../../server/src/time/timestamps.js';
import { resolveZoneName } from '../../server/src/time/zones.js';

// [text, the timestamp found as written, its instant given the context (date 2024-04-10, no zone) or null]
const CASES: ReadonlyArray<readonly [string, string | null, string | null]> = [
  ['09:05 AM: The engineering team', '09:05 AM', null],
  ['2015-10-21 15:28 UTC', '2015-10-21 15:28 UTC', '2015-10-21T15:28:00Z'],
  ['2026-08-18T16:27:00+00:00 deploy', '2026-08-18T16:27:00+00:00', '2026-08-18T16:27:00Z'],
  ['October 11 05:59 UTC', 'October 11 05:59 UTC', '2024-10-11T05:59:00Z'],
  ['Mon, August 11, 2014, 17:10 PST8PDT', 'Mon, August 11, 2014, 17:10 PST8PDT', '2014-08-11T17:10:00-07:00'],
  ['February 28th, 2017', 'February 28th, 2017', null],
  ['9:37AM PST paged', '9:37AM PST', '2024-04-10T09:37:00-07:00'],
  ['07:30am the fix', '07:30am', null],
  ['12:00 PM noon', '12:00 PM', null],
  ['12:15 AM after midnight', '12:15 AM', null],
  ['18:46 UTC – Customer impact began.', '18:46 UTC', '2024-04-10T18:46:00Z'],
  ['10:00 CET in winter', '10:00 CET', '2024-04-10T10:00:00+02:00'],
  ['14:00 (UTC) rollback', '14:00 (UTC)', '2024-04-10T14:00:00Z'],
  ['see https://grafana/d/x?from=1594299600000&to=1594303200000', null, null],
  ['end_time=20151021T145700', null, null],
  ['bumped v1.12.30 and 10.0.12.40', null, null],
  ['ticket OPS-1230 and 3:2 ratio', null, null],
  ['25:61 is no time', null, null],
];

for (const [text, written, iso] of CASES) {
  test(`finds ${written ?? 'no timestamp'} in "${text}"`, () => {
    const [first] = findTimestamps(text);
    assert.equal(first?.text ?? null, written);
    if (first && written) {
      const resolved = resolveTimestamp(first, { date: { year: 2024, month: 4, day: 10 }, zone: first.zone });
      assert.equal(resolved.iso, iso);
    }
  });
}

test('approximate times are flagged', () => {
  assert.equal(findTimestamps('~01:30 restarted')[0]?.approximate, true);
  assert.equal(findTimestamps('around 17:10 the API')[0]?.approximate, true);
  assert.equal(findTimestamps('17:10 the API')[0]?.approximate, false);
});

test('a range gives both ends', () => {
  assert.deepEqual(
    findTimestamps('8:20 - 8:24 degraded').map((stamp) => stamp.text),
    ['8:20', '8:24'],
  );
});

test('a bare time takes the zone and date of its context, with DST from the zone database', () => {
  const [summer] = findTimestamps('09:00');
  assert.ok(summer);
  assert.equal(resolveTimestamp(summer, { date: { year: 2024, month: 7, day: 1 }, zone: 'America/Los_Angeles' }).iso, '2024-07-01T09:00:00-07:00');
  assert.equal(resolveTimestamp(summer, { date: { year: 2024, month: 1, day: 1 }, zone: 'America/Los_Angeles' }).iso, '2024-01-01T09:00:00-08:00');
  assert.equal(resolveTimestamp(summer, { date: null, zone: 'UTC' }).iso, null);
});

test('zones resolve from abbreviations, IANA names, POSIX names and offsets', () => {
  assert.equal(resolveZoneName('UTC'), 'UTC');
  assert.equal(resolveZoneName('Z'), 'UTC');
  assert.equal(resolveZoneName('pdt'), 'America/Los_Angeles');
  assert.equal(resolveZoneName('US/Pacific'), 'US/Pacific');
  assert.equal(resolveZoneName('Europe/Berlin'), 'Europe/Berlin');
  assert.equal(resolveZoneName('+02:00'), 'UTC+2');
  assert.equal(resolveZoneName('UTC-5'), 'UTC-5');
  assert.equal(resolveZoneName('API'), null);
  assert.equal(resolveZoneName('Mars/Olympus'), null);
});
