import type { DocumentLink } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import { proseBlocks } from '../model/prose.js';
import { findTicketIds } from '../model/tickets.js';


/** Ticket ids as links, through the `ticketUrl` template ("https://jira.example.com/browse/{ticket}"). */
export function documentLinks(result: Analysis, ticketUrl: string): DocumentLink[] {
  if (!ticketUrl.includes('{ticket}')) return [];
  const { doc } = result.analysis;
  const links: DocumentLink[] = [];
  for (const block of proseBlocks(doc)) {
    // Jira-style ids (ABC-123); "#123" is left to the editor's own Markdown support.
    for (const ticket of findTicketIds(block.text)) {
      const start = block.start + ticket.start;
      links.push({ range: doc.lines.range(start, start + ticket.text.length), target: ticketUrl.replace('{ticket}', encodeURIComponent(ticket.text)), tooltip: `Open ${ticket.text}` });
    }
  }
  return links;
}
