import type { ListItem, Paragraph } from 'mdast';
import { type ParsedMarkdown, walk, startOffset, endOffset } from './markdown.js';
import { eachLine } from './each-line.js';

/** A labelled value: `**Duration**: …`, `Duration: …`, `- **Impact**:` with nested bullets, or front matter. */
export interface Field {
  /** Lower-cased label, e.g. "duration". */
  key: string;
  label: string;
  value: string;
  /** Offsets of the whole field (label and value) and of the value alone. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  /** "list" fields sit in a list item, "line" fields on a line of their own. */
  shape: 'list' | 'line' | 'front-matter';
}

// `**Key**:`, `**Key:**`, `__Key__:` or a plain `Key:` of at most four words at
// the start of a line. Plain keys must look like labels so that prose such as
// "Note that the fix: …" is not read as a field.
const BOLD_FIELD = /^(\s*)(?:\*\*|__)([^*_\n:]{1,60}?)(?:(?:\*\*|__)\s*:|:\s*(?:\*\*|__))[ \t]*/;
const PLAIN_FIELD = /^(\s*)([A-Z][A-Za-z()/&'-]*(?: [A-Za-z()/&'-]+){0,3}):[ \t]+(?=\S)/;
// The genre's start and end labels in italics or brackets: `_Start:_ 10:00 AM`, `*End*: …`, `[Start] 10:00 AM`.
const ITALIC_FIELD = /^(\s*)[*_]([A-Za-z][A-Za-z ]{0,30}?)(?:[*_]\s*:|:\s*[*_])[ \t]+(?=\S)/;
const BRACKET_FIELD = /^(\s*)\[([A-Za-z][A-Za-z ]{1,30}?)\]:?[ \t]+(?=\S)/;

function matchField(line: string): { key: string; labelLength: number } | null {
  // Every label ends in a colon but the bracketed one: most lines of prose have neither, and skip all four patterns.
  if (!line.includes(':') && !line.includes('[')) return null;
  const match = BOLD_FIELD.exec(line) ?? PLAIN_FIELD.exec(line) ?? ITALIC_FIELD.exec(line) ?? BRACKET_FIELD.exec(line);
  if (!match) return null;
  return { key: match[2]!.trim(), labelLength: match[0].length };
}

export function collectFields(doc: ParsedMarkdown): Field[] {
  const fields: Field[] = [];
  for (const [key, value] of Object.entries(doc.frontMatter ?? {})) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    const yaml = doc.root.children[0]!;
    fields.push({
      key: key.toLowerCase(),
      label: key,
      value: String(value),
      start: startOffset(yaml),
      end: endOffset(yaml),
      valueStart: startOffset(yaml),
      valueEnd: endOffset(yaml),
      shape: 'front-matter',
    });
  }
  walk(doc.root, (node, ancestors) => {
    if (node.type !== 'paragraph') return;
    const parent = ancestors[ancestors.length - 1];
    const inListItem = parent?.type === 'listItem' && parent.children[0] === node;
    paragraphFields(doc, node, inListItem ? parent : null, fields);
    return false;
  });
  return fields;
}

function paragraphFields(doc: ParsedMarkdown, paragraph: Paragraph, item: ListItem | null, found: Field[]): void {
  const start = startOffset(paragraph);
  eachLine(doc.text, start, endOffset(paragraph), (from, to) => {
    const match = matchField(doc.text.slice(from, to));
    if (!match) return;
    const lineStart = from - start;
    const valueStart = from + match.labelLength;
    // A list item's field owns the item's nested content (the seed's Impact bullets).
    const isWholeItem = item !== null && lineStart === 0;
    const end = isWholeItem ? endOffset(item) : to;
    found.push({
      key: match.key.toLowerCase(),
      label: match.key,
      value: doc.text.slice(valueStart, end).trim(),
      start: isWholeItem ? startOffset(item) : from,
      end,
      valueStart,
      valueEnd: end,
      shape: isWholeItem ? 'list' : 'line',
    });
  });
}
