import type { SectionKind } from './schema.js';

// Headings vary between templates; these are the names real postmortems use
// for the same idea (see docs/postmortem-domain.md). Order matters: the first
// keyword found wins, so "Root Cause and Resolution" is a root-cause section
// and "Impact & Metrics" an impact section.
const KEYWORDS: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['timeline', /\b(?:timeline|chain of events|sequence of events|time ?line)\b/],
  ['action-items', /\b(?:action items?|corrective|preventa?t?ive|follow[- ]?ups?|next steps|remediation items?|backlog check|todo|to-do)\b/],
  ['root-cause', /\b(?:root causes?|contributing factors?|causes?|fault|five whys|5 whys)\b/],
  ['lessons', /\b(?:lessons?(?: learned| learnt)?|learnings|went well|went wrong|got lucky|how'?d we do|what can be improved|takeaways)\b/],
  ['impact', /\bimpact\b|\baffected users\b/],
  ['summary', /\b(?:summary|overview|tl;?dr|abstract|description)\b/],
  ['detection', /\bdetection\b|\bdetected by\b/],
  ['trigger', /\btrigger\b/],
  ['resolution', /\b(?:resolution|recovery|mitigation|remediation|fix)\b/],
  ['response', /\b(?:response|responders|escalation)\b/],
  ['supporting-information', /\b(?:supporting information|appendix|references|related (?:incidents|links)|messaging)\b/],
];

/** "## 3. Root Cause(s) 🔥" → "root causes". */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{FE0F}]/gu, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+/, '')
    .replace(/[()[\]*_`:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sectionKindOf(heading: string): SectionKind {
  const normalized = normalizeHeading(heading);
  for (const [kind, pattern] of KEYWORDS) if (pattern.test(normalized)) return kind;
  return 'other';
}
