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
  // Each heading's section ends where the next heading of the same or a higher level starts: one pass with a stack.
  const nextOf = new Map<Heading, Heading>();
  const open: Heading[] = [];
  for (const heading of sectionHeadings) {
    while (open.length > 0 && open[open.length - 1]!.depth >= heading.depth) nextOf.set(open.pop()!, heading);
    open.push(heading);
  }
  const spans = sectionHeadings.map((node): SectionSpan => {
    const next = nextOf.get(node);
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
