// The time scale: which stretch of time the picture spans, where an instant
// lands across the width, and the axis ticks.
import type { Clock } from './clock.js';

const MINUTE = 60_000;
const YEAR = 525960 * MINUTE;
/** Whole minutes, hours and days, then about a month, a quarter, half a year, a year. */
const TICK_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080, 20160, 43200, 129600, 262080, 525960].map((minutes) => minutes * MINUTE);
/** Labels need room, and more than this many ticks is clutter at any width. */
const MAX_TICKS = 12;

export interface Scale {
  /** The drawn span's first and last instants (padded). */
  d0: number;
  d1: number;
  /** The drawing's left and right edges, in pixels. */
  left: number;
  right: number;
  /** Where an instant lands. */
  x(key: number): number;
}

/** A scale over every given instant, padded by 3% (at least a minute), at least 10 minutes wide. */
export function scaleOver(instants: readonly number[], width: number): Scale {
  let d0 = Math.min(...instants);
  let d1 = Math.max(...instants);
  if (d1 - d0 < 10 * MINUTE) {
    const mid = (d0 + d1) / 2;
    d0 = mid - 5 * MINUTE;
    d1 = mid + 5 * MINUTE;
  }
  const pad = Math.max((d1 - d0) * 0.03, MINUTE);
  d0 -= pad;
  d1 += pad;
  const left = 20;
  const right = width - 20;
  return { d0, d1, left, right, x: (key) => left + ((key - d0) / (d1 - d0)) * (right - left) };
}

/**
 * The tick step for a span: the first nice step that gives at most maxTicks
 * ticks (a span of n steps can hold n + 1); past a year, 1, 2 or 5 times a
 * power of ten years.
 */
export function tickStep(span: number, maxTicks: number): number {
  const intervals = Math.max(1, maxTicks - 1);
  const step = TICK_STEPS.find((candidate) => span / candidate <= intervals);
  if (step !== undefined) return step;
  const years = span / intervals / YEAR;
  const power = 10 ** Math.floor(Math.log10(years));
  return ([1, 2, 5, 10].find((nice) => nice * power >= years) ?? 10) * power * YEAR;
}

/** Axis ticks on round wall-clock times, as many as the width holds legibly. */
export function ticksOf(scale: Scale, clock: Clock): number[] {
  const { d0, d1 } = scale;
  const maxTicks = Math.min(MAX_TICKS, Math.max(2, Math.floor((scale.right - scale.left) / (clock.twelveHour ? 64 : 58))));
  const step = tickStep(d1 - d0, maxTicks);
  const offset0 = clock.offset(d0);
  const ticks: number[] = [];
  for (let wallMs = Math.ceil((d0 + offset0) / step) * step; wallMs <= d1 + offset0; wallMs += step) {
    const guess = wallMs - offset0;
    ticks.push(wallMs - clock.offset(guess));
  }
  return ticks;
}
