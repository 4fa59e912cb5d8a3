import type { Code, List, ListItem, Paragraph, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type ParsedMarkdown, walk, startOffset, endOffset } from './markdown.js';
import type { SectionSpan } from './sections.js';
import type { ActionItem } from './schema.js';
import { readTimestamps } from '../time/timestamps.js';
import { findTicketIds } from './tickets.js';
import { outerSpans, blocksBySpan } from './outer-spans.js';
import { firstLine, splitLines } from './positions.js';
import { workSpans, namesNoWork, addressesReaders } from './action-item-scope.js';
import { statesMeasure, isGroupLine, namedLine, startsWithOrder } from './measures.js';
import { pastWords, doneInText, type PastWords } from './done-elsewhere.js';
import { allMatches } from '../time/all-matches.js';
import { readAnnouncedFollowUps } from './announced-follow-ups.js';

/** An action item and the offsets fixes need. */
export interface ActionItemSpan {
  item: ActionItem;
  start: number;
  end: number;
  /** Offset where the item's own text starts (after the bullet and checkbox). */
  textStart: number;
  shape: 'list' | 'table' | 'paragraph';
  /** Read from a sentence that announces work, in a report with no action items otherwise. */
  announced?: true;
}

const ISSUE_NUMBER = /(?<![\w&])#(\d+)\b/;
const URL = /\bhttps?:\/\/[^\s<>)\]]+/g;
// A link is a ticket when it points into a tracker: an issue, pull request, Jira key, card or work item.
// Documentation, dashboards and tools are links, not tickets.
const TRACKER_URL = /\/(?:-\/)?(?:issues|pull|pulls|merge_requests|browse|tickets?|workitems|_workitems|work_items|cards?|stories|story|tasks?|bugs?)\/[\w-]+|show_bug\.cgi\?id=\d+|\/c\/\w{6,}|linear\.app\/[^/]+\/issue\/|youtrack|\/projects\/[^/]+\/issues|[?&](?:selectedIssue|issue|ticket)=|\/T\d{3,}\b|\/D\d{3,}\b/i;
const HANDLE = /(?<![\w.])@([A-Za-z0-9][\w.-]*[A-Za-z0-9_])/;
// "The platform team will …", "SRE team to …", "Alice will …": an owner written in prose.
const TEAM_WILL = /(?:^|[.;:—–-]\s+|\(\s*)(?:the\s+)?((?:[A-Z][\w-]*|[a-z][\w-]*)(?:\s+[\w-]+)?\s+(?:team|squad|group|crew|on-?call|guild|chapter|department|engineers?|admins?))\s+(?:also\s+)?(?:will|to|is going to|are going to|owns?|is responsible|are responsible|must|shall|needs? to|has to)\b/i;
// "… by the platform team", "handled by the SRE on-call": the team named as the doer.
const BY_TEAM = /\bby (?:the |our )?((?:[A-Za-z][\w-]*\s+){1,2}(?:team|squad|group|on-?call|guild))\b/i;
const PERSON_WILL = /(?:^|[.;:—–]\s+)([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:will|is going to|owns|to own)\b/;
// "(Alice)", "(Alice Smith)", "(Alice, OPS-12)", "— Bob": a named person beside the item.
const NAMED = /\(\s*([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s*[),;]|\s[—–]\s*([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*$/;
// Words that stand in parentheses without naming anyone.
const NOT_NAMES = /^(?:done|optional|urgent|high|medium|low|critical|complete|completed|pending|ongoing|planned|later|todo|blocked|open|closed|fixed|resolved|in progress|wip|new|next|now|soon|immediate|short term|long term|mid term|recommended|required|proposed|future|phase \w+|step \w+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|prevent|detect|mitigate|process|repair|investigate|prevention|detection|mitigation|yes|no|none|see below|see above|ongoing|partially|partial|maybe|unknown|tbd|all|both|everyone|we|us|team)$/i;
// Marks that say an item is finished: ✅, "(done)", "DONE", "[done]", "Status: completed".
const DONE_MARK = /[✅✔☑]|\((?:done|completed?|fixed|resolved|implemented|shipped|deployed)\)|\[(?:done|completed?)\]|(?<![\w-])DONE\b|\bstatus\s*[:=]\s*(?:done|closed|completed?|fixed|resolved)\b|^\s*(?:done|completed?|fixed)\s*[:—–-]/i;
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
  const trimmed = word.trim();
  for (const [type, pattern] of TYPE_WORDS) if (pattern.test(trimmed)) return type;
  return trimmed === '' ? null : 'other';
}

function dueOf(text: string): string | null {
  const marker = DUE.exec(text);
  if (!marker) return null;
  const stamp = readTimestamps(text.slice(marker.index + marker[0].length))[0];
  if (!stamp?.date || stamp.start > 2) return null;
  const { year, month, day } = stamp.date;
  return `${year ?? '????'}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Derived = NonNullable<ActionItem['derived']>;

/** The first link into a tracker, among the text's own URLs and the destinations of its reference links. */
function trackerLink(text: string, references: readonly string[]): string | null {
  // (Most items hold no URL: no scan is set up for them.)
  if (text.includes('http')) for (const match of allMatches(text, URL)) {
    if (!TRACKER_URL.test(match[0])) continue;
    // Trailing punctuation belongs to the sentence; trimmed by hand, as a "[.,;:]+$" scan restarts at every mark of a run.
    let end = match[0].length;
    while (end > 0 && '.,;:'.includes(match[0][end - 1]!)) end--;
    return match[0].slice(0, end);
  }
  return references.find((url) => TRACKER_URL.test(url)) ?? null;
}

/** An owner written in prose: a team or person that "will" do it, or a name in parentheses. */
export function proseOwner(text: string): string | null {
  const team = TEAM_WILL.exec(text);
  if (team && !/^(?:we|you|they|it|this|that|the|our)\b/i.test(team[1]!)) return team[1]!.replace(/^the\s+/i, '').trim();
  const byTeam = BY_TEAM.exec(text);
  if (byTeam && !/^(?:the|a|an|this|that|any|every|whole|entire)\s/i.test(byTeam[1]!)) return byTeam[1]!.trim();
  // Each of the last two needs its own words or marks (case-sensitive patterns): most items have neither.
  const person = text.includes('will') || text.includes('going to') || text.includes('own') ? PERSON_WILL.exec(text) : null;
  if (person && !NOT_NAMES.test(person[1]!) && !/^(?:We|This|That|It|They|There|Which|What|Who|The|Our|Teams?)$/.test(person[1]!)) return person[1]!;
  const named = text.includes('(') || text.includes('—') || text.includes('–') ? NAMED.exec(text) : null;
  const name = named ? (named[1] ?? named[2])! : null;
  return name && !NOT_NAMES.test(name) ? name : null;
}

/** Owner, ticket, priority, type and due date from an item's free text. */
function fromText(text: string, references: readonly string[] = []): Omit<ActionItem, 'text' | 'status' | 'range' | 'derived'> & { ownerFrom: Derived['owner']; ticketFrom: Derived['ticket'] } {
  const ticketId = findTicketIds(text)[0];
  // A "#" or an "@" is rare in an item: looked for before the patterns that need one.
  const issueNumber = text.includes('#') ? ISSUE_NUMBER.exec(text) : null;
  const link = ticketId || issueNumber ? null : trackerLink(text, references);
  const handle = text.includes('@') ? HANDLE.exec(text) : null;
  // A field ("owner: …", "type = …", "[prevent]") needs its mark: most items have none, and are not scanned for one.
  const fieldMark = text.includes(':') || text.includes('=');
  const ownerPhrase = fieldMark || text.includes('-') ? OWNER_PHRASE.exec(text) : null;
  const prose = handle || ownerPhrase ? null : proseOwner(text);
  const priority = PRIORITY.exec(text);
  const typeTag = fieldMark || text.includes('[') ? TYPE_TAG.exec(text) : null;
  return {
    owner: handle ? `@${handle[1]}` : ownerPhrase ? ownerPhrase[1]!.trim() : prose,
    ownerFrom: handle ? 'handle' : ownerPhrase ? 'field' : prose ? 'prose' : null,
    ticket: ticketId ? ticketId.text : issueNumber ? `#${issueNumber[1]}` : link,
    ticketFrom: ticketId ? 'id' : issueNumber ? 'issue-number' : link ? 'tracker-link' : null,
    priority: priority ? (priority[1] ?? priority[2] ?? priority[3]!).toUpperCase().replace(/^(HIGH|MEDIUM|LOW|URGENT|CRITICAL)$/, (word) => `${word.charAt(0)}${word.slice(1).toLowerCase()}`) : null,
    type: typeTag ? typeOf(typeTag[1] ?? typeTag[2] ?? '') : null,
    due: dueOf(text),
  };
}

// Sub-sections of an action-items section that hold no work to do: what went well or wrong, lessons, what was already done.
const NOT_WORK_KINDS = new Set(['lessons', 'timeline', 'response', 'resolution', 'summary', 'impact', 'root-cause', 'trigger', 'detection']);
const OWNER_KEYS = /^(?:owners?|assignees?|assigned to|action owners?|dri)$/i;

/** Reference-style link destinations by label: "[ticket][1]" and "[1]: https://…". */
function definitions(doc: ParsedMarkdown): Map<string, string> {
  const found = new Map<string, string>();
  for (const node of doc.root.children) if (node.type === 'definition') found.set(node.identifier.toLowerCase(), node.url);
  return found;
}

export function readActionItems(doc: ParsedMarkdown, spans: readonly SectionSpan[]): ActionItemSpan[] {
  const items = readWorkSections(doc, spans);
  return items.length > 0 ? items : announcedItems(doc, spans);
}

/** A report with no action items may still promise work in prose: each such sentence is its item. */
function announcedItems(doc: ParsedMarkdown, spans: readonly SectionSpan[]): ActionItemSpan[] {
  return readAnnouncedFollowUps(doc, spans).map(({ text, start, end }) => {
    const { ownerFrom, ticketFrom, ...read } = fromText(doc.text.slice(start, end));
    return {
      item: { text, status: null, ...read, range: doc.lines.range(start, end), derived: { owner: ownerFrom, ticket: ticketFrom, status: null } },
      start,
      end,
      textStart: start,
      shape: 'paragraph' as const,
      announced: true as const,
    };
  });
}

function readWorkSections(doc: ParsedMarkdown, spans: readonly SectionSpan[]): ActionItemSpan[] {
  const items: ActionItemSpan[] = [];
  const outer = outerSpans(workSpans(doc, spans));
  if (outer.length === 0) return items;
  const blocks = blocksBySpan(doc.root.children, outer);
  // Inside the work sections, sub-sections that are lessons or what was done are skipped: by kind or by words, not task labels.
  // (Where first: most spans are outside the work sections, and their headings need no reading.)
  const skipped = spans.filter(
    (span) =>
      outer.some((work) => span.start > work.start && span.end <= work.end) &&
      (namesNoWork(span.section.heading) || (NOT_WORK_KINDS.has(span.section.kind) && !startsWithOrder(span.section.heading))),
  );
  const inSkipped = (offset: number): boolean => skipped.some((span) => offset >= span.start && offset < span.end);
  const references = definitions(doc);
  // "owner: …" or "assignee: …" in front matter owns every item that names no one.
  const frontMatter = doc.frontMatter ?? {};
  const frontOwnerKey = Object.keys(frontMatter).find((key) => OWNER_KEYS.test(key));
  const frontOwnerValue = frontOwnerKey ? frontMatter[frontOwnerKey] : undefined;
  const frontOwner = typeof frontOwnerValue === 'string' && frontOwnerValue.trim() !== '' ? frontOwnerValue.trim() : Array.isArray(frontOwnerValue) && typeof frontOwnerValue[0] === 'string' ? frontOwnerValue.join(', ') : null;
  let past: PastWords | undefined;
  const pastOnce = (): PastWords => (past ??= pastWords(doc, spans));
  for (const span of outer) {
    // "The platform team will carry out the following:" before a list owns its items.
    let introOwner: string | null = null;
    // "Node operators should do the following:" or "you can follow the steps below": advice to readers, not the team's work.
    let advice = false;
    for (const node of blocks.get(span) ?? []) {
      if (inSkipped(startOffset(node))) continue;
      const before = items.length;
      if (advice && node.type !== 'heading' && node.type !== 'list') continue;
      if (node.type === 'code' && node.lang == null && /^(?: {4}|\t)/.test(doc.lines.lineText(doc.lines.positionAt(startOffset(node)).line))) {
        // Lines indented by mistake after a blank line read as code to Markdown, as text to a reader.
        readMeasures(doc, node, items, references, 2);
      } else if (node.type === 'paragraph') {
        const text = toString(node);
        if (readMeasures(doc, node, items, references) === 0) {
          introOwner = proseOwner(text);
          advice = addressesReaders(text);
          continue;
        }
      } else if (node.type === 'list') {
        if (!advice) readList(doc, node, items, references);
      } else if (node.type === 'table') readTable(doc, node, items, references);
      // (By index: most blocks add no item, and a copy of the new ones per block is garbage.)
      for (let index = before; index < items.length; index++) {
        const added = items[index]!;
        if (added.item.status === null && doneInText(added.item.text, pastOnce)) added.item = { ...added.item, status: 'done', derived: { ...added.item.derived!, status: 'timeline' } };
        if (added.item.owner !== null) continue;
        const owner = introOwner ?? frontOwner;
        if (owner) added.item = { ...added.item, owner, derived: { ...added.item.derived!, owner: introOwner ? 'list-intro' : 'front-matter' } };
      }
      // Advice runs to the end of its list, or to the next heading; an intro's owner runs to the end of its list.
      if (node.type === 'heading') advice = false;
      else if (node.type === 'list' || node.type === 'table') {
        introOwner = null;
        advice = false;
      }
    }
  }
  return items;
}

/** The items of a list: group labels lead to their sub-items (or to none, over what went well or was done); an item's own sub-bullets detail it. */
function readList(doc: ParsedMarkdown, list: List, items: ActionItemSpan[], references: ReadonlyMap<string, string>, parent: ActionItemSpan | null = null, depth = 0): void {
  for (const child of list.children) {
    const paragraph = child.children[0];
    const sublists = child.children.filter((node): node is List => node.type === 'list');
    const own = paragraph?.type === 'paragraph' ? toString(paragraph, { includeHtml: false }).trim() : '';
    if (paragraph?.type === 'paragraph' && isLabel(doc, paragraph, own)) {
      if (!namesNoWork(own)) for (const sub of sublists) readList(doc, sub, items, references, parent, depth + 1);
      continue;
    }
    const before = items.length;
    readListItem(doc, child, depth > 0, items, references, own);
    const added = items.length > before ? items[items.length - 1]! : null;
    if (added && parent) inherit(added, parent);
    // Sub-bullets under an item written out in full (more than one sentence) detail it: the item counts once.
    if (added && sentences(own) >= 2) continue;
    for (const sub of sublists) readList(doc, sub, items, references, added ?? parent, depth + 1);
  }
}

/** A list item's first paragraph that only names a group ("**Tasks**:", "Short term:"), not an item. */
function isLabel(doc: ParsedMarkdown, paragraph: Paragraph, text: string): boolean {
  const raw = firstLine(doc.text.slice(startOffset(paragraph), endOffset(paragraph)));
  return GROUP_LABEL.test(raw) || (/:\s*-?$/.test(text) && text.split(/\s+/).length <= 6);
}

// Three words or more: what a part of the text needs to count as a sentence (tested, not split into words).
const THREE_WORDS = /^\s*\S+\s+\S+\s+\S/;

function sentences(text: string): number {
  // With no mark that ends one, the text is one part: most items are a single sentence with no full stop inside.
  if (!text.includes('.') && !text.includes('!') && !text.includes('?')) return THREE_WORDS.test(text) ? 1 : 0;
  return text.split(/[.!?](?:\s+|$)/).filter((part) => THREE_WORDS.test(part)).length;
}

/** A sub-item is part of its parent's work: it has the parent's owner, ticket and done state unless it says otherwise. */
function inherit(child: ActionItemSpan, parent: ActionItemSpan): void {
  const item = child.item;
  const from = item.derived!;
  child.item = {
    ...item,
    owner: item.owner ?? parent.item.owner,
    ticket: item.ticket ?? parent.item.ticket,
    status: item.status ?? (parent.item.status === 'done' ? 'done' : item.status),
    derived: {
      owner: from.owner ?? (item.owner === null && parent.item.owner !== null ? 'parent' : null),
      ticket: from.ticket ?? (item.ticket === null && parent.item.ticket !== null ? 'parent' : null),
      status: from.status ?? (item.status === null && parent.item.status === 'done' ? 'parent' : null),
    },
  };
}

/**
 * Measures written as lines or paragraphs under a corrective heading: each
 * line that states one is an item when two or more lines of the paragraph do;
 * else the paragraph is one item when its first line states one. Returns how
 * many were read.
 */
function readMeasures(doc: ParsedMarkdown, paragraph: Paragraph | Code, items: ActionItemSpan[], references: ReadonlyMap<string, string>, least = 1): number {
  const start = startOffset(paragraph);
  const end = endOffset(paragraph);
  const lines = splitLines(doc.text.slice(start, end)).filter((line) => line.text.trim() !== '');
  const measures = lines.filter((line) => statesMeasure(line.text));
  if (measures.length < least) return 0;
  // Two lines that each open with an order are items of their own (hard-wrapped prose continues in lower case).
  const perLine = measures.length >= 2;
  // "The team will do the following:" introduces a list; it is not a measure itself.
  if (!perLine && isGroupLine(doc.text.slice(start, end))) return 0;
  const picked = perLine ? lines.filter((line) => statesMeasure(line.text) || namedLine(line.text)) : statesMeasure(lines[0]!.text) ? [lines[0]!] : [];
  const urls = referenceUrls(paragraph, references);
  for (const line of picked) {
    const lineStart = start + line.start;
    const lineEnd = perLine ? start + line.start + line.text.trimEnd().length : end;
    const raw = doc.text.slice(lineStart, lineEnd);
    const text = raw.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
    const marked = DONE_MARK.test(raw);
    const { ownerFrom, ticketFrom, ...read } = fromText(raw, urls);
    items.push({
      item: { text, status: marked ? 'done' : null, ...read, range: doc.lines.range(lineStart, start + line.start + line.text.trimEnd().length), derived: { owner: ownerFrom, ticket: ticketFrom, status: marked ? 'marker' : null } },
      start: lineStart,
      end: lineEnd,
      textStart: lineStart + (raw.length - raw.trimStart().length),
      shape: 'paragraph',
    });
  }
  return picked.length;
}

/** The destinations of a node's reference links, resolved from the document's definitions. */
function referenceUrls(node: Parameters<typeof walk>[0], references: ReadonlyMap<string, string>): string[] {
  if (references.size === 0) return [];
  const urls: string[] = [];
  walk(node, (child) => {
    if (child.type === 'linkReference') {
      const url = references.get(child.identifier.toLowerCase());
      if (url) urls.push(url);
    }
  });
  return urls;
}

// A sub-bullet that only describes its parent item: "  - owner: @netops, ticket: NET-88".
const ATTRIBUTE = /^\s*(?:\*\*|__)?(?:owners?|assignee|dri|tickets?|bug|issue|due|deadline|priority|type|status)(?:\*\*|__)?\s*[:=]/i;

/** `words`: the text of the item's first paragraph, as its list read it. */
function readListItem(doc: ParsedMarkdown, item: ListItem, nested: boolean, items: ActionItemSpan[], references: ReadonlyMap<string, string>, words: string): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return;
  const textStart = startOffset(paragraph);
  // The end of the first line's content, before its line break.
  const firstLineEnd = doc.lines.lineEnd(doc.lines.positionAt(textStart).line);
  const end = endOffset(paragraph);
  const own = doc.text.slice(textStart, end);
  if (nested && ATTRIBUTE.test(own)) return;
  // The item's attribute sub-bullets belong to it.
  let raw = own;
  for (const child of item.children) {
    if (child.type !== 'list') continue;
    for (const sub of child.children) {
      const first = sub.children[0];
      if (first?.type !== 'paragraph') continue;
      const text = doc.text.slice(startOffset(first), endOffset(first));
      if (ATTRIBUTE.test(text)) raw += `\n${text}`;
    }
  }
  const text = words.replace(/\s+/g, ' ').trim();
  if (text === '') return;
  // Struck through: the whole item, or all of it but a trailing note ("~~Add alerts~~ (done)").
  const struck = paragraph.children[0]?.type === 'delete' && paragraph.children.slice(1).every((child) => child.type === 'text' && /^[\s.,;:()\w-]{0,40}$/.test(child.value));
  const marked = DONE_MARK.test(raw);
  const status: ActionItem['status'] = item.checked === true || struck || marked ? 'done' : item.checked === false ? 'open' : null;
  const statusFrom: Derived['status'] = item.checked === true ? 'checkbox' : struck ? 'struck' : marked ? 'marker' : item.checked === false ? 'checkbox' : null;
  const { ownerFrom, ticketFrom, ...read } = fromText(raw, referenceUrls(paragraph, references));
  items.push({
    item: { text, status, ...read, range: doc.lines.range(startOffset(item), firstLineEnd > 0 && firstLineEnd < end ? firstLineEnd : end), derived: { owner: ownerFrom, ticket: ticketFrom, status: statusFrom } },
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

function readTable(doc: ParsedMarkdown, table: Table, items: ActionItemSpan[], references: ReadonlyMap<string, string>): void {
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
    const urls = referenceUrls(row, references);
    const parsed = fromText(doc.text.slice(startOffset(row), endOffset(row)), urls);
    const status = cell(columns.status);
    const ticketCell = columns.ticket >= 0 ? fromText(rawCell(columns.ticket), urls) : null;
    // A ticket column's own words ("Bug 5554823") count when no id or link is there.
    const ticketText = ticketCell?.ticket ?? (cell(columns.ticket).replace(/^[-–—]$|^(?:n\/?a|none|tbd|todo)$/i, '') || null);
    const ownerText = cell(columns.owner).replace(/^[-–—]$|^(?:n\/?a|none|tbd|todo|\?+)$/i, '');
    const statusDone = /^(?:done|closed|complete(?:d)?|fixed|resolved|yes|shipped|deployed|implemented|✅|✔️?|\[x\])$/i.test(status);
    const textDone = DONE_MARK.test(text);
    items.push({
      item: {
        text,
        owner: ownerText || parsed.owner,
        ticket: ticketText ?? parsed.ticket,
        priority: cell(columns.priority) || parsed.priority,
        type: columns.type >= 0 ? typeOf(cell(columns.type)) : parsed.type,
        due: cell(columns.due) || parsed.due,
        status: statusDone || textDone ? 'done' : status === '' ? null : 'open',
        range: doc.lines.range(startOffset(row), endOffset(row)),
        derived: {
          owner: ownerText ? 'column' : parsed.ownerFrom,
          ticket: ticketText ? (ticketCell?.ticketFrom ?? 'column') : parsed.ticketFrom,
          status: status !== '' ? 'column' : textDone ? 'marker' : null,
        },
      },
      start: startOffset(row),
      end: endOffset(row),
      textStart: startOffset(row.children[columns.text] ?? row),
      shape: 'table',
    });
  }
}
