import { z } from 'zod';
import type { Fix, Rule, RuleContext } from './types.js';
import type { TemplateSection } from '../templates/template.js';
import { sectionsMatching, templateSectionPresent } from '../templates/registry.js';
import { snippetToText } from '../templates/template.js';
import { documentAnchor } from './anchors.js';

const Options = z.object({
  /** Also report the template's recommended (not required) sections. */
  recommended: z.boolean().default(false),
});


/** Inserts the section at the template's place: before the next template section the document has. */
function insertFix(context: RuleContext, expected: TemplateSection, level: number): Fix {
  const { sections } = context.template;
  const index = sections.indexOf(expected);
  const eol = context.doc.text.includes('\r\n') ? '\r\n' : '\n';
  const body = snippetToText(expected.body).replace(/\n/g, eol);
  const block = `${'#'.repeat(level)} ${expected.heading}${eol}${eol}${body}${eol}${eol}`;
  for (const later of sections.slice(index + 1)) {
    const match = sectionsMatching(later, context.model.sections).find((section) => section.level === level);
    if (match) {
      const at = match.headingRange.start;
      return { title: `Insert the "${expected.heading}" section`, edits: [{ range: { start: at, end: at }, newText: block }] };
    }
  }
  const { text } = context.doc;
  const end = context.doc.lines.positionAt(text.length);
  const separator = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  // Keep the file's ending as it was: a final newline only if it had one.
  const appended = text.endsWith(eol) ? block.slice(0, -eol.length) : block.slice(0, -2 * eol.length);
  return { title: `Insert the "${expected.heading}" section`, edits: [{ range: { start: end, end }, newText: `${separator}${appended}` }] };
}

/** The sections the document's template requires, checked against the headings it has. */
export const missingSection: Rule<z.infer<typeof Options>> = {
  id: 'missing-section',
  description: "A section the postmortem's template requires is missing.",
  defaultSeverity: 'warning',
  options: Options,
  check(context, options) {
    const level = context.model.sections.find((section) => section.kind !== 'other')?.level ?? 2;
    return context.template.sections
      .filter((expected) => (expected.required || options.recommended) && !templateSectionPresent(expected, context.model))
      .map((expected) => ({
        message: `Missing section "${expected.heading}" (${context.template.name} template): ${expected.purpose}`,
        range: documentAnchor(context),
        fix: insertFix(context, expected, level),
      }));
  },
};
