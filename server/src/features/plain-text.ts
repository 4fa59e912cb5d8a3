import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseFragment } from '../model/markdown.js';

// What could make a line more than text: emphasis, code, links, HTML, entities, escapes, strikethrough.
const INLINE = /[\\`*_[\]<>&~]/;

/**
 * A line of Markdown as a reader sees it rendered: emphasis markers gone,
 * links as their text, code as its content, HTML and comments left out. Read
 * by the engine's own parser, as inline text: a line that would start a block
 * ("# …", "- …", "1. …") keeps that start as text.
 */
export function plainText(markdown: string): string {
  const line = markdown.replace(/\s+/g, ' ').trim();
  if (!INLINE.test(line)) return line;
  let root = parseFragment(line, false);
  if (root && !isOneParagraph(root)) root = parseFragment(escapeStart(line), false);
  // Delimiter soup the parser refuses, or still not a paragraph: the text as written beats no text.
  if (!root || !isOneParagraph(root)) return line;
  return toString(root, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

function isOneParagraph(root: Root): boolean {
  return root.children.length === 1 && root.children[0]!.type === 'paragraph';
}

/** The line with its first block marker escaped: "\# …", "\- …", "1\. …". */
function escapeStart(line: string): string {
  const number = /^\d+(?=[.)])/.exec(line);
  if (number) return `${number[0]}\\${line.slice(number[0].length)}`;
  return /^[!-/:-@[-`{-~]/.test(line) ? `\\${line}` : line;
}
