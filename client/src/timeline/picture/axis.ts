// The grid behind the picture and the time axis under it.
import { clockText, dateText, type WallTime } from './clock.js';
import type { Frame } from './frame.js';
import { escapeXml, fixed } from './text.js';

const DAY = 24 * 60 * 60_000;

export function gridSvg(ticks: readonly number[], frame: Frame): string[] {
  const { rows, scale } = frame;
  return [`<g class="grid" aria-hidden="true">`, ...ticks.map((tick) => `<line class="grid-line" x1="${fixed(scale.x(tick))}" y1="${rows.flagsTop}" x2="${fixed(scale.x(tick))}" y2="${rows.axisY}"/>`), `</g>`];
}

/** "Wed 12 Jun" under the first tick of each day, or "Day 2" when the document gives no date. */
function dayLabel(wall: WallTime, firstDay: WallTime, dateKnown: boolean): string {
  if (dateKnown) return dateText(wall, false);
  const dayIndex = Math.round((Date.UTC(wall.year, wall.month, wall.day) - Date.UTC(firstDay.year, firstDay.month, firstDay.day)) / DAY);
  return `Day ${dayIndex + 1}`;
}

/** The axis line, its ticks and time labels; day labels when the picture spans days. `firstDay`: the first entry's wall time. */
export function axisSvg(ticks: readonly number[], frame: Frame, firstDay: WallTime, dateKnown: boolean): string[] {
  const { rows, scale, clock } = frame;
  const y = rows.axisY;
  const out = [`<g class="axis" aria-hidden="true">`, `<line class="axis-line" x1="${scale.left}" y1="${y}" x2="${scale.right}" y2="${y}"/>`];
  let previousDay: string | null = null;
  for (const tick of ticks) {
    const tx = fixed(scale.x(tick));
    const wall = clock.wall(tick);
    out.push(`<line class="tick" x1="${tx}" y1="${y}" x2="${tx}" y2="${y + 5}"/>`);
    out.push(`<text class="tick-label" x="${tx}" y="${y + 18}" font-size="11" text-anchor="middle">${escapeXml(clockText(wall, clock.twelveHour, true))}</text>`);
    if (!rows.multiDay) continue;
    const day = `${wall.year}-${wall.month}-${wall.day}`;
    if (day !== previousDay) out.push(`<text class="day-label" x="${tx}" y="${y + 33}" font-size="11" font-weight="600" text-anchor="middle">${escapeXml(dayLabel(wall, firstDay, dateKnown))}</text>`);
    previousDay = day;
  }
  out.push(`</g>`);
  return out;
}
