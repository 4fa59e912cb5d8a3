/**
 * Every match of a global pattern in a text, as `text.matchAll(pattern)` gives
 * them, without the copy of the pattern matchAll makes on every call: on the
 * short lines and blocks the engine reads, that copy costs several times the
 * matching itself. The pattern's lastIndex is left at 0; the matches are all
 * found before any is returned, so a caller may use the same pattern while
 * going through them.
 */
export function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern: ${String(pattern)}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  try {
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      found.push(match);
      // An empty match would be found again at the same place: step over it (a whole code point with the u or v flag, as matchAll does).
      if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, /[uv]/.test(pattern.flags));
    }
  } finally {
    pattern.lastIndex = 0;
  }
  return found;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}
