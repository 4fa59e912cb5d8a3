import type { AnalyzedDocument } from './build-model.js';

// A security report: a vulnerability found, disclosed or exploited.
const DISCLOSURE = /\b(?:vulnerabilit(?:y|ies)|bug bounty|disclosure|advisory|exploit(?:ed)?|white ?hat|security (?:issue|report|bug|incident))\b/i;
// Anything that says a service was down, slow or failing for its users.
const OUTAGE =
  /\b(?:outages?|downtime|down for|went down|was down|were down|unavailable|unavailability|unreachable|inaccessible|degraded|degradation|disrupt(?:ed|ion)|interrupt(?:ed|ion)|latency|timeouts?|timed out|error rates?|5\d\d(?:s| errors?)|could not (?:access|reach|log ?in|load|connect)|failed to (?:load|respond|serve)|halt(?:ed)?|stopped (?:working|serving|producing))\b/i;

/**
 * Whether the document reports a vulnerability or an exploit in which no
 * service went down: its title or a heading names a security report, and no
 * line speaks of an outage, errors, slowness or users who could not get in.
 * Such a report has no incident duration to state (the "impact" is funds or
 * data at risk, with dates of report and patch), so asking for one is noise.
 */
export function isDisclosureWithoutOutage(analysis: AnalyzedDocument): boolean {
  const headings = [analysis.model.title ?? '', ...analysis.model.sections.map((section) => section.heading)];
  if (!headings.some((heading) => DISCLOSURE.test(heading))) return false;
  return !OUTAGE.test(analysis.doc.text);
}
