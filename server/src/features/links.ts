import type { DocumentLink } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import { proseBlocks } from '../model/prose.js';

// Jira-style ids: ABC-123. "#123" is left to the editor's own Markdown support.
const TICKET = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/g;

/** Ticket ids as links, through the `ticketUrl` template ("https://jira.example.com/browse/{ticket}"). */
export function documentLinks(result: Analysis, ticketUrl: string): DocumentLink[] {
  if (!ticketUrl.includes('{ticket}')) return [];
  const { doc } = result.analysis;
  const links: DocumentLink[] = [];
  for (const block of proseBlocks(doc)) {
    for (const match of block.text.matchAll(TICKET)) {
      // "SEV-1" and "UTC-5" look like tickets and are not.
      if (/^(?:SEV|UTC|GMT|P|ISO|RFC|TLS|HTTP|CVE)-/.test(match[0]) && !match[0].startsWith('CVE-')) continue;
      const start = block.start + match.index;
      links.push({ range: doc.lines.range(start, start + match[0].length), target: ticketUrl.replace('{ticket}', encodeURIComponent(match[0])), tooltip: `Open ${match[0]}` });
    }
  }
  return links;
}
