/**
 * Every match of a global pattern in a text, as `text.matchAll(pattern)` gives
 * them, without the copy of the pattern matchAll makes on every call: on the
 * short lines and blocks the engine reads, that copy costs several times the
 * matching itself. Lazy, like matchAll (a long line with 50,000 matches must
 * not hold them all at once); the position is kept here and set before every
 * step, so other code may use the same pattern in between. The pattern's
 * lastIndex is left at 0.
 */
export function* allMatches(text: string, pattern: RegExp): Generator<RegExpExecArray, void, undefined> {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern: ${String(pattern)}`);
  let index = 0;
  for (;;) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    index = pattern.lastIndex;
    pattern.lastIndex = 0;
    if (match === null) return;
    // An empty match would be found again at the same place: step over it (a whole code point with the u or v flag, as matchAll does).
    if (match[0] === '') index = nextIndex(text, index, /[uv]/.test(pattern.flags));
    yield match;
  }
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const first = text.charCodeAt(index);
  const second = text.charCodeAt(index + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? index + 2 : index + 1;
}
