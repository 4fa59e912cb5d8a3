// fast-check arbitraries for nested postmortem shapes: sections of any kind at
// any level in any order (a Timeline inside Action Items and the reverse),
// lists nested in lists (ordered, unordered, task lists) whose items are
// timeline entries, action items or prose, tables, block quotes holding any
// of these, and timeline entries at every depth.
import fc from 'fast-check';

/** Headings that name each kind of section the engine knows, and some it does not. */
const SECTION_HEADINGS = [
  'Summary',
  'Impact',
  'Root Cause',
  'Trigger',
  'Detection',
  'Resolution',
  'Timeline',
  'Timeline (UTC)',
  'Action Items',
  'Follow-ups',
  'Lessons Learned',
  'What went well',
  'Supporting Information',
  'Notes',
];

const TIMES = ['10:00', '10:05 UTC', '09:58', '2024-04-10 11:30 UTC', '2024-04-10T12:00:00Z', '3:15 PM', '~10:20', '23:59', '00:01', '10:00 - 10:30'];
const TEXTS = [
  'Rotate the database credentials',
  'Impact begins: checkout errors',
  'Detected by the error-rate alert',
  'Mitigated by rolling back',
  'Resolved',
  'Add an alert on queue depth (owner: @alice) ABC-123',
  'Document the runbook @bob',
  '**Duration**: 1h 5m',
  '**Impact**: 12% of requests failed',
  'See [the dashboard](https://example.com/d)',
  '`10:00` in code',
  'TODO',
  '',
];

const time = fc.constantFrom(...TIMES);
const text = fc.constantFrom(...TEXTS);

/** One line of content: a timeline entry, an action item, a field or prose. */
const line = fc.oneof(
  fc.tuple(time, fc.constantFrom(' ', ': ', ' - ', ' | '), text).map(([t, sep, x]) => `${t}${sep}${x}`),
  text,
  fc.tuple(fc.constantFrom('**Owner**', '**Status**', 'Severity', '**Start**'), fc.constantFrom('@carol', 'done', 'SEV-2', '10:00 UTC')).map(([label, value]) => `${label}: ${value}`),
);

type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: ListItem[]; marker: string } | { kind: 'table'; header: readonly string[]; rows: string[][] } | { kind: 'quote'; blocks: Block[] };
interface ListItem {
  text: string;
  task: '' | '[ ] ' | '[x] ';
  children: Block[];
}

const { block } = fc.letrec<{ block: Block; list: Block; quote: Block; item: ListItem }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 2, arbitrary: line.map((t): Block => ({ kind: 'paragraph', text: t })) },
    { weight: 4, arbitrary: tie('list') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(['Time', 'Event'], ['Action', 'Owner', 'Ticket'], ['When', 'What']), fc.array(fc.array(fc.oneof(time, text), { maxLength: 4 }), { maxLength: 4 }))
        .map(([header, rows]): Block => ({ kind: 'table', header, rows })),
    },
    { weight: 1, arbitrary: tie('quote') },
  ),
  list: fc
    .tuple(fc.constantFrom('-', '*', '+', '1.', '1)'), fc.array(tie('item'), { minLength: 1, maxLength: 4 }))
    .map(([marker, items]): Block => ({ kind: 'list', marker, items })),
  quote: fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((blocks): Block => ({ kind: 'quote', blocks })),
  item: fc
    .record({ text: line, task: fc.constantFrom<ListItem['task']>('', '', '[ ] ', '[x] '), children: fc.array(tie('block'), { maxLength: 2 }) })
    .map((item): ListItem => item),
}));

function indent(lines: string[], prefix: string, first: string): string[] {
  return lines.map((text, i) => (i === 0 ? first : text === '' ? '' : prefix) + text);
}

function render(value: Block): string[] {
  switch (value.kind) {
    case 'paragraph':
      return [value.text === '' ? 'Nothing yet.' : value.text];
    case 'table':
      return [`| ${value.header.join(' | ')} |`, `|${value.header.map(() => ' --- ').join('|')}|`, ...value.rows.map((row) => `| ${row.join(' | ')} |`)];
    case 'quote':
      return value.blocks.flatMap((inner, i) => [...(i > 0 ? [''] : []), ...render(inner)]).map((text) => (text === '' ? '>' : `> ${text}`));
    case 'list': {
      const out: string[] = [];
      value.items.forEach((item, i) => {
        const marker = value.marker.startsWith('1') ? `${i + 1}${value.marker.slice(1)} ` : `${value.marker} `;
        const pad = ' '.repeat(marker.length);
        out.push(`${marker}${item.task}${item.text}`);
        for (const child of item.children) out.push(...indent(render(child), pad, pad));
      });
      return out;
    }
  }
}

export interface NestedSection {
  level: number;
  heading: string;
  blocks: Block[];
}

const section: fc.Arbitrary<NestedSection> = fc.record({
  level: fc.integer({ min: 1, max: 6 }),
  heading: fc.constantFrom(...SECTION_HEADINGS),
  blocks: fc.array(block, { maxLength: 3 }),
});

/** A postmortem whose sections nest in any order and depth, with nested lists, tables, quotes and entries inside. */
export const nestedPostmortem: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(section, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'))
  .map(([titled, sections, eol]) => {
    const lines: string[] = titled ? ['# Postmortem: nested shapes', ''] : [];
    for (const part of sections) {
      lines.push(`${'#'.repeat(part.level)} ${part.heading}`, '');
      for (const inner of part.blocks) lines.push(...render(inner), '');
    }
    return lines.join(eol);
  });
