import * as z from 'zod';
import type { Rule } from './types.js';
import { openActionItems } from './action-items.js';
import { itemWords, vaguenessOfWords, vaguenessMessage } from './vague-action.js';
import { memoSlot, type MemoOwner } from '../time/memo-owner.js';

const Options = z.object({
  /** Verbs that, leading a short item, say nothing specific. */
  vagueVerbs: z.array(z.string()).default(['improve', 'investigate', 'look into', 'review', 'consider', 'enhance', 'revisit', 'think about', 'explore', 'monitor', 'ensure', 'try to', 'work on']),
  /** Phrases that are vague anywhere in an item. */
  vaguePhrases: z.array(z.string()).default(['be careful', 'be more careful', 'make better', 'make it better', 'pay more attention', 'pay attention', 'double-check', 'double check', 'be aware', 'communicate better']),
  /** Items with a vague verb and at most this many words are reported. */
  maxWords: z.number().int().min(1).default(5),
});

type Options = z.infer<typeof Options>;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CODE_SPAN = /`[^`\n]+`/;

// The two patterns of a set of options, built once: compiling them on every analysis cost more than using them.
// Per options object (the defaults, a config read once), and per engine instance for options parsed afresh.
const byOptions = new WeakMap<object, { leading: RegExp; anywhere: RegExp }>();
const COMPILED = memoSlot(() => new Map<string, { leading: RegExp; anywhere: RegExp }>());
function patterns(options: Options, memos: MemoOwner): { leading: RegExp; anywhere: RegExp } {
  let found = byOptions.get(options);
  if (found) return found;
  const { vagueVerbs: verbs, vaguePhrases: phrases } = options;
  const key = JSON.stringify([verbs, phrases]);
  const compiled = memos.of(COMPILED);
  found = compiled.get(key);
  if (!found) {
    if (compiled.size >= 16) compiled.clear();
    found = { leading: new RegExp(`^(?:${verbs.map(escape).join('|')})\\b`, 'i'), anywhere: new RegExp(`\\b(?:${phrases.map(escape).join('|')})\\b`, 'i') };
    compiled.set(key, found);
  }
  byOptions.set(options, found);
  return found;
}

/** Whether the item's source has a code span (its text has lost them); most items hold no backtick at all. */
function hasCodeSpan(text: string, from: number, to: number): boolean {
  const tick = text.indexOf('`', from);
  return tick !== -1 && tick < to && CODE_SPAN.test(text.slice(tick, to));
}

/**
 * "Improve monitoring" cannot be done or checked off; "Alert when the pool is
 * 90% used" can. The configured verbs and phrases always count; beyond them the
 * item is read by meaning (vague-action.ts).
 */
export const actionItemVague: Rule<Options> = {
  id: 'action-item-vague',
  description: 'An action item is too vague to act on ("improve monitoring", "be more careful").',
  defaultSeverity: 'warning',
  options: Options,
  check(context, options) {
    const { leading, anywhere } = patterns(options, context.memos);
    return openActionItems(context).flatMap((span) => {
      // The item's words alone: owners, tickets, titles and the dashes between them are not what makes it vague.
      const text = itemWords(span.item.text);
      const phrase = anywhere.exec(text);
      // Code spans are gone from the item's text; its source still has them.
      const code = phrase ? false : span.shape === 'list' ? hasCodeSpan(context.doc.text, span.textStart, Math.min(span.end, span.textStart + 2000)) : CODE_SPAN.test(span.item.text);
      const meaning = phrase ? null : vaguenessOfWords(text, code);
      if (!phrase && !meaning && !(leading.test(text) && text.split(/\s+/).filter(Boolean).length <= options.maxWords)) return [];
      return [
        {
          message: phrase
            ? `"${phrase[0]}" is not an action: say what will change in the system or process, so it can be done and checked.`
            : meaning
              ? vaguenessMessage(meaning)
              : `"${text}" is too vague to act on: say what exactly will change, so someone can do it and check it off.`,
          range: span.item.range,
        },
      ];
    });
  },
};
