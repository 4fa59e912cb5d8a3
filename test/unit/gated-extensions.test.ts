import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { parseDocument, parseFragmentText } from '../../server/src/model/gfm-parse.js';

// The engine offers each GitHub extension only to a text that holds what its
// constructs start with. The trees must be exactly those of a parse with every
// extension offered, for texts that hold the cues, nearly hold them, or not.

const mdast = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown()];
const full = (text: string, atStart: boolean) =>
  fromMarkdown(text, {
    extensions: [gfmTable(), gfmStrikethrough(), gfmTaskListItem(), gfmFootnote(), ...(atStart ? [frontmatter(['yaml'])] : [])],
    mdastExtensions: [...mdast, ...(atStart ? [frontmatterFromMarkdown(['yaml'])] : [])],
  });

const pieces = [
  '---\ntitle: x\n---\n', '--- \n', '---', '- [ ] open task\n', '- [x] done\n', '* [X] Done\n', '- [\t] tab\n', '- [\n] broken\n', '- [ y] not a box\n',
  '[ ] box outside a list\n', 'Text with ~~struck~~ words.\n', 'One ~tilde~ here.\n', '~~~\ncode\n~~~\n', 'A note[^1] here.\n', '[^1]: The note.\n',
  '[^ not a note]\n', '[link](https://example.com) and [ref]\n', '| a | b |\n| - | - |\n| 1 | 2 |\n', '# Heading\n', '\n', 'Plain words.\n', '> quoted [^2]\n',
  '1. [ ] numbered\n', '^[inline]\n', '[^\n',
];

test('documents and fragments parse to the same trees as with every extension offered', () => {
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
  for (let round = 0; round < 3_000; round++) {
    const count = 1 + random(6);
    const text = Array.from({ length: count }, () => pieces[random(pieces.length)]!).join(random(2) === 0 ? '\n' : '');
    assert.deepEqual(parseDocument(text), full(text, true), JSON.stringify(text));
    assert.deepEqual(parseFragmentText(text), full(text, false), JSON.stringify(text));
  }
});
