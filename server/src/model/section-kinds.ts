import type { SectionKind } from './schema.js';

// Headings vary between templates; these are the names real postmortems use
// for the same idea (see docs/postmortem-domain.md), plurals and question-style
// headings ("Why did this happen?") included. Order matters: the first
// keyword found wins, so "Root Cause and Resolution" is a root-cause section
// and "Impact & Metrics" an impact section.
const KEYWORDS: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['timeline', /\b(?:timelines?|chain of events|sequence of events|time ?lines?|chronology|events timeline)\b/],
  [
    'action-items',
    /\b(?:action items?|action plan|corrective|preventa?t?ive|prevention|preventing|follow[- ]?ups?|next steps|remediation items?|remediations|backlog check|todos?|to-dos?|(?:future |further )?improvements?|recommendations?|how (?:do|will|can|to) (?:we )?prevent|what we(?:'re| are| will)? ?(?:doing|do|change|changing)\b|what (?:are|will) we (?:doing|do|change|changing)\b|what(?:'s| is) next\b)/,
  ],
  ['root-cause', /\b(?:root causes?|contributing factors?|causes?|fault|five whys|5 whys|why (?:did|was|were|it|this|the)\b|what caused|origins? of\b|vulnerability details|details of (?:the )?(?:vulnerability|exploit|bug)\b)/],
  ['lessons', /\b(?:lessons?(?: learned| learnt)?|learnings|went well|went wrong|got lucky|how'?d we do|what can be improved|takeaways|conclusions?|reflections?|what (?:did )?we learn(?:ed|t)?)\b/],
  ['impact', /\bimpacts?\b|\baffected (?:users|customers|services|systems)\b|^(?:who|what) (?:was|were|is|got) affected\b|\beffects? (?:and|on)\b/],
  // "Sumary" and "Summery" are read as what their writer meant.
  ['summary', /\b(?:summ?[ae]r+y|overview|tl;?dr|abstract|description|synopsis|what happened|introduction)\b|^(?:the )?(?:issue|problem)$/],
  ['detection', /\bdetection\b|\bdetected by\b|\bhow (?:was it|we|did we|it was) (?:detected|noticed|detect|notice|find out)\b/],
  ['trigger', /\btrigger\b/],
  ['resolution', /\b(?:resolution|recovery|mitigation|remediation|fix|fixes|solution|how (?:did )?we (?:fix|fixed|solved|resolved)|how (?:it|this|the issue|the problem) was (?:fixed|resolved|solved))\b/],
  ['response', /\b(?:response|responders|escalation)\b/],
  ['supporting-information', /\b(?:supporting information|appendix|appendices|references|related (?:incidents|links)|messaging)\b/],
];

// Emoji, pictographs, arrows and the joiners between them: decoration, not words.
const DECORATION = /[\u{1F000}-\u{1FAFF}\u{2190}-\u{21FF}\u{2300}-\u{23FF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{FE0F}\u{200D}\u{20E3}]/gu;

/** "## 3. Root Cause(s) 🔥" → "root causes"; "Why did this happen?" → "why did this happen". */
export function normalizeHeading(heading: string): string {
  return normalize(heading);
}

// Per section (a document's or a template's): its heading normalised once, however many pairings and rules ask.
const headingWordsOf = new WeakMap<{ readonly heading: string }, string>();

/** `normalizeHeading(section.heading)`, worked out once per section object. */
export function headingWords(section: { readonly heading: string }): string {
  let words = headingWordsOf.get(section);
  if (words === undefined) headingWordsOf.set(section, (words = normalize(section.heading)));
  return words;
}

// Characters the replacements below look for; a heading with none of them skips that replacement.
const MAYBE_DECORATION = /[^\x00-\u200c]/;
const MAYBE_UNUSUAL_SPACE = /[^\S ]| {2}|^ | $/;

function normalize(heading: string): string {
  let text = heading.toLowerCase();
  if (MAYBE_DECORATION.test(text)) text = text.replace(DECORATION, '');
  text = text.replace(/^[\s#]*(?:(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|step \d+[.:]?)\s+)?/, '');
  if (text.includes('(') || text.includes('[')) text = text.replace(/(\w)[([]/g, '$1 ');
  text = text.replace(/[()[\]*_`:?!]/g, '');
  // Single spaces between words stay as they are: only other or doubled whitespace is collapsed (and the ends trimmed).
  return MAYBE_UNUSUAL_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

export function sectionKindOf(heading: string): SectionKind {
  return kindOf(heading);
}

function kindOf(heading: string): SectionKind {
  return sectionKindOfWords(normalizeHeading(heading));
}

/** The same for a heading already normalised (by `normalizeHeading`). */
export function sectionKindOfWords(words: string): SectionKind {
  for (const [kind, pattern] of KEYWORDS) if (pattern.test(words)) return kind;
  return 'other';
}
