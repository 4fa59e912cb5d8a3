import type { Field } from './fields.js';
import type { ParsedMarkdown } from './markdown.js';
import type { IncidentMetrics, Milestone, MilestoneKind } from './schema.js';
import type { TimelineItem } from './timeline.js';
import { findTimestamps, resolveTimestamp, type CalendarDate } from '../time/timestamps.js';
import { findDurations, formatMinutes } from '../time/durations.js';
import { RecentMemo } from '../time/recent-memo.js';
import { memoSlot, type MemoOwner } from '../time/memo-owner.js';
import { allMatches } from '../time/all-matches.js';

// Wording that marks a milestone in a timeline entry. Deliberately narrow:
// a wrong milestone produces a wrong TTD and a false milestone-order alarm.
const WORDING: ReadonlyArray<readonly [MilestoneKind, RegExp]> = [
  ['impact-start', /\bOUTAGE BEGINS\b|\b(?:customer |user )?impact (?:begins|began|starts|started)\b|\b(?:outage|incident|degradation) (?:begins|began|starts|started)\b|\berrors? (?:begin|began|start|started) to\b|\bIMPACT START\b/i],
  ['impact-end', /\bOUTAGE ENDS\b|\b(?:customer |user )?impact (?:ends|ended|is over|was over)\b|\b(?:outage|degradation) (?:ends|ended|is over)\b|\bIMPACT END\b/i],
  ['detected', /\b(?:alert(?:s|ing)? (?:fired|fires|triggered|went off)|(?:was |were )?paged\b|pages? (?:the )?on-?call|incident (?:declared|opened)|first (?:customer )?report|DETECTED\b)/i],
  ['mitigated', /\b(?:mitigated|mitigation (?:applied|complete|completed|in place)|rollback (?:complete|completed|finished|done)|rolled back|failover (?:complete|completed)|service (?:restored|recovered)|errors? (?:stop|stopped|subside|subsided)|back to normal|MITIGATED\b)/i],
  ['resolved', /\b(?:incident (?:resolved|closed)|(?:fully|completely) (?:recovered|restored|resolved)|all clear|marked (?:as )?resolved|RESOLVED\b)/i],
];

// The words the wordings above are made around, and the kinds whose wording holds each: one
// scan of an entry for them says which of the five patterns can match (most entries: none).
// Each such word starts a wording's word (after a non-word character), so no earlier hit can
// hide one, but "rolled back" can hide "back to normal", which marks the same kind.
const KINDS_OF: Readonly<Record<string, readonly MilestoneKind[]>> = {
  impact: ['impact-start', 'impact-end'],
  outage: ['impact-start', 'impact-end'],
  incident: ['impact-start', 'detected', 'resolved'],
  degradation: ['impact-start', 'impact-end'],
  error: ['impact-start', 'mitigated'],
  alert: ['detected'],
  page: ['detected'],
  first: ['detected'],
  detected: ['detected'],
  mitigat: ['mitigated'],
  rollback: ['mitigated'],
  'rolled back': ['mitigated'],
  failover: ['mitigated'],
  service: ['mitigated'],
  'back to normal': ['mitigated'],
  recovered: ['resolved'],
  restored: ['resolved'],
  resolved: ['resolved'],
  'all clear': ['resolved'],
};
const WORDING_WORDS = new RegExp(Object.keys(KINDS_OF).join('|'), 'gi');

// Sub-labels that name a milestone: the seed's **Detection** and **Resolution**.
const LABELS: ReadonlyArray<readonly [MilestoneKind, RegExp, 'first' | 'last']> = [
  ['detected', /^detect(?:ion|ed)$/i, 'first'],
  ['mitigated', /^mitigat(?:ion|ed)$/i, 'first'],
  ['resolved', /^resol(?:ution|ved)$|^recovery$/i, 'last'],
];

const FIELD_KEYS: ReadonlyArray<readonly [MilestoneKind, RegExp]> = [
  ['impact-start', /^(?:impact start(?:ed)?|start of impact|impact began|outage start(?:ed)?|incident start(?:ed)?|started|start(?: time)?)$/],
  ['detected', /^(?:detected|detection(?: time)?|time detected|detected at)$/],
  ['mitigated', /^(?:mitigated|mitigation(?: time)?|time mitigated|mitigated at)$/],
  ['resolved', /^(?:resolved|resolution time|time resolved|resolved at)$/],
  ['impact-end', /^(?:impact end(?:ed)?|end of impact|outage end(?:ed)?|incident end(?:ed)?|ended|end(?: time)?)$/],
];

// "no alert fired and nobody was paged" marks no detection.
const NEGATION = /\b(?:no|not|nobody|no one|never|without|neither|nor|before)\b|n't\b/i;

/** The milestone an entry's own words mark, if any: the wording, not negated in its clause. */
// Entry texts repeat across analyses of one document: each is read once.
const WORDINGS = memoSlot(() => new RecentMemo<MilestoneKind | null>(10_000));

export function milestoneFromWording(text: string, memos: MemoOwner): MilestoneKind | null {
  return memos.of(WORDINGS).get(text, readWording);
}


function readWording(text: string): MilestoneKind | null {
  const possible = new Set<MilestoneKind>();
  for (const word of allMatches(text, WORDING_WORDS)) for (const kind of KINDS_OF[word[0].toLowerCase()]!) possible.add(kind);
  if (possible.size === 0) return null;
  for (const [kind, pattern] of WORDING) {
    if (!possible.has(kind)) continue;
    const match = pattern.exec(text);
    if (!match) continue;
    const clause = text.slice(0, match.index).split(/[.;,:–—]|\band\b|\bbut\b/).pop() ?? '';
    if (NEGATION.test(clause) || NEGATION.test(match[0])) continue;
    return kind;
  }
  return null;
}

export interface MilestoneResult {
  milestones: Milestone[];
  metrics: IncidentMetrics;
  /** Each milestone's sort key, on the timeline's scale, for comparing milestones without full dates. */
  keys: Map<MilestoneKind, number | null>;
  /** Entries a sub-label makes a milestone ("**Detection**:" over them), made anew with it: each replaces the entry it maps from. */
  labelled: Map<TimelineItem, TimelineItem>;
}

/** Milestones from fields first, then from the timeline; one of each kind. */
export function readMilestones(doc: ParsedMarkdown, fields: readonly Field[], timeline: TimelineItem[], context: { date: CalendarDate | null; zone: string | null; keyOf: ReadonlyMap<TimelineItem, number>; memos: MemoOwner }): MilestoneResult {
  // Timeline milestones are compared on the timeline's own reading (midnight crossed, afternoon guessed).
  const keys = context.keyOf;
  const found = new Map<MilestoneKind, Milestone & { sortKey: number | null }>();

  for (const [kind, pattern] of FIELD_KEYS) {
    const field = fields.find((candidate) => pattern.test(candidate.key) && candidate.shape !== 'front-matter');
    const stamp = field ? findTimestamps(field.value, context.memos).find((candidate) => candidate.time !== null) : undefined;
    if (field && stamp) {
      const resolved = resolveTimestamp(stamp, context, context.memos);
      found.set(kind, { kind, at: resolved.iso, source: 'field', range: doc.lines.range(field.start, field.end), sortKey: resolved.sortKey });
    }
  }

  const marked = new Map<TimelineItem, TimelineItem>();
  const fromEntry = (kind: MilestoneKind, item: TimelineItem): void => {
    if (found.has(kind)) return;
    if (item.entry.milestone === null && !marked.has(item)) marked.set(item, { ...item, entry: { ...item.entry, milestone: kind } });
    found.set(kind, { kind, at: item.entry.at, source: 'timeline', range: item.entry.range, sortKey: keys.get(item) ?? item.sortKey });
  };
  for (const item of timeline) {
    const kind = milestoneFromWording(item.entry.text, context.memos);
    // impact-end and resolved take the last mention; the others the first.
    if (kind === 'impact-end' || kind === 'resolved') {
      if (found.get(kind)?.source !== 'field') found.delete(kind);
    }
    if (kind) fromEntry(kind, item);
  }
  for (const [kind, pattern, which] of LABELS) {
    const labelled = timeline.filter((item) => item.entry.label !== null && pattern.test(item.entry.label));
    const item = which === 'first' ? labelled[0] : labelled[labelled.length - 1];
    if (item) fromEntry(kind, item);
  }

  const milestones = [...found.values()].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return {
    milestones: milestones.map(({ kind, at, source, range }) => ({ kind, at, source, range })),
    metrics: incidentMetrics(found, fields),
    keys: new Map(milestones.map((milestone) => [milestone.kind, milestone.sortKey])),
    labelled: marked,
  };
}

export const ORDER: readonly MilestoneKind[] = ['impact-start', 'detected', 'mitigated', 'resolved', 'impact-end'];

function minutesBetween(from: { sortKey: number | null } | undefined, to: { sortKey: number | null } | undefined): number | null {
  if (from?.sortKey == null || to?.sortKey == null) return null;
  return (to.sortKey - from.sortKey) / 60000;
}

const STATED_METRICS: ReadonlyArray<readonly ['ttd' | 'ttm' | 'ttr', RegExp]> = [
  ['ttd', /^(?:ttd|time to (?:detect|detection))$/],
  ['ttm', /^(?:ttm|time to (?:mitigate|mitigation))$/],
  ['ttr', /^(?:ttr|time to (?:resolve|resolution|recover|recovery|repair))$/],
];

function incidentMetrics(found: ReadonlyMap<MilestoneKind, { sortKey: number | null }>, fields: readonly Field[]): IncidentMetrics {
  const computed = {
    ttd: minutesBetween(found.get('impact-start'), found.get('detected')),
    ttm: minutesBetween(found.get('detected'), found.get('mitigated')),
    ttr: minutesBetween(found.get('detected'), found.get('resolved')),
  };
  const basis: string[] = [];
  const words = { ttd: 'impact start → detected', ttm: 'detected → mitigated', ttr: 'detected → resolved' };
  for (const [metric, pattern] of STATED_METRICS) {
    if (computed[metric] !== null) {
      basis.push(`${metric.toUpperCase()} ${formatMinutes(computed[metric])} (${words[metric]})`);
      continue;
    }
    const field = fields.find((candidate) => pattern.test(candidate.key));
    const stated = field ? findDurations(field.value)[0] : undefined;
    if (stated) {
      computed[metric] = stated.minutes;
      basis.push(`${metric.toUpperCase()} ${formatMinutes(stated.minutes)} (stated)`);
    }
  }
  return { ...computed, basis: basis.length > 0 ? basis.join('; ') : 'No milestones found to compute TTD, TTM or TTR.' };
}

/** The impact window the milestones imply: impact start (or detection) to impact end (or resolution). */
export function milestoneWindow(milestones: readonly Milestone[]): { start: Milestone; end: Milestone } | null {
  const byKind = new Map(milestones.map((milestone) => [milestone.kind, milestone]));
  const start = byKind.get('impact-start');
  const end = byKind.get('impact-end') ?? byKind.get('resolved');
  if (!start?.at || !end?.at) return null;
  // Both are ISO 8601 with an offset: the native parser compares them as well as luxon, faster.
  return Date.parse(end.at) > Date.parse(start.at) ? { start, end } : null;
}
