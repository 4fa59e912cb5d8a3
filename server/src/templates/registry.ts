import type { Template, TemplateSection } from './template.js';
import type { Section } from '../model/schema.js';
import { normalizeHeading } from '../model/section-kinds.js';
import { SEED_TEMPLATE } from './seed.js';
import { GOOGLE_SRE_TEMPLATE } from './google-sre.js';
import { PAGERDUTY_TEMPLATE } from './pagerduty.js';
import { ATLASSIAN_TEMPLATE } from './atlassian.js';
import { CORE_TEMPLATE } from './core.js';

export const TEMPLATES: readonly Template[] = [SEED_TEMPLATE, GOOGLE_SRE_TEMPLATE, PAGERDUTY_TEMPLATE, ATLASSIAN_TEMPLATE];
export const TEMPLATE_IDS = [...TEMPLATES.map((template) => template.id), CORE_TEMPLATE.id];

/** The document sections that count as a template's section. */
export function sectionsMatching(expected: TemplateSection, sections: readonly Section[]): Section[] {
  return sections.filter((section) => (expected.pattern?.test(normalizeHeading(section.heading)) ?? false) || expected.kinds.includes(section.kind));
}

// A document follows a template when more than this share of the template's headings are its own.
const FOLLOWS_TEMPLATE = 0.5;

/**
 * The template a document follows: the one with the largest share of its
 * headings written the template's way, if that share is more than half;
 * otherwise the essential sections every postmortem needs.
 */
export function closestTemplate(sections: readonly Section[]): Template {
  let best: Template = CORE_TEMPLATE;
  let bestScore = FOLLOWS_TEMPLATE;
  for (const template of TEMPLATES) {
    const headings = new Set(template.sections.map((expected) => normalizeHeading(expected.heading)));
    const exact = sections.filter((section) => headings.has(normalizeHeading(section.heading))).length;
    const score = exact / template.sections.length;
    if (score > bestScore) {
      best = template;
      bestScore = score;
    }
  }
  return best;
}

export function templateById(id: string): Template | undefined {
  return id === CORE_TEMPLATE.id ? CORE_TEMPLATE : TEMPLATES.find((template) => template.id === id);
}
