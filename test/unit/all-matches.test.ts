import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allMatches } from '../../server/src/time/all-matches.js';

const summary = (matches: Iterable<RegExpMatchArray>): Array<[number | undefined, string[]]> => [...matches].map((match) => [match.index, [...match]]);

test('allMatches finds what matchAll finds, empty matches and surrogate pairs included, and leaves the pattern reusable', () => {
  const cases: Array<[string, RegExp]> = [
    ['10:05 UTC, then 11:30 and 12:00', /(\d{1,2}):(\d{2})/g],
    ['a😀b', /(?:)/gu],
    ['a😀b', /(?:)/g],
    ['', /x*/g],
    ['no match here', /\d+/g],
    ['Users USERS users', /users/gi],
  ];
  for (const [text, pattern] of cases) {
    assert.deepEqual(summary(allMatches(text, pattern)), summary(text.matchAll(pattern)), `${String(pattern)} on ${JSON.stringify(text)}`);
    assert.equal(pattern.lastIndex, 0);
  }
});

test('allMatches refuses a pattern without the g flag, as matchAll does (when read)', () => {
  assert.throws(() => [...allMatches('abc', /b/)], TypeError);
});
