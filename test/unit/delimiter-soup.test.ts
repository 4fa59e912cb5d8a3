import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMarkdown } from '../../server/src/model/markdown.js';

// Blocks with thousands of emphasis or link delimiters are read without them
// (the parser's time grows with the square of their number); the count is per
// block, so a long document with many ordinary blocks keeps all of its emphasis.

test('a block with more than 2,000 delimiters is read without its emphasis, and the parse says so', () => {
  const doc = parseMarkdown(`# Title\n\n${'*a* '.repeat(1_001)}\n\nA **kept** word.\n`);
  assert.match(doc.degraded ?? '', /without the emphasis and links of 1 block /);
  assert.equal(doc.root.children[1]?.type, 'paragraph');
  const first = doc.root.children[1];
  assert.ok(first?.type === 'paragraph' && first.children.every((child) => child.type === 'text'));
  const last = doc.root.children[2];
  assert.ok(last?.type === 'paragraph' && last.children.some((child) => child.type === 'strong'));
});

test('many blocks under the limit each, over it together, keep every delimiter', () => {
  const block = '*a* '.repeat(400);
  const doc = parseMarkdown(`# Title\n\n${Array.from({ length: 5 }, () => block).join('\n\n')}\n`);
  assert.equal(doc.degraded, null);
  const emphasis = doc.root.children.filter((node) => node.type === 'paragraph').flatMap((node) => node.children).filter((child) => child.type === 'emphasis');
  assert.equal(emphasis.length, 2_000);
});
