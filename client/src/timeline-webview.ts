// The Incident Timeline webview's document: markup, stylesheet and script,
// inline under a nonce (a .js file would sit outside the lint's TypeScript
// projects). No VS Code imports: the unit tests parse the script.
import { FONT_SAMPLE } from './timeline-svg.js';
//
// Messages, extension → webview:
//   { type: 'render', svg, table, entries, marks, uri, version, documentName, width, empty? }
// webview → extension:
//   { type: 'ready' | 'resize', width, font }        its drawing width, FONT_SAMPLE's width at 12px
//   { type: 'rendered', uri, version, entries, svg }   after each render, with the standalone SVG
//   { type: 'svg', svg }                             the theme changed: the standalone SVG again
//   { type: 'reveal', index }                        go to entries[index] in the editor
//   { type: 'export', svg }                          "Export SVG…" was pressed

export const STYLE = String.raw`
:root { color-scheme: light dark; }
html { scrollbar-gutter: stable; }
body {
  margin: 0; padding: 0 0 28px;
  color: var(--vscode-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); font-weight: var(--vscode-font-weight);
}
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.toolbar {
  position: sticky; top: 0; z-index: 2; display: flex; align-items: center; gap: 8px;
  padding: 10px 20px 8px; background: var(--vscode-editor-background);
  border-bottom: 1px solid var(--vscode-editorGroup-border, transparent);
}
.toolbar .doc { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--vscode-descriptionForeground); }
.toolbar .doc .live { opacity: .8; }
button.action {
  font: inherit; line-height: 18px; padding: 3px 11px; border-radius: 2px; cursor: pointer;
  color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: 1px solid var(--vscode-button-border, transparent);
}
button.action:hover:not(:disabled) { background: var(--vscode-button-secondaryHoverBackground); }
button.action:disabled { opacity: .5; cursor: default; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
#picture { margin: 10px 0 0; overflow-x: auto; overflow-y: hidden; }
#entries { padding: 0 20px; }
.empty-wrap { padding: 0 20px; }
h2 { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; color: var(--vscode-descriptionForeground); margin: 22px 0 6px; }

/* The picture: theme colours through classes; Export SVG resolves them. */
.pmt { display: block; font-family: var(--vscode-font-family); }
.pmt text { fill: var(--vscode-editor-foreground); }
.pmt .subtitle, .pmt .tick-label, .pmt .legend-label { fill: var(--vscode-descriptionForeground); }
.pmt .day-label { fill: var(--vscode-editor-foreground); }
.pmt .grid-line { stroke: var(--vscode-editor-foreground); stroke-opacity: .08; }
.pmt .axis-line, .pmt .tick { stroke: var(--vscode-editor-foreground); stroke-opacity: .45; }
.ms-impact-start, .ms-impact-end, .span-impact { --c: var(--vscode-charts-red); }
.ms-detected, .span-ttd { --c: var(--vscode-charts-yellow); }
.ms-mitigated, .span-ttm { --c: var(--vscode-charts-purple); }
.ms-resolved, .span-ttr { --c: var(--vscode-charts-green); }
.pmt .band { fill: var(--vscode-charts-red); fill-opacity: .11; }
.pmt .band-edge { fill: var(--vscode-charts-red); fill-opacity: .85; }
.pmt .hatch-line { stroke: var(--vscode-editorWarning-foreground); stroke-opacity: .2; }
.pmt .gap-bracket { stroke: var(--vscode-editorWarning-foreground); stroke-width: 1.2; }
.pmt .gap-label { fill: var(--vscode-editorWarning-foreground); }
.pmt .ms-line { stroke: var(--c); stroke-width: 1.5; stroke-dasharray: 5 3; }
.pmt .ms-tick { fill: var(--c); }
.pmt .ms-label { fill: var(--c); stroke: var(--vscode-editor-background); stroke-width: 3px; stroke-linejoin: round; paint-order: stroke; }
.pmt .span-line, .pmt .span-cap { stroke: var(--c); stroke-width: 2; }
.pmt .stated .span-line { stroke-dasharray: 5 3; }
.pmt .span-label { fill: var(--c); stroke: var(--vscode-editor-background); stroke-width: 3px; stroke-linejoin: round; paint-order: stroke; }
.pmt .mark { cursor: pointer; outline: none; }
.pmt .mark .shape { fill: var(--vscode-charts-blue); stroke: var(--vscode-editor-background); stroke-width: 2; }
.pmt .mark[class*=" ms-"] .shape { fill: var(--c); }
.pmt .mark.approximate .shape { fill: var(--vscode-editor-background); stroke: var(--vscode-charts-blue); stroke-width: 1.5; stroke-dasharray: 2 1.5; }
.pmt .mark.out-of-order .shape { fill: var(--vscode-editorError-foreground, var(--vscode-errorForeground)); stroke: var(--vscode-editor-background); stroke-dasharray: none; }
.pmt .mark .bang { fill: var(--vscode-editor-background); }
.pmt .mark .label { fill: var(--vscode-editor-foreground); stroke: var(--vscode-editor-background); stroke-width: 4px; stroke-linejoin: round; paint-order: stroke; }
.pmt .mark.out-of-order .label { fill: var(--vscode-editorError-foreground, var(--vscode-errorForeground)); }
.pmt .mark .stem { stroke: var(--vscode-focusBorder); stroke-width: 1; stroke-dasharray: 2 2; opacity: 0; }
body:not(.exporting) .pmt .mark:hover .stem, body:not(.exporting) .pmt .mark.hot .stem, body:not(.exporting) .pmt .mark:focus .stem { opacity: 1; }
body:not(.exporting) .pmt .mark:hover .shape, body:not(.exporting) .pmt .mark.hot .shape { stroke: var(--vscode-focusBorder); }
body:not(.exporting) .pmt .mark:focus .shape { stroke: var(--vscode-focusBorder); stroke-width: 3; }
body:not(.exporting) .pmt .mark:focus .label, body:not(.exporting) .pmt .mark:hover .label, body:not(.exporting) .pmt .mark.hot .label { text-decoration: underline; }
body:not(.exporting) .pmt .mark:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 3px; }
.pmt .lg-entry { fill: var(--vscode-charts-blue); }
.pmt .lg-milestone { fill: var(--vscode-descriptionForeground); }
.pmt .lg-impact { fill: var(--vscode-charts-red); fill-opacity: .3; }
.pmt .lg-ooo { fill: var(--vscode-editorError-foreground, var(--vscode-errorForeground)); }
.pmt .lg-approx { fill: none; stroke: var(--vscode-charts-blue); stroke-width: 1.5; stroke-dasharray: 2 1.5; }
.pmt .lg-gap { stroke: var(--vscode-editorWarning-foreground); stroke-width: 1; }

/* The entries as a table. */
.entries-table { width: 100%; border-collapse: collapse; }
.entries-table th {
  text-align: left; font-weight: 600; padding: 5px 8px; white-space: nowrap;
  color: var(--vscode-descriptionForeground); border-bottom: 1px solid var(--vscode-editorGroup-border, var(--vscode-panel-border));
}
.entries-table td { padding: 5px 8px; vertical-align: top; }
.entries-table td.text { overflow-wrap: anywhere; }
.entries-table td.milestone { white-space: nowrap; }
.entries-table tbody tr { cursor: pointer; }
.entries-table tbody tr:nth-child(odd) { background: var(--vscode-keybindingTable-rowsBackground, transparent); }
.entries-table tbody tr:hover, .entries-table tbody tr.hot { background: var(--vscode-list-hoverBackground); }
.entries-table tbody tr:focus-within { outline: 1px solid var(--vscode-list-focusOutline, var(--vscode-focusBorder)); outline-offset: -1px; }
.entries-table .time, .entries-table .offset { white-space: nowrap; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
.entries-table .offset, .entries-table .sublabel { color: var(--vscode-descriptionForeground); }
.row-link { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
.row-link:hover { text-decoration: underline; color: var(--vscode-textLink-activeForeground); }
.row-link:focus-visible { outline: none; text-decoration: underline; }
tr.out-of-order .text, .problem { color: var(--vscode-editorError-foreground, var(--vscode-errorForeground)); }
.problem, .note { font-size: 12px; margin-top: 2px; }
.note { color: var(--vscode-descriptionForeground); }
tr.undrawn .row-link { color: var(--vscode-descriptionForeground); }
.pill { display: inline-block; white-space: nowrap; border-radius: 9px; padding: 0 7px; font-size: 11px; line-height: 17px; color: var(--c); border: 1px solid var(--c); }

/* Tooltip, in the hover widget's colours. */
#tooltip {
  position: fixed; z-index: 10; max-width: 380px; padding: 6px 9px; pointer-events: none;
  color: var(--vscode-editorHoverWidget-foreground); background: var(--vscode-editorHoverWidget-background);
  border: 1px solid var(--vscode-editorHoverWidget-border); border-radius: 3px;
  box-shadow: 0 2px 8px var(--vscode-widget-shadow); font-size: 12px; line-height: 1.45;
}
#tooltip .tip-head { display: flex; align-items: center; gap: 8px; font-weight: 600; }
#tooltip .tip-offset, #tooltip .tip-label, #tooltip .tip-hint { color: var(--vscode-descriptionForeground); font-weight: normal; }
#tooltip .tip-problem { color: var(--vscode-editorError-foreground, var(--vscode-errorForeground)); }
#tooltip .tip-hint { margin-top: 3px; font-size: 11px; }

/* Nothing to draw. */
.empty { max-width: 460px; margin: 12vh auto 0; text-align: center; color: var(--vscode-descriptionForeground); line-height: 1.5; }
.empty .glyph { font-size: 28px; opacity: .6; }
.empty h1 { font-size: 15px; font-weight: 600; color: var(--vscode-foreground); margin: 8px 0 6px; }
.empty code { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); color: var(--vscode-textPreformat-foreground); background: var(--vscode-textPreformat-background, transparent); padding: 1px 4px; border-radius: 3px; }
`;

export const SCRIPT = String.raw`
(function () {
  'use strict';
  const FONT_SAMPLE = ${JSON.stringify(FONT_SAMPLE)};
  const vscode = acquireVsCodeApi();
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const picture = $('picture'), table = $('table'), content = $('content'), empty = $('empty');
  const tooltip = $('tooltip'), exportButton = $('export'), docName = $('doc');
  let entries = [];
  let current = null;
  let lastWidth = 0;

  const drawingWidth = () => Math.floor(document.querySelector('main').getBoundingClientRect().width);
  // The picture is laid out in the extension: tell it how wide this font really is.
  function measureFont() {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return 0;
    context.font = '12px ' + getComputedStyle(document.body).fontFamily;
    return context.measureText(FONT_SAMPLE).width;
  }

  // ---- rendering ----------------------------------------------------------
  function focusedTarget() {
    const active = document.activeElement;
    if (!active || active === document.body) return null;
    const mark = active.closest && active.closest('.mark');
    if (mark) return { where: 'mark', index: mark.getAttribute('data-index') };
    const row = active.closest && active.closest('tr[data-index]');
    if (row) return { where: 'row', index: row.getAttribute('data-index') };
    return null;
  }

  function render(message) {
    const focused = focusedTarget();
    hideTip();
    current = message;
    entries = message.entries || [];
    docName.textContent = message.documentName || '';
    if (message.svg) {
      picture.innerHTML = message.svg;
      table.innerHTML = message.table;
      // Titles become descriptions: the styled tooltip replaces the browser's; Export turns them back.
      for (const title of picture.querySelectorAll('title')) {
        const desc = document.createElementNS(SVG_NS, 'desc');
        desc.setAttribute('data-tip', '');
        desc.textContent = title.textContent;
        title.replaceWith(desc);
      }
      content.hidden = false;
      empty.hidden = true;
    } else {
      picture.innerHTML = '';
      table.innerHTML = '';
      content.hidden = true;
      empty.hidden = false;
      $('empty-title').textContent = (message.empty && message.empty.title) || 'Nothing to draw';
      const body = $('empty-body');
      body.textContent = (message.empty && message.empty.body) || '';
      if (message.empty && message.empty.example) {
        const example = document.createElement('p');
        const code = document.createElement('code');
        code.textContent = message.empty.example;
        example.appendChild(code);
        body.appendChild(example);
      }
    }
    exportButton.disabled = !message.svg;
    if (focused) {
      const target = focused.where === 'mark'
        ? picture.querySelector('.mark[data-index="' + focused.index + '"]')
        : table.querySelector('tr[data-index="' + focused.index + '"] .row-link');
      if (target) focused.where === 'mark' ? focusMark(target) : target.focus();
    }
    vscode.setState({ uri: message.uri });
    vscode.postMessage({ type: 'rendered', uri: message.uri, version: message.version, entries: message.marks || 0, svg: standalone() });
  }

  // ---- Export: a standalone SVG, colours resolved --------------------------
  const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linejoin', 'paint-order',
    'font-family', 'font-size', 'font-weight', 'text-decoration'];
  function standalone() {
    const live = picture.querySelector('svg');
    if (!live) return '';
    document.body.classList.add('exporting');
    try {
      const copy = live.cloneNode(true);
      const from = [live, ...live.querySelectorAll('*')];
      const to = [copy, ...copy.querySelectorAll('*')];
      const resolved = new Map();
      const drop = [];
      from.forEach((element, i) => {
        const target = to[i];
        const style = getComputedStyle(element);
        const values = {};
        for (const prop of PROPS) values[prop] = style.getPropertyValue(prop);
        resolved.set(element, values);
        const parent = resolved.get(element.parentElement);
        const tag = element.localName;
        if (tag !== 'title' && tag !== 'desc') {
          if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') drop.push(target);
          for (const prop of PROPS) {
            const value = values[prop];
            if (value && (!parent || parent[prop] !== value) && !(prop === 'text-decoration' && /^none/.test(value))) {
              // url("#id") → url(#id): the form every SVG renderer reads.
              target.setAttribute(prop, prop === 'text-decoration' ? value.split(' ')[0] : value.replace(/url\("([^"]*)"\)/g, 'url($1)'));
            }
          }
          if (style.opacity !== '1') target.setAttribute('opacity', style.opacity);
        }
        for (const name of [...target.getAttributeNames()]) {
          if (name === 'class' || name === 'tabindex' || name === 'role' || name.startsWith('data-') || (name.startsWith('aria-') && target !== copy)) target.removeAttribute(name);
        }
      });
      for (const element of drop) element.remove();
      for (const desc of copy.querySelectorAll('desc')) {
        const title = document.createElementNS(SVG_NS, 'title');
        title.textContent = desc.textContent;
        desc.replaceWith(title);
      }
      copy.setAttribute('role', 'img');
      const background = document.createElementNS(SVG_NS, 'rect');
      background.setAttribute('width', '100%');
      background.setAttribute('height', '100%');
      background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
      const defs = copy.querySelector('defs');
      copy.insertBefore(background, defs ? defs.nextSibling : copy.firstChild);
      return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy) + '\n';
    } finally {
      document.body.classList.remove('exporting');
    }
  }

  // ---- Tooltip ------------------------------------------------------------
  function tipOwner(node) {
    for (let element = node; element && element !== picture; element = element.parentElement) {
      if (element.localName === 'svg') return null;
      if (element.localName === 'g' && element.querySelector(':scope > desc[data-tip]')) return element;
    }
    return null;
  }
  function add(parent, className, text, tag) {
    const element = document.createElement(tag || 'div');
    if (className) element.className = className;
    element.textContent = text;
    parent.appendChild(element);
    return element;
  }
  function showTip(owner) {
    tooltip.textContent = '';
    if (owner.classList.contains('mark')) {
      const info = entries[Number(owner.getAttribute('data-index'))];
      if (!info) return;
      const head = add(tooltip, 'tip-head', '');
      add(head, 'tip-time', info.time, 'span');
      if (info.offset) add(head, 'tip-offset', info.offset, 'span');
      if (info.milestone) add(head, 'pill ms-' + info.milestoneKind, info.milestone, 'span');
      if (info.label) add(tooltip, 'tip-label', info.label);
      add(tooltip, 'tip-text', info.text);
      if (info.problem) add(tooltip, 'tip-problem', info.problem);
      add(tooltip, 'tip-hint', 'Click or press Enter to go to the entry');
    } else {
      add(tooltip, 'tip-text', owner.querySelector(':scope > desc').textContent);
    }
    tooltip.hidden = false;
    const anchor = (owner.querySelector('.shape') || owner).getBoundingClientRect();
    const box = tooltip.getBoundingClientRect();
    const pointer = owner.classList.contains('mark') ? anchor : lastPointer;
    let left = Math.min(Math.max(4, pointer.left - 12), window.innerWidth - box.width - 8);
    let top = pointer.bottom + 10;
    if (top + box.height > window.innerHeight - 4) top = Math.max(4, pointer.top - box.height - 10);
    tooltip.style.left = left + 'px';
    tooltip.style.top = top + 'px';
  }
  function hideTip() { tooltip.hidden = true; }
  let lastPointer = { left: 0, top: 0, bottom: 0 };

  picture.addEventListener('pointermove', (event) => {
    lastPointer = { left: event.clientX, top: event.clientY - 4, bottom: event.clientY + 12 };
    const owner = tipOwner(event.target);
    if (owner) showTip(owner); else hideTip();
  });
  picture.addEventListener('pointerleave', hideTip);
  picture.addEventListener('focusin', (event) => {
    const mark = event.target.closest && event.target.closest('.mark');
    if (mark) showTip(mark);
  });
  picture.addEventListener('focusout', hideTip);

  // ---- Going to entries -----------------------------------------------------
  function reveal(index) {
    hideTip();
    vscode.postMessage({ type: 'reveal', index: Number(index) });
  }
  const marks = () => [...picture.querySelectorAll('.mark')].sort((a, b) => Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order')));
  function focusMark(mark) {
    for (const other of picture.querySelectorAll('.mark')) other.setAttribute('tabindex', other === mark ? '0' : '-1');
    mark.focus();
  }
  picture.addEventListener('click', (event) => {
    const mark = event.target.closest && event.target.closest('.mark');
    if (mark) reveal(mark.getAttribute('data-index'));
  });
  picture.addEventListener('keydown', (event) => {
    const mark = event.target.closest && event.target.closest('.mark');
    if (!mark) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      reveal(mark.getAttribute('data-index'));
      return;
    }
    if (event.key === 'Escape') { hideTip(); return; }
    const all = marks();
    const at = all.indexOf(mark);
    const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = all[Math.max(0, Math.min(all.length - 1, next))];
    if (target) focusMark(target);
  });

  table.addEventListener('click', (event) => {
    const row = event.target.closest && event.target.closest('tr[data-index]');
    if (row) reveal(row.getAttribute('data-index'));
  });
  table.addEventListener('keydown', (event) => {
    const row = event.target.closest && event.target.closest('tr[data-index]');
    if (!row) return;
    const links = [...table.querySelectorAll('.row-link')];
    const at = links.indexOf(row.querySelector('.row-link'));
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = links[Math.max(0, Math.min(links.length - 1, next))];
    if (target) target.focus();
  });
  // Rows and marks light each other up.
  function link(index, on) {
    for (const element of document.querySelectorAll('.mark[data-index="' + index + '"], tr[data-index="' + index + '"]')) element.classList.toggle('hot', on);
  }
  for (const [container, selector] of [[table, 'tr[data-index]'], [picture, '.mark']]) {
    container.addEventListener('pointerover', (event) => {
      const owner = event.target.closest && event.target.closest(selector);
      if (owner) link(owner.getAttribute('data-index'), true);
    });
    container.addEventListener('pointerout', (event) => {
      const owner = event.target.closest && event.target.closest(selector);
      if (owner && !owner.contains(event.relatedTarget)) link(owner.getAttribute('data-index'), false);
    });
  }

  exportButton.addEventListener('click', () => vscode.postMessage({ type: 'export', svg: standalone() }));

  // ---- Size and theme -------------------------------------------------------
  let resizeTimer;
  new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const width = drawingWidth();
      if (Math.abs(width - lastWidth) > 1) {
        lastWidth = width;
        vscode.postMessage({ type: 'resize', width, font: measureFont() });
      }
    }, 100);
  }).observe(document.querySelector('main'));
  let themeTimer;
  const themeChanged = () => {
    clearTimeout(themeTimer);
    themeTimer = setTimeout(() => { if (current && current.svg) vscode.postMessage({ type: 'svg', svg: standalone() }); }, 50);
  };
  new MutationObserver(themeChanged).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  new MutationObserver(themeChanged).observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });

  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'render') render(event.data);
  });
  lastWidth = drawingWidth();
  vscode.postMessage({ type: 'ready', width: lastWidth, font: measureFont(), state: vscode.getState() });
})();
`;

export interface WebviewDocumentOptions {
  cspSource: string;
  nonce: string;
  documentName: string;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The webview's HTML: a fresh nonce each time it is set. Content arrives by message. */
export function webviewDocument({ cspSource, nonce, documentName }: WebviewDocumentOptions): string {
  const csp = `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Incident Timeline</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header class="toolbar">
  <div class="doc"><span id="doc">${escapeHtml(documentName)}</span> <span class="live">· follows your edits</span></div>
  <button type="button" class="action" id="export" disabled title="Save the picture as a standalone SVG file, colours included">Export SVG…</button>
</header>
<main>
  <div id="content" hidden>
    <div id="picture"></div>
    <section id="entries" aria-labelledby="entries-heading">
      <h2 id="entries-heading">Entries</h2>
      <div id="table"></div>
    </section>
  </div>
  <div id="empty" class="empty" role="status" hidden>
    <div class="glyph" aria-hidden="true">◷</div>
    <h1 id="empty-title"></h1>
    <div id="empty-body"></div>
  </div>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
