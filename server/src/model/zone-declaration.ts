import { resolveZoneName } from '../time/zones.js';

// "All times in UTC", "*all times UTC*", "(all times are US/Pacific)",
// "Times are in PST", "Time zone: Europe/Berlin", a "Time (UTC)" column.
const DECLARATIONS = [
  /\ball (?:the )?times?(?: (?:are|shown|listed|given|below))?(?: (?:in|as))?\s+\(?([A-Za-z][\w/+:-]*)/i,
  /\btimes? (?:are|is) (?:in |given in |shown in )?\(?([A-Za-z][\w/+:-]*)/i,
  /\btime ?zone\s*[:=]\s*\(?([A-Za-z][\w/+:-]*)/i,
  /\|\s*(?:time|timestamp|date\/time)\s*\(([A-Za-z][\w/+:-]*)\)\s*\|/i,
];

/** The zone a document declares for its times, resolved to a zone name. */
export function declaredZone(text: string): { zone: string; offset: number } | null {
  for (const pattern of DECLARATIONS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const zone = resolveZoneName(match[1]!);
    if (zone) return { zone, offset: match.index };
  }
  return null;
}
