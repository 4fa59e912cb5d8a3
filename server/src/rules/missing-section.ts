import * as z from 'zod';
import type { Fix, Rule, RuleContext } from './types.js';
import type { TemplateSection } from '../templates/template.js';
import { sectionsMatching, templateSectionPresent } from '../templates/registry.js';
import { snippetToText } from '../templates/template.js';
import { documentAnchor } from './anchors.js';
import { endsInsideOpenBlock, startOffset, endOffset } from '../model/markdown.js';
import { lineEnding } from '../model/positions.js';
import { sectionKindOf } from '../model/section-kinds.js';
import { findTimestamps } from '../time/timestamps.js';
import type { SectionKind } from '../model/schema.js';

const Options = z.object({
  /** Also report the template's recommended (not required) sections. */
  recommended: z.boolean().default(false),
});


/**
 * Inserts the section at the template's place: before the next template
 * section the document has, else at the end. Null when the end is inside an
 * unclosed code fence or HTML block: the section would land inside it and not
 * count, and closing the block or moving it under another heading would change
 * what the author wrote.
 */
export function insertFix(context: Pick<RuleContext, 'doc' | 'model' | 'template'>, expected: TemplateSection, level: number, endIsOpen: () => boolean): Fix | null {
  const { sections } = context.template;
  const index = sections.indexOf(expected);
  const eol = lineEnding(context.doc.text);
  const body = snippetToText(expected.body).replace(/\n/g, eol);
  const block = `${'#'.repeat(level)} ${expected.heading}${eol}${eol}${body}${eol}${eol}`;
  for (const later of sections.slice(index + 1)) {
    const match = sectionsMatching(later, context.model.sections).find((section) => section.level === level);
    if (match) {
      // At the start of its line: a label indented with other spaces (U+00A0) would leave the new heading indented by them, and no heading.
      const at = { line: match.headingRange.start.line, character: 0 };
      return { title: `Insert the "${expected.heading}" section`, edits: [{ range: { start: at, end: at }, newText: block }] };
    }
  }
  if (endIsOpen()) return null;
  const { text } = context.doc;
  const end = context.doc.lines.positionAt(text.length);
  const separator = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  // Keep the file's ending as it was: a final newline only if it had one.
  const appended = text.endsWith(eol) ? block.slice(0, -eol.length) : block.slice(0, -2 * eol.length);
  return { title: `Insert the "${expected.heading}" section`, edits: [{ range: { start: end, end }, newText: `${separator}${appended}` }] };
}

/** The heading level a new section gets: that of the document's first recognised section, else 2. */
export function sectionLevel(model: RuleContext['model']): number {
  return model.sections.find((section) => section.kind !== 'other')?.level ?? 2;
}

// What a summary or the intro says when it states the cause or the impact itself, as the seed's genre asks its summary to.
const SUMMARY_STATES: Partial<Record<SectionKind, RegExp>> = {
  'root-cause': /\broot[- ]cause|\bcaused by\b|\bwas caused\b|\bdue to\b|\bbecause\b|\bresult(?:ed|ing)? from\b/i,
  impact:
    /\bimpact|\baffect|\busers?\b|\bcustomers?\b|(?<!\d)\d+\s?%|\bunavailable\b|\bdown(?:time)?\b|\berrors?\b|\boutage\b|(?<![\d,])\d[\d,]* (?:[a-z]+ )?[a-z]+s\b|\b(?:lost|loss(?:es)?|funds|made whole|compensated|disrupted|degraded|unable to|could not|couldn't|stuck|latency|traffic|students|clients|visitors|depositors)\b|\$\s?\d|\b(?:every|all|no|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands) of|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:[a-z]+ )?(?:users|customers|requests|visitors|readers|files|uploads|orders|pages|emails|messages|notices|jobs|builds|payments)\b|\b(?:every|each) (?:[a-z]+ )?(?:user|customer|request|visitor|file|upload|order|page|email|message|job|build|payment)\b/i,
};

// A cause stated in words anywhere outside the timeline and the follow-ups: "was caused by", "a bug in", "the vulnerability".
const STATES_CAUSE = /\broot[- ]?causes?\b|\bcaus(?:e[sd]?|ing)\b|\bdue to\b|\bbecause\b|\bresult(?:ed|ing|s)? from\b|\bled to\b|\bstemm(?:ed|ing) from\b|\btriggered by\b|\bbugs?\b|\bflaw(?:s|ed)?\b|\bvulnerab\w*|\bmisconfigur\w*|\bturned out\b|\bdetermined that\b/i;
// Work still to do, written in a fix or remediation section: "we will", "we are exploring", "a long-term fix", "a plan is being reviewed".
// Not "she will not remove …": a promise to refrain is not a follow-up.
const PLANS =
  /\b(?:we|the team|our team|the [\w-]+ team)(?:'ll| will| are (?:exploring|planning|going to|working on|looking into)| plan to| intend to)\b(?! not\b)|\blong[- ]term (?:fix|fixes|solution|plan)|\b(?:is|are) (?:also |now )?being (?:reviewed|planned|considered|worked on|evaluated)\b|\bfollow[- ]?ups?\b|\bnext steps?\b|\bgoing forward\b/i;
// Sections whose words are not the document's account of what happened and why.
const NOT_ACCOUNT: ReadonlySet<SectionKind> = new Set(['timeline', 'action-items', 'supporting-information']);

/** The prose of the top-level blocks between two offsets, code and HTML left out. */
function proseBetween(context: RuleContext, from: number, to: number, skip: (offset: number) => boolean = () => false): string {
  const { text } = context.doc;
  return context.doc.root.children
    .filter((block) => block.type !== 'code' && block.type !== 'html' && block.type !== 'yaml' && block.type !== 'heading')
    .filter((block) => startOffset(block) >= from && startOffset(block) < to && !skip(startOffset(block)))
    .map((block) => text.slice(startOffset(block), Math.min(endOffset(block), to)))
    .join('\n');
}

/** How many lines of the document's prose and lists open with a time (after a list marker or bold), code left out. */
function entryLines(context: RuleContext): number {
  let count = 0;
  for (const line of proseBetween(context, 0, context.doc.text.length).split(/\r\n?|\n/)) {
    const bare = line.replace(/^[\s>*_+\-\d.)[]*?(?=\d{1,2}[:.h]\d{2}|\d{4}-\d{2}-\d{2})/, '');
    const first = findTimestamps(bare, context.memos)[0];
    if (first?.time && first.start <= 2) count++;
  }
  return count;
}

/** The paragraphs a reader takes for the summary when no heading names one: the body between the title and the first section. */
function introOf(context: RuleContext): string {
  const first = context.spans[0]?.start ?? context.doc.text.length;
  const titleEnd = context.doc.root.children.find((node) => node.type === 'heading' && context.titleRange !== null && node.position?.start.line === context.titleRange.start.line + 1);
  const from = titleEnd ? endOffset(titleEnd) : 0;
  return proseBetween(context, from, first);
}

/**
 * Where a reader finds the section without a heading for it: a labelled field
 * (`**Root Cause:** …`, `Impact: …`), the summary's or the intro's own words,
 * a cause stated anywhere in the account, follow-up work planned in a fix section.
 */
function presentOtherwise(expected: TemplateSection, context: RuleContext, intro: () => string): boolean {
  // A timeline's phase labels ("- **Detection**:") group its entries; they are not the sections they name.
  const timelines = context.spans.filter((span) => span.section.kind === 'timeline');
  const inTimeline = (offset: number): boolean => timelines.some((span) => offset >= span.start && offset < span.end);
  if (context.fields.some((field) => field.key.split(/\s+/).length <= 4 && expected.kinds.includes(sectionKindOf(field.label)) && !inTimeline(field.start))) return true;
  const { text } = context.doc;
  // An intro of a sentence or two is the summary a reader reads first.
  if (expected.kinds.includes('summary') && intro().split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 12) return true;
  const summaries = [
    intro(),
    ...context.spans.filter((span) => span.section.kind === 'summary').map((span) => text.slice(span.contentStart, span.end)),
    ...context.fields.filter((field) => sectionKindOf(field.label) === 'summary').map((field) => field.value),
  ];
  if (expected.kinds.some((kind) => summaries.some((summary) => SUMMARY_STATES[kind]?.test(summary) === true))) return true;
  if (expected.kinds.includes('root-cause')) {
    const outside = context.spans.filter((span) => NOT_ACCOUNT.has(span.section.kind));
    const account = proseBetween(context, 0, text.length, (offset) => outside.some((span) => offset >= span.start && offset < span.end));
    const headings = context.spans.filter((span) => !NOT_ACCOUNT.has(span.section.kind)).map((span) => span.section.heading);
    // "The root cause was …" said anywhere, even inside the timeline's prose, is the root cause.
    if (STATES_CAUSE.test(account) || headings.some((heading) => STATES_CAUSE.test(heading)) || /\broot[- ]?cause\b/i.test(proseBetween(context, 0, text.length))) return true;
  }
  // Lines that open with a time, three or more, under whatever heading ("How did we find it?"): a reader has the timeline.
  if (expected.kinds.includes('timeline') && entryLines(context) >= 3) return true;
  if (expected.kinds.includes('action-items')) {
    const fixes = context.spans.filter((span) => span.section.kind === 'resolution' && !inTimeline(span.start));
    if (fixes.some((span) => PLANS.test(text.slice(span.start, span.end)))) return true;
  }
  return false;
}

// Fewer siblings than this say nothing about a team's habits.
const MIN_SIBLINGS = 2;

/** The team's own template: every other postmortem in the folder lacks this section too. */
function teamLeavesOut(expected: TemplateSection, context: RuleContext): boolean {
  const siblings = context.siblingSections ?? [];
  return siblings.length >= MIN_SIBLINGS && siblings.every((kinds) => !expected.kinds.some((kind) => kinds.has(kind)));
}

/** The sections the document's template requires, checked against the headings it has. */
export const missingSection: Rule<z.infer<typeof Options>> = {
  id: 'missing-section',
  description: "A section the postmortem's template requires is missing.",
  defaultSeverity: 'warning',
  options: Options,
  check(context, options) {
    const level = sectionLevel(context.model);
    let endIsOpen: boolean | undefined;
    const endIsOpenOnce = (): boolean => (endIsOpen ??= endsInsideOpenBlock(context.doc));
    let introText: string | undefined;
    const intro = (): string => (introText ??= introOf(context));
    return context.template.sections
      .filter((expected) => (expected.required || options.recommended) && !templateSectionPresent(expected, context.model) && !presentOtherwise(expected, context, intro) && !teamLeavesOut(expected, context))
      .map((expected) => {
        const message = `Missing section "${expected.heading}" (${context.template.name} template): ${expected.purpose}`;
        const fix = insertFix(context, expected, level, endIsOpenOnce);
        if (fix) return { message, range: documentAnchor(context), fix };
        return { message: `${message} (No quick fix: the document ends inside an unclosed code fence or HTML comment.)`, range: documentAnchor(context) };
      });
  },
};
