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

// A lead-in ("As a result of this incident, ", "Going forward, "), the doer (we, our developers, the team: never a reader
// or a system), then work promised after "will" or "plan to" (changes to systems or process; promises to talk such as
// "share" or "publish" are not work items), or work under way ("are reviewing", "are exploring"; not "investigating" or
// "working on a fix": a status update's words while the incident is still open).
const TEAM_PROMISE =
  /^(?:(?:also|additionally|in addition|further(?:more)?|going forward|moving forward|in the future|as a result(?: of [^,]{1,60})?|following [^,]{1,60}|to (?:prevent|avoid) [^,]{1,80})\s*,\s*)?(?:we|our (?:[\w-]+ )?(?:team|developers|engineers|devs)|the (?:[\w-]+ )?team|(?:the )?(?:[A-Z][\w-]* )?(?:core )?(?:developers|devs|engineers|contributors|maintainers))\s+(?:(?:will|shall|are going to|plan to|intend to)\s+(?:also\s+|now\s+|further\s+)?(?:add|adjust|audit|automate|build|change|conduct|create|deploy|design|develop|enable|enforce|establish|evaluate|explore|fix|implement|improve|introduce|investigate|look into|make (?:changes|improvements|modifications)|migrate|modify|monitor|move|patch|perform|prepare|refactor|remove|replace|require|review|revise|revisit|rewrite|strengthen|test|upgrade|work on|write)\b|(?:are|is|['’]re)\s+(?:currently\s+|also\s+|now\s+|actively\s+)?(?:reviewing|evaluating|exploring|assessing|revisiting|planning to|considering)\b)/i;
// "A plan is also being reviewed to …", "Changes are being considered": work under way, said in the passive.
const PASSIVE_UNDER_WAY = /^(?:a|an|the|further|additional|several)?\s*(?:[\w-]+\s+){0,3}?(?:is|are)\s+(?:also\s+|currently\s+|now\s+)?being\s+(?:reviewed|considered|evaluated|explored|investigated|discussed|planned|worked on|assessed|designed|developed|implemented)\b/i;
// "The incident revealed opportunities to improve …": a follow-up the report names without a plan.
const OPPORTUNITIES = /^(?:this|the)\s+(?:[\w-]+\s+){0,2}?(?:revealed|highlighted|exposed|showed)\s+(?:several\s+|some\s+|many\s+|clear\s+)?(?:opportunities|areas|room)\s+(?:to|for)\s+improve/i;
// Sentences that are not a promise of the team's work, even with such words.
// "In this post we will review …" describes the report itself.
const NOT_A_PROMISE = /^(?:if|unless|had|would|could)\b|\b(?:would have|could have|should have|might|in this (?:post|document|report|write-?up|post-?mortem|disclosure)|(?:outlined|described|detailed|listed) below)\b/i;
// "Investigating - We are …", "Update: …": a status page's update, written while the incident was open.
const STATUS_UPDATE = /^\s*(?:\*\*|__)?(?:investigating|identified|monitoring|update|resolved|verifying|in progress)(?:\*\*|__)?\s*[-–—:]/i;

/** Markdown links and emphasis out, whitespace collapsed: the words a reader sees. */
function plain(raw: string): string {
  return raw
    // Bounded and without nested brackets, so a run of "[" costs linear time.
    .replace(/!?\[([^[\]\n]{0,200})\]\([^()\n]{0,500}\)/g, '$1')
    .replace(/\[([^[\]\n]{0,200})\]\[[^[\]\n]{0,100}\]/g, '$1')
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

/** The sentences of a paragraph's source, with their offsets in the document: a stop ends one only before a space or the end ("e.g." or "11,435.95" does not). */
function sentencesOf(doc: ParsedMarkdown, paragraph: Paragraph): AnnouncedFollowUp[] {
  const start = startOffset(paragraph);
  const source = doc.text.slice(start, endOffset(paragraph));
  const found: AnnouncedFollowUp[] = [];
  let from = 0;
  const close = (to: number): void => {
    const words = source.slice(from, to);
    const lead = words.length - words.trimStart().length;
    if (words.trim() !== '') found.push({ text: words.trim(), start: start + from + lead, end: start + from + words.trimEnd().length });
    from = to;
  };
  for (let index = 0; index < source.length; index++) {
    if ('.!?'.includes(source[index]!) && (index + 1 === source.length || /\s/.test(source[index + 1]!))) close(index + 1);
  }
  close(source.length);
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
    if (inTimeline(startOffset(node)) || STATUS_UPDATE.test(doc.text.slice(startOffset(node), endOffset(node)))) return false;
    for (const sentence of sentencesOf(doc, node)) {
      if (announcesFollowUp(sentence.text)) found.push({ ...sentence, text: plain(sentence.text) });
    }
    return false;
  });
  return found;
}
