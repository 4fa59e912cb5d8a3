import type { Heading } from 'mdast';
import type { Point } from 'unist';
import { toString } from 'mdast-util-to-string';
import { type ParsedMarkdown, startOffset, endOffset } from './markdown.js';
import { sectionKindOf } from './section-kinds.js';
import { findLabels, type SectionLabel } from './section-labels.js';
import { readTimestamps } from '../time/timestamps.js';
import type { LineIndex } from './positions.js';
import type { Section, SectionKind } from './schema.js';

export interface SectionSpan {
  section: Section;
  /** Offsets: the heading's start, the end of its content. */
  start: number;
  end: number;
  contentStart: number;
  /** The Markdown heading, or null for a label line a reader takes for one (`Timeline:`, `**Root cause**`). */
  node: Heading | null;
  /** The document's lines, to cut a block that runs across a label line into the part each section holds. */
  lines: LineIndex;
}

export interface Outline {
  title: string | null;
  titleNode: Heading | null;
  spans: SectionSpan[];
}

/** A heading or a label, before the sections' extents are known. */
interface Mark {
  start: number;
  headingEnd: number;
  level: number;
  heading: string;
  kind: SectionKind;
  node: Heading | null;
  form: NonNullable<Section['form']>;
}

// Labels inside a timeline that name a phase of the response ("**Detection**",
// "Resolution:") group its entries; they are not sections of their own.
const PHASES: ReadonlySet<SectionKind> = new Set(['detection', 'response', 'resolution', 'trigger', 'timeline', 'other']);
// A heading that opens with a time or a date ("10:05 UTC", "2024-03-14", "March 14", "Day 2").
const ENTRY_HEADING = /^\W*(?:\d{1,2}[:.]\d{2}|\d{1,2}\s?[ap]\.?m\b|\d{4}-\d{2}-\d{2}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|day \d+\b)/i;
// Sections whose content is read item by item: a label of another kind after them starts a new section.
const ITEM_SECTIONS: ReadonlySet<SectionKind> = new Set(['timeline', 'action-items']);

/** Whether a line of the text between two offsets starts with a time (a timeline entry). */
function holdsEntries(text: string, from: number, to: number): boolean {
  for (const line of text.slice(from, to).split(/\r\n?|\n/)) {
    const bare = line.replace(/^[\s>*_+\-\d.)`[~]*?(?=\d|[A-Z][a-z]{2})/, '');
    const first = readTimestamps(bare)[0];
    if (first && first.time && first.start <= 2) return true;
  }
  return false;
}

/**
 * The levels label lines take among the headings: below the heading they
 * follow, beside it when that heading is a timeline or an action-item list of
 * another kind (its items end there), at the hashes' level for `###Timeline`.
 * Phase labels inside a timeline whose text holds entries stay its sub-labels.
 */
function placeLabels(doc: ParsedMarkdown, headings: readonly Heading[], titleNode: Heading | null, labels: readonly SectionLabel[], textOf: (node: Heading) => string): Mark[] {
  const marks: Mark[] = [];
  const all = [...headings.map((node) => ({ start: startOffset(node), node, label: null })), ...labels.map((label) => ({ start: label.start, node: null, label }))].sort((a, b) => a.start - b.start);
  let enclosing: Mark | null = null;
  let current: Mark | null = null;
  // Labels after a timeline or action-item heading that end it stand beside it, and so do the labels after them.
  let beside = false;
  // The timeline whose section is still open: time headings at its level belong to it.
  let openTimeline: Mark | null = null;
  const push = (mark: Mark): void => {
    marks.push(mark);
    if (mark.kind === 'timeline') openTimeline = mark;
    else if (openTimeline && mark.level <= openTimeline.level) openTimeline = null;
  };
  all.forEach((entry, index) => {
    if (entry.node) {
      if (entry.node === titleNode) return;
      const heading = textOf(entry.node).trim();
      const timeline = openTimeline;
      if (timeline && entry.node.depth <= timeline.level && ENTRY_HEADING.test(heading)) {
        // "## 10:05 UTC" or "## March 3" under "## Timeline": an entry or a day of the timeline, not the timeline's end.
        marks.push({ start: entry.start, headingEnd: endOffset(entry.node), level: Math.min(6, timeline.level + 1), heading, kind: 'other', node: entry.node, form: 'heading' });
        return;
      }
      const mark: Mark = { start: entry.start, headingEnd: endOffset(entry.node), level: entry.node.depth, heading, kind: sectionKindOf(heading), node: entry.node, form: 'heading' };
      push(mark);
      enclosing = mark;
      current = mark;
      beside = false;
      return;
    }
    const label = entry.label;
    const parent = enclosing;
    const open = current;
    let level: number;
    // `<h3>` or `###Notes` at the timeline's level or above ends it, like a Markdown heading would.
    const explicitLevel = label.form === 'hashes' || label.form === 'html' ? label.hashes : null;
    if (open?.kind === 'timeline' && PHASES.has(label.kind) && (explicitLevel === null || explicitLevel > open.level)) {
      // "**Detection**" over entries groups them; a phase label over prose is a part of the timeline.
      const next = all[index + 1]?.start ?? doc.text.length;
      if (label.kind === 'timeline' || label.kind === 'other' || holdsEntries(doc.text, label.end, next)) return;
      level = Math.min(6, open.level + 1);
    } else if (label.form === 'hashes' || label.form === 'html') level = label.hashes;
    else if (!parent) level = 2;
    else if (beside || (ITEM_SECTIONS.has(parent.kind) && label.kind !== parent.kind && doc.text.slice(parent.headingEnd, label.start).trim() !== '')) {
      level = parent.level;
      beside = true;
    } else level = Math.min(6, parent.level + 1);
    const mark: Mark = { start: label.start, headingEnd: label.end, level, heading: label.heading, kind: label.kind, node: null, form: label.form };
    push(mark);
    if (label.form === 'hashes' || label.form === 'html') {
      enclosing = mark;
      beside = false;
    }
    // A phase part of a timeline leaves the timeline open for the labels after it.
    if (!(open?.kind === 'timeline' && level > open.level)) current = mark;
  });
  return marks;
}

/**
 * Sections are the headings after the title, and the lines a reader takes for
 * headings (see section-labels.ts). The first level-1 heading is the title
 * when it comes first; later level-1 headings are sections too, since some
 * documents use `#` for every section.
 */
export function readOutline(doc: ParsedMarkdown): Outline {
  const headings = doc.root.children.filter((node): node is Heading => node.type === 'heading');
  // Each heading's words are read once, for the title, the labels between headings and the outline.
  const texts = new Map<Heading, string>();
  const textOf = (node: Heading): string => {
    let text = texts.get(node);
    if (text === undefined) texts.set(node, (text = toString(node, { includeHtml: false })));
    return text;
  };
  const firstContent = doc.root.children.find((node) => node.type !== 'yaml' && node.type !== 'html');
  // "# Summary:" first, with more "#" sections after it, is a section: the document has no title heading.
  const titleNode = firstContent?.type === 'heading' && firstContent.depth === 1 && !namesASection(textOf(firstContent)) ? firstContent : null;
  const frontTitle = doc.frontMatter?.['title'];
  const title = titleNode ? textOf(titleNode).trim() : typeof frontTitle === 'string' ? frontTitle : null;

  const marks = placeLabels(doc, headings, titleNode, findLabels(doc, textOf), textOf);
  // Each section ends where the next one of the same or a higher level starts: one pass with a stack.
  const nextOf = new Map<Mark, Mark>();
  const open: Mark[] = [];
  for (const mark of marks) {
    while (open.length > 0 && open[open.length - 1]!.level >= mark.level) nextOf.set(open.pop()!, mark);
    open.push(mark);
  }
  const spans = marks.map((mark): SectionSpan => {
    const next = nextOf.get(mark);
    const end = trimEnd(doc.text, next ? next.start : doc.text.length);
    return {
      start: mark.start,
      end,
      contentStart: mark.headingEnd,
      node: mark.node,
      lines: doc.lines,
      section: {
        kind: mark.kind,
        heading: mark.heading,
        level: mark.level,
        range: doc.lines.range(mark.start, Math.max(end, mark.headingEnd)),
        headingRange: doc.lines.range(mark.start, mark.headingEnd),
        form: mark.form,
      },
    };
  });
  return { title, titleNode, spans };
}

/** A heading of a few words that names a section ("Summary:", "Issue Summary"), not an incident. */
function namesASection(text: string): boolean {
  // The word count first: most titles are longer than three words, and it is far cheaper than classifying the heading.
  return text.trim().split(/\s+/).length <= 3 && !/postmortem|post-mortem|incident report|outage/i.test(text) && sectionKindOf(text) !== 'other';
}

/** The mdast point of an offset. */
export function pointAt(lines: LineIndex, offset: number): Point {
  const position = lines.positionAt(offset);
  return { line: position.line + 1, column: position.character + 1, offset };
}

function trimEnd(text: string, end: number): number {
  let cursor = end;
  while (cursor > 0 && /\s/.test(text[cursor - 1]!)) cursor--;
  return cursor;
}
