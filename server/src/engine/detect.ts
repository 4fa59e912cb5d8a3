import type { AnalyzedDocument } from '../model/build-model.js';
import type { Settings } from '../config/settings.js';
import { matchesInclude } from './include-globs.js';

export type PostmortemReason = 'front-matter' | 'path' | 'content' | null;

const TITLE_WORDS = /\b(?:post[- ]?mortem|incident (?:report|review|analysis)|retrospective|RCA|root cause analysis)\b/i;

/**
 * Not every README should light up. A document is a postmortem when its front
 * matter says so, its path matches a configured glob, or its headings look
 * like one: three kinds of postmortem section, or a postmortem title and two.
 */
export function postmortemReason(analysis: AnalyzedDocument, path: string | null, settings: Settings & { includeBase?: string }): PostmortemReason {
  return reasonFor(analysis, path, settings, true);
}

/** Why a document the name alone kept out would otherwise be checked: the hosts say so once instead of staying silent. */
export function skipNote(analysis: AnalyzedDocument, path: string | null, settings: Settings & { includeBase?: string }): string | null {
  if (!skippedByName(analysis, path) || !reasonFor(analysis, path, settings, false)) return null;
  return 'not checked: its name says it is an index, README or log, and it does not read as a postmortem (no postmortem title, and no cause of its own beside a summary, an impact or a timeline of its own events). Add "type: postmortem" to its front matter to check it.';
}

function reasonFor(analysis: AnalyzedDocument, path: string | null, settings: Settings & { includeBase?: string }, byName: boolean): PostmortemReason {
  const declared = analysis.doc.frontMatter?.['type'] ?? analysis.doc.frontMatter?.['kind'];
  if (typeof declared === 'string') {
    if (/^(?:post-?mortem|incident)$/i.test(declared)) return 'front-matter';
  }
  if (analysis.doc.frontMatter?.['postmortem'] === false) return null;
  if (byName && skippedByName(analysis, path)) return null;
  if (path && matchesInclude(path, settings.include, settings.includeBase)) return 'path';
  if (!settings.detectByContent) return null;
  const kinds = new Set(analysis.model.sections.map((section) => section.kind).filter((kind) => kind !== 'other'));
  if (kinds.size >= 3 && (kinds.has('timeline') || kinds.has('root-cause') || kinds.has('impact') || kinds.has('action-items'))) return 'content';
  if (kinds.size >= 2 && TITLE_WORDS.test(analysis.model.title ?? '')) return 'content';
  return null;
}

// Files whose names say they are something else: a folder's index or README, an install or change log.
const OTHER_NAME = /(?:^|[\\/])(?:index|readme|install[^\\/]*|[^\\/]*[-_.]log|change-?log)\.(?:md|markdown)$/i;

/**
 * A file named as an index, README or log is not a postmortem unless it reads
 * as one: a postmortem title, or a cause of its own beside a summary, an impact
 * or a timeline whose entries are not links to other documents. Many
 * postmortems live in a README of their own; a folder's index of links, or an
 * install log, does not.
 */
export function skippedByName(analysis: AnalyzedDocument, path: string | null): boolean {
  if (!path || !OTHER_NAME.test(path)) return false;
  if (TITLE_WORDS.test(analysis.model.title ?? '')) return false;
  const timed = analysis.timeline.filter((item) => item.sortKey !== null);
  const links = timed.filter((item) => /\]\([^)]*\)/.test(item.entry.text)).length;
  const kinds = new Set(analysis.model.sections.map((section) => section.kind));
  const told = kinds.has('summary') || kinds.has('impact') || (kinds.has('timeline') && links * 2 < Math.max(1, timed.length));
  return !(kinds.has('root-cause') && told);
}

const TEMPLATE_NAME = /(?:^|[\\/])[^\\/]*template[^\\/]*\.(?:md|markdown)$/i;

/**
 * A template is skipped with one note: a file named so, front matter that says
 * so, or a document whose placeholders stand where the facts go (its title, or
 * every timeline time). A finished document with placeholders left in is not a
 * template: its placeholders are findings like any other, and every rule runs.
 */
export function isTemplate(analysis: AnalyzedDocument, path: string | null, placeholders: ReadonlyArray<{ start: number }>, minimum: number): boolean {
  if (analysis.doc.frontMatter?.['template'] === true) return true;
  if (path && TEMPLATE_NAME.test(path) && placeholders.length > 0) return true;
  if (placeholders.length < minimum) return false;
  // A draft that says so is still being filled in.
  if (analysis.model.metadata.status === 'draft') return true;
  const titleEnd = analysis.titleRange ? analysis.doc.lines.offsetAt(analysis.titleRange.end) : -1;
  const placeholderInTitle = placeholders.some((placeholder) => placeholder.start <= titleEnd);
  const timed = analysis.timeline.some((item) => item.sortKey !== null);
  return placeholderInTitle || !timed;
}
