import type { Construct, Extension } from 'micromark-util-types';
import { gfmTable } from 'micromark-extension-gfm-table';

// GFM's table construct is keyed to no character, so the parser tries it at
// the start of every line of every block: about a third of a parse of a
// postmortem, nearly all of it on lines that are not tables. A table needs a
// delimiter row right under its head ("| --- | :-: |": only "|", ":", "-",
// spaces and the quote markers of its container, with a "-" and a "|" or
// ":"). So the construct is offered only where a table can be: not at all in
// a text with no delimiter row, and otherwise keyed to every character of the
// lines from each head to the next blank line (rows included): the characters
// a line of them can start with, after its container's prefix. Where it is offered it is the
// same construct, so the tree is the same (test/unit/table-lines.test.ts
// compares it with the unkeyed construct on generated documents).

const table = (gfmTable().flow as Record<string, Construct>)['null']!;
const DELIMITER_ROW = /^[ \t>]*[|:-][ \t|:>-]*$/;

/** The GFM table extension for `text`, or null when no line of it can be a table's delimiter row. */
export function tablesFor(text: string): Extension | null {
  const lines = text.split(/\r\n|\r|\n/);
  const codes = new Set<number>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('-') || !(line.includes('|') || line.includes(':')) || !DELIMITER_ROW.test(line)) continue;
    // The head and every line after it up to a blank one: rows go on until then.
    for (let j = i - 1; j < lines.length && (j < i || lines[j]!.trim() !== ''); j++) addLineStarts(lines[j]!, codes);
  }
  if (codes.size === 0) return null;
  // micromark's codes for a tab and the virtual spaces after it, should a line start there.
  for (const code of [-2, -1, 9, 32]) codes.add(code);
  // After the constructs already keyed to a character ("=" and "-" underline a heading first), where the
  // unkeyed construct ran: the same order, so the same winner.
  const keyed: Construct = { ...table, add: 'after' };
  const flow: Record<number, Construct> = {};
  for (const code of codes) flow[code] = keyed;
  return { flow };
}

/**
 * The characters a block on this line can start with: where a container's
 * prefix ends ("> ", "- ", "1. ", "[^1]: ") the next character follows a
 * space, a tab, a ">" or a ":", or the line's start. All of those, a superset.
 */
function addLineStarts(line: string, codes: Set<number>): void {
  for (let k = 0; k < line.length; k++) {
    const before = k === 0 ? 32 : line.charCodeAt(k - 1);
    if (before === 32 || before === 9 || before === 62 || before === 58) codes.add(line.charCodeAt(k));
  }
}
