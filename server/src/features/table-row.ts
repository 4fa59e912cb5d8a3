// The shape of a Markdown table the cursor sits directly under, so a new
// timeline entry can be written as one more row of it (a bullet would end it).

const DELIMITER_CELL = /^:?-+:?$/;
const TIME_HEADER = /^(?:time|timestamp|when)\b/i;

export interface TableShape {
  /** The header's cell texts. */
  headers: string[];
  /** The column the time goes in: the one the header names as time, else the first. */
  timeColumn: number;
  leadingPipe: boolean;
  trailingPipe: boolean;
  /** The rows' indentation. */
  indent: string;
}

/** The cells of a table line, split on unescaped pipes, without its outer pipes. */
function cellsOf(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

const isTableLine = (line: string): boolean => line.trim() !== '' && line.includes('|');
// Cell by cell, not one pattern: optional spaces and pipes around each cell backtrack quadratically on a long run of spaces.
/** A GFM delimiter row: "| --- | :--: |", "---|---". */
const isDelimiterRow = (line: string): boolean => cellsOf(line).every((cell) => DELIMITER_CELL.test(cell));

/**
 * The table whose last line is `lines[line - 1]`, when `line` is the line
 * right under a table row (or under its delimiter row); null otherwise.
 */
export function tableAbove(lines: readonly string[], line: number): TableShape | null {
  const last = lines[line - 1];
  if (last === undefined || !isTableLine(last)) return null;
  // Up through the rows to the delimiter row; the header is the line above it.
  for (let index = line - 1; index >= 1 && isTableLine(lines[index]!); index--) {
    if (!isDelimiterRow(lines[index]!)) continue;
    const header = lines[index - 1]!;
    if (!isTableLine(header)) return null;
    const headers = cellsOf(header);
    // GFM: the delimiter row has as many cells as the header, or it is no table.
    if (cellsOf(lines[index]!).length !== headers.length) return null;
    const timeColumn = Math.max(0, headers.findIndex((cell) => TIME_HEADER.test(cell)));
    // The pipe style of the row the new one follows (the header's when there is none yet).
    const model = line - 1 === index ? header : last;
    return {
      headers,
      timeColumn,
      leadingPipe: model.trim().startsWith('|'),
      trailingPipe: model.trim().endsWith('|'),
      indent: /^\s*/.exec(model)![0],
    };
  }
  return null;
}

const snippetText = (text: string): string => text.replace(/[$}\\]/g, (character) => `\\${character}`);

/** One more row of `table`: the time in its column, a placeholder named after its header in every other cell. */
export function tableRow(table: TableShape, time: string): string {
  let placeholder = 0;
  const cells = table.headers.map((header, index) => (index === table.timeColumn ? time : `\${${String(++placeholder)}:${snippetText(header || 'What happened')}}`));
  return `${table.indent}${table.leadingPipe ? '| ' : ''}${cells.join(' | ')}${table.trailingPipe ? ' |' : ''}`;
}
