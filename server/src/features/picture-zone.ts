import type { ZoneOffset } from '../protocol.js';
import { zoneOf } from '../time/zones.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// Zones change offset at most a few times a year: a week between samples finds every change.
const SAMPLE = 7 * DAY;

/**
 * The zone's offsets from `from` to `to`: the offset at `from`, then one row
 * per change (found to the millisecond). The zone database through the engine's
 * zone reader, so the client needs no zone engine of its own.
 */
export function zoneOffsets(zoneName: string, from: number, to: number): ZoneOffset[] {
  const named = zoneOf(zoneName);
  const zone = named.isValid ? named : zoneOf('UTC');
  const at = (ts: number): ZoneOffset => ({ from: ts, minutes: zone.offset(ts), name: zone.offsetName(ts, { format: 'short', locale: 'en-US' }) ?? zoneName });
  const offsets = [at(from)];
  if (zone.isUniversal) return offsets;
  for (let sample = from; sample < to; ) {
    const next = Math.min(to, sample + SAMPLE);
    const current = offsets[offsets.length - 1]!.minutes;
    if (zone.offset(next) === current) {
      sample = next;
      continue;
    }
    // Bisect to the first millisecond with the new offset; then look on from there (two changes may share a week).
    let before = sample;
    let after = next;
    while (after - before > 1) {
      const middle = Math.floor((before + after) / 2);
      if (zone.offset(middle) === current) before = middle;
      else after = middle;
    }
    offsets.push(at(after));
    sample = after;
  }
  return offsets;
}

/** The offset row in force at `key`. */
export function offsetAt(offsets: readonly ZoneOffset[], key: number): ZoneOffset {
  let found = offsets[0]!;
  for (const offset of offsets) if (offset.from <= key) found = offset;
  return found;
}

/** "09:05" or "9:05 AM": the wall-clock time of `key` in the zone. */
export function wallClock(offsets: readonly ZoneOffset[], key: number, twelveHour: boolean): string {
  const wall = new Date(key + offsetAt(offsets, key).minutes * MINUTE);
  const hour = wall.getUTCHours();
  const mm = String(wall.getUTCMinutes()).padStart(2, '0');
  if (!twelveHour) return `${String(hour).padStart(2, '0')}:${mm}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${mm} ${hour < 12 ? 'AM' : 'PM'}`;
}
