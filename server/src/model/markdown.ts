import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import type { Root, Nodes, Parents } from 'mdast';
import { LineIndex } from './positions.js';

/** One parse of a document: the tree, a line index and the front matter. */
export interface ParsedMarkdown {
  text: string;
  lines: LineIndex;
  root: Root;
  frontMatter: Record<string, unknown> | null;
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): ParsedMarkdown {
  const root = processor.parse(text);
  return { text, lines: new LineIndex(text), root, frontMatter: readFrontMatter(root) };
}

function readFrontMatter(root: Root): Record<string, unknown> | null {
  const first = root.children[0];
  if (first?.type !== 'yaml') return null;
  try {
    const value: unknown = parseYaml(first.value);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    // Broken front matter is reported by its own rule later; the model just lacks it.
    return null;
  }
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/** Depth-first walk in document order, giving each node with its ancestors. */
export function walk(node: Nodes, visit: (node: Nodes, ancestors: readonly Parents[]) => unknown, ancestors: Parents[] = []): void {
  if (visit(node, ancestors) === false) return;
  if ('children' in node) {
    ancestors.push(node);
    for (const child of node.children) walk(child, visit, ancestors);
    ancestors.pop();
  }
}
