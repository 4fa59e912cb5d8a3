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
