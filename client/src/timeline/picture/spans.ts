// TTD / TTM / TTR and the impact, one row each, as the server measured them.
import type { PictureSpan } from '../../../../server/src/protocol.js';
import type { Frame } from './frame.js';
import { escapeXml, fixed, formatDuration } from './text.js';

/** Where a span's label goes: inside its bracket when it fits, else beside it (before it at the right edge). */
function labelPlace(sx: number, ex: number, tw: number, right: number, top: number): { x: number; y: number; anchor: string } {
  const lineY = top + 17;
  if (ex - sx >= tw + 8) return { x: (sx + ex) / 2, y: top + 11, anchor: 'middle' };
  return ex + 6 + tw > right + 20 ? { x: sx - 6, y: lineY + 4, anchor: 'end' } : { x: ex + 6, y: lineY + 4, anchor: 'start' };
}

function spanSvg(span: PictureSpan, row: number, frame: Frame): string[] {
  const { scale, rows, clock } = frame;
  const top = rows.spansTop + row * rows.spanRowH;
  const lineY = top + 17;
  const sx = scale.x(Math.min(span.from, span.to));
  const ex = scale.x(Math.max(span.from, span.to));
  const text = `${span.name} ${formatDuration(span.minutes)}`;
  const label = labelPlace(sx, ex, frame.measure.width(text, 11) * 1.08 + 4, scale.right, top);
  const what = `${span.name} ${formatDuration(span.minutes)} (${span.how})`;
  return [
    `<g class="span span-${span.id}${span.stated ? ' stated' : ''}" role="img" aria-label="${escapeXml(what)}">`,
    `<title>${escapeXml(`${what}: ${clock.time(span.from)} → ${clock.time(span.to)}`)}</title>`,
    `<line class="span-line" x1="${fixed(sx)}" y1="${lineY}" x2="${fixed(ex)}" y2="${lineY}"/>`,
    `<line class="span-cap" x1="${fixed(sx)}" y1="${lineY - 4}" x2="${fixed(sx)}" y2="${lineY + 4}"/>`,
    `<line class="span-cap" x1="${fixed(ex)}" y1="${lineY - 4}" x2="${fixed(ex)}" y2="${lineY + 4}"/>`,
    `<text class="span-label" x="${fixed(label.x)}" y="${label.y}" font-size="11" font-weight="600" text-anchor="${label.anchor}">${escapeXml(text)}</text>`,
    `</g>`,
  ];
}

export function spansSvg(spans: readonly PictureSpan[], frame: Frame): string[] {
  return spans.flatMap((span, row) => spanSvg(span, row, frame));
}

/** The impact window: a band behind everything, from impact start to its end. */
export function impactWindowSvg(impact: PictureSpan | undefined, frame: Frame): string[] {
  if (!impact) return [];
  const { scale, rows, clock } = frame;
  const bx = scale.x(impact.from);
  const bw = Math.max(2, scale.x(impact.to) - bx);
  return [
    `<g class="impact-window" role="img" aria-label="${escapeXml(`Impact window: ${formatDuration(impact.minutes)}, from ${impact.how}`)}">`,
    `<title>${escapeXml(`Impact window: ${clock.time(impact.from)} – ${clock.time(impact.to)} (${formatDuration(impact.minutes)}, ${impact.how})`)}</title>`,
    `<rect class="band" x="${fixed(bx)}" y="${rows.flagsTop}" width="${fixed(bw)}" height="${rows.axisY - rows.flagsTop}"/>`,
    `<rect class="band-edge" x="${fixed(bx)}" y="${rows.axisY - 4}" width="${fixed(bw)}" height="4"/>`,
    `</g>`,
  ];
}
