import type { AnalyzedDocument } from '../model/build-model.js';
import type { Settings } from '../config/settings.js';
import { matchesInclude } from './include-globs.js';

export type PostmortemReason = 'front-matter' | 'path' | 'content' | null;

const TITLE_WORDS = /\b(?:post-?mortem|incident (?:report|review|analysis)|retrospective|RCA|root cause analysis)\b/i;

/**
 * Not every README should light up. A document is a postmortem when its front
 * matter says so, its path matches a configured glob, or its headings look
 * like one: three kinds of postmortem section, or a postmortem title and two.
 */
export function postmortemReason(analysis: AnalyzedDocument, path: string | null, settings: Settings & { includeBase?: string }): PostmortemReason {
  const declared = analysis.doc.frontMatter?.['type'] ?? analysis.doc.frontMatter?.['kind'];
  if (typeof declared === 'string') {
    if (/^(?:post-?mortem|incident)$/i.test(declared)) return 'front-matter';
  }
  if (analysis.doc.frontMatter?.['postmortem'] === false) return null;
  if (path && matchesInclude(path, settings.include, settings.includeBase)) return 'path';
  if (!settings.detectByContent) return null;
  const kinds = new Set(analysis.model.sections.map((section) => section.kind).filter((kind) => kind !== 'other'));
  if (kinds.size >= 3 && (kinds.has('timeline') || kinds.has('root-cause') || kinds.has('impact') || kinds.has('action-items'))) return 'content';
  if (kinds.size >= 2 && TITLE_WORDS.test(analysis.model.title ?? '')) return 'content';
  return null;
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
