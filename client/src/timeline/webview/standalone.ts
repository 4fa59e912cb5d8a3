// "Export SVG": a standalone copy of the live picture, its theme colours
// resolved to concrete values, hover-only parts dropped, tooltips as <title>.
const SVG_NS = 'http://www.w3.org/2000/svg';
const PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linejoin', 'paint-order', 'font-family', 'font-size', 'font-weight', 'text-decoration'];

type Values = Record<string, string>;

/** Writes each computed value the parent does not already give as an attribute. */
function resolve(element: Element, target: Element, parent: Values | undefined, drop: Element[]): Values {
  const style = getComputedStyle(element);
  const values: Values = {};
  for (const prop of PROPS) values[prop] = style.getPropertyValue(prop);
  if (element.localName === 'title' || element.localName === 'desc') return values;
  if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') drop.push(target);
  for (const prop of PROPS) {
    const value = values[prop];
    if (!value || (parent && parent[prop] === value) || (prop === 'text-decoration' && value.startsWith('none'))) continue;
    // url("#id") → url(#id): the form every SVG renderer reads.
    target.setAttribute(prop, prop === 'text-decoration' ? (value.split(' ')[0] ?? value) : value.replace(/url\("([^"]*)"\)/g, 'url($1)'));
  }
  if (style.opacity !== '1') target.setAttribute('opacity', style.opacity);
  return values;
}

/** Leaves out what only the live webview needs: classes, focus, roles, data. The root keeps its aria-label. */
function stripLive(target: Element, root: Element): void {
  for (const name of target.getAttributeNames()) {
    if (name === 'class' || name === 'tabindex' || name === 'role' || name.startsWith('data-') || (name.startsWith('aria-') && target !== root)) target.removeAttribute(name);
  }
}

function finish(copy: SVGSVGElement): void {
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
}

/** The picture in `container` as a standalone SVG document, or '' when there is none. */
export function standaloneSvg(container: Element): string {
  const live = container.querySelector('svg');
  if (!live) return '';
  document.body.classList.add('exporting');
  try {
    const copy = live.cloneNode(true) as SVGSVGElement;
    const from = [live, ...live.querySelectorAll('*')];
    const to = [copy, ...copy.querySelectorAll('*')];
    const resolved = new Map<Element, Values>();
    const drop: Element[] = [];
    from.forEach((element, i) => {
      const target = to[i]!;
      resolved.set(element, resolve(element, target, element.parentElement ? resolved.get(element.parentElement) : undefined, drop));
      stripLive(target, copy);
    });
    for (const element of drop) element.remove();
    finish(copy);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  } finally {
    document.body.classList.remove('exporting');
  }
}
