import type { RootContent } from 'mdast';
import type { ParsedMarkdown } from './markdown.js';
import { startOffset, endOffset } from './mdast-tree.js';
import { sectionKindOf } from './section-kinds.js';
import type { SectionSpan } from './sections.js';
import { startsWithOrder } from './measures.js';

/**
 * Which parts of a document hold work still to do. Beyond the action-item
 * sections: headings that name planned work in other words ("Tasks to Address
 * the Issue", "Recommendations", "Remediation and lessons"), HTML headings
 * (`<h3>Preventive Measures</h3>`), and task labels inside a to-do list
 * ("Fix Nginx Configuration:"). Not work: what went well or wrong, lessons,
 * actions already taken, advice to readers outside the team.
 */

// Planned work named in words the section kinds give to another kind, or to none.
const WORK_HEADING = /\b(?:tasks? (?:to (?:address|fix|prevent|resolve|avoid)|list)|(?:follow[- ]?up|remaining|open|pending|future|preventive|corrective) tasks|to-?dos?(?: list)?|recommendations?|remediation (?:and|plan|items?|steps|tasks)|(?:corrective|preventa?t?ive|preventive) (?:measures|actions|steps)|next steps|action (?:items?|plan)|follow[- ]?ups?|improvements?)\b/i;
// Labels over what happened or was learned: their lists are not work to do.
const REFLECTION = /\b(?:went (?:well|wrong|badly|poorly)|(?:didn'?t|did not) go (?:well|so well)|go(?:ne)? wrong|got lucky|lessons?(?: learned| learnt)?|learnings|takeaways|observations|what we did)\b/i;
const DONE_LABEL = /\b(?:(?:actions?|steps|measures|fixes|mitigations?|tasks?) (?:already )?(?:taken|performed|done|completed|applied|implemented|carried out)|already (?:done|completed|implemented))\b/i;

/** A label or heading over a list of what happened, was done or was learned, not of work to do. */
export function namesNoWork(text: string): boolean {
  return DONE_LABEL.test(text) || (REFLECTION.test(text) && !WORK_HEADING.test(text));
}

/** A heading whose words name work to do, whatever kind the outline gave it. */
function namesWork(heading: string): boolean {
  return !DONE_LABEL.test(heading) && WORK_HEADING.test(heading);
}

// An intro addressed to readers outside the team: "Node operators should …", "you can follow the steps below".
const READER_ADVICE = /\b(?:you|your)\b.{0,40}\b(?:should|can|could|must|may|need to|are advised)\b|\b(?:if you|we recommend(?: that)? (?:you|users|operators|customers))\b|\b(?:operators|users|customers|clients|readers|subscribers|validators|integrators|self-hosters)\b(?:\s+[\w'’-]+){0,6}?\s+(?:should|must|are (?:advised|encouraged|asked) to|can|need to)\b/i;

/** A paragraph before a list that addresses readers outside the team: the list is advice to them, not the team's work. */
export function addressesReaders(text: string): boolean {
  return READER_ADVICE.test(text);
}

// An HTML block runs to the next blank line: the heading is its first line.
const HTML_HEADING = /^<h([1-6])\b[^>]*>(.*?)<\/h\1>\s*(?:\n|$)/i;

/** `<h3>Preventive Measures</h3>` at the top level: its level and words. */
function htmlHeading(node: RootContent): { level: number; text: string } | null {
  if (node.type !== 'html') return null;
  const match = HTML_HEADING.exec(node.value.trimStart());
  return match ? { level: Number(match[1]), text: match[2]!.replace(/<[^<>]*>/g, '').trim() } : null;
}

/** The spans of HTML headings that name work, each up to the next heading of any kind. */
function htmlWorkSpans(doc: ParsedMarkdown, spans: readonly SectionSpan[]): SectionSpan[] {
  const found: SectionSpan[] = [];
  const blocks = doc.root.children;
  blocks.forEach((node, index) => {
    const heading = htmlHeading(node);
    if (!heading || (sectionKindOf(heading.text) !== 'action-items' && !namesWork(heading.text)) || namesNoWork(heading.text)) return;
    const start = startOffset(node);
    if (spans.some((span) => span.start === start)) return;
    let end = doc.text.length;
    for (const next of blocks.slice(index + 1)) {
      if (next.type === 'heading' || htmlHeading(next)) {
        end = startOffset(next);
        break;
      }
    }
    const label = spans.find((span) => span.start > start && span.start < end);
    if (label) end = label.start;
    while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
    const headingEnd = endOffset(node);
    found.push({
      start,
      end,
      contentStart: headingEnd,
      node: null,
      lines: doc.lines,
      section: { kind: 'action-items', heading: heading.text, level: heading.level, range: doc.lines.range(start, end), headingRange: doc.lines.range(start, headingEnd), form: 'heading' },
    });
  });
  return found;
}

/**
 * The sections whose lists, tables and measure paragraphs are read as action
 * items: the action-item sections, those that name work in other words, and
 * HTML work headings. A work label is followed by the task labels after it
 * ("Fix Nginx Configuration:" under "TODO List:"), which do not end it.
 */
export function workSpans(doc: ParsedMarkdown, spans: readonly SectionSpan[]): SectionSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const work: SectionSpan[] = [];
  sorted.forEach((span, index) => {
    const kind = span.section.kind;
    const isWork = (kind === 'action-items' && !namesNoWork(span.section.heading)) || (kind !== 'timeline' && namesWork(span.section.heading));
    if (!isWork) return;
    let end = span.end;
    if (span.section.form !== 'heading') {
      for (const next of sorted.slice(index + 1)) {
        const task = next.section.form !== 'heading' && next.section.level >= span.section.level && /:\s*$/.test(doc.text.slice(next.start, next.contentStart)) && startsWithOrder(next.section.heading);
        if (!task) break;
        end = Math.max(end, next.end);
      }
    }
    work.push(end === span.end ? span : { ...span, end });
  });
  return [...work, ...htmlWorkSpans(doc, spans)];
}
