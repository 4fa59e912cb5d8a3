// Drawing a render message into the page: the picture and table, or the empty state.
import type { EmptyState, RenderMessage } from '../messages.js';
import { byId } from './host.js';
import { focusMark } from './navigation.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface Page {
  picture: HTMLElement;
  table: HTMLElement;
  content: HTMLElement;
  empty: HTMLElement;
  exportButton: HTMLButtonElement;
  docName: HTMLElement;
}

export function findPage(): Page {
  return { picture: byId('picture'), table: byId('table'), content: byId('content'), empty: byId('empty'), exportButton: byId('export') as HTMLButtonElement, docName: byId('doc') };
}

interface Focused {
  where: 'mark' | 'row';
  index: string | null;
}

/** What has focus now, to give it back after the picture is redrawn. */
export function focusedTarget(): Focused | null {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  const mark = active.closest('.mark');
  if (mark) return { where: 'mark', index: mark.getAttribute('data-index') };
  const row = active.closest('tr[data-index]');
  if (row) return { where: 'row', index: row.getAttribute('data-index') };
  return null;
}

function restoreFocus(page: Page, focused: Focused): void {
  if (focused.where === 'mark') {
    const mark = page.picture.querySelector(`.mark[data-index="${focused.index ?? ''}"]`);
    if (mark) focusMark(page.picture, mark);
  } else page.table.querySelector<HTMLElement>(`tr[data-index="${focused.index ?? ''}"] .row-link`)?.focus();
}

function showPicture(page: Page, message: RenderMessage): void {
  page.picture.innerHTML = message.svg;
  page.table.innerHTML = message.table;
  // Titles become descriptions: the styled tooltip replaces the browser's; Export turns them back.
  for (const title of page.picture.querySelectorAll('title')) {
    const desc = document.createElementNS(SVG_NS, 'desc');
    desc.setAttribute('data-tip', '');
    desc.textContent = title.textContent;
    title.replaceWith(desc);
  }
  page.content.hidden = false;
  page.empty.hidden = true;
}

function showEmpty(page: Page, empty: EmptyState | undefined): void {
  page.picture.innerHTML = '';
  page.table.innerHTML = '';
  page.content.hidden = true;
  page.empty.hidden = false;
  byId('empty-title').textContent = empty?.title ?? 'Nothing to draw';
  const body = byId('empty-body');
  body.textContent = empty?.body ?? '';
  if (empty?.example) {
    const example = document.createElement('p');
    const code = document.createElement('code');
    code.textContent = empty.example;
    example.appendChild(code);
    body.appendChild(example);
  }
}

/** Draws the message; focus stays on the same entry across redraws. */
export function draw(page: Page, message: RenderMessage): void {
  const focused = focusedTarget();
  page.docName.textContent = message.documentName;
  if (message.svg) showPicture(page, message);
  else showEmpty(page, message.empty);
  page.exportButton.disabled = !message.svg;
  if (focused) restoreFocus(page, focused);
}
