import type { ParsedMarkdown } from './markdown.js';
import { startOffset, endOffset } from './markdown.js';
import { splitLines } from './positions.js';

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
    for (const line of splitLines(block)) {
      if (hint.test(line.text)) found.push({ text: line.text, start: start + line.start });
    }
  }
  return found;
}
