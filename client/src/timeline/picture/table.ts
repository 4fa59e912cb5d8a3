// The accessible list below the picture.
import type { EntryInfo } from '../messages.js';
import { escapeXml } from './text.js';

function row(info: EntryInfo, labelled: boolean): string {
  const cells = [
    `<td class="time"><button type="button" class="row-link" data-index="${info.index}"${info.written !== info.time ? ` title="${escapeXml(info.written)}"` : ''} aria-label="${escapeXml(`Go to entry: ${info.ariaLabel}`)}">${escapeXml(info.time)}</button></td>`,
    `<td class="offset">${escapeXml(info.offset ?? '—')}</td>`,
    labelled ? `<td class="sublabel">${escapeXml(info.label ?? '')}</td>` : '',
    `<td class="text">${escapeXml(info.text)}${info.problem ? `<div class="problem">${escapeXml(info.problem)}</div>` : ''}${info.drawn ? '' : '<div class="note">Not on the picture: no time of day.</div>'}</td>`,
    `<td class="milestone">${info.milestoneKind ? `<span class="pill ms-${info.milestoneKind}">${escapeXml(info.milestone ?? '')}</span>` : ''}</td>`,
  ];
  const classes = [info.problem ? 'out-of-order' : '', info.drawn ? '' : 'undrawn'].filter(Boolean).join(' ');
  return `<tr data-index="${info.index}"${classes ? ` class="${classes}"` : ''}>${cells.join('')}</tr>`;
}

/** The entries as an HTML table: time, T+, label, text, milestone; each row activatable. */
export function renderEntryTable(infos: readonly EntryInfo[]): string {
  const labelled = infos.some((info) => info.label);
  const head = `<tr><th scope="col">Time</th><th scope="col">T+</th>${labelled ? '<th scope="col">Label</th>' : ''}<th scope="col">Entry</th><th scope="col">Milestone</th></tr>`;
  return `<table class="entries-table"><caption class="sr-only">Timeline entries in document order. Activate a time to go to the entry.</caption><thead>${head}</thead><tbody>${infos.map((info) => row(info, labelled)).join('')}</tbody></table>`;
}
