import type { Nodes } from 'mdast';
import type { ParsedMarkdown } from './markdown.js';
import { startOffset, endOffset, walk } from './mdast-tree.js';
import { splitLines } from './positions.js';
import { normalizeHeading, sectionKindOf } from './section-kinds.js';
import type { SectionKind } from './schema.js';

/**
 * A line a reader takes for a section heading although Markdown does not:
 * `Timeline:` or `Issue Summary` alone on a line, `**Corrective measures**`,
 * `__Root cause:__`, `###Timeline` (no space after the hashes).
 */
export interface SectionLabel {
  /** Offsets of the label's text on its line (without the line break). */
  start: number;
  end: number;
  /** The label as a heading reads: without bold markers, hashes or a trailing colon. */
  heading: string;
  kind: SectionKind;
  form: 'line' | 'bold' | 'hashes';
  /** For `###Timeline`: the number of hashes. */
  hashes: number;
}

const HASHES = /^ {0,3}(#{1,6})(?=[^\s#])(.+?)(?:\s+#+)?\s*$/;
const BOLD = /^ {0,3}(\*\*|__)(?!\s)(.+?)\1[ \t]*:?[ \t]*$/;
// A line that opens with a time or a date is an entry, not a heading.
const ENTRY_START = /^\W*(?:\d{1,2}[:.]\d{2}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2})/;
// The phrases the seed's genre writes as labels, whatever their case.
const STRONG = /^(?:issue summary|incident summary|executive summary|summary|timelines?|(?:incident |detailed )?timeline of events|root causes?(?: analysis)?|root causes? (?:and|&) resolution|corrective (?:and|&) prevent\w* (?:measures|actions)|preventi?ve measures|corrective (?:measures|actions)|action items|lessons learned|impact|resolution|conclusion|next steps|future improvements)$/;
// Small words a Title Case heading leaves lower-case.
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', '&', '/', 'we', 'it', 'did', 'this', 'was', 'is']);

/** "Timeline :" → "Timeline" (a trim, not a pattern: a regex would backtrack over long runs of spaces). */
function withoutColon(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : trimmed;
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
  const normalized = normalizeHeading(raw);
  if (normalized === '' || words(normalized).length > maxWords) return null;
  // Sentences end with a full stop or hold clauses; headings do not.
  if (/[.;,]$|[.;]\s/.test(raw.trim()) || /https?:|`/.test(raw)) return null;
  const kind = sectionKindOf(raw);
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
  const text = line.trim();
  if (!/^[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(text) || /[*_`[\]|<>]/.test(text)) return null;
  const kind = labelKind(text, 6);
  if (!kind) return null;
  // Plain words are a label only when written like one.
  const bare = normalizeHeading(text);
  if (!(STRONG.test(bare) || /[:?]$/.test(text) || headingCase(text) || (alone && words(bare).length <= 4))) return null;
  return { start, end, heading: withoutColon(text), kind, form: 'line', hashes: 0 };
}

/**
 * Every label line of the document, in order: lines of top-level paragraphs,
 * and lines written at the margin inside a list item's paragraph (a lazy
 * continuation line a reader sees as a new heading). Never inside code,
 * quotes, tables or HTML.
 */
export function findLabels(doc: ParsedMarkdown): SectionLabel[] {
  const labels: SectionLabel[] = [];
  const readParagraph = (node: Nodes, topLevel: boolean): void => {
    const start = startOffset(node);
    const lines = splitLines(doc.text.slice(start, endOffset(node)));
    lines.forEach((line, index) => {
      // Inside a list item only a line at the margin, after the item's first, can be a heading.
      if (!topLevel && (index === 0 || /^\s/.test(line.text))) return;
      const label = readLabel(line.text, start + line.start, topLevel && lines.length === 1);
      if (label) labels.push(label);
    });
  };
  for (const block of doc.root.children) {
    if (block.type === 'paragraph') readParagraph(block, true);
    else if (block.type === 'list') {
      walk(block, (node, ancestors) => {
        if (node.type === 'paragraph' && ancestors[ancestors.length - 1]?.type === 'listItem') readParagraph(node, false);
        return node.type !== 'paragraph';
      });
    }
  }
  return labels;
}
