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

/** Where the impact is stated, in document order. */
export function impactParts(fields: readonly Field[], spans: readonly SectionSpan[]): ImpactPart[] {
  const parts: ImpactPart[] = [];
  for (const field of fields) {
    if (IMPACT_KEYS.test(field.key) && field.shape !== 'front-matter') parts.push({ start: field.start, end: field.end });
  }
  for (const span of spans) {
    if (span.section.kind === 'impact' && !parts.some((part) => part.start >= span.start && part.end <= span.end)) {
      parts.push({ start: span.start, end: span.end });
    }
  }
  return parts.sort((a, b) => a.start - b.start);
}
