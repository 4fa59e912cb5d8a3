import type { Nodes, Parents } from 'mdast';
import type { Point } from 'unist';
import type { LineIndex } from './positions.js';

// Reading and moving positions in an mdast tree.

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

/**
 * Depth-first walk in document order, giving each node with its ancestors;
 * returning false from `visit` skips a node's children. Iterative, so ten
 * thousand nested lists cannot overflow the stack.
 */
export function walk(node: Nodes, visit: (node: Nodes, ancestors: readonly Parents[]) => unknown): void {
  // The ancestors double as the stack, with the index of each one's next child beside it: no object or closure per node.
  const ancestors: Parents[] = [];
  const next: number[] = [];
  if (visit(node, ancestors) === false || !('children' in node)) return;
  ancestors.push(node);
  next.push(0);
  while (ancestors.length > 0) {
    const top = ancestors.length - 1;
    const index = next[top]!;
    const child = ancestors[top]!.children[index];
    if (child === undefined) {
      ancestors.pop();
      next.pop();
      continue;
    }
    next[top] = index + 1;
    if (visit(child, ancestors) === false || !('children' in child)) continue;
    ancestors.push(child);
    next.push(0);
  }
}


export function hasDefinitions(node: Nodes): boolean {
  let found = false;
  walk(node, (child) => {
    if (child.type === 'definition' || child.type === 'footnoteDefinition') found = true;
    return !found;
  });
  return found;
}

export function shiftPoint(point: Point | undefined, offset: number, lines: number): void {
  if (!point) return;
  if (point.offset !== undefined) point.offset += offset;
  point.line += lines;
}

/** Moves a node and everything in it by `offset` characters and `lines` lines (the columns stay: whole lines moved). */
export function shift(node: Nodes, offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  walk(node, (child) => {
    shiftPoint(child.position?.start, offset, lines);
    shiftPoint(child.position?.end, offset, lines);
  });
}

/** Where a root ends, as the parser puts it: after the last character of the text the line index covers. */
export function endPoint(lines: LineIndex): Point {
  const end = lines.positionAt(lines.text.length);
  return { line: end.line + 1, column: end.character + 1, offset: lines.text.length };
}
