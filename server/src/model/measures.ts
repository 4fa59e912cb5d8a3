/**
 * Whether a line of prose states a measure: "Add alerts on …", "Load testing:
 * Run a weekly test …", "Regularly review …", "Configurations should be tested
 * first …", "A staging branch to be created …", "Implementation of automated
 * tests …". Used for paragraphs and lines under a corrective heading, where
 * teams often write their items without bullets.
 */

// Verbs corrective measures open with, in the base form (an order, not a report).
const VERBS = [
  'add', 'adjust', 'adopt', 'alert', 'allow', 'analy[sz]e', 'apply', 'archive', 'assess', 'assign', 'audit', 'automate', 'avoid',
  'back', 'block', 'build', 'change', 'check', 'clarify', 'clean', 'communicate', 'conduct', 'configure', 'consolidate', 'coordinate',
  'create', 'define', 'deploy', 'deprecate', 'design', 'develop', 'disable', 'document', 'educate', 'employ', 'enable', 'encourage',
  'enforce', 'engage', 'enhance', 'ensure', 'establish', 'evaluate', 'expand', 'extend', 'fix', 'foster', 'gate', 'harden', 'hire',
  'host', 'implement', 'improve', 'include', 'increase', 'install', 'integrate', 'introduce', 'investigate', 'isolate', 'keep', 'limit',
  'lock', 'log', 'maintain', 'make', 'measure', 'migrate', 'monitor', 'move', 'notify', 'optimi[sz]e', 'organi[sz]e', 'page', 'patch', 'perform',
  'pin', 'plan', 'prepare', 'prevent', 'prioriti[sz]e', 'protect', 'provide', 'publish', 'put', 'raise', 'reduce', 'refactor', 'remove',
  'replace', 'require', 'restrict', 'review', 'revise', 'revisit', 'rewrite', 'rotate', 'run', 'schedule', 'secure', 'separate', 'set',
  'share', 'simplify', 'split', 'spruce', 'standardi[sz]e', 'switch', 'test', 'track', 'train', 'tune', 'turn', 'update', 'upgrade',
  'use', 'utili[sz]e', 'validate', 'verify', 'write',
];
const VERB = new RegExp(`^(?:(?:\\w+ly|always|also|then|and|never)\\s+)?(?:${VERBS.join('|')})\\b(?!-)`, 'i');
// "Configurations should be tested", "A test branch to be created", "We will add …", "The team also needs to …",
// "To prevent this, we have to …".
const COMMITMENT = /^(?:[\w`'’-]+\s+){0,10}?(?:should|must|shall|will|needs? to|are to|is to|to)\s+(?:also\s+)?be\s+\w+(?:ed|en|t)\b|^(?:to (?:prevent|avoid)\b[^.;:]{0,80}?,?\s+)?(?:we|the \w+ team|our \w+ team)\s+(?:also\s+)?(?:will|shall|must|are going to|plan to|need to|needs to|have to|has to)\s+(?!be\b)\w+/i;
// "Implementation of automated tests …", "Regular auditing of server configurations …".
const NOMINAL = /^(?:\w+\s+)?\w+(?:tion|ment|ing|sion)\s+of\s/i;
// A report of what happened, not a plan.
const REPORT = /\b(?:was|were|had|did)\b/i;
// "Load Balancer Boot Camp: Regularly review …": a short name before the measure.
const NAMED = /^([^:.!?]{1,60}):\s+(?=\S)/;

/** The line without list markers, bold or emphasis around a leading name, and trailing decoration. */
function bare(line: string): string {
  return line
    .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '')
    .replace(/[*_]{1,2}([^*_]+?)[*_]{1,2}/g, '$1')
    .trim();
}

/** A line that only names a group of measures ("Monitoring:", "TODO List:"), or introduces them ("… as follows:"). */
export function isGroupLine(line: string): boolean {
  return /:\s*-?\s*$/.test(bare(line));
}

/** Whether a line (or a paragraph's first line) states a measure. */
export function statesMeasure(line: string): boolean {
  let text = bare(line);
  // A measure starts like a sentence; a line in lower case continues the one above.
  if (text.length < 8 || isGroupLine(text) || !/^[A-Z]/.test(text)) return false;
  const named = NAMED.exec(text);
  if (named && named[1]!.split(/\s+/).length <= 6) text = text.slice(named[0].length);
  // "Review of the incident took place …", "Test results were …": the word is a noun there.
  if (VERB.test(text)) return !/^(?:\w+ly\s+)?\w+\s+(?:of\b|(?:\w+\s+)?(?:was|were|is|are|has|had|showed|indicated)\b)/i.test(text);
  if (REPORT.test(text.split(/[.;]/)[0]!)) return false;
  return COMMITMENT.test(text) || (NOMINAL.test(text) && text.split(/\s+/).length <= 40);
}

/** A label line that is a task ("Fix Nginx Configuration:"), not a section of another kind. */
export function startsWithOrder(text: string): boolean {
  return VERB.test(bare(text));
}

/** "Load testing escapades: Embark on …": a named measure, read as one among lines that state measures. */
export function namedLine(line: string): boolean {
  const text = bare(line);
  const named = NAMED.exec(text);
  return named !== null && /^[A-Z]/.test(text) && named[1]!.split(/\s+/).length <= 6 && text.slice(named[0].length).split(/\s+/).length >= 4;
}
