// The Incident Timeline picture: incident data in, SVG markup out. Pure and
// deterministic (no VS Code, no DOM, no clock), so it is unit-tested in Node
// and the webview only has to colour it: every element carries classes, the
// webview's stylesheet maps them to theme colours, and "Export SVG" resolves
// those colours to concrete values.
import type { IncidentModel, MilestoneKind } from '../../server/src/model/schema.js';
import type { IncidentResult, PictureEntry } from '../../server/src/protocol.js';

/** What the picture needs from an IncidentResult (an IncidentResult is one). */
export interface TimelineInput {
  entries: readonly PictureEntry[];
  milestones: IncidentResult['milestones'];
  displayZone: string;
  model: Pick<IncidentModel, 'title' | 'metrics' | 'duration' | 'timeline'>;
}

export interface TimelineOptions {
  /** Pixel width to lay out for (the webview's width); clamped to 480…4000. */
  width?: number;
  /** Prefix for ids inside the SVG (patterns, labels). */
  idPrefix?: string;
  /** Title when the model has none (the file name). */
  fallbackTitle?: string;
  /** A stretch with no entry longer than this fraction of the drawn span is marked as a gap. */
  gapFraction?: number;
  /**
   * How much wider the real font is than textWidth() estimates: the webview
   * measures FONT_SAMPLE and passes fontScale(measured). Default 1.
   */
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

/** One entry as the webview's tooltip and table show it. */
export interface EntryInfo {
  index: number;
  /** The time to show: as written, or its time of day when written as a full date and time. */
  time: string;
  /** The time as the document writes it. */
  written: string;
  offset: string | null;
  label: string | null;
  text: string;
  milestone: string | null;
  milestoneKind: MilestoneKind | null;
  /** Why the entry is flagged (out of order), or null. */
  problem: string | null;
  approximate: boolean;
  /** Drawn on the picture (it has a time). */
  drawn: boolean;
  /** Screen reader name: time, T+ offset, text, milestone, problem. */
  ariaLabel: string;
}

export const MILESTONE_NAMES: Record<MilestoneKind, string> = {
  'impact-start': 'Impact start',
  detected: 'Detected',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  'impact-end': 'Impact end',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------
// Text helpers

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Entry text as a reader sees it rendered: no emphasis markers, links as their text, no HTML comments. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text the webview measures in its font at 12px, to correct textWidth() (see TimelineOptions.textScale). */
export const FONT_SAMPLE = 'Rollback of placement-svc to v2.31.4 complete; 401 RATE BACK AT 0.05% (T+1h 5m)';

/** The textScale for a measured width of FONT_SAMPLE at 12px. */
export function fontScale(measured: number): number {
  // 4% to spare: the estimate is within ±4% of real text once scaled.
  const scale = (measured / estimateWidth(FONT_SAMPLE, 12)) * 1.04;
  return Number.isFinite(scale) ? Math.min(1.6, Math.max(0.75, Math.round(scale * 100) / 100)) : 1;
}

let widthScale = 1;

/** Approximate advance width of text in the workbench's UI font, in pixels. */
export function textWidth(text: string, size: number): number {
  return estimateWidth(text, size) * widthScale;
}

function estimateWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) {
    if (' '.includes(c)) em += 0.28;
    else if ('il.,:;\'|!`()[]{}'.includes(c)) em += 0.3;
    else if ('fjrt-'.includes(c)) em += 0.38;
    else if ('mwMW@%'.includes(c)) em += 0.86;
    else if (/[A-Z]/.test(c)) em += 0.66;
    else if (/[0-9]/.test(c)) em += 0.56;
    else if (c.charCodeAt(0) > 0x2000) em += 0.9;
    else em += 0.53;
  }
  return em * size;
}

function truncate(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  let result = '';
  for (const c of text) {
    if (textWidth(`${result}${c}…`, size) > maxWidth) break;
    result += c;
  }
  return `${result.trimEnd()}…`;
}

/** "48m", "1h 5m", "1d 21h 55m", "−12m", in the style of the server's T+ offsets. */
export function formatDuration(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded === 0) return '0m';
  const sign = rounded < 0 ? '−' : '';
  const total = Math.abs(rounded);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  return sign + [days ? `${days}d` : '', hours ? `${hours}h` : '', rest ? `${rest}m` : ''].filter(Boolean).join(' ');
}

function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

// ---------------------------------------------------------------------------
// Clock: the document's zone, for axis labels

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

interface Clock {
  /** Milliseconds to add to a key to get wall-clock time read as UTC. */
  offset(key: number): number;
  wall(key: number): WallTime;
  zoneName(key: number): string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function fixedOffset(zone: string): number | null {
  if (/^(utc|gmt|z)$/i.test(zone.trim())) return 0;
  const match = /^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(zone.trim());
  if (!match) return null;
  const sign = match[1] === '+' ? 1 : -1;
  return sign * (Number(match[2]) * HOUR + Number(match[3] ?? 0) * MINUTE);
}

function clockFor(zone: string): Clock {
  const fromWall = (wallMs: number): WallTime => {
    const date = new Date(wallMs);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), weekday: date.getUTCDay() };
  };
  const constant = fixedOffset(zone);
  if (constant !== null) {
    const name = constant === 0 ? 'UTC' : zone.replace(/^(utc|gmt)?\s*/i, 'UTC');
    return { offset: () => constant, wall: (key) => fromWall(key + constant), zoneName: () => name };
  }
  let parts: Intl.DateTimeFormat;
  let names: Intl.DateTimeFormat;
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    names = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
  } catch {
    return clockFor('UTC');
  }
  const offset = (key: number): number => {
    const read: Record<string, number> = {};
    for (const part of parts.formatToParts(new Date(key))) if (part.type !== 'literal') read[part.type] = Number(part.value);
    const asUtc = Date.UTC(read['year'] ?? 1970, (read['month'] ?? 1) - 1, read['day'] ?? 1, (read['hour'] ?? 0) % 24, read['minute'] ?? 0, read['second'] ?? 0);
    return asUtc - Math.floor(key / 1000) * 1000;
  };
  return {
    offset,
    wall: (key) => fromWall(key + offset(key)),
    zoneName: (key) => names.formatToParts(new Date(key)).find((part) => part.type === 'timeZoneName')?.value ?? zone,
  };
}

function clockText(wall: WallTime, twelveHour: boolean, compact = false): string {
  const mm = String(wall.minute).padStart(2, '0');
  if (!twelveHour) return `${String(wall.hour).padStart(2, '0')}:${mm}`;
  const hour = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
  const suffix = wall.hour < 12 ? 'AM' : 'PM';
  if (compact && wall.minute === 0) return `${hour} ${suffix}`;
  return compact ? `${hour}:${mm}` : `${hour}:${mm} ${suffix}`;
}

function dateText(wall: WallTime, withYear: boolean): string {
  return `${WEEKDAYS[wall.weekday] ?? ''} ${wall.day} ${MONTHS[wall.month] ?? ''}${withYear ? ` ${wall.year}` : ''}`;
}

// ---------------------------------------------------------------------------
// The incident's shape on its time scale

interface Span {
  id: 'impact' | 'ttd' | 'ttm' | 'ttr';
  name: string;
  from: number;
  to: number;
  minutes: number;
  /** Derived from a stated figure rather than two milestones on the timeline. */
  stated: boolean;
  how: string;
}

interface Gap {
  from: number;
  to: number;
}

interface Placed {
  entry: PictureEntry;
  index: number;
  key: number;
  /** Position in time order, for arrow-key navigation. */
  order: number;
}

function milestoneKeys(input: TimelineInput): Map<MilestoneKind, number> {
  const keys = new Map<MilestoneKind, number>();
  for (const milestone of input.milestones) if (milestone.key !== null && !keys.has(milestone.kind)) keys.set(milestone.kind, milestone.key);
  return keys;
}

function spansOf(input: TimelineInput, keys: Map<MilestoneKind, number>): Span[] {
  const spans: Span[] = [];
  const start = keys.get('impact-start');
  const end = keys.get('impact-end') ?? keys.get('resolved');
  if (start !== undefined && end !== undefined && end >= start) {
    spans.push({ id: 'impact', name: 'Impact', from: start, to: end, minutes: (end - start) / MINUTE, stated: false, how: `impact start → ${keys.has('impact-end') ? 'impact end' : 'resolved'}` });
  } else {
    // No impact milestones: the stated Duration's start and end, when they are instants.
    const { duration } = input.model;
    const from = duration.start ? Date.parse(duration.start) : NaN;
    const to = duration.end ? Date.parse(duration.end) : NaN;
    if (Number.isFinite(from) && Number.isFinite(to) && to >= from) {
      spans.push({ id: 'impact', name: 'Impact', from, to, minutes: (to - from) / MINUTE, stated: true, how: 'the stated duration' });
    }
  }
  const { metrics } = input.model;
  const detected = keys.get('detected') ?? (start !== undefined && metrics.ttd !== null ? start + metrics.ttd * MINUTE : undefined);
  const metric = (id: 'ttd' | 'ttm' | 'ttr', name: string, minutes: number | null, fromKind: MilestoneKind, toKind: MilestoneKind, from: number | undefined): void => {
    if (minutes === null) return;
    const to = keys.get(toKind);
    const both = from !== undefined && to !== undefined && keys.has(fromKind);
    if (both) spans.push({ id, name, from, to, minutes, stated: false, how: `${MILESTONE_NAMES[fromKind].toLowerCase()} → ${MILESTONE_NAMES[toKind].toLowerCase()}` });
    else if (from !== undefined) spans.push({ id, name, from, to: from + minutes * MINUTE, minutes, stated: true, how: 'stated' });
    else if (to !== undefined) spans.push({ id, name, from: to - minutes * MINUTE, to, minutes, stated: true, how: 'stated' });
  };
  metric('ttd', 'TTD', metrics.ttd, 'impact-start', 'detected', start);
  metric('ttm', 'TTM', metrics.ttm, 'detected', 'mitigated', detected);
  metric('ttr', 'TTR', metrics.ttr, 'detected', 'resolved', detected);
  return spans;
}

function gapsOf(placed: readonly Placed[], span: number, fraction: number): Gap[] {
  if (placed.length < 3 || span <= 0) return [];
  const keys = placed.map((p) => p.key).sort((a, b) => a - b);
  const gaps: Gap[] = [];
  for (let i = 1; i < keys.length; i++) {
    const from = keys[i - 1]!;
    const to = keys[i]!;
    if (to - from > fraction * span && to - from >= 10 * MINUTE) gaps.push({ from, to });
  }
  return gaps;
}

function usesTwelveHour(entries: readonly PictureEntry[]): boolean {
  const timed = entries.filter((entry) => entry.key !== null);
  const twelve = timed.filter((entry) => /\d\s*[ap]\.?m\b/i.test(entry.timeText)).length;
  return timed.length > 0 && twelve * 2 >= timed.length;
}

function problemOf(entries: readonly PictureEntry[], index: number): string | null {
  const entry = entries[index];
  if (!entry?.outOfOrder) return null;
  const before = entries.slice(0, index).reverse().find((candidate) => candidate.key !== null && entry.key !== null && candidate.key > entry.key);
  return before ? `Out of order: written after ${before.timeText} but happened earlier.` : 'Out of order: earlier than the entry written before it.';
}

/** Every entry as the tooltip, the table and screen readers describe it. */
export function describeEntries(input: TimelineInput): EntryInfo[] {
  const clock = clockFor(input.displayZone);
  const twelveHour = usesTwelveHour(input.entries);
  return input.entries.map((entry, index) => {
    const text = plainText(entry.text);
    const milestone = entry.milestone ? MILESTONE_NAMES[entry.milestone] : null;
    const problem = problemOf(input.entries, index);
    // Full stamps ("2026-08-18T15:58:00+00:00") read as their time of day; the rest as written.
    const written = entry.key !== null && entry.timeText.length > 12 ? `${clockText(clock.wall(entry.key), twelveHour)} ${clock.zoneName(entry.key)}` : entry.timeText;
    const time = `${entry.approximate && !written.startsWith('~') ? '~' : ''}${written}`;
    const ariaLabel = [
      `${time}${entry.offset ? `, ${entry.offset}` : ''}`,
      entry.label ? `${entry.label}: ${text}` : text,
      milestone ? `Milestone: ${milestone}.` : '',
      problem ?? '',
      entry.key === null ? 'Not drawn: no time of day.' : '',
    ]
      .filter(Boolean)
      .join('. ')
      .replace(/\.\./g, '.');
    return { index, time, written: entry.timeText, offset: entry.offset, label: entry.label, text, milestone, milestoneKind: entry.milestone, problem, approximate: entry.approximate, drawn: entry.key !== null, ariaLabel };
  });
}

// ---------------------------------------------------------------------------
// Layout helpers

interface Interval {
  from: number;
  to: number;
}

/** First-fit packing into rows: the row index for each interval, in the order given. */
function pack(intervals: readonly Interval[], gap: number): number[] {
  const ends: number[] = [];
  return intervals.map((interval) => {
    let row = ends.findIndex((end) => end + gap <= interval.from);
    if (row === -1) row = ends.push(interval.to) - 1;
    else ends[row] = interval.to;
    return row;
  });
}

/** Whole minutes, hours and days, then about a month, a quarter, half a year, a year. */
const TICK_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080, 20160, 43200, 129600, 262080, 525960].map((minutes) => minutes * MINUTE);
/** Labels need room, and more than this many ticks is clutter at any width. */
const MAX_TICKS = 12;
const YEAR = 525960 * MINUTE;

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

// ---------------------------------------------------------------------------
// The picture

/** The timeline picture, or null when no entry has a time to draw. */
export function renderTimelineSvg(input: TimelineInput, options: TimelineOptions = {}): TimelinePicture | null {
  widthScale = options.textScale ?? 1;
  try {
    return render(input, options);
  } finally {
    widthScale = 1;
  }
}

function render(input: TimelineInput, options: TimelineOptions): TimelinePicture | null {
  const width = Math.round(Math.min(4000, Math.max(480, options.width ?? 960)));
  const id = (options.idPrefix ?? 'pmt').replace(/[^\w-]/g, '');
  const infos = describeEntries(input);
  const sorted = input.entries
    .map((entry, index) => ({ entry, index, key: entry.key }))
    .filter((item): item is { entry: PictureEntry; index: number; key: number } => item.key !== null)
    .sort((a, b) => a.key - b.key || a.index - b.index);
  if (sorted.length === 0) return null;
  const placed: Placed[] = sorted.map((item, order) => ({ ...item, order }));

  const clock = clockFor(input.displayZone);
  const twelveHour = usesTwelveHour(input.entries);
  const keys = milestoneKeys(input);
  const spans = spansOf(input, keys);
  const dateKnown = input.model.timeline.some((entry) => entry.at !== null) || input.model.duration.start !== null;

  // The drawn span: every entry, milestone and span end, padded.
  const all = [...placed.map((p) => p.key), ...keys.values(), ...spans.flatMap((span) => [span.from, span.to])];
  let d0 = Math.min(...all);
  let d1 = Math.max(...all);
  const gaps = gapsOf(placed, d1 - d0, options.gapFraction ?? 0.25);
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
  const x = (key: number): number => left + ((key - d0) / (d1 - d0)) * (right - left);

  const out: string[] = [];
  const push = (line: string): void => {
    out.push(line);
  };

  // Header: title and what the picture covers.
  const title = plainText(input.model.title ?? options.fallbackTitle ?? 'Incident');
  const first = placed[0]!.key;
  const last = placed[placed.length - 1]!.key;
  const fw = clock.wall(first);
  const lw = clock.wall(last);
  const sameDay = fw.year === lw.year && fw.month === lw.month && fw.day === lw.day;
  // One zone name at the end, or one on each side when daylight saving time changed in between.
  const zoneFirst = clock.zoneName(first);
  const zoneLast = clock.zoneName(last);
  const z1 = zoneFirst === zoneLast ? '' : ` ${zoneFirst}`;
  const range = sameDay
    ? `${dateKnown ? `${dateText(fw, true)} · ` : ''}${clockText(fw, twelveHour)}${z1} – ${clockText(lw, twelveHour)} ${zoneLast}`
    : dateKnown
      ? `${dateText(fw, true)} ${clockText(fw, twelveHour)}${z1} – ${dateText(lw, false)} ${clockText(lw, twelveHour)} ${zoneLast}`
      : `${clockText(fw, twelveHour)}${z1} – ${clockText(lw, twelveHour)} ${zoneLast} (${formatDuration((last - first) / MINUTE)} later)`;
  const figures = spans.map((span) => `${span.name} ${formatDuration(span.minutes)}`);
  const impactSpan = spans.find((span) => span.id === 'impact');
  if (!impactSpan && input.model.duration.minutes !== null) figures.unshift(`Duration ${formatDuration(input.model.duration.minutes)} (stated)`);
  const subtitle = [range, `${placed.length} ${placed.length === 1 ? 'entry' : 'entries'}`, ...figures].join(' · ');

  // Milestone flags: one per instant, kinds at the same instant share a flag.
  const flags: Array<{ key: number; kinds: MilestoneKind[] }> = [];
  for (const kind of ['impact-start', 'detected', 'mitigated', 'resolved', 'impact-end'] as const) {
    const key = keys.get(kind);
    if (key === undefined) continue;
    const same = flags.find((flag) => flag.key === key);
    if (same) same.kinds.push(kind);
    else flags.push({ key, kinds: [kind] });
  }
  flags.sort((a, b) => a.key - b.key);
  const flagText = flags.map((flag) => `${flag.kinds.map((kind) => MILESTONE_NAMES[kind]).join(' · ')}  ${clockText(clock.wall(flag.key), twelveHour)}`);
  const flagBoxes = flags.map((flag, i) => {
    const w = textWidth(flagText[i]!, 11) * 1.08 + 10;
    const fx = x(flag.key);
    return fx + w > right + 16 ? { from: fx - w, to: fx, end: true } : { from: fx, to: fx + w, end: false };
  });
  const flagRows = pack(flagBoxes, 12);
  const flagRowCount = flags.length ? Math.max(...flagRows) + 1 : 0;

  // Entry marks and their labels, packed into lanes so close entries never overlap.
  const labelSize = 12;
  const maxLabel = Math.min(300, Math.max(110, (right - left) * 0.34));
  const labels = placed.map((p) => {
    const info = infos[p.index]!;
    return truncate(`${info.approximate ? '~' : ''}${info.text || p.entry.timeText}`, maxLabel, labelSize);
  });
  const boxes = placed.map((p, i) => {
    const mx = x(p.key);
    const w = textWidth(labels[i]!, labelSize);
    return mx + 11 + w > right ? { from: mx - 11 - w, to: mx + 8, end: true } : { from: mx - 8, to: mx + 11 + w, end: false };
  });
  let lanes = pack(boxes, 14);
  let showLabels = true;
  if (Math.max(...lanes) + 1 > 12) {
    // Too crowded to label: marks only, still never on top of each other.
    showLabels = false;
    lanes = pack(placed.map((p) => ({ from: x(p.key) - 8, to: x(p.key) + 8 })), 2);
  }
  if (showLabels) {
    // Labels were cut short to pack the lanes: each now takes the room its lane leaves it.
    const longest = (right - left) * 0.6;
    placed.forEach((p, i) => {
      const info = infos[p.index]!;
      const full = `${info.approximate ? '~' : ''}${info.text || p.entry.timeText}`;
      if (labels[i] === full) return;
      const box = boxes[i]!;
      const mx = x(p.key);
      const others = boxes.filter((other, j) => j !== i && lanes[j] === lanes[i]);
      const room = box.end
        ? mx - 11 - Math.max(left - 12, ...others.filter((other) => other.to <= box.from + 1).map((other) => other.to + 14))
        : Math.min(right, ...others.filter((other) => other.from >= box.to - 1).map((other) => other.from - 14)) - (mx + 11);
      const label = truncate(full, Math.min(longest, Math.max(room, textWidth(labels[i]!, labelSize))), labelSize);
      const w = textWidth(label, labelSize);
      labels[i] = label;
      boxes[i] = box.end ? { from: mx - 11 - w, to: box.to, end: true } : { from: box.from, to: mx + 11 + w, end: false };
    });
  }
  const laneCount = Math.max(...lanes) + 1;

  // Vertical layout.
  const headerH = 58;
  const flagsTop = headerH;
  const flagRowH = 17;
  const spansTop = flagsTop + flagRowCount * flagRowH + (flagRowCount ? 6 : 0);
  const spanRowH = 24;
  const entriesTop = spansTop + spans.length * spanRowH + 8;
  const laneH = 26;
  const axisY = entriesTop + laneCount * laneH + 8;
  const multiDay = !sameDay || clock.wall(d0).day !== clock.wall(d1).day;
  const gapRowY = axisY + (multiDay ? 50 : 36);
  const legendY = gapRowY + (gaps.length ? 24 : 4);
  const height = legendY + 16;

  const ariaSummary = `Incident timeline: ${title}. ${subtitle}.`;
  push(`<svg xmlns="http://www.w3.org/2000/svg" class="pmt" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12" role="group" aria-label="${escapeXml(ariaSummary)}">`);
  push(`<title>${escapeXml(`${title} — incident timeline`)}</title>`);
  push(`<defs><pattern id="${id}-hatch" class="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line class="hatch-line" x1="0" y1="0" x2="0" y2="6" stroke-width="2"/></pattern></defs>`);

  // Header.
  push(`<g class="header" aria-hidden="true">`);
  push(`<text class="title" x="${left}" y="24" font-size="15" font-weight="600">${escapeXml(truncate(title, (right - left) / 1.1, 15))}</text>`);
  push(`<text class="subtitle" x="${left}" y="44" font-size="12">${escapeXml(truncate(subtitle, right - left, 12))}</text>`);
  push(`</g>`);

  // Grid and axis ticks.
  const maxTicks = Math.min(MAX_TICKS, Math.max(2, Math.floor((right - left) / (twelveHour ? 64 : 58))));
  const step = tickStep(d1 - d0, maxTicks);
  const offset0 = clock.offset(d0);
  const ticks: number[] = [];
  for (let wallMs = Math.ceil((d0 + offset0) / step) * step; wallMs <= d1 + offset0; wallMs += step) {
    const guess = wallMs - offset0;
    ticks.push(wallMs - clock.offset(guess));
  }
  push(`<g class="grid" aria-hidden="true">`);
  for (const tick of ticks) push(`<line class="grid-line" x1="${fixed(x(tick))}" y1="${flagsTop}" x2="${fixed(x(tick))}" y2="${axisY}"/>`);
  push(`</g>`);

  // The impact window, behind everything.
  if (impactSpan) {
    const bx = x(impactSpan.from);
    const bw = Math.max(2, x(impactSpan.to) - bx);
    push(`<g class="impact-window" role="img" aria-label="${escapeXml(`Impact window: ${formatDuration(impactSpan.minutes)}, from ${impactSpan.how}`)}">`);
    push(`<title>${escapeXml(`Impact window: ${clockText(clock.wall(impactSpan.from), twelveHour)} – ${clockText(clock.wall(impactSpan.to), twelveHour)} (${formatDuration(impactSpan.minutes)}, ${impactSpan.how})`)}</title>`);
    push(`<rect class="band" x="${fixed(bx)}" y="${flagsTop}" width="${fixed(bw)}" height="${axisY - flagsTop}"/>`);
    push(`<rect class="band-edge" x="${fixed(bx)}" y="${axisY - 4}" width="${fixed(bw)}" height="4"/>`);
    push(`</g>`);
  }

  // Gaps: long stretches with nothing written.
  gaps.forEach((gap, i) => {
    const gx = x(gap.from) + 9;
    const gw = x(gap.to) - 9 - gx;
    if (gw <= 4) return;
    const minutes = (gap.to - gap.from) / MINUTE;
    const text = `${formatDuration(minutes)} with no entries`;
    push(`<g class="gap" role="img" aria-label="${escapeXml(`Gap: ${text}, ${clockText(clock.wall(gap.from), twelveHour)} to ${clockText(clock.wall(gap.to), twelveHour)}`)}" data-gap="${i}">`);
    push(`<title>${escapeXml(`Gap: ${text} between ${clockText(clock.wall(gap.from), twelveHour)} and ${clockText(clock.wall(gap.to), twelveHour)} — what happened meanwhile?`)}</title>`);
    push(`<rect class="gap-area" x="${fixed(gx)}" y="${entriesTop - 4}" width="${fixed(gw)}" height="${axisY - entriesTop + 4}" fill="url(#${id}-hatch)"/>`);
    push(`<line class="gap-bracket" x1="${fixed(gx)}" y1="${gapRowY - 14}" x2="${fixed(gx + gw)}" y2="${gapRowY - 14}"/>`);
    push(`<line class="gap-bracket" x1="${fixed(gx)}" y1="${gapRowY - 18}" x2="${fixed(gx)}" y2="${gapRowY - 10}"/>`);
    push(`<line class="gap-bracket" x1="${fixed(gx + gw)}" y1="${gapRowY - 18}" x2="${fixed(gx + gw)}" y2="${gapRowY - 10}"/>`);
    const tw = textWidth(text, 11);
    const tx = Math.min(Math.max(gx + gw / 2, left + tw / 2), right - tw / 2);
    push(`<text class="gap-label" x="${fixed(tx)}" y="${gapRowY + 2}" font-size="11" text-anchor="middle">${escapeXml(text)}</text>`);
    push(`</g>`);
  });

  // Axis.
  push(`<g class="axis" aria-hidden="true">`);
  push(`<line class="axis-line" x1="${left}" y1="${axisY}" x2="${right}" y2="${axisY}"/>`);
  let previousDay: string | null = null;
  for (const tick of ticks) {
    const tx = x(tick);
    const wall = clock.wall(tick);
    push(`<line class="tick" x1="${fixed(tx)}" y1="${axisY}" x2="${fixed(tx)}" y2="${axisY + 5}"/>`);
    push(`<text class="tick-label" x="${fixed(tx)}" y="${axisY + 18}" font-size="11" text-anchor="middle">${escapeXml(clockText(wall, twelveHour, true))}</text>`);
    if (multiDay) {
      const day = `${wall.year}-${wall.month}-${wall.day}`;
      if (day !== previousDay) {
        const dayIndex = Math.round((Date.UTC(wall.year, wall.month, wall.day) - Date.UTC(fw.year, fw.month, fw.day)) / DAY);
        const label = dateKnown ? dateText(wall, false) : `Day ${dayIndex + 1}`;
        push(`<text class="day-label" x="${fixed(tx)}" y="${axisY + 33}" font-size="11" font-weight="600" text-anchor="middle">${escapeXml(label)}</text>`);
      }
      previousDay = day;
    }
  }
  push(`</g>`);

  // TTD / TTM / TTR and the impact, one row each.
  spans.forEach((span, row) => {
    const top = spansTop + row * spanRowH;
    const lineY = top + 17;
    const sx = x(Math.min(span.from, span.to));
    const ex = x(Math.max(span.from, span.to));
    const text = `${span.name} ${formatDuration(span.minutes)}`;
    const tw = textWidth(text, 11) * 1.08 + 4;
    const fits = ex - sx >= tw + 8;
    const tx = fits ? (sx + ex) / 2 : ex + 6 + tw > right + 20 ? sx - 6 : ex + 6;
    const anchor = fits ? 'middle' : tx < sx ? 'end' : 'start';
    const ty = fits ? top + 11 : lineY + 4;
    const what = `${span.name} ${formatDuration(span.minutes)} (${span.how})`;
    push(`<g class="span span-${span.id}${span.stated ? ' stated' : ''}" role="img" aria-label="${escapeXml(what)}">`);
    push(`<title>${escapeXml(`${what}: ${clockText(clock.wall(span.from), twelveHour)} → ${clockText(clock.wall(span.to), twelveHour)}`)}</title>`);
    push(`<line class="span-line" x1="${fixed(sx)}" y1="${lineY}" x2="${fixed(ex)}" y2="${lineY}"/>`);
    push(`<line class="span-cap" x1="${fixed(sx)}" y1="${lineY - 4}" x2="${fixed(sx)}" y2="${lineY + 4}"/>`);
    push(`<line class="span-cap" x1="${fixed(ex)}" y1="${lineY - 4}" x2="${fixed(ex)}" y2="${lineY + 4}"/>`);
    push(`<text class="span-label" x="${fixed(tx)}" y="${ty}" font-size="11" font-weight="600" text-anchor="${anchor}">${escapeXml(text)}</text>`);
    push(`</g>`);
  });

  // Milestone markers: a flag per instant, a line down to the axis.
  flags.forEach((flag, i) => {
    const fx = x(flag.key);
    const row = flagRows[i]!;
    const top = flagsTop + row * flagRowH;
    const kind = flag.kinds[0]!;
    const name = flag.kinds.map((k) => MILESTONE_NAMES[k]).join(', ');
    const when = clockText(clock.wall(flag.key), twelveHour);
    push(`<g class="milestone ms-${kind}" role="img" aria-label="${escapeXml(`Milestone: ${name} at ${when}`)}">`);
    push(`<title>${escapeXml(`${name}: ${when}`)}</title>`);
    push(`<line class="ms-line" x1="${fixed(fx)}" y1="${top + 1}" x2="${fixed(fx)}" y2="${axisY}"/>`);
    push(`<path class="ms-tick" d="M${fixed(fx)} ${axisY - 5}l5 5l-5 5l-5 -5z"/>`);
    const box = flagBoxes[i]!;
    push(`<text class="ms-label" x="${fixed(box.end ? fx - 5 : fx + 5)}" y="${top + 12}" font-size="11" font-weight="600" text-anchor="${box.end ? 'end' : 'start'}">${escapeXml(flagText[i]!)}</text>`);
    push(`</g>`);
  });

  // Entries.
  push(`<g class="entries">`);
  placed.forEach((p, i) => {
    const info = infos[p.index]!;
    const mx = x(p.key);
    const my = entriesTop + lanes[i]! * laneH + laneH / 2;
    const classes = ['mark', p.entry.milestone ? `ms-${p.entry.milestone}` : 'plain', p.entry.outOfOrder ? 'out-of-order' : '', p.entry.approximate ? 'approximate' : ''].filter(Boolean).join(' ');
    const tip = [`${info.time}${info.offset ? ` (${info.offset})` : ''}`, info.label ? `${info.label}: ${info.text}` : info.text, info.milestone ? `Milestone: ${info.milestone}` : '', info.problem ?? ''].filter(Boolean).join('\n');
    push(`<g class="${classes}" tabindex="${i === 0 ? 0 : -1}" role="button" aria-label="${escapeXml(info.ariaLabel)}" data-index="${p.index}" data-order="${p.order}">`);
    push(`<title>${escapeXml(tip)}</title>`);
    push(`<line class="stem" x1="${fixed(mx)}" y1="${my}" x2="${fixed(mx)}" y2="${axisY}"/>`);
    if (p.entry.milestone) push(`<path class="shape" d="M${fixed(mx)} ${fixed(my - 7)}l7 7l-7 7l-7 -7z"/>`);
    else push(`<circle class="shape" cx="${fixed(mx)}" cy="${my}" r="${p.entry.outOfOrder ? 7 : 5}"/>`);
    if (p.entry.outOfOrder) push(`<text class="bang" x="${fixed(mx)}" y="${my + 4}" font-size="11" font-weight="700" text-anchor="middle">!</text>`);
    if (showLabels) {
      const box = boxes[i]!;
      push(`<text class="label" x="${fixed(box.end ? mx - 11 : mx + 11)}" y="${my + 4}" font-size="${labelSize}" text-anchor="${box.end ? 'end' : 'start'}">${escapeXml(labels[i]!)}</text>`);
    }
    push(`</g>`);
  });
  push(`</g>`);

  // Legend: only what the picture uses.
  const legend: Array<{ cls: string; text: string }> = [{ cls: 'lg-entry', text: 'Entry' }];
  if (flags.length || placed.some((p) => p.entry.milestone)) legend.push({ cls: 'lg-milestone', text: 'Milestone' });
  if (impactSpan) legend.push({ cls: 'lg-impact', text: impactSpan.stated ? 'Impact (stated duration)' : 'Impact window' });
  if (placed.some((p) => p.entry.outOfOrder)) legend.push({ cls: 'lg-ooo', text: 'Out of order' });
  if (placed.some((p) => p.entry.approximate)) legend.push({ cls: 'lg-approx', text: 'Approximate time' });
  if (gaps.length) legend.push({ cls: 'lg-gap', text: 'Gap in the timeline' });
  if (!showLabels) legend.push({ cls: 'lg-note', text: 'Too many entries to label: hover or see the list' });
  push(`<g class="legend" aria-hidden="true">`);
  let lx = left;
  for (const item of legend) {
    const cy = legendY - 4;
    if (item.cls === 'lg-entry') push(`<circle class="${item.cls}" cx="${lx + 5}" cy="${cy}" r="4.5"/>`);
    else if (item.cls === 'lg-milestone') push(`<path class="${item.cls}" d="M${lx + 5} ${cy - 5.5}l5.5 5.5l-5.5 5.5l-5.5 -5.5z"/>`);
    else if (item.cls === 'lg-ooo') push(`<circle class="${item.cls}" cx="${lx + 5}" cy="${cy}" r="5.5"/>`);
    else if (item.cls === 'lg-approx') push(`<circle class="${item.cls}" cx="${lx + 5}" cy="${cy}" r="4.5"/>`);
    else if (item.cls === 'lg-gap') push(`<rect class="${item.cls}" x="${lx}" y="${cy - 5}" width="11" height="10" fill="url(#${id}-hatch)"/>`);
    else if (item.cls === 'lg-impact') push(`<rect class="${item.cls}" x="${lx}" y="${cy - 5}" width="11" height="10"/>`);
    const textX = item.cls === 'lg-note' ? lx : lx + 16;
    push(`<text class="legend-label" x="${textX}" y="${legendY}" font-size="11">${escapeXml(item.text)}</text>`);
    lx = textX + textWidth(item.text, 11) + 18;
  }
  push(`</g>`);
  push(`</svg>`);

  return { svg: out.join('\n'), width, height, marks: placed.length, gaps: gaps.length };
}

// ---------------------------------------------------------------------------
// The accessible list below the picture

/** The entries as an HTML table: time, T+, label, text, milestone; each row activatable. */
export function renderEntryTable(input: TimelineInput): string {
  const infos = describeEntries(input);
  const labelled = infos.some((info) => info.label);
  const rows = infos.map((info) => {
    const cells = [
      `<td class="time"><button type="button" class="row-link" data-index="${info.index}"${info.written !== info.time ? ` title="${escapeXml(info.written)}"` : ''} aria-label="${escapeXml(`Go to entry: ${info.ariaLabel}`)}">${escapeXml(info.time)}</button></td>`,
      `<td class="offset">${escapeXml(info.offset ?? '—')}</td>`,
      labelled ? `<td class="sublabel">${escapeXml(info.label ?? '')}</td>` : '',
      `<td class="text">${escapeXml(info.text)}${info.problem ? `<div class="problem">${escapeXml(info.problem)}</div>` : ''}${info.drawn ? '' : '<div class="note">Not on the picture: no time of day.</div>'}</td>`,
      `<td class="milestone">${info.milestoneKind ? `<span class="pill ms-${info.milestoneKind}">${escapeXml(info.milestone ?? '')}</span>` : ''}</td>`,
    ];
    const classes = [info.problem ? 'out-of-order' : '', info.drawn ? '' : 'undrawn'].filter(Boolean).join(' ');
    return `<tr data-index="${info.index}"${classes ? ` class="${classes}"` : ''}>${cells.join('')}</tr>`;
  });
  const head = `<tr><th scope="col">Time</th><th scope="col">T+</th>${labelled ? '<th scope="col">Label</th>' : ''}<th scope="col">Entry</th><th scope="col">Milestone</th></tr>`;
  return `<table class="entries-table"><caption class="sr-only">Timeline entries in document order. Activate a time to go to the entry.</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}
