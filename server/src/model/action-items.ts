import type { ListItem, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type ParsedMarkdown, walk, startOffset, endOffset } from './markdown.js';
import type { SectionSpan } from './sections.js';
import type { ActionItem } from './schema.js';
import { findTimestamps } from '../time/timestamps.js';
import { findTicketIds } from './tickets.js';
import { outerSpans, blocksBySpan } from './outer-spans.js';
import { firstLine } from './positions.js';

/** An action item and the offsets fixes need. */
export interface ActionItemSpan {
  item: ActionItem;
  start: number;
  end: number;
  /** Offset where the item's own text starts (after the bullet and checkbox). */
  textStart: number;
  shape: 'list' | 'table';
}

const TICKET_REF = /(?<![\w&])#(\d+)\b|\b(https?:\/\/\S+?)(?=[)\s>\]]|$)/;
const HANDLE = /(?<![\w.])@([A-Za-z0-9][\w.-]*[A-Za-z0-9_])/;
const OWNER_PHRASE = /\b(?:owner|owners|assignee|assigned to|who|dri)\s*[:=-]\s*(@?[A-Za-z][\w.-]*(?: [A-Z][a-z]+)?)/i;
const PRIORITY = /\b(P[0-4])\b|\bpriority\s*[:=-]?\s*(high|medium|low|urgent|critical|p[0-4])\b|\[(high|medium|low)\]/i;
const TYPE_WORDS: ReadonlyArray<readonly [NonNullable<ActionItem['type']>, RegExp]> = [
  ['prevent', /^prevent(?:ion|ive|ative)?$/i],
  ['mitigate', /^mitigat(?:e|ion)$/i],
  ['detect', /^detect(?:ion)?$|^monitor(?:ing)?$|^alert(?:ing)?$/i],
  ['process', /^process$|^documentation$|^training$/i],
  ['repair', /^repair$|^fix$/i],
  ['investigate', /^investigat(?:e|ion)$/i],
];
const TYPE_TAG = /\[(prevent(?:ion|ive)?|mitigat(?:e|ion)|detect(?:ion)?|process|repair|investigat(?:e|ion))\]|\btype\s*[:=]\s*(\w+)/i;
const DUE = /\b(?:due|by|deadline)\s*[:=]?\s*/i;
// A label line that groups items ("**Improvements**:", "**Tasks**:"), not an item itself.
const GROUP_LABEL = /^\s*(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)\s*:?\s*$/;

function typeOf(word: string): ActionItem['type'] {
  for (const [type, pattern] of TYPE_WORDS) if (pattern.test(word.trim())) return type;
  return word.trim() === '' ? null : 'other';
}

function dueOf(text: string): string | null {
  const marker = DUE.exec(text);
  if (!marker) return null;
  const stamp = findTimestamps(text.slice(marker.index + marker[0].length))[0];
  if (!stamp?.date || stamp.start > 2) return null;
  const { year, month, day } = stamp.date;
  return `${year ?? '????'}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Owner, ticket, priority, type and due date from an item's free text. */
function fromText(text: string): Omit<ActionItem, 'text' | 'status' | 'range'> {
  const ticketId = findTicketIds(text)[0];
  const ticketRef = TICKET_REF.exec(text);
  const handle = HANDLE.exec(text);
  const ownerPhrase = OWNER_PHRASE.exec(text);
  const priority = PRIORITY.exec(text);
  const typeTag = TYPE_TAG.exec(text);
  return {
    owner: handle ? `@${handle[1]}` : ownerPhrase ? ownerPhrase[1]!.trim() : null,
    ticket: ticketId ? ticketId.text : ticketRef ? (ticketRef[1] ? `#${ticketRef[1]}` : ticketRef[2]!) : null,
    priority: priority ? (priority[1] ?? priority[2] ?? priority[3]!).toUpperCase().replace(/^(HIGH|MEDIUM|LOW|URGENT|CRITICAL)$/, (word) => `${word.charAt(0)}${word.slice(1).toLowerCase()}`) : null,
    type: typeTag ? typeOf(typeTag[1] ?? typeTag[2] ?? '') : null,
    due: dueOf(text),
  };
}

export function readActionItems(doc: ParsedMarkdown, spans: readonly SectionSpan[]): ActionItemSpan[] {
  const items: ActionItemSpan[] = [];
  const sections = spans.filter((span) => span.section.kind === 'action-items');
  const outer = outerSpans(sections);
  const blocks = blocksBySpan(doc.root.children, outer);
  for (const span of outer) {
    for (const node of blocks.get(span) ?? []) {
      if (node.type === 'list') {
        walk(node, (child, ancestors) => {
          if (child.type === 'listItem') readListItem(doc, child, ancestors.some((ancestor) => ancestor.type === 'listItem'), items);
        });
      } else if (node.type === 'table') readTable(doc, node, items);
    }
  }
  return items;
}

// A sub-bullet that only describes its parent item: "  - owner: @netops, ticket: NET-88".
const ATTRIBUTE = /^\s*(?:\*\*|__)?(?:owners?|assignee|dri|tickets?|bug|issue|due|deadline|priority|type|status)(?:\*\*|__)?\s*[:=]/i;

function readListItem(doc: ParsedMarkdown, item: ListItem, nested: boolean, items: ActionItemSpan[]): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return;
  const textStart = startOffset(paragraph);
  // The end of the first line's content, before its line break.
  const firstLineEnd = doc.lines.lineEnd(doc.lines.positionAt(textStart).line);
  const end = endOffset(paragraph);
  const own = doc.text.slice(textStart, end);
  if (GROUP_LABEL.test(firstLine(own))) return;
  if (nested && ATTRIBUTE.test(own)) return;
  // The item's attribute sub-bullets belong to it.
  const attributes = item.children
    .flatMap((child) => (child.type === 'list' ? child.children : []))
    .map((sub) => sub.children[0])
    .filter((first) => first?.type === 'paragraph')
    .map((first) => doc.text.slice(startOffset(first), endOffset(first)))
    .filter((text) => ATTRIBUTE.test(text));
  const raw = [own, ...attributes].join('\n');
  const text = toString(paragraph, { includeHtml: false }).replace(/\s+/g, ' ').trim();
  if (text === '') return;
  const struck = paragraph.children.length === 1 && paragraph.children[0]?.type === 'delete';
  const status: ActionItem['status'] = item.checked === true || struck ? 'done' : item.checked === false ? 'open' : null;
  items.push({
    item: { text, status, ...fromText(raw), range: doc.lines.range(startOffset(item), firstLineEnd > 0 && firstLineEnd < end ? firstLineEnd : end) },
    start: startOffset(item),
    end,
    textStart,
    shape: 'list',
  });
}

const COLUMN_PATTERNS = {
  text: /^(?:action(?: items?)?|items?|tasks?|description|what|remediation|follow-?ups?|corrective actions?)$/i,
  owner: /^(?:owners?|who|assignee|dri|responsible)$/i,
  ticket: /^(?:bug|tickets?|issues?|links?|jira|tracking|ref(?:erence)?)$/i,
  priority: /^(?:priority|prio|severity)$/i,
  type: /^(?:type|kind|category)$/i,
  due: /^(?:due(?: date)?|deadline|by|target date|eta)$/i,
  status: /^(?:status|state|done)$/i,
};

function readTable(doc: ParsedMarkdown, table: Table, items: ActionItemSpan[]): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const headings = header.children.map((cell) => toString(cell).trim());
  const column = (pattern: RegExp): number => headings.findIndex((heading) => pattern.test(heading));
  const columns = Object.fromEntries(Object.entries(COLUMN_PATTERNS).map(([name, pattern]) => [name, column(pattern)])) as Record<keyof typeof COLUMN_PATTERNS, number>;
  if (columns.text < 0) columns.text = 0;
  for (const row of rows) {
    const cell = (index: number): string => (index >= 0 ? toString(row.children[index] ?? { type: 'text', value: '' }, { includeHtml: false }).trim() : '');
    const rawCell = (index: number): string => {
      const node = index >= 0 ? row.children[index] : undefined;
      return node ? doc.text.slice(startOffset(node), endOffset(node)) : '';
    };
    const text = cell(columns.text);
    if (text === '' || /^[-–—.]*$/.test(text)) continue;
    const parsed = fromText(doc.text.slice(startOffset(row), endOffset(row)));
    const status = cell(columns.status);
    items.push({
      item: {
        text,
        owner: cell(columns.owner) || parsed.owner,
        ticket: fromText(rawCell(columns.ticket)).ticket ?? (cell(columns.ticket) || parsed.ticket),
        priority: cell(columns.priority) || parsed.priority,
        type: columns.type >= 0 ? typeOf(cell(columns.type)) : parsed.type,
        due: cell(columns.due) || parsed.due,
        status: status === '' ? null : /^(?:done|closed|complete(?:d)?|fixed|resolved|yes|✅|\[x\])$/i.test(status) ? 'done' : 'open',
        range: doc.lines.range(startOffset(row), endOffset(row)),
      },
      start: startOffset(row),
      end: endOffset(row),
      textStart: startOffset(row.children[columns.text] ?? row),
      shape: 'table',
    });
  }
}
