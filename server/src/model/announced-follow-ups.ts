import type { Paragraph } from 'mdast';
import { type ParsedMarkdown, walk, startOffset, endOffset } from './markdown.js';
import type { SectionSpan } from './sections.js';
import { addressesReaders } from './action-item-scope.js';

/**
 * Follow-ups announced in prose by a report with no action items anywhere:
 * "As a result, our developers are reviewing the process for …", "The team
 * will implement the necessary modifications …", "A plan is being reviewed to
 * …", "The incident revealed opportunities to improve …". Each such sentence
 * is the document's only promise of work, so the action-item rules judge it.
 * Not read: reports of what was done, advice to readers, quoted text, the
 * timeline, and promises to communicate ("we will share an update").
 */

/** One announced sentence: its words as written and where it stands. */
export interface AnnouncedFollowUp {
  text: string;
  start: number;
  end: number;
}

// Who does the work: the writer's own team, never a reader or a system.
const DOER = String.raw`(?:we|our (?:[\w-]+ )?(?:team|developers|engineers|devs)|the (?:[\w-]+ )?team|(?:the )?(?:[A-Z][\w-]* )?(?:core )?(?:developers|devs|engineers|contributors|maintainers))`;
// "As a result of this incident, " or "Going forward, ": a lead-in before the doer.
const LEAD = String.raw`^(?:(?:also|additionally|in addition|further(?:more)?|going forward|moving forward|in the future|as a result(?: of [^,]{1,60})?|following [^,]{1,60}|to (?:prevent|avoid) [^,]{1,80})\s*,\s*)?`;
// Work verbs after "will": changes to systems or process. Promises to talk ("share", "publish", "update you") are not work items.
const WORK_VERB = String.raw`(?:add|adjust|audit|automate|build|change|conduct|create|deploy|design|develop|enable|enforce|establish|evaluate|explore|fix|implement|improve|introduce|investigate|look into|make (?:changes|improvements|modifications)|migrate|modify|monitor|move|patch|perform|prepare|refactor|remove|replace|require|review|revise|revisit|rewrite|strengthen|test|upgrade|work on|write)`;
const ONGOING = String.raw`(?:reviewing|looking into|investigating|evaluating|exploring|assessing|working on|revisiting|planning to|considering)`;
const TEAM_PROMISE = new RegExp(
  `${LEAD}${DOER}\\s+(?:(?:will|shall|are going to|plan to|intend to)\\s+(?:also\\s+|now\\s+|further\\s+|continue to\\s+)?${WORK_VERB}\\b|(?:are|is|['’]re)\\s+(?:currently\\s+|also\\s+|now\\s+|actively\\s+)?${ONGOING}\\b)`,
  'i',
);
// "A plan is also being reviewed to …", "Changes are being considered": work under way, said in the passive.
const PASSIVE_UNDER_WAY = /^(?:a|an|the|further|additional|several)?\s*(?:[\w-]+\s+){0,3}?(?:is|are)\s+(?:also\s+|currently\s+|now\s+)?being\s+(?:reviewed|considered|evaluated|explored|investigated|discussed|planned|worked on|assessed|designed|developed|implemented)\b/i;
// "The incident revealed opportunities to improve …": a follow-up the report names without a plan.
const OPPORTUNITIES = /^(?:this|the)\s+(?:[\w-]+\s+){0,2}?(?:revealed|highlighted|exposed|showed)\s+(?:several\s+|some\s+|many\s+|clear\s+)?(?:opportunities|areas|room)\s+(?:to|for)\s+improve/i;
// Sentences that are not a promise of the team's work, even with such words.
const NOT_A_PROMISE = /^(?:if|unless|had|would|could)\b|\b(?:would have|could have|should have|might)\b/i;

/** Markdown links and emphasis out, whitespace collapsed: the words a reader sees. */
function plain(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a sentence announces work the team will do or is doing. */
export function announcesFollowUp(sentence: string): boolean {
  const text = plain(sentence).replace(/^(?:[-*+•]|\d+[.)])\s+/, '');
  if (!/^[A-Z]/.test(text) || NOT_A_PROMISE.test(text) || addressesReaders(text)) return false;
  return TEAM_PROMISE.test(text) || PASSIVE_UNDER_WAY.test(text) || OPPORTUNITIES.test(text);
}

// A sentence: up to a full stop, question or exclamation mark followed by space or the end.
const SENTENCE = /[^.!?\s][^.!?]*(?:[.!?]+(?=\s|$)|$)|[.!?]+(?!\s|$)/g;

/** The sentences of a paragraph's source, with their offsets in the document. */
function sentencesOf(doc: ParsedMarkdown, paragraph: Paragraph): AnnouncedFollowUp[] {
  const start = startOffset(paragraph);
  const source = doc.text.slice(start, endOffset(paragraph));
  const found: AnnouncedFollowUp[] = [];
  // Joined pieces: a stop inside "e.g." or a decimal does not end a sentence (no space after it).
  let from = -1;
  let words = '';
  for (const match of source.matchAll(SENTENCE)) {
    if (from < 0) from = match.index;
    words = source.slice(from, match.index + match[0].length);
    if (!/[.!?]$/.test(match[0]) && match.index + match[0].length < source.length) continue;
    found.push({ text: words, start: start + from, end: start + from + words.trimEnd().length });
    from = -1;
  }
  if (from >= 0) found.push({ text: words, start: start + from, end: start + from + words.trimEnd().length });
  return found;
}

/** Announced follow-ups outside the timeline, block quotes, code and tables. */
export function readAnnouncedFollowUps(doc: ParsedMarkdown, spans: readonly SectionSpan[]): AnnouncedFollowUp[] {
  const timelines = spans.filter((span) => span.section.kind === 'timeline');
  const inTimeline = (offset: number): boolean => timelines.some((span) => offset >= span.start && offset < span.end);
  const found: AnnouncedFollowUp[] = [];
  walk(doc.root, (node) => {
    if (node.type === 'blockquote' || node.type === 'table' || node.type === 'code' || node.type === 'html' || node.type === 'heading') return false;
    if (node.type !== 'paragraph') return true;
    if (inTimeline(startOffset(node))) return false;
    for (const sentence of sentencesOf(doc, node)) {
      if (announcesFollowUp(sentence.text)) found.push({ ...sentence, text: plain(sentence.text) });
    }
    return false;
  });
  return found;
}
