import type { Analysis } from '../engine/analyze.js';
import type { InsertSectionParams, InsertSectionResult } from '../protocol.js';
import { insertFix, sectionLevel } from '../rules/missing-section.js';
import { templateSectionPresent } from '../templates/registry.js';
import { endsInsideOpenBlock } from '../model/markdown.js';
import { normalizeHeading } from '../model/section-kinds.js';

/**
 * The edit that inserts one of the template's sections at the template's
 * place, the same one the missing-section quick fix makes, for required and
 * recommended sections alike. Found by heading or kind, so no client ever
 * reads a diagnostic's message to find it.
 */
export function insertSection(version: number, result: Analysis, params: InsertSectionParams): InsertSectionResult | null {
  if (!result.isPostmortem) return null;
  const { template, analysis } = result;
  const wanted = params.heading === undefined ? null : normalizeHeading(params.heading);
  const expected =
    wanted !== null
      ? template.sections.find((section) => normalizeHeading(section.heading) === wanted)
      : params.kind !== undefined
        ? template.sections.find((section) => section.kinds.includes(params.kind!))
        : undefined;
  if (!expected) {
    const asked = params.heading !== undefined ? `"${params.heading}"` : params.kind !== undefined ? `of kind ${params.kind}` : '(none named)';
    return { version, edits: null, heading: null, reason: `The ${template.name} template has no section ${asked}.` };
  }
  if (templateSectionPresent(expected, analysis.model)) return { version, edits: null, heading: expected.heading, reason: `The document already has the "${expected.heading}" section.` };
  const context = { ...analysis, template };
  const fix = insertFix(context, expected, sectionLevel(analysis.model), () => endsInsideOpenBlock(analysis.doc));
  if (!fix) return { version, edits: null, heading: expected.heading, reason: `The "${expected.heading}" section cannot be inserted: the document ends inside an unclosed code fence or HTML comment.` };
  return { version, edits: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })), heading: expected.heading };
}
