import type { Section } from '../model/schema.js';
import { headingWords } from '../model/section-kinds.js';
import type { TemplateSection } from './template.js';
import { headingMatches } from './user-pattern.js';

/**
 * Pairs the template's sections with the document's: by exact heading first,
 * then by the template's heading pattern, then by kind, each document section
 * used once. "Root Cause and Resolution" is thus the seed's own section of
 * that name, not a second "Root Cause".
 */
export function pairSections(expected: readonly TemplateSection[], sections: readonly Section[]): Map<TemplateSection, Section> {
  const pairs = new Map<TemplateSection, Section>();
  const used = new Set<Section>();
  const passes: Array<(want: TemplateSection, section: Section) => boolean> = [
    (want, section) => headingWords(want) === headingWords(section),
    (want, section) => headingMatches(want.pattern, headingWords(section)),
    (want, section) => want.kinds.includes(section.kind),
  ];
  for (const matches of passes) {
    for (const want of expected) {
      if (pairs.has(want)) continue;
      const section = sections.find((candidate) => !used.has(candidate) && matches(want, candidate));
      if (section) {
        pairs.set(want, section);
        used.add(section);
      }
    }
  }
  return pairs;
}

