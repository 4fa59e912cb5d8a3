// Probes from the panel (the extension-host tests use them through the
// postmortem.timelineState command): perform a user gesture on the page with
// real DOM events, through the page's own handlers, and describe what it shows.
import type { WebviewGesture, WebviewSnapshot } from '../messages.js';
import type { Tooltip } from './tooltip.js';
import type { Page } from './view.js';

function target(selector: string): Element {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

export function perform(gesture: WebviewGesture): void {
  const element = target(gesture.selector);
  if (gesture.kind === 'click') {
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  } else if (gesture.kind === 'hover') {
    const box = element.getBoundingClientRect();
    element.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, clientX: box.left + 1, clientY: box.top + 1 }));
    element.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: box.left + 1, clientY: box.top + 1 }));
  } else {
    if (element instanceof HTMLElement || element instanceof SVGElement) element.focus();
    element.dispatchEvent(new KeyboardEvent('keydown', { key: gesture.key, bubbles: true, cancelable: true }));
  }
}

function focusedName(page: Page): string | null {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  if (active === page.exportButton) return 'export';
  const mark = active.closest('.mark');
  if (mark) return `mark ${mark.getAttribute('data-index') ?? ''}`;
  const row = active.closest('tr[data-index]');
  return row ? `row ${row.getAttribute('data-index') ?? ''}` : active.localName;
}

export function snapshot(page: Page, shown: { uri: string; version: number | null }, tooltip: Tooltip, svg: string): WebviewSnapshot {
  return {
    uri: shown.uri,
    version: shown.version,
    marks: page.picture.querySelectorAll('.mark').length,
    rows: page.table.querySelectorAll('tbody tr').length,
    emptyTitle: page.empty.hidden ? null : (document.getElementById('empty-title')?.textContent ?? null),
    exportEnabled: !page.exportButton.disabled,
    focused: focusedName(page),
    tooltip: tooltip.text(),
    svg,
  };
}
