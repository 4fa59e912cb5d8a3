import type { Rule, RuleReport } from './types.js';
import { headingWords } from '../model/section-kinds.js';

/** Two "## Timeline" sections split what belongs together, and readers find only one. */
export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'The same section heading appears twice under the same parent.',
  defaultSeverity: 'warning',
  // Structure counts in any draft, a template too.
  templateMode: true,
  check(context) {
    const reports: RuleReport[] = [];
    const seen = new Map<string, (typeof context.model.sections)[number]>();
    // Track the chain of parents so "### What went well" may repeat under different "##" sections.
    const parents: string[] = [];
    for (const section of context.model.sections) {
      // Label lines repeat for good reasons (one "Timeline:" per incident in a document that holds several).
      if (section.form !== undefined && section.form !== 'heading') continue;
      parents.length = Math.max(0, section.level - 1);
      const words = headingWords(section);
      const key = `${parents.join('/')}|${section.level}|${words}`;
      const first = seen.get(key);
      if (first && words !== '') {
        reports.push({
          message: `"${section.heading}" appears twice; merge the two sections so readers find everything in one place.`,
          range: section.headingRange,
          related: [{ range: first.headingRange, message: 'The first one.' }],
        });
      } else seen.set(key, section);
      parents[section.level - 1] = words;
    }
    return reports;
  },
};
