import { dateText, sameDay, type Clock } from './clock.js';
import type { Placed, TimelineInput } from './input.js';
import { escapeXml, formatDuration, type Measure } from './text.js';

const MINUTE = 60_000;

/** What the picture covers: its dates and times, in the zone; one zone name at each side when daylight saving time changed in between. */
function rangeText(first: number, last: number, clock: Clock, dateKnown: boolean): string {
  const fw = clock.wall(first);
  const lw = clock.wall(last);
  const zoneFirst = clock.zoneName(first);
  const zoneLast = clock.zoneName(last);
  const z1 = zoneFirst === zoneLast ? '' : ` ${zoneFirst}`;
  const from = `${clock.time(first)}${z1}`;
  const to = `${clock.time(last)} ${zoneLast}`;
  if (sameDay(fw, lw)) return `${dateKnown ? `${dateText(fw, true)} · ` : ''}${from} – ${to}`;
  if (dateKnown) return `${dateText(fw, true)} ${from} – ${dateText(lw, false)} ${to}`;
  return `${from} – ${to} (${formatDuration((last - first) / MINUTE)} later)`;
}

/** The subtitle: range, entry count, then the figures (spans, or the stated duration). */
export function subtitleOf(input: TimelineInput, placed: readonly Placed[], clock: Clock): string {
  const first = placed[0]!.key;
  const last = placed[placed.length - 1]!.key;
  const { spans, statedMinutes, dateKnown } = input.picture;
  const figures = spans.map((span) => `${span.name} ${formatDuration(span.minutes)}`);
  if (!spans.some((span) => span.id === 'impact') && statedMinutes !== null) figures.unshift(`Duration ${formatDuration(statedMinutes)} (stated)`);
  return [rangeText(first, last, clock, dateKnown), `${placed.length} ${placed.length === 1 ? 'entry' : 'entries'}`, ...figures].join(' · ');
}

export function headerSvg(title: string, subtitle: string, left: number, right: number, measure: Measure): string[] {
  return [
    `<g class="header" aria-hidden="true">`,
    `<text class="title" x="${left}" y="24" font-size="15" font-weight="600">${escapeXml(measure.fit(title, (right - left) / 1.1, 15))}</text>`,
    `<text class="subtitle" x="${left}" y="44" font-size="12">${escapeXml(measure.fit(subtitle, right - left, 12))}</text>`,
    `</g>`,
  ];
}
