// The table construct is offered only on the lines that can hold a table
// (server/src/model/table-lines.ts). The tree must be the one the unkeyed
// construct gives, on postmortem-like documents and on soup made of table syntax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { parseDocument } from '../../server/src/model/gfm-parse.js';
import { tablesFor } from '../../server/src/model/table-lines.js';
import { postmortemMarkdown } from '../reliability/support/markdown-arbitrary.js';

const SEED = 20261207;
const reference = (text: string): Root =>
  fromMarkdown(text, {
    extensions: [gfmTable(), gfmStrikethrough(), gfmTaskListItem(), gfmFootnote(), frontmatter(['yaml'])],
    mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });

// Pieces of table syntax, containers and blocks that compete with tables for a line ("=" and "-" underlines, rules, fences).
const PIECES = ['|', ' | ', '-', '---', ':', ':-', '-:', ' ', '    ', '\n', '\n', '\n', '\r\n', '> ', '- ', '1. ', '* ', 'a', 'b c', '`', '```', '#', '## ', '\\|', '[x] ', '~~', '<div>', '***', '=', 'x|y', '| a | b |', '| - | - |', '|---|', '[^1]: ', '[^1]:', '>', '\t', '1) ', '+ ', '&amp;'];
const soup = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((pieces) => pieces.join(''));

test('tables are found where the unkeyed construct finds them: table-syntax soup', () => {
  fc.assert(
    fc.property(soup, (text) => assert.deepEqual(parseDocument(text), reference(text), JSON.stringify(text))),
    { seed: SEED, numRuns: 3000 },
  );
});

test('tables are found where the unkeyed construct finds them: postmortem-like documents', () => {
  fc.assert(
    fc.property(postmortemMarkdown, ({ text }) => assert.deepEqual(parseDocument(text), reference(text), JSON.stringify(text))),
    { seed: SEED, numRuns: 400 },
  );
});

test('a text with no delimiter row gets no table construct; one with a table, in a list or a quote, does', () => {
  assert.equal(tablesFor('# Timeline\n\n- 10:00 paged\n- 10:05 restarted\n\n---\n\nDuration: 5 min\n'), null);
  for (const text of ['| Time | Event |\n| --- | --- |\n| 10:00 | paged |\n', '- item\n\n  | a |\n  | :-: |\n', '> a | b\n> -|-\n']) {
    assert.notEqual(tablesFor(text), null, text);
    assert.equal(JSON.stringify(parseDocument(text)).includes('"type":"table"'), true, text);
  }
});
