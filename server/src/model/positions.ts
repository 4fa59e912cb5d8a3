import type { Position, Range } from './schema.js';

/** A line break as LSP and CommonMark count them: "\r\n", "\n" or a lone "\r". */
export const LINE_BREAK = /\r\n?|\n/;

/** The lines of a text, each without its line break, with the offset where it starts. */
export function splitLines(text: string): Array<{ text: string; start: number }> {
  const lines: Array<{ text: string; start: number }> = [];
  // A character loop: every engine pass splits lines, and a pattern's match object per line costs more than the line.
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    lines.push({ text: text.slice(start, i), start });
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ text: text.slice(start), start });
  return lines;
}

/** The first line of a text, without its line break. */
export function firstLine(text: string): string {
  const end = text.search(LINE_BREAK);
  return end < 0 ? text : text.slice(0, end);
}

/** The line ending to write into a document: CRLF if it has one, a lone CR if that is all it uses, else LF. */
export function lineEnding(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}

/**
 * Converts string offsets to 0-based LSP positions (UTF-16 characters, which
 * is what JavaScript string indices already are). mdast positions carry an
 * `offset`, so every range in the model goes through here and nowhere else.
 * Lines end at "\r\n", "\n" or a lone "\r", as in LSP and the Markdown parser.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === 10 /* \n */ || (char === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    // Between the "\r" and "\n" of a CRLF is the end of the line, as LSP has it.
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + position.character, end);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset of the end of a line's content, before its "\r\n", "\n" or "\r". */
  lineEnd(line: number): number {
    const next = this.lineStarts[Math.max(0, line) + 1];
    if (next === undefined) return this.text.length;
    // A "\r" before a "\n" is always that line break's own: a lone "\r" would have started a line.
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(0, line), this.lineStarts.length - 1)]!;
  }
}
