import { z } from 'zod';
import type { Rule, RuleReport } from './types.js';
import { proseBlocks } from '../model/prose.js';

const Options = z.object({
  /** Phrases that put the cause on a person ("human error"). */
  blamePhrases: z.array(z.string()).default(['human error', 'operator error', 'user error', 'pilot error', 'engineer error', 'fault of', "'s fault", 'to blame', 'blame', 'negligence', 'negligent']),
  /** Judgemental words ("careless", "stupid"). */
  animatedWords: z.array(z.string()).default(['careless', 'carelessly', 'stupid', 'dumb', 'idiotic', 'incompetent', 'lazy', 'sloppy', 'reckless', 'ridiculous', 'ignorant', 'foolish', 'clueless', 'inexcusable']),
  /** Counterfactuals that judge with hindsight; reported when a person is their subject. */
  counterfactuals: z.array(z.string()).default(['should have', "should've", 'shouldn\'t have', 'should not have', 'could have', 'would have', 'failed to', 'neglected to', 'forgot to', 'did not bother', "didn't bother"]),
  /** Counterfactuals reported whatever their subject. */
  alwaysCounterfactual: z.array(z.string()).default(['if only', 'had they', 'had we only']),
  /** Words that make the subject a person. */
  people: z.array(z.string()).default(['engineer', 'engineers', 'developer', 'developers', 'operator', 'operators', 'on-call', 'oncall', 'on call', 'sre', 'admin', 'administrator', 'team', 'he', 'she', 'they', 'we', 'i', 'you', 'someone', 'somebody', 'nobody', 'person', 'people', 'staff', 'employee', 'intern', 'reviewer', 'author', 'responder', 'responders', 'manager']),
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const list = (words: readonly string[]): string => words.map(escape).sort((a, b) => b.length - a.length).join('|');

/**
 * Blameless postmortems ask how the system let a person's action cause harm,
 * not who to blame. "The health check failed to respond" has a system for its
 * subject and is left alone; "the engineer failed to check" is not.
 */
export const blamefulLanguage: Rule<z.infer<typeof Options>> = {
  id: 'blameful-language',
  description: 'Blame, hindsight counterfactuals or judgemental words ("human error", "the engineer should have", "careless", "!!!").',
  defaultSeverity: 'warning',
  options: Options,
  check(context, options) {
    const blame = new RegExp(`(?:^|(?<=[^\\w']))(?:${list(options.blamePhrases)})\\b`, 'gi');
    const animated = new RegExp(`\\b(?:${list(options.animatedWords)})\\b`, 'gi');
    const counterfactual = new RegExp(`\\b(?:${list(options.counterfactuals)})\\b`, 'gi');
    const always = new RegExp(`\\b(?:${list(options.alwaysCounterfactual)})\\b`, 'gi');
    const person = new RegExp(`\\b(?:${list(options.people)})\\b|@[\\w.-]+`, 'i');
    const reports: RuleReport[] = [];
    const report = (start: number, end: number, message: string): void => {
      reports.push({ message, range: context.doc.lines.range(start, end) });
    };
    for (const block of proseBlocks(context.doc)) {
      const { text, start } = block;
      for (const match of text.matchAll(blame)) {
        report(start + match.index, start + match.index + match[0].length, `"${match[0]}" puts the cause on a person. Say what in the system let the action cause harm (blameless postmortems ask how, not who).`);
      }
      for (const match of text.matchAll(animated)) {
        report(start + match.index, start + match.index + match[0].length, `"${match[0]}" judges a person; describe what happened instead.`);
      }
      for (const match of text.matchAll(always)) {
        report(start + match.index, start + match.index + match[0].length, `"${match[0]}" is hindsight: describe what people knew and did at the time, and what the system made easy or hard.`);
      }
      for (const match of text.matchAll(counterfactual)) {
        // The subject: the words since the start of the sentence, at most six of them.
        const sentenceStart = Math.max(text.lastIndexOf('.', match.index), text.lastIndexOf('\n', match.index), text.lastIndexOf(';', match.index), -1) + 1;
        const subject = text.slice(sentenceStart, match.index).split(/\s+/).filter(Boolean).slice(-6).join(' ');
        if (!person.test(subject)) continue;
        const who = subject.slice(subject.search(person));
        report(start + match.index, start + match.index + match[0].length, `"${who} ${match[0]}" judges a person with hindsight. Describe what they knew and did, and what made the right action hard.`);
      }
      for (const match of text.matchAll(/!{3,}/g)) {
        report(start + match.index, start + match.index + match[0].length, 'Exclamation marks read as anger or alarm; a postmortem states facts calmly.');
      }
    }
    return reports.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
