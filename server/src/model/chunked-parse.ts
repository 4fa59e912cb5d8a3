import type { Root, RootContent } from 'mdast';
import { endPoint, hasDefinitions, shift } from './mdast-tree.js';
import type { LineIndex } from './positions.js';

const LIST_OR_QUOTE = /^(?:[-*+>]|\d{1,9}[.)])/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;

/**
 * Line starts where a long document can be cut into parts that parse on
 * their own exactly as they do in the whole: an ATX heading at the margin, or
 * a line at the margin after a blank line that does not start a list item or
 * a quote (it closes every list, quote and paragraph before it). Only a code
 * fence or HTML block still open across the cut can carry on past it, and
 * parseInChunks checks for those.
 */
function cuts(text: string, every: number): number[] {
  const found: number[] = [];
  let last = 0;
  let blankBefore = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 12));
    // Blank as Markdown means it: spaces and tabs only (a no-break space is text).
    const blank = /^[ \t]*$/.test(text.slice(lineStart, lineEnd));
    if (lineStart - last >= every && !blank && !/^[ \t]/.test(line) && (ATX_HEADING.test(line) || (blankBefore && !LIST_OR_QUOTE.test(line)))) {
      found.push(lineStart);
      last = lineStart;
    }
    blankBefore = blank;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return found;
}

/**
 * Parses a long document in parts of about `every` characters and joins the
 * trees, moved to their place. The parser's time grows faster than the text
 * on some inputs (thousands of separate lists take seconds in one piece);
 * parts keep it in check. Null when the document cannot be cut safely
 * (reference definitions, which reach across the whole document), and the
 * caller parses it whole.
 */
export function parseInChunks(text: string, lines: LineIndex, parse: (part: string, atDocumentStart: boolean) => Root, every: number): Root | null {
  const points = cuts(text, every);
  if (points.length === 0) return null;
  const children: RootContent[] = [];
  let start = 0;
  for (const end of [...points, text.length]) {
    const part = text.slice(start, end);
    const root = parse(part, start === 0);
    const lastNode = root.children[root.children.length - 1];
    // A fence or HTML block may still be open at the cut: take the next part with it.
    if (end < text.length && (lastNode?.type === 'code' || lastNode?.type === 'html')) continue;
    if (hasDefinitions(root)) return null;
    // An unclosed front matter fence changes how the rest of the document parses.
    if (start === 0 && /^---[ \t]*[\r\n]/.test(text) && root.children[0]?.type !== 'yaml') return null;
    const lineBase = lines.positionAt(start).line;
    for (const node of root.children) shift(node, start, lineBase);
    children.push(...root.children);
    start = end;
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(lines) } };
}
