import type { Field } from './fields.js';
import type { ParsedMarkdown } from './markdown.js';
import type { SectionSpan } from './sections.js';
import type { Impact } from './schema.js';
import { extractMetrics } from './metrics.js';

const IMPACT_KEYS = /^(?:(?:customer|user|business|client) )?impact$|^affected (?:users|customers|services)$|^scope$/;

/**
 * The impact statement: an Impact field (the seed's nested bullets) and any
 * Impact section. Both count, so a number in either satisfies the metric check.
 */
export function readImpact(doc: ParsedMarkdown, parts: readonly ImpactPart[]): Impact | null {
  if (parts.length === 0) return null;
  const first = parts[0]!;
  return {
    text: parts.map((part) => doc.text.slice(part.start, part.end).trim()).join('\n\n'),
    range: doc.lines.range(first.start, first.end),
    metrics: parts.flatMap((part) => extractMetrics(doc.text.slice(part.start, part.end), part.start, doc.lines)),
  };
}

export interface ImpactPart {
  start: number;
  end: number;
}

// A line that starts something else after a bare label: a heading, another label or field, a thematic break.
const NEXT_BLOCK = /^(?:#{1,6}(?:\s|$)|(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)|[A-Z][\w ()/&'-]{0,40}:(?:\s|$)|(?:-{3,}|\*{3,}|_{3,})\s*$|\|)/;
const LIST_LINE = /^\s*(?:[-*+]|\d{1,3}[.)])\s+\S/;
const MAX_FOLLOWING_LINES = 40;

/**
 * The end of what a bare label line ("**Impact:**" with nothing after it) introduces: the list
 * below it, or the one paragraph below it; a reader takes the impact's numbers from there.
 */
function afterBareLabel(text: string, labelEnd: number): number {
  const breaks = /\r\n|\r|\n/g;
  breaks.lastIndex = labelEnd;
  let end = labelEnd;
  let inList = false;
  let paragraph = false;
  for (let count = 0; count < MAX_FOLLOWING_LINES; count++) {
    // The line after the current line break (CRLF, LF or a lone CR).
    const lineBreak = breaks.exec(text);
    if (!lineBreak) break;
    const lineStart = lineBreak.index + lineBreak[0].length;
    const next = /\r\n|\r|\n/g;
    next.lastIndex = lineStart;
    const lineEnd = next.exec(text)?.index ?? text.length;
    breaks.lastIndex = lineEnd;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      if (paragraph) break;
      continue;
    }
    if (LIST_LINE.test(line)) {
      if (paragraph) break;
      inList = true;
    } else if (inList && /^\s+\S/.test(line)) {
      // A list item's continuation.
    } else if (inList || NEXT_BLOCK.test(line)) {
      break;
    } else {
      paragraph = true;
    }
    end = lineEnd;
  }
  return end;
}

/** Where the impact is stated, in document order. */
export function impactParts(fields: readonly Field[], spans: readonly SectionSpan[], text = ''): ImpactPart[] {
  const parts: ImpactPart[] = [];
  for (const field of fields) {
    if (!IMPACT_KEYS.test(field.key) || field.shape === 'front-matter') continue;
    // "**Impact:**" alone on its line: its statement is the block below it.
    const bare = field.shape === 'line' && field.value === '' && text !== '';
    parts.push({ start: field.start, end: bare ? afterBareLabel(text, field.end) : field.end });
  }
  for (const span of spans) {
    if (span.section.kind === 'impact' && !parts.some((part) => part.start >= span.start && part.end <= span.end)) {
      parts.push({ start: span.start, end: span.end });
    }
  }
  return parts.sort((a, b) => a.start - b.start);
}
