/**
 * Calls `visit` with the offsets [start, end) of each line of `text` between
 * `from` and `to`, without its break: the lines `splitLines(text.slice(from, to))`
 * gives ("\r\n", "\n" or a lone "\r"; an empty last line after a final break),
 * in document offsets, with no copy of the text and no object per line.
 */
export function eachLine(text: string, from: number, to: number, visit: (start: number, end: number, index: number) => void): void {
  let start = from;
  for (let index = 0; ; index++) {
    let end = start;
    while (end < to) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    visit(start, end, index);
    if (end >= to) return;
    start = end + (text.charCodeAt(end) === 13 && end + 1 < to && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}
