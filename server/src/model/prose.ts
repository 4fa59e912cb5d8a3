import type { Nodes } from 'mdast';
import { type ParsedMarkdown, walk, startOffset, endOffset } from './markdown.js';
import { bareUrlSpans, mayHoldBareUrl } from './bare-urls.js';

/** A block of prose with its source offset; code, URLs and HTML are blanked to spaces so offsets still line up. */
export interface ProseBlock {
  start: number;
  text: string;
  kind: 'paragraph' | 'heading' | 'tableCell';
}

// Code starts with "`", HTML and autolinks with "<", links and images with "["; a bare URL or address holds
// "://", "@" or "www." (as mayHoldBareUrl tests): one scan tells the blocks that need none of the blanking.
const MAY_NEED_BLANKING = /[`<[@]|:\/\/|www\./i;

// Several rules read the prose of the same parse: compute it once per parse.
const cache = new WeakMap<ParsedMarkdown, ProseBlock[]>();
// And once per block across parses: incremental parsing keeps the nodes an edit
// did not touch (moved, but with the same source), so their prose is reused.
const byNode = new WeakMap<Nodes, { source: string; text: string }>();

/** A block's source with code, HTML and link destinations blanked (line breaks kept); `urls`: it may hold a bare URL. */
function blankedSource(node: Nodes, source: string, start: number, urls: boolean): string {
  const spans: Array<[number, number]> = [];
  walk(node, (inner: Nodes, ancestors) => {
    if (inner.type === 'inlineCode' || inner.type === 'html') spans.push([startOffset(inner), endOffset(inner)]);
    // A bare URL in running text (not a link's own text) is all destination.
    if (urls && inner.type === 'text' && !ancestors.some((above) => above.type === 'link' || above.type === 'linkReference')) {
      const from = startOffset(inner);
      for (const [urlStart, urlEnd] of bareUrlSpans(source.slice(from - start, endOffset(inner) - start))) spans.push([from + urlStart, from + urlEnd]);
    }
    if (inner.type === 'link' || inner.type === 'image') {
      // A bare URL is all destination; otherwise keep a link's text and blank its destination: "(https://…?from=1594299600000)".
      const lastChild = inner.type === 'link' ? inner.children[inner.children.length - 1] : undefined;
      const bare = inner.type === 'link' && lastChild !== undefined && endOffset(lastChild) === endOffset(inner);
      spans.push([bare ? startOffset(inner) : lastChild ? endOffset(lastChild) : startOffset(inner), endOffset(inner)]);
    }
  });
  if (spans.length === 0) return source;
  // Copy the kept runs whole and write each blanked run as spaces (line breaks stay): an array of
  // one-character strings, or a mask, per block costs more than the few spans there are.
  const local = spans
    .map(([from, to]): [number, number] => [Math.max(0, from - start), Math.min(source.length, to - start)])
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  let text = '';
  let kept = 0;
  for (const [spanFrom, to] of local) {
    const from = Math.max(spanFrom, kept);
    if (from >= to) continue;
    text += source.slice(kept, from);
    for (let i = from; i < to; ) {
      let end = i;
      while (end < to && !isLineBreak(source.charCodeAt(end))) end++;
      text += ' '.repeat(end - i);
      if (end < to) text += source[end]!;
      i = end + 1;
    }
    kept = to;
  }
  return text + source.slice(kept);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** A block's prose: its source as is when nothing in it can need blanking, else blanked (reused for a node an edit left alone). */
function proseText(node: Nodes, source: string, start: number): string {
  // Most blocks hold nothing to blank, and for those the test is cheaper than a memo entry.
  if (!MAY_NEED_BLANKING.test(source)) return source;
  const known = byNode.get(node);
  if (known?.source === source) return known.text;
  const text = blankedSource(node, source, start, mayHoldBareUrl(source));
  byNode.set(node, { source, text });
  return text;
}

/** Paragraphs, headings and table cells as source text, minus what is not prose. */
export function proseBlocks(doc: ParsedMarkdown): ProseBlock[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const blocks: ProseBlock[] = [];
  walk(doc.root, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return true;
    const start = startOffset(node);
    blocks.push({ start, text: proseText(node, doc.text.slice(start, endOffset(node)), start), kind: node.type });
    // A block ends the descent.
    return false;
  });
  cache.set(doc, blocks);
  return blocks;
}
