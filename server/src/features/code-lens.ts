import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import { formatMinutes } from '../time/durations.js';

const minutes = (value: number | null): string => (value === null ? '—' : formatMinutes(value));

/** The command every lens carries: the server accepts it and does nothing, so clients that run lenses (Neovim's codelens.run) get no error. */
export const LENS_COMMAND = 'postmortem.lensInfo';

/** Figures a reviewer asks for, above the headings they belong to. Information only. */
export function codeLenses(result: Analysis): CodeLens[] {
  const { model } = result.analysis;
  const lenses: CodeLens[] = [];
  const lens = (range: CodeLens['range'], title: string): void => {
    lenses.push({ range, command: { title, command: LENS_COMMAND } });
  };
  const timeline = model.sections.find((section) => section.kind === 'timeline');
  if (timeline) {
    const computed = model.duration.computed;
    lens(timeline.headingRange, `${model.timeline.length} entries${computed ? ` · ${formatMinutes(computed.minutes)} (${computed.basis})` : ''} · TTD ${minutes(model.metrics.ttd)} · TTM ${minutes(model.metrics.ttm)} · TTR ${minutes(model.metrics.ttr)}`);
  }
  if (model.duration.range && model.duration.minutes !== null) {
    const computed = model.duration.computed;
    lens(model.duration.range, `Stated ${formatMinutes(model.duration.minutes)}${computed ? ` · the document shows ${formatMinutes(computed.minutes)} (${computed.basis})` : ''}`);
  }
  const actions = model.sections.find((section) => section.kind === 'action-items');
  if (actions) {
    const open = model.actionItems.filter((item) => item.status !== 'done');
    const unowned = open.filter((item) => item.owner === null).length;
    const untracked = open.filter((item) => item.ticket === null).length;
    lens(actions.headingRange, `${open.length} open of ${model.actionItems.length} · ${unowned} without owner · ${untracked} without ticket`);
  }
  return lenses;
}
