import type { AnalyzedDocument } from './build-model.js';
import type { Milestone } from './schema.js';
import type { OrderedEntry } from './timeline-order.js';
import { resolveZoneName } from '../time/zones.js';

/** The ends of the window a fix may write: the text to quote and the instant or sort key. */
interface WindowEnd {
  text: string;
  key: number;
  /** The zone is already written on the time. */
  zoned: boolean;
}

export interface ProvenWindow {
  start: WindowEnd & { kind: Milestone['kind'] };
  end: WindowEnd & { kind: Milestone['kind'] };
  minutes: number;
  /** Impact start to impact end, mitigation: the other windows a stated duration may measure. */
  alternatives: number[];
}

/**
 * The impact window the document proves, or null. Only milestones count (impact
 * start or detection to impact end or resolution), never a first→last span that
 * takes in lead-up and follow-up; and only when neither end was guessed: both
 * dated instants, or two times on one undated day, on a clock that is not
 * ambiguous, that the reading did not have to move across midnight or noon.
 */
export function provenWindow(analysis: Pick<AnalyzedDocument, 'doc' | 'model' | 'timelineOrder'>): ProvenWindow | null {
  const byKind = new Map(analysis.model.milestones.map((milestone) => [milestone.kind, milestone]));
  const start = byKind.get('impact-start') ?? byKind.get('detected');
  const end = byKind.get('impact-end') ?? byKind.get('resolved');
  if (!start || !end) return null;
  const { entries } = analysis.timelineOrder;
  const entryOf = (range: Milestone['range']): OrderedEntry | undefined =>
    entries.find((entry) => entry.item.entry.range.start.line === range.start.line && entry.item.entry.range.start.character === range.start.character);
  // "9:05" and "1:15" with no am/pm, in a timeline that never passes 12: either half of the day. "09:05" says 24-hour.
  const ambiguousClock =
    analysis.timelineOrder.twelveHourClock &&
    entries.some((entry) => entry.item.entry.clock === '24h' && /(?:^|\D)[1-9]:\d{2}/.test(entry.item.entry.timeText));
  const read = (milestone: Milestone): (WindowEnd & { dated: boolean; day: string | null }) | null => {
    // A sub-label field ("- **Detection**:" over its entries) is read through its first entry.
    const labelled = milestone.source === 'field' && !milestone.at ? entries.find((entry) => entry.item.entry.range.start.line > milestone.range.start.line && entry.item.entry.range.start.line <= milestone.range.end.line) : undefined;
    if (milestone.source === 'field' && !labelled) {
      if (!milestone.at) return null;
      return { text: analysis.doc.text.slice(analysis.doc.lines.offsetAt(milestone.range.start), analysis.doc.lines.offsetAt(milestone.range.end)).replace(/^[^:]*:\s*(?:\*\*|__)?\s*/, '').trim(), key: Date.parse(milestone.at), zoned: true, dated: true, day: null };
    }
    const entry = labelled ?? entryOf(milestone.range);
    if (!entry) return null;
    const { item } = entry;
    // The reading moved it (midnight, afternoon): a guess, not a proof.
    if (entry.rolledOver || entry.readAsAfternoon || entry.key !== item.sortKey) return null;
    if (item.entry.clock === '24h' && ambiguousClock) return null;
    if (item.entry.approximate || item.entry.dateOnly) return null;
    return { text: item.entry.timeText, key: entry.key, zoned: resolveZoneName(item.entry.timeText.split(/\s+/).pop()!.replace(/[()]/g, '')) !== null, dated: item.entry.at !== null, day: item.ownDate ? null : item.dateContext };
  };
  const from = read(start);
  const to = read(end);
  if (!from || !to || to.key <= from.key) return null;
  const minutes = (to.key - from.key) / 60000;
  // Two undated times count only on one day: the same inherited date (or none), no date of their own.
  if (!(from.dated && to.dated) && (from.day === null || from.day !== to.day)) return null;
  if (minutes > 7 * 1440) return null;
  // A stated duration may measure to mitigation, or from detection: the spans the document proves too.
  const alternatives: number[] = [];
  for (const [a, b] of [['impact-start', 'mitigated'], ['detected', 'resolved'], ['detected', 'mitigated'], ['impact-start', 'resolved'], ['impact-start', 'impact-end']] as const) {
    const first = byKind.get(a);
    const second = byKind.get(b);
    const x = first ? read(first) : null;
    const y = second ? read(second) : null;
    if (x && y && y.key > x.key && (x.dated && y.dated ? true : x.day !== null && x.day === y.day)) alternatives.push((y.key - x.key) / 60000);
  }
  return { start: { ...from, kind: start.kind }, end: { ...to, kind: end.kind }, minutes, alternatives };
}

