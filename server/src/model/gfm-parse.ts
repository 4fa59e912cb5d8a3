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

// Tables are offered per text, where it has a table (see table-lines.ts).
const gfm = [gfmStrikethrough(), gfmTaskListItem(), gfmFootnote()];
const gfmMdast = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmFootnoteFromMarkdown()];
const yaml = frontmatter(['yaml']);
const yamlMdast = frontmatterFromMarkdown(['yaml']);

const DOCUMENT_MDAST = [...gfmMdast, yamlMdast];
const withTables = (text: string, extensions: Extension[]): Extension[] => {
  const tables = tablesFor(text);
  return tables ? [tables, ...extensions] : extensions;
};
// Without GitHub's extensions, for text nested too deeply for them.
const PLAIN = { extensions: [yaml], mdastExtensions: [yamlMdast] };

/** A whole document: front matter, then GitHub Markdown. */
export const parseDocument = (text: string): Root => fromMarkdown(text, { extensions: withTables(text, [...gfm, yaml]), mdastExtensions: DOCUMENT_MDAST });
/** A run of blocks inside a document: no front matter ("---" there is a rule or an underline). */
export const parseFragmentText = (text: string): Root => fromMarkdown(text, { extensions: withTables(text, gfm), mdastExtensions: gfmMdast });
/** CommonMark and front matter only. */
export const parsePlain = (text: string): Root => fromMarkdown(text, PLAIN);
