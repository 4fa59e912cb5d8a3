import * as z from 'zod';
import type { Rule, RuleReport } from './types.js';
import { proseBlocks } from '../model/prose.js';
import { ANY_NOVICE, blamedPeople, inEnumeration } from './blame-on-person.js';
import { indentedProse } from './indented-prose.js';
import { RecentMemo } from '../time/recent-memo.js';
import { memoSlot, type MemoOwner } from '../time/memo-owner.js';
import { allMatches } from '../time/all-matches.js';

const Options = z.object({
  /** Phrases that put the cause on a person ("human error"). */
  blamePhrases: z.array(z.string()).default(['human error', 'human mistake', 'operator error', 'user error', 'pilot error', 'engineer error', 'fault of', "'s fault", 'to blame', 'blame', 'negligence', 'negligent']),
  /** Judgemental words ("careless", "stupid"). */
  animatedWords: z.array(z.string()).default(['careless', 'carelessly', 'stupid', 'dumb', 'idiotic', 'incompetent', 'lazy', 'sloppy', 'reckless', 'ridiculous', 'ignorant', 'foolish', 'clueless', 'inexcusable']),
  /** Counterfactuals that judge with hindsight; reported when a person is their subject. */
  counterfactuals: z.array(z.string()).default(['should have', "should've", 'shouldn\'t have', 'should not have', 'failed to', "didn't check", 'did not check', "didn't verify", 'did not verify', "didn't test", 'did not test', "didn't notice", 'did not notice']),
  /** Counterfactuals reported whatever their subject: only people forget or neglect, and a passive "should have been caught" judges whoever did not. */
  alwaysCounterfactual: z.array(z.string()).default(['if only', 'had they', 'had we only', 'forgot to', 'forgotten to', 'neglected to', 'did not bother', "didn't bother", 'should have been caught', 'should have been noticed', 'should have been spotted']),
  /** Words that make the subject a person. */
  people: z.array(z.string()).default(['engineer', 'engineers', 'developer', 'developers', 'operator', 'operators', 'on-call', 'oncall', 'on call', 'sre', 'admin', 'administrator', 'team', 'he', 'she', 'they', 'we', 'i', 'you', 'someone', 'somebody', 'nobody', 'person', 'people', 'staff', 'employee', 'intern', 'reviewer', 'author', 'responder', 'responders', 'manager']),
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const list = (words: readonly string[]): string => words.map(escape).sort((a, b) => b.length - a.length).join('|');

type Found = ReadonlyArray<readonly [from: number, to: number, message: string]>;
const NOTHING: Found = [];

// Patterns compiled per options object (the defaults, a config read once): derived from it, dropped with it.
// Options parsed afresh for an analysis are new objects: those find theirs by value, per engine instance.
const byOptions = new WeakMap<object, { key: string; scan: (text: string) => Found }>();
const COMPILED = memoSlot(() => new Map<string, (text: string) => Found>());
// What they found per block of text, per set of options: after an edit only the blocks that changed are read again.
const SEEN = memoSlot(() => new Map<string, RecentMemo<Found>>());

function scannerFor(options: z.infer<typeof Options>, memos: MemoOwner): (text: string) => Found {
  let compiled = byOptions.get(options);
  if (compiled === undefined) {
    const key = JSON.stringify(options);
    const byKey = memos.of(COMPILED);
    let scan = byKey.get(key);
    if (!scan) {
      if (byKey.size >= 16) byKey.clear();
      scan = compile(options);
      byKey.set(key, scan);
    }
    compiled = { key, scan };
    byOptions.set(options, compiled);
  }
  const seenByKey = memos.of(SEEN);
  let seen = seenByKey.get(compiled.key);
  if (!seen) {
    if (seenByKey.size >= 16) seenByKey.clear();
    seen = new RecentMemo<Found>(5_000, 20_000);
    seenByKey.set(compiled.key, seen);
  }
  const { scan } = compiled;
  return (text) => seen.get(text, scan);
}

// What follows "should have" in a plan ("we should have a runbook", "should have more alerts"), not hindsight.
const PLAN_OBJECT = /^\s+(?:a|an|the|some|more|better|proper|clear|one|two|any|our|their|its|enough|dedicated|automated|alerts?|monitoring|tests?|dashboards?|runbooks?|documentation|visibility|access|checks?|limits?|no)\b/i;
// Words inside names and terms: "careless-mode", "stupid-simple", `git blame`, "human error rate".
const IN_TERM_BEFORE = /(?:[\w./-]|git\s)$/i;
const IN_TERM_AFTER = /^(?:[-_./]\w|\s+(?:rates?|budgets?|metrics?|counts?|ratio|annotations?|view|output)\b)/i;

function compile(options: z.infer<typeof Options>): (text: string) => Found {
  const blame = new RegExp(`(?:^|(?<=[^\\w']))(?:${list(options.blamePhrases)})\\b`, 'gi');
  const animated = new RegExp(`\\b(?:${list(options.animatedWords)})\\b`, 'gi');
  const inTerm = (text: string, from: number, to: number): boolean => IN_TERM_BEFORE.test(text.slice(Math.max(0, from - 4), from)) || IN_TERM_AFTER.test(text.slice(to, to + 14));
  const counterfactual = new RegExp(`\\b(?:${list(options.counterfactuals)})\\b`, 'gi');
  const always = new RegExp(`\\b(?:${list(options.alwaysCounterfactual)})\\b`, 'gi');
  const person = new RegExp(`\\b(?:${list(options.people)})\\b|@[\\w.-]+`, 'i');
  const personWho = new RegExp(`\\b(?:${list(options.people)})\\s+(?:who|that)\\b`, 'i');
  // Every phrase of the four lists, and "!!!", unbounded: most blocks hold none of them, and one scan says so
  // instead of five (a superset: each pattern below matches only where one of these does).
  const anyPhrase = new RegExp(`${list([...options.blamePhrases, ...options.animatedWords, ...options.counterfactuals, ...options.alwaysCounterfactual])}|!!!`, 'i');
  // And those with the words a blamed person is named by (blamedPeople's own first test): one scan for both.
  const anything = new RegExp(`${anyPhrase.source}|${ANY_NOVICE.source}`, 'i');
  return (text) => {
    if (!anything.test(text)) return NOTHING;
    const found: Array<readonly [number, number, string]> = [];
    const report = (from: number, to: number, message: string): void => {
      found.push([from, to, message]);
    };
    const phrases = anyPhrase.test(text);
    const blamedAt: number[] = [];
    if (phrases) for (const match of allMatches(text, blame)) {
      if (inTerm(text, match.index, match.index + match[0].length)) continue;
      // "bugs, traffic spikes, hardware failures, human error…": kinds of failure in general, not this incident's cause.
      if (inEnumeration(text, match.index, match.index + match[0].length)) continue;
      // "We blame it on the servers": a bare "blame" needs a person to land on.
      if (/^blame$/i.test(match[0])) {
        const clause = text.slice(match.index, match.index + 60).split(/[.;\n]/)[0]!;
        if (!person.test(clause.slice(5)) || /\bblame(?:d)?\s+(?:it\s+)?on\s+(?:the\s+)?(?:server|system|network|cache|database|load|config|deploy|bug|code|machine|cloud|disk|hardware)/i.test(clause)) continue;
      }
      report(match.index, match.index + match[0].length, `"${match[0]}" puts the cause on a person. Say what in the system let the action cause harm (blameless postmortems ask how, not who).`);
      blamedAt.push(match.index);
    }
    // "The problem was the junior engineer added …": the cause put on a person, without a blame word.
    // A blame phrase just before ("human error. A junior engineer …") already says it.
    for (const [from, to, how] of blamedPeople(text)) {
      if (blamedAt.some((at) => at <= from && from - at < 200)) continue;
      const who = text.slice(from, to);
      report(
        from,
        to,
        how === 'cause'
          ? `The cause is put on "${who}": say what in the system let the change cause harm (review, tests, permissions), not who made it.`
          : `Keeping "${who}" away from the work aims the fix at people: change what let the mistake through (a review, a test, a safer tool), for everyone.`,
      );
    }
    if (!phrases) return found;
    for (const match of allMatches(text, animated)) {
      if (inTerm(text, match.index, match.index + match[0].length)) continue;
      report(match.index, match.index + match[0].length, `"${match[0]}" judges a person; describe what happened instead.`);
    }
    for (const match of allMatches(text, always)) {
      report(match.index, match.index + match[0].length, `"${match[0]}" is hindsight: describe what people knew and did at the time, and what the system made easy or hard.`);
    }
    for (const match of allMatches(text, counterfactual)) {
      // "We should have a runbook for this": a plan, not a judgement of the past.
      if (/have$/i.test(match[0]) && PLAN_OBJECT.test(text.slice(match.index + match[0].length, match.index + match[0].length + 20))) continue;
      // The subject: the two words just before ("the engineer failed to", "on-call should have"), within the sentence.
      // "The alert we had configured failed to fire" has the alert for its subject, not "we".
      const sentenceStart = Math.max(text.lastIndexOf('.', match.index), text.lastIndexOf('\n', match.index), text.lastIndexOf('\r', match.index), text.lastIndexOf(';', match.index), -1) + 1;
      const sentence = text.slice(sentenceStart, match.index);
      let subject = sentence.split(/\s+/).filter(Boolean).slice(-2).join(' ');
      // Or a person with a relative clause: "The engineer who merged it should have".
      const relative = personWho.exec(sentence);
      if (!person.test(subject) && relative) subject = sentence.slice(relative.index).trim();
      if (!person.test(subject)) continue;
      const who = subject.slice(subject.search(person));
      report(match.index, match.index + match[0].length, `"${who} ${match[0]}" judges a person with hindsight. Describe what they knew and did, and what made the right action hard.`);
    }
    for (const match of allMatches(text, /!{3,}/g)) {
      report(match.index, match.index + match[0].length, 'Exclamation marks read as anger or alarm; a postmortem states facts calmly.');
    }
    return found;
  };
}

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
    const scan = scannerFor(options, context.memos);
    const reports: RuleReport[] = [];
    for (const { text, start } of [...proseBlocks(context.doc), ...indentedProse(context.doc)]) {
      for (const [from, to, message] of scan(text)) reports.push({ message, range: context.doc.lines.range(start + from, start + to) });
    }
    return reports.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
};
