// The entries: a dot (a diamond for a milestone) per entry, with its label.
import type { EntryInfo } from '../messages.js';
import type { Frame } from './frame.js';
import type { Placed } from './input.js';
import { LABEL_SIZE, type MarkLayout } from './lanes.js';
import { escapeXml, fixed } from './text.js';

function tipOf(info: EntryInfo): string {
  return [`${info.time}${info.offset ? ` (${info.offset})` : ''}`, info.label ? `${info.label}: ${info.text}` : info.text, info.milestone ? `Milestone: ${info.milestone}` : '', info.problem ?? ''].filter(Boolean).join('\n');
}

function markSvg(p: Placed, i: number, info: EntryInfo, layout: MarkLayout, frame: Frame): string[] {
  const { rows } = frame;
  const mx = frame.scale.x(p.key);
  const my = rows.entriesTop + layout.lanes[i]! * rows.laneH + rows.laneH / 2;
  const { milestone, outOfOrder, approximate } = p.entry;
  const classes = ['mark', milestone ? `ms-${milestone}` : 'plain', outOfOrder ? 'out-of-order' : '', approximate ? 'approximate' : ''].filter(Boolean).join(' ');
  const out = [
    `<g class="${classes}" tabindex="${i === 0 ? 0 : -1}" role="button" aria-label="${escapeXml(info.ariaLabel)}" data-index="${p.index}" data-order="${p.order}">`,
    `<title>${escapeXml(tipOf(info))}</title>`,
    `<line class="stem" x1="${fixed(mx)}" y1="${my}" x2="${fixed(mx)}" y2="${rows.axisY}"/>`,
    milestone ? `<path class="shape" d="M${fixed(mx)} ${fixed(my - 7)}l7 7l-7 7l-7 -7z"/>` : `<circle class="shape" cx="${fixed(mx)}" cy="${my}" r="${outOfOrder ? 7 : 5}"/>`,
  ];
  if (outOfOrder) out.push(`<text class="bang" x="${fixed(mx)}" y="${my + 4}" font-size="11" font-weight="700" text-anchor="middle">!</text>`);
  if (layout.showLabels) {
    const box = layout.boxes[i]!;
    out.push(`<text class="label" x="${fixed(box.end ? mx - 11 : mx + 11)}" y="${my + 4}" font-size="${LABEL_SIZE}" text-anchor="${box.end ? 'end' : 'start'}">${escapeXml(layout.labels[i]!)}</text>`);
  }
  out.push(`</g>`);
  return out;
}

export function marksSvg(placed: readonly Placed[], infos: readonly EntryInfo[], layout: MarkLayout, frame: Frame): string[] {
  return [`<g class="entries">`, ...placed.flatMap((p, i) => markSvg(p, i, infos[p.index]!, layout, frame)), `</g>`];
}
