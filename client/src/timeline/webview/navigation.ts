// Going to entries: click or Enter on a mark or a row posts "reveal"; arrow
// keys move between marks (in time order) and rows; rows and marks light each other up.
import { closest, host } from './host.js';
import type { Tooltip } from './tooltip.js';

const ARROWS: Record<string, (at: number, last: number) => number> = {
  ArrowRight: (at) => at + 1,
  ArrowDown: (at) => at + 1,
  ArrowLeft: (at) => at - 1,
  ArrowUp: (at) => at - 1,
  Home: () => 0,
  End: (_, last) => last,
};

/** Moves the picture's one tab stop to `mark` and focuses it. */
export function focusMark(picture: HTMLElement, mark: Element): void {
  for (const other of picture.querySelectorAll('.mark')) other.setAttribute('tabindex', other === mark ? '0' : '-1');
  if (mark instanceof SVGElement || mark instanceof HTMLElement) mark.focus();
}

function reveal(index: string | null, tooltip: Tooltip): void {
  tooltip.hide();
  host.postMessage({ type: 'reveal', index: Number(index) });
}

function onPictureKey(event: KeyboardEvent, picture: HTMLElement, tooltip: Tooltip): void {
  const mark = closest(event.target, '.mark');
  if (!mark) return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal(mark.getAttribute('data-index'), tooltip);
    return;
  }
  if (event.key === 'Escape') {
    tooltip.hide();
    return;
  }
  const all = [...picture.querySelectorAll('.mark')].sort((a, b) => Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order')));
  const move = ARROWS[event.key];
  if (!move) return;
  event.preventDefault();
  const target = all[Math.max(0, Math.min(all.length - 1, move(all.indexOf(mark), all.length - 1)))];
  if (target) focusMark(picture, target);
}

function onTableKey(event: KeyboardEvent, table: HTMLElement): void {
  const row = closest(event.target, 'tr[data-index]');
  if (!row || event.key === 'ArrowLeft' || event.key === 'ArrowRight') return;
  const links = [...table.querySelectorAll<HTMLElement>('.row-link')];
  const move = ARROWS[event.key];
  if (!move) return;
  event.preventDefault();
  const at = links.indexOf(row.querySelector<HTMLElement>('.row-link')!);
  links[Math.max(0, Math.min(links.length - 1, move(at, links.length - 1)))]?.focus();
}

function linkHover(container: HTMLElement, selector: string): void {
  const light = (index: string | null, on: boolean): void => {
    for (const element of document.querySelectorAll(`.mark[data-index="${index ?? ''}"], tr[data-index="${index ?? ''}"]`)) element.classList.toggle('hot', on);
  };
  container.addEventListener('pointerover', (event) => {
    const owner = closest(event.target, selector);
    if (owner) light(owner.getAttribute('data-index'), true);
  });
  container.addEventListener('pointerout', (event) => {
    const owner = closest(event.target, selector);
    if (owner && !(event.relatedTarget instanceof Node && owner.contains(event.relatedTarget))) light(owner.getAttribute('data-index'), false);
  });
}

export function wireNavigation(picture: HTMLElement, table: HTMLElement, tooltip: Tooltip): void {
  picture.addEventListener('click', (event) => {
    const mark = closest(event.target, '.mark');
    if (mark) reveal(mark.getAttribute('data-index'), tooltip);
  });
  picture.addEventListener('keydown', (event) => onPictureKey(event, picture, tooltip));
  table.addEventListener('click', (event) => {
    const row = closest(event.target, 'tr[data-index]');
    if (row) reveal(row.getAttribute('data-index'), tooltip);
  });
  table.addEventListener('keydown', (event) => onTableKey(event, table));
  linkHover(table, 'tr[data-index]');
  linkHover(picture, '.mark');
}
