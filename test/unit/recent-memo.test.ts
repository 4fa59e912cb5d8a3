import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecentMemo } from '../../server/src/time/recent-memo.js';

test('a memo computes each key once while it is in use, and stays within two generations', () => {
  const memo = new RecentMemo<number>(3);
  let computed = 0;
  const read = (key: string): number => memo.get(key, (text) => (computed++, text.length));
  for (const key of ['a', 'bb', 'ccc', 'a', 'bb']) read(key);
  assert.equal(computed, 3, 'repeated keys are remembered');
  for (let i = 0; i < 100; i++) read(`key ${i}`);
  assert.ok(memo.size <= 6, `at most two generations of 3: ${memo.size}`);
  assert.equal(read('a'), 1, 'an evicted key is computed again, with the same result');
});

test('a key read on every round survives a stream of new keys', () => {
  const memo = new RecentMemo<string>(4);
  let computed = 0;
  for (let round = 0; round < 50; round++) {
    memo.get('kept', (key) => (computed++, key));
    memo.get(`new ${round}`, (key) => key);
  }
  assert.equal(computed, 1);
});

test('null is a remembered value, long keys are not kept, and clearing empties the memo', () => {
  const memo = new RecentMemo<string | null>(10, 5);
  let computed = 0;
  const read = (key: string): string | null => memo.get(key, () => (computed++, null));
  read('short');
  read('short');
  assert.equal(computed, 1);
  read('much too long');
  read('much too long');
  assert.equal(computed, 3);
  memo.clear();
  assert.equal(memo.size, 0);
});

test('a key found in the older generation is not computed again, and an undefined result is returned but not kept', () => {
  const memo = new RecentMemo<number | undefined>(2);
  let computed = 0;
  const read = (key: string): number | undefined => memo.get(key, (text) => (computed++, text === 'none' ? undefined : text.length));
  read('aa');
  read('bbb');
  read('cccc'); // the newer generation was full: 'aa' and 'bbb' are now the older one
  assert.equal(read('aa'), 2);
  assert.equal(computed, 3, 'read from the older generation');
  assert.equal(read('none'), undefined);
  assert.equal(read('none'), undefined);
  assert.equal(computed, 5, 'undefined is computed each time');
});
