import type { Rule } from './types.js';

/** A heading with nothing under it promises content that is not there. */
export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section has a heading and no content.',
  defaultSeverity: 'warning',
  check(context) {
    return context.spans
      .filter((span, index) => {
        // A label line (`Timeline:`, `**Root cause**`) with nothing under it is as likely a field left blank or a
        // run-in heading as a promised section: only Markdown headings are sure enough to report.
        if (span.node === null) return false;
        const next = context.spans[index + 1];
        // A section whose content is subsections is not empty.
        if (next && next.section.level > span.section.level && next.start <= span.end) return false;
        const content = context.doc.text.slice(span.contentStart, span.end).replace(/<!--[\s\S]*?-->/g, '');
        return content.trim() === '';
      })
      .map((span) => ({ message: `The "${span.section.heading}" section is empty: fill it in or remove the heading.`, range: span.section.headingRange }));
  },
};
