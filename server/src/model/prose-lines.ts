import type { ParsedMarkdown } from './markdown.js';
import { startOffset, endOffset } from './markdown.js';

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote']);

/**
 * The lines of the document's prose blocks (paragraphs, headings, lists,
 * tables, quotes) that `hint` finds something in, with their offsets in the
 * document. Code blocks, HTML and front matter are never read: a log line's
 * "EST" is a machine's, not the writer's. `hint` is a pattern without
 * anchors or lookbehinds (nor the g or y flag), so that what it finds in a
 * block it finds at the same place in the whole text.
 */
export function proseLines(doc: ParsedMarkdown, hint: RegExp): Array<{ text: string; start: number }> {
  const found: Array<{ text: string; start: number }> = [];
  // A top-level block starts and ends at a line's edges, so a match in it is a match in the text: one scan of
  // the text finds where the first possible one is (most documents have none), and the blocks before it are skipped.
  const first = hint.global || hint.sticky ? 0 : (hint.exec(doc.text)?.index ?? -1);
  if (first < 0) return found;
  for (const node of doc.root.children) {
    if (!TEXT_BLOCKS.has(node.type) || endOffset(node) <= first) continue;
    const start = startOffset(node);
    const block = doc.text.slice(start, endOffset(node));
    if (!hint.test(block)) continue;
    // Line by line without a record per line: most lines of a block the hint finds hold nothing.
    let from = 0;
    for (let i = 0; i <= block.length; i++) {
      const code = i < block.length ? block.charCodeAt(i) : 10;
      if (code !== 10 && code !== 13) continue;
      const line = block.slice(from, i);
      if (hint.test(line)) found.push({ text: line, start: start + from });
      if (code === 13 && block.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
  }
  return found;
}
