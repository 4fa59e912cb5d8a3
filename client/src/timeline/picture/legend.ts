// The legend: only what the picture uses.
import type { Frame } from './frame.js';
import { escapeXml } from './text.js';

export interface LegendUse {
  milestones: boolean;
  impact: 'drawn' | 'stated' | null;
  outOfOrder: boolean;
  approximate: boolean;
  gaps: boolean;
  unlabelled: boolean;
}

function items(use: LegendUse): Array<{ cls: string; text: string }> {
  const legend = [{ cls: 'lg-entry', text: 'Entry' }];
  if (use.milestones) legend.push({ cls: 'lg-milestone', text: 'Milestone' });
  if (use.impact) legend.push({ cls: 'lg-impact', text: use.impact === 'stated' ? 'Impact (stated duration)' : 'Impact window' });
  if (use.outOfOrder) legend.push({ cls: 'lg-ooo', text: 'Out of order' });
  if (use.approximate) legend.push({ cls: 'lg-approx', text: 'Approximate time' });
  if (use.gaps) legend.push({ cls: 'lg-gap', text: 'Gap in the timeline' });
  if (use.unlabelled) legend.push({ cls: 'lg-note', text: 'Too many entries to label: hover or see the list' });
  return legend;
}

function swatch(cls: string, lx: number, cy: number, id: string): string {
  switch (cls) {
    case 'lg-entry':
    case 'lg-approx':
      return `<circle class="${cls}" cx="${lx + 5}" cy="${cy}" r="4.5"/>`;
    case 'lg-milestone':
      return `<path class="${cls}" d="M${lx + 5} ${cy - 5.5}l5.5 5.5l-5.5 5.5l-5.5 -5.5z"/>`;
    case 'lg-ooo':
      return `<circle class="${cls}" cx="${lx + 5}" cy="${cy}" r="5.5"/>`;
    case 'lg-gap':
      return `<rect class="${cls}" x="${lx}" y="${cy - 5}" width="11" height="10" fill="url(#${id}-hatch)"/>`;
    case 'lg-impact':
      return `<rect class="${cls}" x="${lx}" y="${cy - 5}" width="11" height="10"/>`;
    default:
      return '';
  }
}

export function legendSvg(use: LegendUse, frame: Frame): string[] {
  const y = frame.rows.legendY;
  const out = [`<g class="legend" aria-hidden="true">`];
  let lx = frame.scale.left;
  for (const item of items(use)) {
    const mark = swatch(item.cls, lx, y - 4, frame.id);
    if (mark) out.push(mark);
    const textX = item.cls === 'lg-note' ? lx : lx + 16;
    out.push(`<text class="legend-label" x="${textX}" y="${y}" font-size="11">${escapeXml(item.text)}</text>`);
    lx = textX + frame.measure.width(item.text, 11) + 18;
  }
  out.push(`</g>`);
  return out;
}
