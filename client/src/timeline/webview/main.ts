// The Incident Timeline webview: draws what the panel sends (the picture is
// laid out in the extension host), shows tooltips, goes to entries, exports
// the SVG, and reports its width and font so the layout fits. Bundled by
// esbuild into dist/webview/timeline.js (scripts/build/bundle.mjs).
import { FONT_SAMPLE, type EntryInfo, type ProbeMessage, type RenderMessage, type ToWebview } from '../messages.js';
import { closest, host } from './host.js';
import { wireNavigation } from './navigation.js';
import { perform, snapshot } from './probe.js';
import { standaloneSvg } from './standalone.js';
import { createTooltip } from './tooltip.js';
import { draw, findPage } from './view.js';

const page = findPage();
const main = document.querySelector('main')!;
let entries: readonly EntryInfo[] = [];
let current: RenderMessage | null = null;
let lastWidth = 0;
const tooltip = createTooltip(document.getElementById('tooltip')!, page.picture, () => entries);

const drawingWidth = (): number => Math.floor(main.getBoundingClientRect().width);

/** FONT_SAMPLE's width in this font at 12px: the layout in the extension host corrects its estimate by it. */
function measureFont(): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return 0;
  context.font = `12px ${getComputedStyle(document.body).fontFamily}`;
  return context.measureText(FONT_SAMPLE).width;
}

function render(message: RenderMessage): void {
  tooltip.hide();
  current = message;
  entries = message.entries;
  draw(page, message);
  host.setState({ uri: message.uri });
  host.postMessage({ type: 'rendered', uri: message.uri, version: message.version, entries: message.marks, svg: standaloneSvg(page.picture) });
}

function probe(message: ProbeMessage): void {
  let error: string | undefined;
  try {
    if (message.gesture) perform(message.gesture);
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  const shown = { uri: current?.uri ?? '', version: current?.version ?? null };
  host.postMessage({ type: 'probed', id: message.id, snapshot: snapshot(page, shown, tooltip, standaloneSvg(page.picture)), ...(error ? { error } : {}) });
}

page.picture.addEventListener('pointermove', (event) => {
  tooltip.pointerAt(event.clientX, event.clientY);
  const owner = tooltip.ownerOf(event.target);
  if (owner) tooltip.show(owner);
  else tooltip.hide();
});
page.picture.addEventListener('pointerleave', () => tooltip.hide());
page.picture.addEventListener('focusin', (event) => {
  const mark = closest(event.target, '.mark');
  if (mark) tooltip.show(mark);
});
page.picture.addEventListener('focusout', () => tooltip.hide());
wireNavigation(page.picture, page.table, tooltip);
page.exportButton.addEventListener('click', () => host.postMessage({ type: 'export', svg: standaloneSvg(page.picture) }));

// Size and theme: a new width is laid out again; a new theme changes the exported colours.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const width = drawingWidth();
    if (Math.abs(width - lastWidth) <= 1) return;
    lastWidth = width;
    host.postMessage({ type: 'resize', width, font: measureFont() });
  }, 100);
}).observe(main);
let themeTimer: ReturnType<typeof setTimeout> | undefined;
const themeChanged = (): void => {
  clearTimeout(themeTimer);
  themeTimer = setTimeout(() => {
    if (current?.svg) host.postMessage({ type: 'svg', svg: standaloneSvg(page.picture) });
  }, 50);
};
new MutationObserver(themeChanged).observe(document.body, { attributes: true, attributeFilter: ['class'] });
new MutationObserver(themeChanged).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

window.addEventListener('message', (event: MessageEvent<ToWebview | undefined>) => {
  const message = event.data;
  if (message?.type === 'render') render(message);
  else if (message?.type === 'probe') probe(message);
});
lastWidth = drawingWidth();
host.postMessage({ type: 'ready', width: lastWidth, font: measureFont(), state: host.getState() as { uri?: string } | null });
