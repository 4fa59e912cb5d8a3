import type { Analysis } from '../engine/analyze.js';
import type { MilestoneKind } from '../model/schema.js';
import type { PictureSpan } from '../protocol.js';

const MINUTE = 60_000;
const NAMES: Record<MilestoneKind, string> = { 'impact-start': 'impact start', detected: 'detected', mitigated: 'mitigated', resolved: 'resolved', 'impact-end': 'impact end' };

/**
 * The impact and TTD/TTM/TTR as stretches on the entries' scale: between
 * their milestones when the timeline marks both ends, else the stated figure
 * laid from the end it marks.
 */
export function pictureSpans(result: Analysis): PictureSpan[] {
  const { model, milestoneKeys } = result.analysis;
  const keys = new Map<MilestoneKind, number>();
  for (const [kind, key] of milestoneKeys) if (key !== null) keys.set(kind, key);
  const spans: PictureSpan[] = [];
  const impact = impactSpan(keys, model.duration.start, model.duration.end);
  if (impact) spans.push(impact);
  const start = keys.get('impact-start');
  const { metrics } = model;
  const detected = keys.get('detected') ?? (start !== undefined && metrics.ttd !== null ? start + metrics.ttd * MINUTE : undefined);
  const metric = (id: 'ttd' | 'ttm' | 'ttr', minutes: number | null, fromKind: MilestoneKind, toKind: MilestoneKind, from: number | undefined): void => {
    if (minutes === null) return;
    const name = id.toUpperCase();
    const to = keys.get(toKind);
    if (from !== undefined && to !== undefined && keys.has(fromKind)) spans.push({ id, name, from, to, minutes, stated: false, how: `${NAMES[fromKind]} → ${NAMES[toKind]}` });
    else if (from !== undefined) spans.push({ id, name, from, to: from + minutes * MINUTE, minutes, stated: true, how: 'stated' });
    else if (to !== undefined) spans.push({ id, name, from: to - minutes * MINUTE, to, minutes, stated: true, how: 'stated' });
  };
  metric('ttd', metrics.ttd, 'impact-start', 'detected', start);
  metric('ttm', metrics.ttm, 'detected', 'mitigated', detected);
  metric('ttr', metrics.ttr, 'detected', 'resolved', detected);
  return spans;
}

function impactSpan(keys: ReadonlyMap<MilestoneKind, number>, statedStart: string | null, statedEnd: string | null): PictureSpan | null {
  const start = keys.get('impact-start');
  const end = keys.get('impact-end') ?? keys.get('resolved');
  if (start !== undefined && end !== undefined && end >= start) {
    return { id: 'impact', name: 'Impact', from: start, to: end, minutes: (end - start) / MINUTE, stated: false, how: `impact start → ${keys.has('impact-end') ? 'impact end' : 'resolved'}` };
  }
  // No impact milestones: the stated Duration's start and end, when they are instants.
  const from = statedStart ? Date.parse(statedStart) : NaN;
  const to = statedEnd ? Date.parse(statedEnd) : NaN;
  if (Number.isFinite(from) && Number.isFinite(to) && to >= from) return { id: 'impact', name: 'Impact', from, to, minutes: (to - from) / MINUTE, stated: true, how: 'the stated duration' };
  return null;
}
