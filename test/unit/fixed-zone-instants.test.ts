import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { resolveTimestamp, type TimestampMatch } from '../../server/src/time/timestamps.js';
import { zoneOf } from '../../server/src/time/zones.js';
import { MemoOwner } from '../../server/src/time/memo-owner.js';

// Times in UTC or a fixed offset are placed by arithmetic, not luxon: the
// instant, the ISO text and the validity must be luxon's, edge cases included
// (leap days, a day the month lacks, offsets with minutes, west and east).
function stamp(date: TimestampMatch['date'], time: TimestampMatch['time'], zone: string | null, zoneText: string | null): TimestampMatch {
  return { start: 0, end: 0, text: '', date, time, twelveHour: false, zone, zoneText, approximate: false, numericOrder: null, weekday: null };
}

function byLuxon(match: TimestampMatch): { iso: string | null; sortKey: number | null } {
  const time = match.time ?? { hour: 0, minute: 0, second: 0 };
  const dateTime = DateTime.fromObject(
    { year: match.date?.year ?? 2000, month: match.date?.month ?? 1, day: match.date?.day ?? 1, ...time },
    { zone: match.zone ? zoneOf(match.zone) : 'UTC' },
  );
  if (!dateTime.isValid) return { iso: null, sortKey: null };
  const complete = match.date?.year != null && match.zone !== null && match.time !== null;
  return { iso: complete ? dateTime.toISO({ suppressMilliseconds: true }) : null, sortKey: dateTime.toMillis() };
}

test('fixed-offset and UTC times are placed exactly as luxon places them', () => {
  const zones = [null, 'UTC', 'UTC+2', 'UTC-5', 'UTC+5:30', 'UTC-3:30', 'UTC+14', 'UTC-12', 'UTC+1:05'];
  const dates = [null, { year: 2024, month: 2, day: 29 }, { year: 2023, month: 2, day: 29 }, { year: 2024, month: 4, day: 31 }, { year: 2024, month: 12, day: 31 }, { year: 1970, month: 1, day: 1 }, { year: null, month: 6, day: 12 }];
  const times = [null, { hour: 0, minute: 0, second: 0 }, { hour: 23, minute: 59, second: 59 }, { hour: 8, minute: 14, second: 0 }];
  let checked = 0;
  for (const zone of zones) {
    for (const date of dates) {
      for (const time of times) {
        for (const zoneText of [null, 'UTC', 'PDT']) {
          const match = stamp(date, time, zone, zoneText);
          // A fresh owner each time: every reading is worked out, none remembered.
          const got = resolveTimestamp(match, { date: null, zone: null }, new MemoOwner());
          const want = byLuxon(match);
          assert.deepEqual({ iso: got.iso, sortKey: got.sortKey }, want, JSON.stringify(match));
          checked++;
        }
      }
    }
  }
  assert.equal(checked, zones.length * dates.length * times.length * 3);
});
