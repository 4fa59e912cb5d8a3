import type { Template, TemplateSection } from './template.js';
import type { IncidentModel, Section } from '../model/schema.js';
import { headingWords, normalizeHeading } from '../model/section-kinds.js';
import { headingMatches } from './user-pattern.js';
import { SEED_TEMPLATE } from './seed.js';
import { GOOGLE_SRE_TEMPLATE } from './google-sre.js';
import { PAGERDUTY_TEMPLATE } from './pagerduty.js';
import { ATLASSIAN_TEMPLATE } from './atlassian.js';
import { CORE_TEMPLATE } from './core.js';

export const TEMPLATES: readonly Template[] = [SEED_TEMPLATE, GOOGLE_SRE_TEMPLATE, PAGERDUTY_TEMPLATE, ATLASSIAN_TEMPLATE];
export const TEMPLATE_IDS = [...TEMPLATES.map((template) => template.id), CORE_TEMPLATE.id];

/** The document sections that count as a template's section. */
export function sectionsMatching(expected: TemplateSection, sections: readonly Section[]): Section[] {
  const heading = headingWords(expected);
  return sections.filter((section) => {
    // The kind first: a section of an expected kind needs no heading read.
    if (expected.kinds.includes(section.kind)) return true;
    const own = headingWords(section);
    return own === heading || headingMatches(expected.pattern, own);
  });
}

// Headings that only one template writes ("Root Cause and Resolution", "Five whys", "How'd We Do?"):
// "Summary" or "Timeline" say nothing about which template a document follows.
const DISTINCTIVE: ReadonlyMap<Template, ReadonlySet<string>> = (() => {
  const uses = new Map<string, number>();
  for (const heading of [...TEMPLATES, CORE_TEMPLATE].flatMap((template) => [...new Set(template.sections.map((section) => normalizeHeading(section.heading)))])) {
    uses.set(heading, (uses.get(heading) ?? 0) + 1);
  }
  return new Map(TEMPLATES.map((template) => [template, new Set(template.sections.map((section) => normalizeHeading(section.heading)).filter((heading) => uses.get(heading) === 1))]));
})();
// Each built-in template's required headings, normalised: closestTemplate asks for them on every analysis.
const REQUIRED: ReadonlyMap<Template, readonly string[]> = new Map(TEMPLATES.map((template) => [template, template.sections.filter((expected) => expected.required).map((expected) => normalizeHeading(expected.heading))]));

/**
 * The template a document follows: it writes at least two of the template's
 * distinctive headings word for word, and at least half of its required
 * sections by their own headings; among those, the one with the most
 * distinctive headings. Otherwise the essential sections every postmortem needs.
 */
export function closestTemplate(sections: readonly Section[]): Template {
  const headings = new Set(sections.map((section) => headingWords(section)));
  let best: Template = CORE_TEMPLATE;
  let bestDistinctive = 1;
  for (const template of TEMPLATES) {
    let distinctive = 0;
    for (const heading of DISTINCTIVE.get(template)!) if (headings.has(heading)) distinctive++;
    const required = REQUIRED.get(template)!;
    const requiredWritten = required.filter((heading) => headings.has(heading)).length;
    if (requiredWritten * 2 < required.length || distinctive <= bestDistinctive) continue;
    best = template;
    bestDistinctive = distinctive;
  }
  return best;
}

/** A template section the document has: a matching section, or, for the impact, an Impact field (the seed's way). */
export function templateSectionPresent(expected: TemplateSection, model: Pick<IncidentModel, 'sections' | 'impact'>): boolean {
  if (sectionsMatching(expected, model.sections).length > 0) return true;
  return expected.kinds.includes('impact') && model.impact !== null;
}

export function templateById(id: string): Template | undefined {
  return id === CORE_TEMPLATE.id ? CORE_TEMPLATE : TEMPLATES.find((template) => template.id === id);
}
