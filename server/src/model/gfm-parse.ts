import type { Root } from 'mdast';
import type { Extension } from 'micromark-util-types';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { tablesFor } from './table-lines.js';

// GitHub Markdown as the model reads it: tables, strikethrough, task lists
// and footnotes, but not GFM's literal autolinks ("https://…" in running
// text turned into link nodes). Those cost about 30% of a parse (a tokenizer
// hook on every letter plus a find-and-replace pass over every text node), and
// the model needs bare URLs only to leave them out of prose, which
// `bareUrlSpans` does on the few blocks that hold one.

// Each GitHub extension is offered only to a text that holds what its constructs
// start with: otherwise it changes nothing, but costs a merge of its constructs
// into the parser's on every parse and a try at every character it is keyed to
// (strikethrough also resolves every span of text). Tables: see table-lines.ts.
// test/unit/gated-extensions.test.ts checks the trees equal a parse with them all.
const strikethrough = gfmStrikethrough();
const taskList = gfmTaskListItem();
const footnotes = gfmFootnote();
const gfmMdast = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown()];
const yaml = frontmatter(['yaml']);
const yamlMdast = frontmatterFromMarkdown(['yaml']);
const DOCUMENT_MDAST = [...gfmMdast, yamlMdast];
// A task box: "[" then one space, tab, line ending, "x" or "X", then "]".
const TASK_BOX = /\[(?:[\t xX]|\r\n|\n|\r)\]/;

/** The extensions a text can use, in the order a full GitHub parse has them. */
function extensionsFor(text: string, atDocumentStart: boolean): Extension[] {
  const extensions: Extension[] = [];
  const tables = tablesFor(text);
  if (tables) extensions.push(tables);
  if (text.includes('~')) extensions.push(strikethrough);
  if (TASK_BOX.test(text)) extensions.push(taskList);
  // A footnote's definition and its calls both start "[^".
  if (text.includes('[^')) extensions.push(footnotes);
  // Front matter opens with "---" at the very start.
  if (atDocumentStart && text.startsWith('---')) extensions.push(yaml);
  return extensions;
}
// Without GitHub's extensions, for text nested too deeply for them.
const PLAIN = { extensions: [yaml], mdastExtensions: [yamlMdast] };

/** A whole document: front matter, then GitHub Markdown. */
export const parseDocument = (text: string): Root => fromMarkdown(text, { extensions: extensionsFor(text, true), mdastExtensions: DOCUMENT_MDAST });
/** A run of blocks inside a document: no front matter ("---" there is a rule or an underline). */
export const parseFragmentText = (text: string): Root => fromMarkdown(text, { extensions: extensionsFor(text, false), mdastExtensions: gfmMdast });
/** CommonMark and front matter only. */
export const parsePlain = (text: string): Root => fromMarkdown(text, PLAIN);
