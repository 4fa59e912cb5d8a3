import type { DocumentLink } from 'vscode-languageserver';
import type { Analysis } from '../engine/analyze.js';
import { proseBlocks } from '../model/prose.js';
import { findTicketIds } from '../model/tickets.js';

// A link is opened by the editor on a click: `command:`, `vscode:`, `file:` or `javascript:` from a workspace's settings would run or open anything.
const SAFE_SCHEMES = new Set(['https:', 'http:']);

/** The link for a ticket id, or null unless it is an absolute http(s) URL. */
export function ticketLink(ticketUrl: string, ticket: string): string | null {
  if (!ticketUrl.includes('{ticket}')) return null;
  const target = ticketUrl.replace('{ticket}', encodeURIComponent(ticket));
  try {
    return SAFE_SCHEMES.has(new URL(target).protocol) ? target : null;
  } catch {
    return null;
  }
}

/** Ticket ids as links, through the `ticketUrl` template ("https://jira.example.com/browse/{ticket}"); none unless it gives http(s) links. */
export function documentLinks(result: Analysis, ticketUrl: string): DocumentLink[] {
  if (ticketLink(ticketUrl, 'ABC-1') === null) return [];
  const { doc } = result.analysis;
  const links: DocumentLink[] = [];
  for (const block of proseBlocks(doc)) {
    // Jira-style ids (ABC-123); "#123" is left to the editor's own Markdown support.
    for (const ticket of findTicketIds(block.text)) {
      const start = block.start + ticket.start;
      const target = ticketLink(ticketUrl, ticket.text);
      if (target !== null) links.push({ range: doc.lines.range(start, start + ticket.text.length), target, tooltip: `Open ${ticket.text}` });
    }
  }
  return links;
}
