import { LineIndex } from '../model/positions.js';
import type { Finding, TextEdit } from '../rules/types.js';

/**
 * Applies edits to a text, last first so earlier offsets stay valid. Edits
 * that overlap one already taken are skipped, never merged: two fixes that
 * touch the same text cannot both be right.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number; skipped: number } {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let applied = 0;
  let skipped = 0;
  let floor = Number.POSITIVE_INFINITY;
  for (const span of spans) {
    if (span.end > floor) {
      skipped++;
      continue;
    }
    result = result.slice(0, span.start) + span.newText + result.slice(span.end);
    floor = span.start;
    applied++;
  }
  return { text: result, applied, skipped };
}

/** The edits of each fix among a set of findings, one group per finding. */
export function fixEdits(findings: readonly Finding[]): TextEdit[][] {
  return findings.flatMap((finding) => (finding.fix ? [finding.fix.edits] : []));
}

/**
 * Applies all fixes, re-analysing between rounds until nothing changes: a fix
 * computed for the old text is never applied to a new one.
 */
export function fixAll(text: string, analyseFindings: (text: string) => readonly Finding[], maxRounds = 10): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let round = 0; round < maxRounds; round++) {
    const groups = fixEdits(analyseFindings(current));
    if (groups.length === 0) break;
    // One fix per finding, and a finding's edits go together: apply the fixes that do not overlap, then re-analyse.
    let appliedThisRound = 0;
    const taken: Array<[number, number]> = [];
    const lines = new LineIndex(current);
    const chosen: TextEdit[] = [];
    for (const edits of groups) {
      const ranges = edits.map((edit) => [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)] as [number, number]);
      // Overlapping, or two insertions at the same point (whose order would be a guess): leave for the next round.
      if (ranges.some(([s, e]) => taken.some(([ts, te]) => (s < te && e > ts) || (s === ts && e === te)))) continue;
      taken.push(...ranges);
      chosen.push(...edits);
      appliedThisRound++;
    }
    const next = applyEdits(current, chosen).text;
    if (next === current) break;
    fixed += appliedThisRound;
    current = next;
  }
  return { text: current, fixed };
}
