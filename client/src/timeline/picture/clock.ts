// Wall-clock readings of instants, from the zone offsets the server sends
// (IncidentPicture.zone): arithmetic on a table, no zone database here.
import type { ZoneOffset } from '../../../../server/src/protocol.js';

const MINUTE = 60_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

export interface Clock {
  twelveHour: boolean;
  /** Milliseconds to add to an instant to get its wall-clock time read as UTC. */
  offset(key: number): number;
  wall(key: number): WallTime;
  zoneName(key: number): string;
  /** "09:05" or "9:05 AM"; compact: "9 AM", "9:05" (axis ticks). */
  time(key: number, compact?: boolean): string;
}

export function clockOf(zone: readonly ZoneOffset[], twelveHour: boolean): Clock {
  const at = (key: number): ZoneOffset | undefined => {
    let found = zone[0];
    for (const row of zone) if (row.from <= key) found = row;
    return found;
  };
  const offset = (key: number): number => (at(key)?.minutes ?? 0) * MINUTE;
  const wall = (key: number): WallTime => wallOf(key + offset(key));
  return { twelveHour, offset, wall, zoneName: (key) => at(key)?.name ?? 'UTC', time: (key, compact = false) => clockText(wall(key), twelveHour, compact) };
}

function wallOf(wallMs: number): WallTime {
  const date = new Date(wallMs);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), weekday: date.getUTCDay() };
}

export function clockText(wall: WallTime, twelveHour: boolean, compact = false): string {
  const mm = String(wall.minute).padStart(2, '0');
  if (!twelveHour) return `${String(wall.hour).padStart(2, '0')}:${mm}`;
  const hour = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  const suffix = wall.hour < 12 ? 'AM' : 'PM';
  if (compact && wall.minute === 0) return `${hour} ${suffix}`;
  return compact ? `${hour}:${mm}` : `${hour}:${mm} ${suffix}`;
}

/** "Wed 12 Jun 2024", "Wed 12 Jun". */
export function dateText(wall: WallTime, withYear: boolean): string {
  return `${WEEKDAYS[wall.weekday] ?? ''} ${wall.day} ${MONTHS[wall.month] ?? ''}${withYear ? ` ${wall.year}` : ''}`;
}

export function sameDay(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
