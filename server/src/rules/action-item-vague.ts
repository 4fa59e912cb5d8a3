import * as z from 'zod';
import type { Rule } from './types.js';
import { openActionItems } from './action-items.js';

const Options = z.object({
  /** Verbs that, leading a short item, say nothing specific. */
  vagueVerbs: z.array(z.string()).default(['improve', 'investigate', 'look into', 'review', 'consider', 'enhance', 'revisit', 'think about', 'explore', 'monitor', 'ensure', 'try to', 'work on']),
  /** Phrases that are vague anywhere in an item. */
  vaguePhrases: z.array(z.string()).default(['be careful', 'be more careful', 'make better', 'make it better', 'pay more attention', 'pay attention', 'double-check', 'double check', 'be aware', 'communicate better']),
  /** Items with a vague verb and at most this many words are reported. */
  maxWords: z.number().int().min(1).default(5),
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Vague by meaning, whatever the verb: a wish for more or better of something, keeping an eye on it, something unnamed.
const WISH = /^(?:(?:set up|add|create|have|get|write|build|implement|put in place|introduce)\s+)?(?:more|better|some|additional|extra|improved|enhanced|further|greater|increased|stronger)\s+(?:[a-z-]+\s+)?(?:alerts?|alerting|monitoring|dashboards?|tests?|testing|logging|logs|checks?|metrics|documentation|docs|visibility|observability|communication|training|processes|process|reviews?|safeguards?|automation|coverage|tooling|redundancy)\b/i;
const KEEP_WATCHING = /^(?:keep|continue|stay)\s+(?:watching|monitoring|an eye on|vigilant|alert|observing|checking|looking)\b/i;
const SOMETHING = /\b(?:something|somehow|some kind of|some sort of|stuff|things?)\b/i;
// What makes an item checkable: a number, a name in code, a threshold, a named system path.
const SPECIFIC = /\d|`|\b\w+[_./]\w+\b|\b(?:exceeds?|above|below|greater than|less than)\b/i;

/** "Improve monitoring" cannot be done or checked off; "Alert when the pool is 90% used" can. */
export const actionItemVague: Rule<z.infer<typeof Options>> = {
  id: 'action-item-vague',
  description: 'An action item is too vague to act on ("improve monitoring", "be more careful").',
  defaultSeverity: 'warning',
  options: Options,
  check(context, options) {
    const leading = new RegExp(`^(?:${options.vagueVerbs.map(escape).join('|')})\\b`, 'i');
    const anywhere = new RegExp(`\\b(?:${options.vaguePhrases.map(escape).join('|')})\\b`, 'i');
    return openActionItems(context).flatMap((span) => {
      // The item's words alone: owners, tickets and the dashes between them are not what makes it vague.
      // A dash's spaces are matched from their first (a start inside a run rescans it: quadratic).
      const text = span.item.text.replace(/^\[[ xX]\]\s*/, '').replace(/\(owner:[^)]*\)|@[\w.-]+|\b[A-Z][A-Z0-9]+-\d+\b/g, '').replace(/(?<!\s)\s+[—–-]+(?=\s|$)/g, '').trim();
      const words = text.split(/\s+/).filter(Boolean).length;
      const phrase = anywhere.exec(text);
      const byMeaning = !SPECIFIC.test(text) && words <= 10 && (WISH.test(text) || KEEP_WATCHING.test(text) || (SOMETHING.test(text) && words <= 8));
      if (!phrase && !byMeaning && !(leading.test(text) && words <= options.maxWords)) return [];
      return [
        {
          message: phrase
            ? `"${phrase[0]}" is not an action: say what will change in the system or process, so it can be done and checked.`
            : `"${text}" is too vague to act on: say what exactly will change, so someone can do it and check it off.`,
          range: span.item.range,
        },
      ];
    });
  },
};
