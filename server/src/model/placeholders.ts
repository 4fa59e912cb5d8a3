import { walk, startOffset, type ParsedMarkdown } from './markdown.js';
import { proseBlocks } from './prose.js';
import { allMatches } from '../time/all-matches.js';

// What templates leave behind: TBD, "??", "XX%", "?mins", "<owner>", "[insert …]", YYYY-MM-DD.
const PLACEHOLDER = new RegExp(
  [
    '\\bTB[DC]\\b',
    // A bare TODO stands in for text; "TODO: add an alert on X" is a written task.
    '\\bTODO\\b(?=\\s*:?\\s*$|\\s*:?\\s*\\||\\s*\\)|\\s*\\(\\s*\\))',
    '\\?{2,}',
    '(?<![\\w])X{2,}(?:\\.X+)?\\s?%',
    '\\bX{3,}\\b',
    '\\?(?:(?:mins?|minutes|hours?|hrs?|users)\\b|%)',
    '\\[(?:insert|add|describe|enter|your|placeholder|fill)[^\\]\\r\\n]{0,60}\\]',
    '\\blorem ipsum\\b',
    '\\bYYYY-MM-DD\\b',
    '\\bHH:MM\\b',
    '\\{\\{[^}\\r\\n]{1,40}\\}\\}',
  ].join('|'),
  'gi',
);
// "<owner>" parses as HTML; real tags are not placeholders.
const ANGLE = /<([a-z][\w -]{1,30})>/gi;
const HTML_TAGS = /^(?:h[1-6]|html|head|body|meta|link|script|style|nav|section|article|header|footer|main|aside|iframe|svg|path|form|input|button|label|select|option|textarea|caption|colgroup|col|tfoot|blockquote|time|var|samp|wbr|strike|tt|big|nobr|hgroup|address|object|embed|param|track|canvas|noscript|template|slot|dialog|menu|output|progress|meter|legend|fieldset|datalist|optgroup|ruby|rt|rp|bdi|bdo|data|a|abbr|b|br|code|del|details|div|em|hr|i|img|ins|kbd|li|ol|p|pre|s|small|span|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|mark|q|cite|dl|dt|dd|figure|figcaption|picture|source|video|audio|center|font)$/i;

/** Where placeholders stand in a document. */
export function findPlaceholders(text: string): Array<{ start: number; end: number; text: string }> {
  const found: Array<{ start: number; end: number; text: string }> = [];
  for (const match of allMatches(text, PLACEHOLDER)) found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  return found.sort((a, b) => a.start - b.start);
}

export type Placeholder = { start: number; end: number; text: string };
// The engine asks before running the rules (template mode), the rule again: once per parse.
const cache = new WeakMap<ParsedMarkdown, Placeholder[]>();

/** Placeholders in prose (not in code) with their document offsets. */
export function placeholdersIn(context: { doc: ParsedMarkdown }): Placeholder[] {
  const cached = cache.get(context.doc);
  if (cached) return cached;
  const found = findAllPlaceholders(context);
  cache.set(context.doc, found);
  return found;
}

function findAllPlaceholders(context: { doc: ParsedMarkdown }): Placeholder[] {
  const found: Placeholder[] = [];
  for (const block of proseBlocks(context.doc)) for (const hit of findPlaceholders(block.text)) found.push({ ...hit, start: block.start + hit.start, end: block.start + hit.end });
  // "<owner>" parses as inline HTML, which prose blocks blank out: look at the HTML nodes themselves (each starts with "<").
  if (context.doc.text.includes('<')) walk(context.doc.root, (node) => {
    if (node.type !== 'html') return;
    for (const match of allMatches(node.value, ANGLE)) {
      if (HTML_TAGS.test(match[1]!.trim().split(' ')[0]!)) continue;
      const start = startOffset(node) + match.index;
      found.push({ start, end: start + match[0].length, text: match[0] });
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

/** A document with this many placeholders is a template being filled in: one gentle note, not a wall of findings. */
export const TEMPLATE_PLACEHOLDER_COUNT = 6;
