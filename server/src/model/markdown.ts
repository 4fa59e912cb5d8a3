import type { Root } from 'mdast';
import { LineIndex } from './positions.js';
import { walk, startOffset } from './mdast-tree.js';
import { parseInChunks } from './chunked-parse.js';
import { readFrontMatterText } from './front-matter.js';
import { parseDocument, parseFragmentText, parsePlain } from './gfm-parse.js';

export { walk, startOffset, endOffset } from './mdast-tree.js';

/** One parse of a document: the tree, a line index and the front matter. */
export interface ParsedMarkdown {
  text: string;
  lines: LineIndex;
  root: Root;
  frontMatter: Record<string, unknown> | null;
  /** Why the document could not be parsed in full, when it could not (thousands of nested lists). */
  degraded: string | null;
}


// No postmortem nests lists or quotes this deep; the parser's time grows with
// the square of the depth (10,000 levels would take minutes), so deeper is refused.
const MAX_NESTING = 100;

/** The deepest nesting of list markers, quote markers and list indentation at the start of any line, in one pass. */
function nestingDepth(text: string): number {
  let deepest = 0;
  let lineStart = 0;
  const breaks = /\r\n?|\n/g;
  while (lineStart < text.length) {
    let depth = 0;
    let spaces = 0;
    let i = lineStart;
    for (; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === 32) spaces++;
      else if (char === 9) spaces += 4;
      else if (char === 62 /* > */ || ((char === 45 || char === 42 || char === 43) /* - * + */ && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9))) depth++;
      else if (char >= 48 && char <= 57 && /^\d{1,9}[.)][ \t]/.test(text.slice(i, i + 11))) {
        depth++;
        while (text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57) i++;
        i++;
      } else break;
    }
    deepest = Math.max(deepest, depth + Math.floor(spaces / 2));
    breaks.lastIndex = i;
    const newline = breaks.exec(text);
    lineStart = newline ? newline.index + newline[0].length : text.length;
  }
  return deepest;
}

// Emphasis and link delimiters the parser matches against each other: its time
// grows with the square of their number in one block ("*a **b" × 50,000 takes minutes).
const MAX_DELIMITERS_PER_BLOCK = 2_000;
const DELIMITERS = /[*_[\]()<>`~]/g;

/**
 * Blocks (paragraphs between blank lines) with more delimiters than any real
 * text has get them blanked to spaces before parsing: same length, so every
 * offset and range still points at the document, and those blocks lose only
 * their emphasis and links.
 */
function defuse(text: string): { text: string; blocks: number } {
  // No block can hold more delimiters than the whole text: nearly every document is left as it is without cutting it into blocks.
  if (delimiterCount(text) <= MAX_DELIMITERS_PER_BLOCK) return { text, blocks: 0 };
  let blocks = 0;
  const result = text.replace(/[^\r\n]+(?:(?:\r\n?|\n)[^\r\n]+)*(?:\r\n?|\n)?/g, (block) => {
    const count = block.match(DELIMITERS)?.length ?? 0;
    if (count <= MAX_DELIMITERS_PER_BLOCK) return block;
    blocks++;
    return block.replace(DELIMITERS, ' ');
  });
  return { text: result, blocks };
}

/** How many of DELIMITERS' characters the text holds. */
function delimiterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    // * _ [ ] ( ) < > ` ~
    if (char === 42 || char === 95 || char === 91 || char === 93 || char === 40 || char === 41 || char === 60 || char === 62 || char === 96 || char === 126) count++;
  }
  return count;
}

// Documents longer than this are parsed in parts of about this size (see chunked-parse.ts).
export const CHUNK_CHARS = 16_000;

/** A long document in parts; null for a short one or one that cannot be cut. */
function parseLong(text: string, lines: LineIndex, every = CHUNK_CHARS): Root | null {
  return text.length > 2 * every ? parseInChunks(text, lines, (part, atDocumentStart) => (atDocumentStart ? parseDocument : parseFragmentText)(part), every) : null;
}

/** The whole document parsed in parts of about `every` characters, for tests that compare it with a whole parse. */
export function parseInParts(text: string, every: number): Root | null {
  return parseLong(text, new LineIndex(text), every);
}

export function parseMarkdown(original: string): ParsedMarkdown {
  const lines = new LineIndex(original);
  // The parser leaves a leading BOM out of its offsets, while LSP counts it as a
  // character: parse the text after it, then move the tree one character on.
  const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? original.slice(1) : original;
  const depth = nestingDepth(body);
  if (depth > MAX_NESTING) {
    return { text: original, lines, root: { type: 'root', children: [] }, frontMatter: null, degraded: `not analysed: it nests lists or quotes ${depth} levels deep (more than ${MAX_NESTING})` };
  }
  const defused = defuse(body);
  const text = defused.text;
  const defusedNote = defused.blocks > 0 ? `read without the emphasis and links of ${defused.blocks} block${defused.blocks === 1 ? '' : 's'} holding thousands of * _ [ ] ( ) delimiters` : null;
  for (const [candidate, degraded] of [
    [parseDocument, defusedNote],
    [parsePlain, 'parsed without GitHub extensions (tables, task lists): it nests too deeply for a full parse'],
  ] as const) {
    try {
      // The parser does not count a BOM: parts are placed by the lines of the text it reads.
      const root = (candidate === parseDocument ? parseLong(text, bom ? new LineIndex(text) : lines) : null) ?? candidate(text);
      if (bom) shiftPositions(root, bom);
      // The model reads the original text; the tree's offsets are the same.
      return { text: original, lines, root, frontMatter: readFrontMatter(root), degraded };
    } catch (error) {
      // Thousands of nested lists or quotes overflow the parser's recursion: degrade, never crash.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return { text: original, lines, root: { type: 'root', children: [] }, frontMatter: null, degraded: 'not analysed: it nests lists or quotes too deeply for the Markdown parser' };
}

/** Moves every node `by` characters on, as if the text had that many more characters at the start of its first line. */
function shiftPositions(root: Root, by: number): void {
  walk(root, (node) => {
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (point.offset !== undefined) point.offset += by;
      if (point.line === 1) point.column += by;
    }
  });
}

/**
 * Whether text added at the end of the document, after a blank line, would
 * still be part of its last block: a code fence or an HTML comment, <pre> or
 * the like left open runs to the end of the document and swallows it. Asks
 * the parser, on the last block alone followed by a heading.
 */
export function endsInsideOpenBlock(doc: ParsedMarkdown): boolean {
  const last = doc.root.children[doc.root.children.length - 1];
  // Every other block ends at a blank line.
  if (last?.type !== 'code' && last?.type !== 'html') return false;
  const tail = doc.text.slice(doc.lines.lineStart(doc.lines.positionAt(startOffset(last)).line));
  const probe = parseMarkdown(`${tail}\n\n# probe\n`).root.children;
  return probe[probe.length - 1]?.type !== 'heading';
}

function readFrontMatter(root: Root): Record<string, unknown> | null {
  const first = root.children[0];
  return first?.type === 'yaml' ? readFrontMatterText(first.value) : null;
}

/**
 * A run of whole blocks parsed on its own, for incremental parsing; null when
 * it needs what only a whole-document parse does (deep nesting, delimiter soup).
 */
export function parseFragment(text: string, atDocumentStart: boolean): Root | null {
  if (nestingDepth(text) > MAX_NESTING || defuse(text).blocks > 0) return null;
  try {
    // Front matter exists only at the start of a document; elsewhere "---" is a rule or an underline.
    return (atDocumentStart ? parseDocument : parseFragmentText)(text);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}
