import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type ParsedMarkdown, startOffset, endOffset } from './markdown.js';
import { sectionKindOf } from './section-kinds.js';
import type { Section } from './schema.js';

export interface SectionSpan {
  section: Section;
  /** Offsets: the heading's start, the end of its content. */
  start: number;
  end: number;
  contentStart: number;
  node: Heading;
}

export interface Outline {
  title: string | null;
  titleNode: Heading | null;
  spans: SectionSpan[];
}

/**
 * Sections are the headings after the title. The first level-1 heading is the
 * title when it comes first; later level-1 headings are sections too, since
 * some documents use `#` for every section.
 */
export function readOutline(doc: ParsedMarkdown): Outline {
  const headings = doc.root.children.filter((node): node is Heading => node.type === 'heading');
  const firstContent = doc.root.children.find((node) => node.type !== 'yaml' && node.type !== 'html');
  const titleNode = firstContent?.type === 'heading' && firstContent.depth === 1 ? firstContent : null;
  const frontTitle = doc.frontMatter?.['title'];
  const title = titleNode ? toString(titleNode, { includeHtml: false }).trim() : typeof frontTitle === 'string' ? frontTitle : null;

  const sectionHeadings = headings.filter((heading) => heading !== titleNode);
  const spans = sectionHeadings.map((node, index): SectionSpan => {
    const next = sectionHeadings.slice(index + 1).find((candidate) => candidate.depth <= node.depth);
    const start = startOffset(node);
    const end = trimEnd(doc.text, next ? startOffset(next) : doc.text.length);
    const heading = toString(node, { includeHtml: false }).trim();
    return {
      start,
      end,
      contentStart: endOffset(node),
      node,
      section: {
        kind: sectionKindOf(heading),
        heading,
        level: node.depth,
        range: doc.lines.range(start, Math.max(end, endOffset(node))),
        headingRange: doc.lines.range(start, endOffset(node)),
      },
    };
  });
  return { title, titleNode, spans };
}

function trimEnd(text: string, end: number): number {
  let cursor = end;
  while (cursor > 0 && /\s/.test(text[cursor - 1]!)) cursor--;
  return cursor;
}
