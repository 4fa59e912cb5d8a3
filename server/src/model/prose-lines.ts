import type { ParsedMarkdown } from './markdown.js';
import { startOffset, endOffset } from './markdown.js';

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote']);

/**
 * The lines of the document's prose blocks (paragraphs, headings, lists,
 * tables, quotes) that `hint` finds something in, with their offsets in the
 * document. Code blocks, HTML and front matter are never read: a log line's
 * "EST" is a machine's, not the writer's.
 */
export function proseLines(doc: ParsedMarkdown, hint: RegExp): Array<{ text: string; start: number }> {
  const found: Array<{ text: string; start: number }> = [];
  for (const node of doc.root.children) {
    if (!TEXT_BLOCKS.has(node.type)) continue;
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
