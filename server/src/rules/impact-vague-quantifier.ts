import type { Rule } from './types.js';
import { COUNTED_NOUNS } from '../model/metrics.js';
import { allMatches } from '../time/all-matches.js';

// "Some users", "many requests", "a small percentage of customers": the classic miss reviewers ask to quantify.
const VAGUE = new RegExp(
  // Not in a question ("How many customers were affected?" heads a template's table).
  `(?<!\\bhow\\s)\\b(?:some|many|several|a few|few|a number of|a lot of|lots of|numerous|most|certain|various|a (?:small|large|significant|substantial|handful|good) (?:number|percentage|portion|fraction|share|amount|subset) of|(?:a|the) (?:majority|minority|subset|handful) of)\\s+(?:(?:the|our|their|of)\\s+)?(?:[a-z-]+\\s+)?(?:${COUNTED_NOUNS})\\b`,
  'gi',
);

/** A quantity word where a number belongs. */
export const impactVagueQuantifier: Rule = {
  id: 'impact-vague-quantifier',
  description: 'The impact says "some users" or "many requests" where a number belongs.',
  defaultSeverity: 'warning',
  check(context) {
    return context.impactParts.flatMap((part) => {
      const text = context.doc.text.slice(part.start, part.end);
      return [...allMatches(text, VAGUE)].map((match) => ({
        message: `"${match[0]}" is vague: say how many (a count or a percentage), even as an estimate.`,
        range: context.doc.lines.range(part.start + match.index, part.start + match.index + match[0].length),
      }));
    });
  },
};
