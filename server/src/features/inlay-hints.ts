import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import { incidentClock } from './incident-clock.js';

/** "T+1h 5m" after each timeline time, counted from impact start (or the first entry). */
export function inlayHints(result: Analysis, range: Range): InlayHint[] {
  const clock = incidentClock(result);
  if (clock.origin === null) return [];
  return result.analysis.timeline.flatMap((item): InlayHint[] => {
    const position = item.entry.timeRange.end;
    if (position.line < range.start.line || position.line > range.end.line) return [];
    const offset = clock.offset(item);
    return offset ? [{ position, label: offset, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: `Time since ${clock.originLabel}` }] : [];
  });
}
