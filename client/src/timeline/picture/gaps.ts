// Gaps: long stretches with nothing written, hatched and bracketed.
import type { Frame, Interval } from './frame.js';
import type { Placed } from './input.js';
import { escapeXml, fixed, formatDuration } from './text.js';

const MINUTE = 60_000;

/** Stretches between consecutive entries longer than `fraction` of the span (and at least 10 minutes); none with fewer than 3 entries. */
export function gapsOf(placed: readonly Placed[], span: number, fraction: number): Interval[] {
  if (placed.length < 3 || span <= 0) return [];
  const keys = placed.map((p) => p.key).sort((a, b) => a - b);
  const gaps: Interval[] = [];
  for (let i = 1; i < keys.length; i++) {
    const from = keys[i - 1]!;
    const to = keys[i]!;
    if (to - from > fraction * span && to - from >= 10 * MINUTE) gaps.push({ from, to });
  }
  return gaps;
}

function gapSvg(gap: Interval, i: number, frame: Frame): string[] {
  const { scale, rows, clock } = frame;
  const gx = scale.x(gap.from) + 9;
  const gw = scale.x(gap.to) - 9 - gx;
  if (gw <= 4) return [];
  const text = `${formatDuration((gap.to - gap.from) / MINUTE)} with no entries`;
  const [from, to] = [clock.time(gap.from), clock.time(gap.to)];
  const tw = frame.measure.width(text, 11);
  const tx = Math.min(Math.max(gx + gw / 2, scale.left + tw / 2), scale.right - tw / 2);
  const bracketY = rows.gapRowY - 14;
  return [
    `<g class="gap" role="img" aria-label="${escapeXml(`Gap: ${text}, ${from} to ${to}`)}" data-gap="${i}">`,
    `<title>${escapeXml(`Gap: ${text} between ${from} and ${to} — what happened meanwhile?`)}</title>`,
    `<rect class="gap-area" x="${fixed(gx)}" y="${rows.entriesTop - 4}" width="${fixed(gw)}" height="${rows.axisY - rows.entriesTop + 4}" fill="url(#${frame.id}-hatch)"/>`,
    `<line class="gap-bracket" x1="${fixed(gx)}" y1="${bracketY}" x2="${fixed(gx + gw)}" y2="${bracketY}"/>`,
    `<line class="gap-bracket" x1="${fixed(gx)}" y1="${bracketY - 4}" x2="${fixed(gx)}" y2="${bracketY + 4}"/>`,
    `<line class="gap-bracket" x1="${fixed(gx + gw)}" y1="${bracketY - 4}" x2="${fixed(gx + gw)}" y2="${bracketY + 4}"/>`,
    `<text class="gap-label" x="${fixed(tx)}" y="${rows.gapRowY + 2}" font-size="11" text-anchor="middle">${escapeXml(text)}</text>`,
    `</g>`,
  ];
}

export function gapsSvg(gaps: readonly Interval[], frame: Frame): string[] {
  return gaps.flatMap((gap, i) => gapSvg(gap, i, frame));
}
