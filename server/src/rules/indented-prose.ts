import { type ParsedMarkdown, walk, startOffset, endOffset } from '../model/markdown.js';

// The genre indents whole paragraphs with a tab, which CommonMark reads as an
// indented code block; a reader sees sentences. A block is read as prose when
// most of its lines are sentences: several words, none of code's punctuation.
const CODE_LINE = /[{}<>$=;|\\]|\w\(|^\s*(?:[#$>]|\/\/)|^\s*[\w.-]+:\s*$/;
const WORDS = /[A-Za-z][A-Za-z'’-]*/g;

function readsAsProse(source: string): boolean {
  // Any line break (CRLF, LF or a lone CR); an HTML comment at a line's end is not part of its words.
  const lines = source
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/<!--[^>]{0,200}-->/g, ''))
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) return false;
  const sentences = lines.filter((line) => !CODE_LINE.test(line) && (line.match(WORDS)?.length ?? 0) >= 5);
  return sentences.length * 10 >= lines.length * 7;
}

const cache = new WeakMap<ParsedMarkdown, ReadonlyArray<{ start: number; text: string }>>();

/** Indented (not fenced) code blocks whose lines read as sentences, as source text with offsets. */
export function indentedProse(doc: ParsedMarkdown): ReadonlyArray<{ start: number; text: string }> {
  const cached = cache.get(doc);
  if (cached) return cached;
  const blocks: Array<{ start: number; text: string }> = [];
  walk(doc.root, (node) => {
    // A code block stands only among blocks: the inline content of a paragraph, heading or table holds none.
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return false;
    if (node.type !== 'code') return;
    const start = startOffset(node);
    const source = doc.text.slice(start, endOffset(node));
    if (/^\s*(?:`{3}|~{3})/.test(source) || node.lang) return false;
    if (readsAsProse(source)) blocks.push({ start, text: source });
    return false;
  });
  cache.set(doc, blocks);
  return blocks;
}
