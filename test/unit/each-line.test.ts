import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachLine } from '../../server/src/model/each-line.js';
import { splitLines } from '../../server/src/model/positions.js';

test('eachLine gives the lines splitLines gives of the same range, in document offsets, without copying them', () => {
  const texts = ['a\r\nb\rc\n', '', 'one line', '\n\n', 'x\r', 'x\r\n', '\r\r\n\n', 'head\nbody\r\ntail'];
  for (const text of texts) {
    // Every range, so that a range ending between "\r" and "\n" is read as its slice would be.
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        const seen: Array<{ text: string; start: number; index: number }> = [];
        eachLine(text, from, to, (start, end, index) => seen.push({ text: text.slice(start, end), start: start - from, index }));
        const expected = splitLines(text.slice(from, to)).map((line, index) => ({ ...line, index }));
        assert.deepEqual(seen, expected, `${JSON.stringify(text)} [${from}, ${to})`);
      }
    }
  }
});
