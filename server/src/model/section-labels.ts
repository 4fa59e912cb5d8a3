import type { Heading, Nodes } from 'mdast';
import type { ParsedMarkdown } from './markdown.js';
import { startOffset, endOffset, walk } from './mdast-tree.js';
import { eachLine } from './each-line.js';
import { toString } from 'mdast-util-to-string';
import { normalizeHeading, sectionKindOf, sectionKindOfWords } from './section-kinds.js';
import type { SectionKind } from './schema.js';

/**
 * A line a reader takes for a section heading although Markdown does not:
 * `Timeline:` or `Issue Summary` alone on a line, `**Corrective measures**`,
 * `__Root cause:__`, `###Timeline` (no space after the hashes), an HTML
 * heading (`<h3>Timeline</h3>`), a list item that is only a label over its
 * content (`1. **Issue Summary**`).
 */
export interface SectionLabel {
  /** Offsets of the label's text on its line (without the line break). */
  start: number;
  end: number;
  /** The label as a heading reads: without bold markers, hashes or a trailing colon. */
  heading: string;
  kind: SectionKind;
  form: 'line' | 'bold' | 'hashes' | 'html';
  /** For `###Timeline` and `<h3>`: the heading's level. */
  hashes: number;
}

const HASHES = /^ {0,3}(#{1,6})(?=[^\s#])(.+?)(?:\s+#+)?\s*$/;
// A label's trailing punctuation as people type it: "Timeline:", "Timeline :-", "**Root cause** -", "**Impact** —".
const TRAILING = String.raw`[ \t]*(?::[ \t]*-?|[-–—]+|=>|->)?[ \t]*`;
const BOLD = new RegExp(String.raw`^ {0,3}(\*\*|__)(?!\s)(.+?)\1` + TRAILING + '$');
const HTML_HEADING = /^ {0,3}<h([1-6])(?:\s[^<>]*)?>(.*?)<\/h\1>\s*$/i;
// A line that opens with a time or a date is an entry, not a heading.
const ENTRY_START = /^\W*(?:\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2})/;
// The phrases the seed's genre writes as labels, whatever their case.
const STRONG = /^(?:issue summary|incident summary|executive summary|summary|timelines?|(?:incident |detailed )?timeline of events|root causes?(?: analysis)?|root causes? (?:and|&) resolution|corrective (?:and|&) prevent\w* (?:measures|actions)|preventi?ve measures|corrective (?:measures|actions)|action items|lessons learned|impact|resolution|conclusion|next steps|future improvements)$/;
const WHITESPACE = /\s/;
// Small words a Title Case heading leaves lower-case.
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', '&', '/', 'we', 'it', 'did', 'this', 'was', 'is']);

/** "Timeline :" → "Timeline", "Timeline:-" → "Timeline" (trims, not a pattern: a regex would backtrack over long runs of spaces). */
function withoutColon(text: string): string {
  let trimmed = text.trimEnd();
  for (const tail of [':-', ' -', ' –', ' —', '=>', '->', ':']) if (trimmed.endsWith(tail)) trimmed = trimmed.slice(0, -tail.length).trimEnd();
  return trimmed;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Written as a heading: Title Case or capitals, every word that is not a small one capitalised. */
function headingCase(text: string): boolean {
  const list = words(text.replace(/[:?()]/g, ''));
  return list.length > 0 && /^[A-Z0-9]/.test(list[0]!) && list.every((word) => SMALL_WORDS.has(word.toLowerCase()) || /^[A-Z0-9&/]/.test(word));
}

/** What a label's words say, when they name a section and read like a heading rather than a sentence. */
function labelKind(raw: string, maxWords: number): SectionKind | null {
  if (ENTRY_START.test(raw)) return null;
  // Sentences end with a full stop or hold clauses; headings do not. (Tested first: it turns most prose lines away cheaply.)
  if (/[.;,]$|[.;]\s/.test(raw.trim()) || /https?:|`/.test(raw)) return null;
  const normalized = normalizeHeading(raw);
  if (normalized === '' || words(normalized).length > maxWords) return null;
  const kind = sectionKindOfWords(normalized);
  return kind === 'other' ? null : kind;
}

/** A label on this line, if it is one. `alone`: the line is its paragraph on its own. */
export function readLabel(line: string, lineStart: number, alone: boolean): SectionLabel | null {
  if (line.length > 120) return null;
  const trimmedStart = line.length - line.trimStart().length;
  const start = lineStart + trimmedStart;
  const end = lineStart + line.trimEnd().length;
  const hashes = HASHES.exec(line);
  if (hashes) {
    const text = hashes[2]!.trim();
    const kind = labelKind(text, 10);
    // "#hashtag" alone is not a heading; "##Anything" is.
    if (!kind && hashes[1]!.length < 2) return null;
    if (ENTRY_START.test(text) || words(text).length > 10) return null;
    return { start, end, heading: text.replace(/:$/, ''), kind: kind ?? 'other', form: 'hashes', hashes: hashes[1]!.length };
  }
  const bold = BOLD.exec(line);
  if (bold) {
    const text = bold[2]!.trim();
    // "**a** and **b**" is two bold runs, not one bold line.
    if (text.includes(bold[1]!)) return null;
    const kind = labelKind(text, 8);
    return kind ? { start, end, heading: withoutColon(text), kind, form: 'bold', hashes: 0 } : null;
  }
  const written = line.trim();
  if (!/^[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(written) || /[*_`[\]|<>]/.test(written)) return null;
  // "Timeline:-" and "Timeline -" end like "Timeline:".
  const punctuated = withoutColon(written) !== written.replace(/:$/, '').trimEnd();
  const text = punctuated ? `${withoutColon(written)}:` : written;
  const kind = labelKind(text, 6);
  if (!kind) return null;
  // Plain words are a label only when written like one.
  const bare = normalizeHeading(text);
  if (!(STRONG.test(bare) || /[:?]$/.test(text) || headingCase(text) || (alone && words(bare).length <= 4))) return null;
  return { start, end, heading: withoutColon(text), kind, form: 'line', hashes: 0 };
}

/** `<h2>Root cause</h2>` alone on its line: a heading in HTML. A first-level one that names no section is the title. */
export function readHtmlHeading(line: string, lineStart: number): SectionLabel | null {
  if (line.length > 200) return null;
  const match = HTML_HEADING.exec(line);
  if (!match) return null;
  const level = Number(match[1]);
  const text = match[2]!.replace(/<[^<>]*>/g, '').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' ').trim();
  if (text === '' || ENTRY_START.test(text) || words(text).length > 10) return null;
  const kind = sectionKindOf(text);
  if (kind === 'other' && level === 1) return null;
  const start = lineStart + (line.length - line.trimStart().length);
  return { start, end: lineStart + line.trimEnd().length, heading: withoutColon(text), kind, form: 'html', hashes: level };
}

/**
 * Whether the text between two offsets holds a line break (what splitting it would say, without the copies).
 * `cr`: the text holds a "\r" anywhere; when it does not, the next "\n" is searched natively.
 */
function multiline(text: string, from: number, to: number, cr: boolean): boolean {
  if (!cr) {
    const lf = text.indexOf('\n', from);
    return lf !== -1 && lf < to;
  }
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
  }
  return false;
}

/**
 * Every label line of the document, in order: lines of top-level paragraphs,
 * and lines written at the margin inside a list item's paragraph (a lazy
 * continuation line a reader sees as a new heading), the first line of a
 * top-level list item when it is only a bold or colon-ended label with the
 * item's content after it (`1. **Issue Summary**`, `- Timeline:`), and HTML
 * headings in top-level HTML blocks. Never inside code, quotes or tables.
 * `headingText` reads a heading's words (the outline passes the ones it read).
 */
export function findLabels(doc: ParsedMarkdown, headingText: (node: Heading) => string = (node) => toString(node, { includeHtml: false })): SectionLabel[] {
  const labels: SectionLabel[] = [];
  const cr = doc.text.includes('\r');
  const readParagraph = (node: Nodes, topLevel: boolean, into: SectionLabel[], itemLabels: SectionLabel[] | null, multi?: boolean): void => {
    const start = startOffset(node);
    // A list item's one-line paragraph has no line after its first to read.
    if (!topLevel && !itemLabels && !(multi ?? multiline(doc.text, start, endOffset(node), cr))) return;
    const end = endOffset(node);
    // A top-level paragraph of one line may be a label alone on its line.
    const oneLine = topLevel && !multiline(doc.text, start, end, cr);
    eachLine(doc.text, start, end, (from, to, index) => {
      if (!topLevel && index === 0) {
        if (itemLabels) {
          const line = doc.text.slice(from, to);
          const label = readLabel(line, from, false);
          // A bold or colon-ended label only: "1. Summary" in a list of contents is not a heading.
          if (label && label.form !== 'hashes' && (label.form === 'bold' || /[:\-–—>]\s*(?:\*\*|__)?\s*$/.test(line))) itemLabels.push(label);
        }
        return;
      }
      // Inside a list item only a line at the margin, after the item's first, can be a heading.
      if (!topLevel && from < to && WHITESPACE.test(doc.text[from]!)) return;
      const label = readLabel(doc.text.slice(from, to), from, oneLine);
      if (label) into.push(label);
    });
  };
  // The kind of the section the next block is in, as far as headings and labels so far tell. A heading's kind is
  // only worked out when a list asks for it (classifying runs every section-kind pattern: the title rarely needs it).
  let enclosing: SectionKind | null = null;
  let enclosingHeading: Heading | null = null;
  for (const block of doc.root.children) {
    const before = labels.length;
    if (block.type === 'heading') enclosingHeading = block;
    else if (block.type === 'paragraph') readParagraph(block, true, labels, null);
    else if (block.type === 'html') {
      const start = startOffset(block);
      eachLine(doc.text, start, endOffset(block), (from, to) => {
        const label = readHtmlHeading(doc.text.slice(from, to), from);
        if (label) labels.push(label);
      });
    } else if (block.type === 'list') {
      const itemLabels: SectionLabel[] = [];
      walk(block, (node, ancestors) => {
        const item = ancestors[ancestors.length - 1];
        if (node.type === 'paragraph' && item?.type === 'listItem') {
          // The item's first paragraph in a top-level list, with more of the item after its first line.
          const multi = multiline(doc.text, startOffset(node), endOffset(node), cr);
          const labelled = ancestors.length === 2 && item.children[0] === node && (item.children.length > 1 || multi);
          readParagraph(node, false, labels, labelled ? itemLabels : null, multi);
        }
        return node.type !== 'paragraph';
      });
      // A document written as a list of sections ("1. **Issue Summary**", "2. **Timeline**"): not the labelled
      // groups inside a section ("- **Long-term improvements:**" under the action items), which stay its items.
      if (itemLabels.length >= 2) {
        if (enclosingHeading) {
          enclosing = sectionKindOf(headingText(enclosingHeading));
          enclosingHeading = null;
        }
        if (enclosing === null || enclosing === 'other') labels.push(...itemLabels);
      }
    }
    if (labels.length > before) {
      enclosing = labels[labels.length - 1]!.kind;
      enclosingHeading = null;
    }
  }
  return labels.sort((a, b) => a.start - b.start);
}
