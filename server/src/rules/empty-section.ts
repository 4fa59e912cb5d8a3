import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Rule } from './types.js';
import type { SectionSpan } from '../model/sections.js';

// A heading this long is a sentence written as a heading: it says what it has to say itself.
const SENTENCE_WORDS = 12;

/** `#### **And then** it worked: …`: a bold run-in lead with the text after it on the heading line itself. */
function holdsItsOwnText(node: Heading): boolean {
  const [lead, ...rest] = node.children;
  if (lead?.type === 'strong' && rest.some((child) => toString(child, { includeHtml: false }).replace(/[\s\-–—>:.!]+/g, '') !== '')) return true;
  return toString(node, { includeHtml: false }).split(/\s+/).filter(Boolean).length >= SENTENCE_WORDS;
}

/** The document opens with this heading, names no section, and sections follow: it is the title, written at level 2. */
function isOpeningTitle(span: SectionSpan, index: number, spans: readonly SectionSpan[], text: string): boolean {
  return index === 0 && span.section.kind === 'other' && spans.length > 1 && text.slice(0, span.start).replace(/^---[\s\S]*?\n---/, '').replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}

/** Nothing but white space and HTML comments. (Most sections hold words and no comment: no copy is made for them.) */
function blank(content: string): boolean {
  if (!/\S/.test(content)) return true;
  return content.includes('<!--') && content.replace(/<!--[\s\S]*?-->/g, '').trim() === '';
}

/** A heading with nothing under it promises content that is not there. */
export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section has a heading and no content.',
  defaultSeverity: 'warning',
  // Structure counts in any draft, a template too.
  templateMode: true,
  check(context) {
    return context.spans
      .filter((span, index) => {
        // A label line (`Timeline:`, `**Root cause**`) with nothing under it is as likely a field left blank or a
        // run-in heading as a promised section: only Markdown headings are sure enough to report.
        if (span.node === null) return false;
        const next = context.spans[index + 1];
        // A section whose content is subsections is not empty.
        if (next && next.section.level > span.section.level && next.start <= span.end) return false;
        if (!blank(context.doc.text.slice(span.contentStart, span.end))) return false;
        return !holdsItsOwnText(span.node) && !isOpeningTitle(span, index, context.spans, context.doc.text);
      })
      .map((span) => ({ message: `The "${span.section.heading}" section is empty: fill it in or remove the heading.`, range: span.section.headingRange }));
  },
};
