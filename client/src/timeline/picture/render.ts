// The Incident Timeline picture: the server's incident data in, SVG markup
// out. Pure and deterministic (no VS Code, no DOM, no clock), so it is
// unit-tested in Node; the webview only colours it: every element carries
// classes, the webview's stylesheet maps them to theme colours, and "Export
// SVG" resolves those colours to concrete values.
import type { EntryInfo } from '../messages.js';
import { axisSvg, gridSvg } from './axis.js';
import { clockOf } from './clock.js';
import { describeEntries } from './describe.js';
import { flagRowCount, flagsSvg, layoutFlags, milestoneKeys } from './flags.js';
import { rowsFor, type Frame } from './frame.js';
import { gapsOf, gapsSvg } from './gaps.js';
import { headerSvg, subtitleOf } from './header.js';
import { placedEntries, type Placed, type TimelineInput } from './input.js';
import { legendSvg } from './legend.js';
import { layoutMarks, type MarkLayout } from './lanes.js';
import { marksSvg } from './marks.js';
import { scaleOver, ticksOf } from './scale.js';
import { impactWindowSvg, spansSvg } from './spans.js';
import { escapeXml, measure } from './text.js';

export interface TimelineOptions {
  /** Pixel width to lay out for (the webview's width); clamped to 480…4000. */
  width?: number;
  /** Prefix for ids inside the SVG (patterns, labels). */
  idPrefix?: string;
  /** Title when the document has none (the file name). */
  fallbackTitle?: string;
  /** A stretch with no entry longer than this fraction of the drawn span is marked as a gap. */
  gapFraction?: number;
  /** How much wider the real font is than the estimate: fontScale() of what the webview measured. Default 1. */
  textScale?: number;
}

export interface TimelinePicture {
  svg: string;
  width: number;
  height: number;
  /** Entries drawn (those with a time). */
  marks: number;
  /** Gaps marked. */
  gaps: number;
}

function openSvg(frame: Frame, width: number, title: string, subtitle: string): string[] {
  const { height } = frame.rows;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="pmt" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12" role="group" aria-label="${escapeXml(`Incident timeline: ${title}. ${subtitle}.`)}">`,
    `<title>${escapeXml(`${title} — incident timeline`)}</title>`,
    `<defs><pattern id="${frame.id}-hatch" class="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch-line" x1="0" y1="0" x2="0" y2="6" stroke-width="2"/></pattern></defs>`,
  ];
}

function legendUse(input: TimelineInput, placed: readonly Placed[], flags: number, layout: MarkLayout, gaps: number): Parameters<typeof legendSvg>[0] {
  const impact = input.picture.spans.find((span) => span.id === 'impact');
  return {
    milestones: flags > 0 || placed.some((p) => p.entry.milestone),
    impact: impact ? (impact.stated ? 'stated' : 'drawn') : null,
    outOfOrder: placed.some((p) => p.entry.outOfOrder),
    approximate: placed.some((p) => p.entry.approximate),
    gaps: gaps > 0,
    unlabelled: !layout.showLabels,
  };
}

/** The timeline picture, or null when no entry has a time to draw. */
export function renderTimelineSvg(input: TimelineInput, options: TimelineOptions = {}, infos: readonly EntryInfo[] = describeEntries(input)): TimelinePicture | null {
  const placed = placedEntries(input.entries);
  if (placed.length === 0) return null;
  const width = Math.round(Math.min(4000, Math.max(480, options.width ?? 960)));
  const text = measure(options.textScale ?? 1);
  const clock = clockOf(input.picture.zone, input.picture.twelveHour);
  const { spans } = input.picture;
  const keys = milestoneKeys(input.milestones);
  const instants = [...placed.map((p) => p.key), ...keys.values(), ...spans.flatMap((span) => [span.from, span.to])];
  const gaps = gapsOf(placed, Math.max(...instants) - Math.min(...instants), options.gapFraction ?? 0.25);
  const scale = scaleOver(instants, width);
  const flags = layoutFlags(keys, scale, clock, text);
  const layout = layoutMarks(placed, infos, scale, text);
  const first = clock.wall(placed[0]!.key);
  const last = clock.wall(placed[placed.length - 1]!.key);
  const multiDay = first.day !== last.day || first.month !== last.month || first.year !== last.year || clock.wall(scale.d0).day !== clock.wall(scale.d1).day;
  const rows = rowsFor({ flagRows: flagRowCount(flags), spans: spans.length, lanes: layout.laneCount, multiDay, gaps: gaps.length });
  const frame: Frame = { id: (options.idPrefix ?? 'pmt').replace(/[^\w-]/g, ''), scale, clock, measure: text, rows };
  const title = input.picture.title ?? options.fallbackTitle ?? 'Incident';
  const subtitle = subtitleOf(input, placed, clock);
  const ticks = ticksOf(scale, clock);
  const out = [
    ...openSvg(frame, width, title, subtitle),
    ...headerSvg(title, subtitle, scale.left, scale.right, text),
    ...gridSvg(ticks, frame),
    ...impactWindowSvg(spans.find((span) => span.id === 'impact'), frame),
    ...gapsSvg(gaps, frame),
    ...axisSvg(ticks, frame, first, input.picture.dateKnown),
    ...spansSvg(spans, frame),
    ...flagsSvg(flags, frame),
    ...marksSvg(placed, infos, layout, frame),
    ...legendSvg(legendUse(input, placed, flags.length, layout, gaps.length), frame),
    `</svg>`,
  ];
  return { svg: out.join('\n'), width, height: rows.height, marks: placed.length, gaps: gaps.length };
}
