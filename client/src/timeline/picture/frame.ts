import type { Clock } from './clock.js';
import type { Scale } from './scale.js';
import type { Measure } from './text.js';

/** A horizontal extent in pixels. */
export interface Interval {
  from: number;
  to: number;
}

/** A label's extent, and whether it sits at the end of its mark (left of it) for lack of room on the right. */
export interface LabelBox extends Interval {
  end: boolean;
}

/** First-fit packing into rows: the row index for each interval, in the order given. */
export function pack(intervals: readonly Interval[], gap: number): number[] {
  const ends: number[] = [];
  return intervals.map((interval) => {
    let row = ends.findIndex((end) => end + gap <= interval.from);
    if (row === -1) row = ends.push(interval.to) - 1;
    else ends[row] = interval.to;
    return row;
  });
}

/** Where each band of the picture sits, top to bottom. */
export interface Rows {
  flagsTop: number;
  flagRowH: number;
  spansTop: number;
  spanRowH: number;
  entriesTop: number;
  laneH: number;
  axisY: number;
  /** The axis shows day labels under the times. */
  multiDay: boolean;
  gapRowY: number;
  legendY: number;
  height: number;
}

export interface RowCounts {
  flagRows: number;
  spans: number;
  lanes: number;
  multiDay: boolean;
  gaps: number;
}

/** The vertical layout: header, milestone flags, span rows, entry lanes, axis, gap labels, legend. */
export function rowsFor(counts: RowCounts): Rows {
  const flagsTop = 58;
  const flagRowH = 17;
  const spansTop = flagsTop + counts.flagRows * flagRowH + (counts.flagRows ? 6 : 0);
  const spanRowH = 24;
  const entriesTop = spansTop + counts.spans * spanRowH + 8;
  const laneH = 26;
  const axisY = entriesTop + counts.lanes * laneH + 8;
  const gapRowY = axisY + (counts.multiDay ? 50 : 36);
  const legendY = gapRowY + (counts.gaps ? 24 : 4);
  return { flagsTop, flagRowH, spansTop, spanRowH, entriesTop, laneH, axisY, multiDay: counts.multiDay, gapRowY, legendY, height: legendY + 16 };
}

/** Everything the drawing functions share. */
export interface Frame {
  /** Prefix for ids inside the SVG. */
  id: string;
  scale: Scale;
  clock: Clock;
  measure: Measure;
  rows: Rows;
}
