import type { ParsedMarkdown } from './markdown.js';
import type { SectionSpan } from './sections.js';

/**
 * An item the timeline or the resolution already reports as done: "Replace the
 * faulty hard drive on the mail server" beside "11:00 PM: service restored
 * after replacing the faulty hard drive". Only a short item (one verb, one
 * object) and the same verb in the past, with every word of its object close
 * after it (or before it, in the passive): a recurring or broader measure
 * ("Replace disks older than three years") is not the one-off repair.
 */

const DETERMINERS = new Set(['the', 'a', 'an', 'all', 'any', 'our', 'its', 'their', 'this', 'that', 'these', 'those', 'each', 'every', 'some']);
// Where an object ends: a preposition, a conjunction or punctuation.
const OBJECT_END = /^(?:to|for|in|on|at|with|so|by|before|after|when|where|that|which|and|or|from|into|across|via|until|if|as)$/i;
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  set: ['set', 'setting'],
  put: ['put', 'putting'],
  run: ['ran', 'run', 'running'],
  make: ['made', 'making'],
  build: ['built', 'building'],
  write: ['wrote', 'written', 'writing'],
  keep: ['kept', 'keeping'],
  rewrite: ['rewrote', 'rewritten', 'rewriting'],
};
// Verbs of one-off repairs and changes, whose past form in a timeline reports the same work.
const REPAIRS: ReadonlySet<string> = new Set(['replace', 'restart', 'stop', 'reboot', 'remove', 'delete', 'drop', 'revert', 'roll', 'restore', 'rename', 'correct', 'fix', 'patch', 'update', 'upgrade', 'install', 'reinstall', 'increase', 'raise', 'add', 'disable', 'enable', 'rotate', 'renew', 'reindex', 're-index', 'rebuild', 'redeploy', 'deploy', 'migrate', 'move', 'change', 'set', 'put', 'run', 'make', 'write', 'rewrite', 'build', 'keep']);

/** The past tense and the -ing form of a regular or listed verb. */
function forms(verb: string): string[] {
  const irregular = IRREGULAR[verb];
  if (irregular) return [...irregular];
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  const past = verb.endsWith('e') ? `${verb}d` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : `${verb}ed`;
  const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(verb) ? [`${verb}${verb.slice(-1)}ed`, `${verb}${verb.slice(-1)}ing`] : [];
  return [past, `${stem}ing`, ...doubled];
}

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9][\w'-]*/g) ?? [];
const FIRST_WORD = /[a-z0-9][\w'-]*/;

// Every past and -ing form of the repairs: the only words an item is ever looked up by.
const REPAIR_FORMS: ReadonlySet<string> = new Set([...REPAIRS].flatMap(forms));

/** The words of the timeline and resolution sections, where a document reports what was done, and where each repair form occurs. */
export interface PastWords {
  words: string[];
  at: Map<string, number[]>;
}

export function pastWords(doc: ParsedMarkdown, spans: readonly SectionSpan[]): PastWords {
  const text = spans
    .filter((span) => span.section.kind === 'timeline' || span.section.kind === 'resolution')
    .map((span) => doc.text.slice(span.contentStart, span.end))
    .join('\n');
  const list = words(text);
  const at = new Map<string, number[]>();
  list.forEach((word, index) => {
    if (!REPAIR_FORMS.has(word)) return;
    const seen = at.get(word);
    if (seen) seen.push(index);
    else at.set(word, [index]);
  });
  return { words: list, at };
}

/**
 * Whether the past text reports the item's one-off repair as done (a look-up per verb form, so a long list stays linear).
 * `readPast` is asked for only when the item is such a repair: most items are not, and most documents need no index.
 */
export function doneInText(item: string, readPast: () => PastWords): boolean {
  const own = item.replace(/^[^:]{1,40}:\s+/, '');
  // Most items open with no repair verb: their first word says so before all of them are read.
  const first = FIRST_WORD.exec(own.toLowerCase());
  if (!first || !REPAIRS.has(first[0])) return false;
  const all = words(own);
  const [verb, ...rest] = all;
  if (!verb || !REPAIRS.has(verb) || all.length > 12) return false;
  const object: string[] = [];
  for (const word of rest) {
    if (OBJECT_END.test(word)) break;
    if (!DETERMINERS.has(word)) object.push(word);
  }
  if (object.length === 0 || (object.length < 2 && all.length > 4)) return false;
  const past = readPast();
  const hasObject = (from: number, to: number): boolean => object.every((word) => past.words.slice(Math.max(0, from), to).includes(word));
  for (const form of forms(verb)) {
    // The first thousand mentions are plenty for a real timeline, and keep a hostile one linear.
    for (const i of (past.at.get(form) ?? []).slice(0, 1000)) {
      // "replaced the faulty hard drive" / "after replacing the faulty hard drive".
      if (hasObject(i + 1, i + 2 + object.length + 2)) return true;
      // "the faulty hard drive was replaced".
      if (/^(?:was|were|been|is|are|got)$/.test(past.words[i - 1] ?? '') && hasObject(i - 2 - object.length - 2, i - 1)) return true;
    }
  }
  return false;
}
