import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimestamps, resolveTimestamp } from '../../server/src/time/timestamps.js';
import { resolveZoneName, zoneFromName, zoneFromTypo } from '../../server/src/time/zones.js';
import { MemoOwner } from '../../server/src/time/memo-owner.js';

// One owner for the file, as a host keeps one: readings are remembered across its tests.
const memos = new MemoOwner();

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
  // Time shapes of the seed's genre and of tools.
  ['9.05 AM: the proxy reloads', '9.05 AM', null],
  ['9:05a server up', '9:05a', null],
  ['1:10p back to normal', '1:10p', null],
  ['0:41:07 AM: certificate rotated', '0:41:07 AM', null],
  ['ca. 07:45 UTC: restarted', '07:45 UTC', '2024-04-10T07:45:00Z'],
  ['[09:05] paged', '09:05', null],
  ['[03-02 14:05 UTC] paged', '03-02 14:05 UTC', '2024-03-02T14:05:00Z'],
  ['May 2, 2023: 6:15pm UTC - review', 'May 2, 2023: 6:15pm UTC', '2023-05-02T18:15:00Z'],
  ['2024-03-02T09:10:00-05:00 deploy', '2024-03-02T09:10:00-05:00', '2024-03-02T09:10:00-05:00'],
  ['10:00 AM (SAST): rollout', '10:00 AM (SAST)', '2024-04-10T10:00:00+02:00'],
  ['10:00 AM (UTC+2): rollout', '10:00 AM (UTC+2)', '2024-04-10T10:00:00+02:00'],
  ['10:00 EAT rollout', '10:00 EAT', '2024-04-10T10:00:00+03:00'],
  ['10:00 WAT rollout', '10:00 WAT', '2024-04-10T10:00:00+01:00'],
  ['10:00 CAT rollout', '10:00 CAT', '2024-04-10T10:00:00+02:00'],
  // Date forms.
  ['12. Mai 2023', '12. Mai 2023', null],
  ['Tuesday Nov 8th', 'Tuesday Nov 8th', null],
  ['_5/17/22_', '5/17/22', null],
  ['06-14-2022 10:00 UTC', '06-14-2022 10:00 UTC', '2022-06-14T10:00:00Z'],
  ['14-06-2022 10:00 UTC', '14-06-2022 10:00 UTC', '2022-06-14T10:00:00Z'],
  ['14.06.2022 10:00 UTC', '14.06.2022 10:00 UTC', '2022-06-14T10:00:00Z'],
  ['2024/03/02 10:00 UTC', '2024/03/02 10:00 UTC', '2024-03-02T10:00:00Z'],
  // Not dates: a numbered item, a fraction, a version, a 24-hour time with PM.
  ['3. May we retry?', null, null],
  ['3/4 of users', null, null],
  ['version 1.2.3', null, null],
  ['14:30 PM restored', null, null],
];

for (const [text, written, iso] of CASES) {
  test(`finds ${written ?? 'no timestamp'} in "${text}"`, () => {
    const [first] = findTimestamps(text, memos);
    assert.equal(first?.text ?? null, written);
    if (first && written) {
      const resolved = resolveTimestamp(first, { date: { year: 2024, month: 4, day: 10 }, zone: first.zone }, memos);
      assert.equal(resolved.iso, iso);
    }
  });
}

test('"~09:10-09:25" is a range from 09:10 to 09:25, not 09:10 at offset −09:25', () => {
  const stamps = findTimestamps('~09:10-09:25 support reports errors', memos);
  assert.deepEqual(stamps.map((stamp) => [stamp.text, stamp.zone]), [['09:10', null], ['09:25', null]]);
  assert.equal(stamps[0]!.approximate, true);
});

test('an all-numeric date records whether its day/month order is fixed by a field above 12', () => {
  assert.equal(findTimestamps('14-06-2022', memos)[0]?.numericOrder, 'dmy');
  assert.equal(findTimestamps('06-14-2022', memos)[0]?.numericOrder, 'mdy');
  assert.equal(findTimestamps('06/05/2022', memos)[0]?.numericOrder, 'either');
  assert.equal(findTimestamps('2022-06-05', memos)[0]?.numericOrder, null);
  const either = findTimestamps('06/05/2022 10:00 UTC', memos)[0]!;
  assert.equal(resolveTimestamp(either, { date: null, zone: null }, memos).iso, '2022-06-05T10:00:00Z');
  assert.equal(resolveTimestamp(either, { date: null, zone: null, dayFirst: true }, memos).iso, '2022-05-06T10:00:00Z');
});

test('a written weekday is kept to check against the date', () => {
  assert.equal(findTimestamps('Tuesday, March 14, 2024', memos)[0]?.weekday, 2);
  assert.equal(findTimestamps('March 14, 2024', memos)[0]?.weekday, null);
});

test('zone aliases read an abbreviation as the document means it', () => {
  const [ist] = findTimestamps('08:10 IST', memos);
  assert.equal(resolveTimestamp(ist!, { date: { year: 2024, month: 8, day: 6 }, zone: null }, memos).iso, '2024-08-06T08:10:00+05:30');
  assert.equal(resolveTimestamp(ist!, { date: { year: 2024, month: 8, day: 6 }, zone: null, zoneAliases: { IST: 'Europe/Dublin' } }, memos).iso, '2024-08-06T08:10:00+01:00');
});

test('zones written out in words, and obvious typos of them', () => {
  assert.equal(zoneFromName('West African Time (WAT)')?.zone, 'Africa/Lagos');
  assert.equal(zoneFromName('Pacific time.')?.zone, 'America/Los_Angeles');
  assert.equal(zoneFromName('Eastern Standard Time')?.zone, 'America/New_York');
  assert.equal(zoneFromName('South African Standard Time')?.zone, 'Africa/Johannesburg');
  assert.equal(zoneFromName('Pacific Ocean'), null);
  assert.equal(zoneFromTypo('Pacfic'), 'America/Los_Angeles');
  assert.equal(zoneFromTypo('Easterm'), 'America/New_York');
  assert.equal(zoneFromTypo('PTS'), null);
  assert.equal(zoneFromTypo('Capital'), null);
});

test('approximate times are flagged', () => {
  assert.equal(findTimestamps('~01:30 restarted', memos)[0]?.approximate, true);
  assert.equal(findTimestamps('around 17:10 the API', memos)[0]?.approximate, true);
  assert.equal(findTimestamps('17:10 the API', memos)[0]?.approximate, false);
});

test('a range gives both ends', () => {
  assert.deepEqual(
    findTimestamps('8:20 - 8:24 degraded', memos).map((stamp) => stamp.text),
    ['8:20', '8:24'],
  );
});

test('a bare time takes the zone and date of its context, with DST from the zone database', () => {
  const [summer] = findTimestamps('09:00', memos);
  assert.ok(summer);
  assert.equal(resolveTimestamp(summer, { date: { year: 2024, month: 7, day: 1 }, zone: 'America/Los_Angeles' }, memos).iso, '2024-07-01T09:00:00-07:00');
  assert.equal(resolveTimestamp(summer, { date: { year: 2024, month: 1, day: 1 }, zone: 'America/Los_Angeles' }, memos).iso, '2024-01-01T09:00:00-08:00');
  assert.equal(resolveTimestamp(summer, { date: null, zone: 'UTC' }, memos).iso, null);
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
