// The styled tooltip over the picture: an entry's time, T+, milestone, text
// and problem; for other parts (spans, gaps, milestones) their description.
import type { EntryInfo } from '../messages.js';

export interface Tooltip {
  show(owner: Element): void;
  hide(): void;
  /** The group with a tooltip under a node, if any. */
  ownerOf(node: EventTarget | null): Element | null;
  /** Where the pointer is, for tooltips that follow it. */
  pointerAt(x: number, y: number): void;
  /** The text it shows, or null when hidden. */
  text(): string | null;
}

function add(parent: HTMLElement, className: string, text: string, tag = 'div'): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  parent.appendChild(element);
  return element;
}

function fillEntry(tooltip: HTMLElement, info: EntryInfo): void {
  const head = add(tooltip, 'tip-head', '');
  add(head, 'tip-time', info.time, 'span');
  if (info.offset) add(head, 'tip-offset', info.offset, 'span');
  if (info.milestone) add(head, `pill ms-${info.milestoneKind ?? ''}`, info.milestone, 'span');
  if (info.label) add(tooltip, 'tip-label', info.label);
  add(tooltip, 'tip-text', info.text);
  if (info.problem) add(tooltip, 'tip-problem', info.problem);
  add(tooltip, 'tip-hint', 'Click or press Enter to go to the entry');
}

export function createTooltip(tooltip: HTMLElement, picture: HTMLElement, entries: () => readonly EntryInfo[]): Tooltip {
  let pointer = { left: 0, top: 0, bottom: 0 };
  const place = (owner: Element): void => {
    const anchor = (owner.querySelector('.shape') ?? owner).getBoundingClientRect();
    const box = tooltip.getBoundingClientRect();
    const at = owner.classList.contains('mark') ? anchor : pointer;
    const left = Math.min(Math.max(4, at.left - 12), window.innerWidth - box.width - 8);
    let top = at.bottom + 10;
    if (top + box.height > window.innerHeight - 4) top = Math.max(4, at.top - box.height - 10);
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  };
  return {
    show(owner) {
      tooltip.textContent = '';
      if (owner.classList.contains('mark')) {
        const info = entries()[Number(owner.getAttribute('data-index'))];
        if (!info) return;
        fillEntry(tooltip, info);
      } else add(tooltip, 'tip-text', owner.querySelector(':scope > desc')?.textContent ?? '');
      tooltip.hidden = false;
      place(owner);
    },
    hide() {
      tooltip.hidden = true;
    },
    ownerOf(node) {
      for (let element = node instanceof Element ? node : null; element && element !== picture; element = element.parentElement) {
        if (element.localName === 'svg') return null;
        if (element.localName === 'g' && element.querySelector(':scope > desc[data-tip]')) return element;
      }
      return null;
    },
    pointerAt(x, y) {
      pointer = { left: x, top: y - 4, bottom: y + 12 };
    },
    text: () => (tooltip.hidden ? null : tooltip.textContent),
  };
}
