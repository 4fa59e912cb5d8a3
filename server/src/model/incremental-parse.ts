import type { List, Nodes, Parents, Root } from 'mdast';
import { parseFragment, parseMarkdown, type ParsedMarkdown } from './markdown.js';
import { endOffset, endPoint, hasDefinitions, shift, shiftPoint, startOffset } from './mdast-tree.js';
import { LineIndex } from './positions.js';

/** The one span where two texts differ: [start, oldEnd) of the old became [start, newEnd) of the new. */
interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

function changeBetween(before: string, after: string): Change {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

// Trees known to hold no reference or footnote definition: a definition
// changes how text anywhere reads, so documents with one are parsed whole.
const withoutDefinitions = new WeakSet<Root>();


function definitionFree(root: Root): boolean {
  if (withoutDefinitions.has(root)) return true;
  if (hasDefinitions(root)) return false;
  withoutDefinitions.add(root);
  return true;
}

/**
 * A front matter fence never closed changes how the whole document parses (a
 * list item no longer interrupts a paragraph anywhere after it): whole parses.
 */
function unclosedFrontMatter(parsed: ParsedMarkdown): boolean {
  return /^---[ \t]*(?:[\r\n]|$)/.test(parsed.text) && parsed.root.children[0]?.type !== 'yaml';
}



function lineStartBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return start;
}

const sameExtent = (a: Nodes, b: Nodes, delta: number): boolean =>
  a.type === b.type && startOffset(a) + delta === startOffset(b) && endOffset(a) + delta === endOffset(b) && ('spread' in a ? a.spread : undefined) === ('spread' in b ? b.spread : undefined);

interface Siblings {
  nodes: readonly Nodes[];
  /** Blocks of the document (the last may run to its end), or the items of one list. */
  kind: 'blocks' | 'items';
  /** The list they belong to, for items. */
  list?: List;
}

/**
 * The siblings around a change parsed again on their own: from the last one
 * wholly before the change to the first one wholly after it. Those two
 * guards must come out exactly as they were, which shows that the change did
 * not reach past them; otherwise null, and the caller parses more.
 */
function reparseSiblings(previous: ParsedMarkdown, text: string, lines: LineIndex, change: Change, { nodes, kind, list }: Siblings, margin: number): { first: number; last: number; replacement: Nodes[]; spread: boolean } | null {
  const touched = nodes.findIndex((node) => endOffset(node) >= change.start);
  const first = (touched < 0 ? nodes.length : touched) - margin;
  if (first < 0) return null;
  let last = first + margin;
  while (last < nodes.length && startOffset(nodes[last]!) <= change.oldEnd) last++;
  last += margin - 1;
  const guarded = last < nodes.length;
  if (!guarded && kind === 'items') return null;
  const delta = change.newEnd - change.oldEnd;
  const sliceStart = lineStartBefore(previous.text, startOffset(nodes[first]!));
  const sliceEnd = guarded ? endOffset(nodes[last]!) + delta : text.length;
  const fragment = parseFragment(text.slice(sliceStart, sliceEnd), sliceStart === 0);
  if (!fragment || hasDefinitions(fragment)) return null;
  let replacement: Nodes[] = fragment.children;
  let spread = false;
  if (kind === 'items') {
    const only = fragment.children[0];
    if (fragment.children.length !== 1 || only?.type !== 'list' || only.ordered !== list?.ordered) return null;
    replacement = only.children;
    spread = only.spread === true || (list?.spread === true && blankBetweenItems(previous.text, nodes, first, last));
  }
  if (replacement.length === 0) return null;
  const lineBase = lines.positionAt(sliceStart).line;
  for (const node of replacement) shift(node, sliceStart, lineBase);
  if (!sameExtent(nodes[first]!, replacement[0]!, 0)) return null;
  if (guarded && (replacement.length < 2 || !sameExtent(nodes[last]!, replacement[replacement.length - 1]!, delta))) return null;
  return { first, last: guarded ? last : nodes.length - 1, replacement, spread };
}

/**
 * A list is loose (spread) when a blank line separates two of its items: is
 * there one outside the items from `first` to `last`, which were parsed again?
 */
function blankBetweenItems(text: string, items: readonly Nodes[], first: number, last: number): boolean {
  for (let index = 0; index + 1 < items.length; index++) {
    if (index >= first && index < last) continue;
    const gap = text.slice(endOffset(items[index]!), startOffset(items[index + 1]!));
    if ((gap.match(/\r\n?|\n/g)?.length ?? 0) >= 2) return true;
  }
  return false;
}

/** Splices the replacement in and moves everything after it by the change. Mutates the previous tree, which is spent. */
function splice(parent: Parents, at: { first: number; last: number; replacement: Nodes[] }, offset: number, lineDelta: number): void {
  const after = parent.children.slice(at.last + 1) as Nodes[];
  for (const node of after) shift(node, offset, lineDelta);
  (parent.children as Nodes[]).splice(at.first, parent.children.length - at.first, ...at.replacement, ...after);
}

/**
 * One guard on each side first; when the change reached a guard (a line that
 * joins the item before it, a new blank line), a few more, then many.
 */
function widening<T>(attempt: (margin: number) => T | null): T | null {
  for (const margin of [1, 4, 32]) {
    const result = attempt(margin);
    if (result) return result;
  }
  return null;
}


/**
 * The next version of a document from the previous one's parse: only the
 * blocks an edit touches are parsed again (only the list items, inside a long
 * list), and the rest of the tree is kept, moved by the edit's length. Edits
 * that could change how other blocks read (the first block, front matter,
 * a document with link definitions, an opened code fence that swallows the
 * guard after it …) fall back to a full parse. The previous parse is consumed.
 */
export function reparse(previous: ParsedMarkdown, text: string): ParsedMarkdown {
  if (previous.text === text) return previous;
  const root = previous.root;
  // A BOM moves the whole tree by one character (parseMarkdown's business); rare enough to parse whole.
  if (previous.degraded || root.children.length === 0 || text.charCodeAt(0) === 0xfeff || unclosedFrontMatter(previous) || !definitionFree(root)) return parseMarkdown(text);
  const change = changeBetween(previous.text, text);
  const lines = new LineIndex(text);
  const delta = change.newEnd - change.oldEnd;
  const lineDelta = lines.lineCount - previous.lines.lineCount;
  const host = root.children.find((node) => startOffset(node) <= change.start && change.oldEnd <= endOffset(node));
  const inList = host?.type === 'list' ? widening((margin) => reparseSiblings(previous, text, lines, change, { nodes: host.children, kind: 'items', list: host }, margin)) : null;
  const inRoot = inList ? null : widening((margin) => reparseSiblings(previous, text, lines, change, { nodes: root.children, kind: 'blocks' }, margin));
  if (!inList && !inRoot) return parseMarkdown(text);
  if (inList && host?.type === 'list') {
    splice(host, inList, delta, lineDelta);
    host.spread = inList.spread;
    shiftPoint(host.position?.end, delta, lineDelta);
    const index = root.children.indexOf(host);
    for (const node of root.children.slice(index + 1)) shift(node, delta, lineDelta);
  } else if (inRoot) splice(root, inRoot, delta, lineDelta);
  const next: Root = { type: 'root', children: root.children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(lines) } };
  withoutDefinitions.add(next);
  return { ...previous, text, lines, root: next, degraded: null };
}
