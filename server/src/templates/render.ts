import type { Template } from './template.js';

export interface NewPostmortem {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  severity: string;
}

/** Shifts a snippet body's placeholders ${1…} by `offset`, so bodies can be joined into one snippet. */
function renumber(body: string, offset: number): { body: string; count: number } {
  let count = 0;
  const shifted = body.replace(/\$\{(\d+)(:|\})|\$(\d+)/g, (_match: string, braced: string | undefined, after: string | undefined, bare: string | undefined) => {
    const index = Number(braced ?? bare);
    count = Math.max(count, index);
    return braced !== undefined ? `\${${index + offset}${after ?? ''}` : `$${index + offset}`;
  });
  return { body: shifted, count };
}

const escape = (text: string): string => text.replace(/[$}\\]/g, (char) => `\\${char}`);

/**
 * A whole postmortem in a template's format, as one snippet: the header fields
 * first (so the cursor starts in the first one), then every section with its
 * body. With `values`, the title, date and severity are filled in.
 */
export function templateSnippet(template: Template, values?: NewPostmortem): string {
  const title = values ? escape(values.title) : '${1:What happened, in a few words}';
  const header = values
    ? [`# Postmortem: ${title}`, '', `**Date:** ${values.date}`, `**Severity:** ${escape(values.severity)}`, '**Status:** Draft', '**Authors:** ${1:@you}', '']
    : [`# Postmortem: ${title}`, '', '**Date:** ${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}', '**Severity:** ${3|SEV-1,SEV-2,SEV-3,SEV-4|}', '**Status:** Draft', '**Authors:** ${4:@you}', ''];
  let next = values ? 1 : 4;
  const lines = [...header];
  for (const section of template.sections) {
    const { body, count } = renumber(section.body, next);
    next += count;
    lines.push(`## ${section.heading}`, '', body, '');
  }
  lines.push('$0');
  return lines.join('\n');
}

/** "Checkout latency after the payment-client upgrade" → "checkout-latency-after-the-payment-client-upgrade". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return withoutTrailingDashes(slug) || 'incident';
}

/** A loop, not `/-+$/`, which retries from every dash of a run that does not end the text. */
function withoutTrailingDashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '-') end--;
  return text.slice(0, end);
}
