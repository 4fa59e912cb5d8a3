import { allMatches } from '../time/all-matches.js';
// "ABC-123" is a ticket; "SEV-1", "UTF-8", "UTC-5", "P-2" and "ISO-8601" are not.
const NOT_TICKETS = /^(?:SEV|UTF|UTC|GMT|ISO|RFC|TLS|SSL|HTTP|HTTPS|IPV|SHA|MD|AES|PCI|SOC|P|X|Q|H|T|CVE|ARM|X86|WIN|GPT|COVID|PT|ET|CT|MT)-\d+$/;

const TICKET_ID = /\b[A-Z][A-Z0-9]{1,9}-\d+\b/g;
const DASH_DIGIT = /-\d/;

export function isTicketId(text: string): boolean {
  return /^[A-Z][A-Z0-9]{1,9}-\d+$/.test(text) && !NOT_TICKETS.test(text);
}

/** Ticket ids in a text, with their offsets. */
export function findTicketIds(text: string): Array<{ start: number; text: string }> {
  const found: Array<{ start: number; text: string }> = [];
  // Every id holds a dash before a digit: most texts have none, and are not scanned.
  if (!DASH_DIGIT.test(text)) return found;
  for (const match of allMatches(text, TICKET_ID)) if (isTicketId(match[0])) found.push({ start: match.index, text: match[0] });
  return found;
}
