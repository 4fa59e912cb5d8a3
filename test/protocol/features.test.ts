// Every language-server feature against the server core (in-process, over an in-memory connection), with exact
// results on realistic postmortems (the seed and its variants, the corpus,
// the examples). Positions are found in the documents by their text, so an
// edit elsewhere in a document does not shift the expectations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  MessageType,
  type CodeAction,
  type CodeLens,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InProcessServer } from '../support/in-process-server.js';
import { CORPUS, expectedFindings, readFixture } from '../support/fixtures.js';
import { OutlineRequest, type OutlineResult } from '../../server/src/protocol.js';

// ---------------------------------------------------------------------------
// Documents

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLES = join(REPO, 'examples', 'postmortems');
const corpus = (name: string): string => readFileSync(join(CORPUS, name), 'utf8');
const example = (name: string): string => readFileSync(join(EXAMPLES, name), 'utf8');

const SEED = readFixture('load-balancer-coffee-break.md');
const SWAPPED = readFixture('seed-variants/swapped-entries.md');
const NO_DURATION = readFixture('seed-variants/no-duration.md');
const DNS = example('2024-06-12-dns-resolver-outage.md');
const CHECKOUT = example('2023-02-01-checkout-latency.md');
const PAGERDUTY = corpus('pagerduty-webhook-delays.md');
const AUTH = corpus('auth-login-failures-eu-west.md');
const BILLING = corpus('billing-usage-export-late.md');
const REDIS = corpus('redis-session-store-failover.md');
const CDN = corpus('cdn-static-assets-404.md');

/** A generic postmortem with multi-line timeline entries (a wrapped line, nested notes), a SEV and a UTC offset in its prose. */
const SEARCH = `# Postmortem: search latency after the 7.3.0 deploy

**Date:** 2024-03-12
**Duration:** 29 minutes (14:02 to 14:31 UTC)
**Severity:** SEV-2
**Status:** Draft

## Summary

Search requests slowed down after search-api 7.3.0 shipped with a smaller
connection pool. Customers in UTC-5 saw it during their morning peak.

## Impact

- 18% of search requests took longer than 2 seconds.
- 4,200 requests timed out.

## Root Cause

The 7.3.0 release lowered the default pool size from 64 to 8, and our config
did not set it.

## Timeline

All times UTC.

- 14:02 — Deploy of search-api 7.3.0 begins.
- 14:09 — p99 latency alert fires for search-api; the on-call engineer
  acknowledges it and opens the deploy dashboard.
- 14:20 — Rollback started.
  - Canary hosts first, then the rest of the fleet.
  - Cache warmed by hand on the first two hosts.
- 14:31 — Rollback complete; latency back to normal.

## Action Items

- [ ] Pin the pool size in search-api's config (owner: @maria, SRCH-41)
- [ ] Alert on pool saturation, not only on latency (owner: @dev-oncall, SRCH-42)
`;

const SEARCH_ENTRY_0909 = '- 14:09 — p99 latency alert fires for search-api; the on-call engineer\n  acknowledges it and opens the deploy dashboard.';
const SEARCH_ENTRY_1420 = '- 14:20 — Rollback started.\n  - Canary hosts first, then the rest of the fleet.\n  - Cache warmed by hand on the first two hosts.';

// ---------------------------------------------------------------------------
// Helpers

/** The position where `needle` starts (after `from`, an earlier text that anchors it), plus `offset` characters. */
function positionOf(text: string, needle: string, options: { after?: string; offset?: number } = {}): Position {
  const from = options.after === undefined ? 0 : text.indexOf(options.after);
  assert.ok(from >= 0, `anchor "${options.after ?? ''}" is not in the document`);
  const index = text.indexOf(needle, from);
  assert.ok(index >= 0, `"${needle}" is not in the document`);
  const lines = text.slice(0, index + (options.offset ?? 0)).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

function rangeOf(text: string, needle: string, options: { after?: string } = {}): Range {
  const start = positionOf(text, needle, options);
  const lines = needle.split('\n');
  const end = lines.length === 1 ? { line: start.line, character: start.character + needle.length } : { line: start.line + lines.length - 1, character: lines[lines.length - 1]!.length };
  return { start, end };
}

const lineOf = (text: string, needle: string, options: { after?: string } = {}): number => positionOf(text, needle, options).line;
const lineText = (text: string, line: number): string => text.split('\n')[line]!;
/** The whole of a line, from its first character to its end. */
const lineRange = (text: string, line: number, from = 0): Range => ({ start: { line, character: from }, end: { line, character: lineText(text, line).length } });
const withLineAt = (text: string, line: number, inserted: string): string => {
  const lines = text.split('\n');
  lines.splice(line, 0, inserted);
  return lines.join('\n');
};
/** The fixtures' `<!-- expect: … -->` comments are test annotations, not part of the postmortem. */
const withoutExpectations = (text: string): string => text.replace(/ ?<!--\s*expect:[^>]*-->/g, '');
const summary = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`).sort();
const itemsOf = (result: CompletionItem[] | CompletionList | null): CompletionItem[] => (result === null ? [] : Array.isArray(result) ? result : result.items);
const markdown = (hover: Hover | null): string => {
  assert.ok(hover, 'expected a hover');
  const { contents } = hover;
  assert.ok(typeof contents === 'object' && 'kind' in contents && contents.kind === 'markdown', 'hover contents are Markdown');
  return contents.value;
};
const codeActionsOnly = (actions: Array<Command | CodeAction> | null): CodeAction[] => {
  for (const action of actions ?? []) assert.ok('edit' in action || 'kind' in action, 'a code action, not a bare command');
  return (actions ?? []) as CodeAction[];
};
function editsOf(action: CodeAction | undefined, uri: string): TextEdit[] {
  assert.ok(action, 'expected a code action');
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits, `the action "${action.title}" edits ${uri}`);
  return edits;
}
const apply = (uri: string, text: string, edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
const WHOLE_DOCUMENT: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

// ---------------------------------------------------------------------------
// Servers

let ROOT = '';
let server: InProcessServer;
/** One server whose editor settings depend on the folder a document is in. */
let configured: InProcessServer;
let count = 0;

/** A document URI under a folder the path rules treat as postmortems, unique per call. */
const docUri = (name: string, folder = 'default'): string => pathToFileURL(join(ROOT, folder, 'postmortems', `${String(++count)}-${name}`)).toString();

const FOLDER_SETTINGS: Record<string, Record<string, unknown>> = {
  tickets: { ticketUrl: 'https://jira.example.com/browse/{ticket}' },
  'tickets-without-placeholder': { ticketUrl: 'https://jira.example.com/browse/' },
  'no-hints': { inlayHints: false },
  'on-save': { validate: 'onSave' },
  rules: { rules: { 'action-item-missing-owner': 'off', 'missing-duration': 'error' } },
};

before(async () => {
  ROOT = mkdtempSync(join(tmpdir(), 'pm-features-'));
  ({ server } = await InProcessServer.start());
  ({ server: configured } = await InProcessServer.start({
    settings: (item) => {
      const folder = item.scopeUri ? fileURLToPath(item.scopeUri).slice(ROOT.length + 1).split(/[\\/]/)[0] : undefined;
      return (folder !== undefined ? FOLDER_SETTINGS[folder] : undefined) ?? {};
    },
  }));
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exited badly; stderr: ${server.stderr.join('')}`);
  assert.equal(await configured.stop(), 0, `configured server exited badly; stderr: ${configured.stderr.join('')}`);
  rmSync(ROOT, { recursive: true, force: true });
});

const hoverAt = (on: InProcessServer, uri: string, position: Position): Promise<Hover | null> => on.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
const completeAt = async (on: InProcessServer, uri: string, position: Position): Promise<CompletionItem[]> => itemsOf(await on.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }));
const inlayHints = async (on: InProcessServer, uri: string, range: Range = WHOLE_DOCUMENT): Promise<InlayHint[]> => (await on.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) ?? [];
const links = async (on: InProcessServer, uri: string): Promise<DocumentLink[]> => (await on.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) ?? [];
const lenses = async (on: InProcessServer, uri: string): Promise<CodeLens[]> => (await on.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
const folding = async (on: InProcessServer, uri: string): Promise<FoldingRange[]> => (await on.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
const symbols = async (on: InProcessServer, uri: string): Promise<DocumentSymbol[]> => {
  const result: DocumentSymbol[] | SymbolInformation[] | null = await on.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  for (const symbol of result ?? []) assert.ok('selectionRange' in symbol, 'hierarchical DocumentSymbols, not SymbolInformation');
  return (result ?? []) as DocumentSymbol[];
};
const outlineOf = (on: InProcessServer, uri: string): Promise<OutlineResult | null> => on.connection.sendRequest(OutlineRequest, { uri });
const codeActions = async (on: InProcessServer, uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
  codeActionsOnly(await on.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: only ? { diagnostics, only } : { diagnostics } }));

// ---------------------------------------------------------------------------
// 1. Hover

test('hover on a seed timeline time: the instant in UTC (date and zone from the Duration line) and the T+ offset', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  const first = rangeOf(SEED, '09:00 AM', { after: '## Timeline' });
  assert.deepEqual(await hoverAt(server, uri, positionOf(SEED, '09:00 AM', { after: '## Timeline', offset: 3 })), {
    contents: { kind: 'markdown', value: '**09:00 AM**\n\n- UTC: 2024-04-10 09:00 UTC\n- T+0 from the first timeline entry' },
    range: first,
  });
  assert.deepEqual(await hoverAt(server, uri, positionOf(SEED, '10:00 AM', { after: '## Timeline' })), {
    contents: { kind: 'markdown', value: '**10:00 AM**\n\n- UTC: 2024-04-10 10:00 UTC\n- T+1h from the first timeline entry' },
    range: rangeOf(SEED, '10:00 AM', { after: '## Timeline' }),
  });
  // The end of the time still hovers; the last entry is under **Resolution**.
  const last = rangeOf(SEED, '11:30 AM', { after: '## Timeline' });
  assert.deepEqual(await hoverAt(server, uri, last.end), {
    contents: { kind: 'markdown', value: '**11:30 AM**\n\n- UTC: 2024-04-10 11:30 UTC\n- T+2h 30m from the first timeline entry\n- Milestone: resolved' },
    range: last,
  });
});

test('hover on a time in a declared zone shows UTC and the zone; a bare "1:15" read as the afternoon is shown as 1:15 PM', async () => {
  const uri = docUri('billing.md');
  await server.open(uri, BILLING);
  assert.equal(
    markdown(await hoverAt(server, uri, positionOf(BILLING, '6:00 —', { offset: 1 }))),
    '**6:00**\n\n- UTC: 2024-02-06 11:00 UTC\n- America/New_York: 2024-02-06 06:00 EST (-05:00)\n- T+0 from the first timeline entry',
  );
  // The timeline reads "1:15" after "12:40" as 1:15 PM (ambiguous-time says so, and T+7h 15m counts it so): the instant must agree.
  assert.equal(
    markdown(await hoverAt(server, uri, positionOf(BILLING, '1:15 —', { offset: 1 }))),
    '**1:15**\n\n- UTC: 2024-02-06 18:15 UTC\n- America/New_York: 2024-02-06 13:15 EST (-05:00)\n- T+7h 15m from the first timeline entry',
  );
});

test('hover on a time before the marked impact start shows a negative offset from impact start', async () => {
  const uri = docUri('dns.md');
  await server.open(uri, DNS);
  assert.deepEqual(await hoverAt(server, uri, positionOf(DNS, '08:12 UTC', { offset: 2 })), {
    contents: { kind: 'markdown', value: '**08:12 UTC**\n\n- UTC: 2024-06-12 08:12 UTC\n- T-2m from impact start' },
    range: rangeOf(DNS, '08:12 UTC'),
  });
  assert.equal(markdown(await hoverAt(server, uri, positionOf(DNS, '08:14 UTC –', { offset: 2 }))), '**08:14 UTC**\n\n- UTC: 2024-06-12 08:14 UTC\n- T+0 from impact start\n- Milestone: impact start');
});

test('hover on the Duration line says what was stated and how the document\'s own figure was computed', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  const line = lineOf(SEED, '- **Duration**');
  assert.deepEqual(await hoverAt(server, uri, positionOf(SEED, 'From 2024-04-10')), {
    contents: {
      kind: 'markdown',
      value: '**Incident duration**\n\n- Stated: 2h 30m (2024-04-10T09:00:00Z → 2024-04-10T11:30:00Z)\n- From the document: 2h 30m (first → last timeline entry)\n- TTR 2h 30m (detected → resolved)',
    },
    range: lineRange(SEED, line),
  });
});

test('hover on a section heading says what the template expects of that section', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  assert.deepEqual(await hoverAt(server, uri, positionOf(SEED, 'Timeline', { after: '## Timeline' })), {
    contents: { kind: 'markdown', value: '**Timeline** — timeline section\n\nIssue Summary / Timeline (the seed format) template: What happened when, in order, with times in one declared zone.' },
    range: lineRange(SEED, lineOf(SEED, '## Timeline')),
  });
  assert.equal(
    markdown(await hoverAt(server, uri, positionOf(SEED, '## Corrective', { offset: 5 }))),
    '**Corrective and Preventative Measures** — action items section\n\nIssue Summary / Timeline (the seed format) template: What will prevent a recurrence or catch it sooner, each with an owner and a ticket.',
  );
  // The seed template's own optional "Root Cause and Resolution" section (as the outline pairs it), not the required "Root Cause".
  assert.equal(
    markdown(await hoverAt(server, uri, positionOf(SEED, '## Root Cause and Resolution', { offset: 5 }))),
    '**Root Cause and Resolution** — root cause section\n\nIssue Summary / Timeline (the seed format) template (recommended): The cause in detail and how the service was restored.',
  );
});

test('no hover on plain prose, on an entry\'s text or on the title', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  for (const position of [
    positionOf(SEED, 'tired of being in the shadow'),
    positionOf(SEED, 'An engineer received a frantic'),
    positionOf(SEED, 'Coffee Break Alert'),
    { line: 0, character: 5 },
    { line: lineOf(SEED, '## Root Cause\n') + 2, character: 0 },
  ]) {
    assert.equal(await hoverAt(server, uri, position), null, `no hover at ${JSON.stringify(position)}`);
  }
});

// ---------------------------------------------------------------------------
// 2. Folding ranges

test('folding: each section of the seed folds from its heading to its last line', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  const section = (heading: string, lastLine: string): FoldingRange => ({ startLine: lineOf(SEED, heading), endLine: lineOf(SEED, lastLine, { after: heading }), kind: 'region' });
  assert.deepEqual(await folding(server, uri), [
    section('## Issue Summary', '  - Users experienced'),
    section('## Root Cause\n', 'The load balancer, tired'),
    section('## Timeline', '  - 11:30 AM'),
    section('## Root Cause and Resolution', "  - The load balancer's ego"),
    section('## Corrective', '  - Update incident response'),
  ]);
});

test('folding: multi-line timeline entries fold too (a wrapped line, nested notes)', async () => {
  const uri = docUri('search.md');
  await server.open(uri, SEARCH);
  const region = (heading: string, lastLine: string): FoldingRange => ({ startLine: lineOf(SEARCH, heading), endLine: lineOf(SEARCH, lastLine, { after: heading }), kind: 'region' });
  assert.deepEqual(await folding(server, uri), [
    region('## Summary', 'connection pool. Customers'),
    region('## Impact', '- 4,200 requests'),
    region('## Root Cause', 'did not set it.'),
    region('## Timeline', '- 14:31'),
    region('## Action Items', '- [ ] Alert on pool saturation'),
    { startLine: lineOf(SEARCH, '- 14:09'), endLine: lineOf(SEARCH, '  acknowledges it') },
    { startLine: lineOf(SEARCH, '- 14:20'), endLine: lineOf(SEARCH, '  - Cache warmed') },
  ]);
});

// ---------------------------------------------------------------------------
// 3. Document links

test('links: ticket ids become links through postmortem.ticketUrl, pulled with workspace/configuration', async () => {
  const uri = docUri('pagerduty.md', 'tickets');
  await configured.open(uri, PAGERDUTY);
  const link = (id: string, after: string): DocumentLink => ({ range: rangeOf(PAGERDUTY, id, { after }), target: `https://jira.example.com/browse/${id}`, tooltip: `Open ${id}` });
  // SEV-2 (in the header, the Impact table and the timeline) is a severity, not a ticket; INC-5512 inside the Outage Notes URL is part of that URL's own link.
  assert.deepEqual(await links(configured, uri), [
    link('OPS-1230', '## Action Items'),
    link('OPS-1231', '## Action Items'),
    link('OPS-1232', '## Action Items'),
    link('OPS-1233', '## Action Items'),
    link('INC-5512', '### Internal'),
  ]);
  assert.ok(
    configured.configurationRequests.some((item) => item.scopeUri === uri && item.section === 'postmortem'),
    `the server asked for the "postmortem" section for ${uri}: ${JSON.stringify(configured.configurationRequests)}`,
  );
});

test('links: SEV-2 and UTC-5 in prose are not tickets; SRCH-41 and SRCH-42 are', async () => {
  const uri = docUri('search.md', 'tickets');
  await configured.open(uri, SEARCH);
  assert.deepEqual(
    (await links(configured, uri)).map((link) => [SEARCH.split('\n')[link.range.start.line]!.slice(link.range.start.character, link.range.end.character), link.target]),
    [
      ['SRCH-41', 'https://jira.example.com/browse/SRCH-41'],
      ['SRCH-42', 'https://jira.example.com/browse/SRCH-42'],
    ],
  );
});

test('links: none when ticketUrl has no {ticket}, and none by default', async () => {
  const uri = docUri('pagerduty.md', 'tickets-without-placeholder');
  await configured.open(uri, PAGERDUTY);
  assert.deepEqual(await links(configured, uri), []);
  const plain = docUri('pagerduty.md');
  await server.open(plain, PAGERDUTY);
  assert.deepEqual(await links(server, plain), []);
});

// ---------------------------------------------------------------------------
// 4. Inlay hints

test('inlay hints: a T+ offset after each timeline time of the seed', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  const hint = (time: string, label: string): InlayHint => ({
    position: rangeOf(SEED, time, { after: '## Timeline' }).end,
    label,
    kind: 2,
    paddingLeft: true,
    tooltip: 'Time since the first timeline entry',
  });
  assert.deepEqual(await inlayHints(server, uri), [
    hint('09:00 AM', 'T+0'),
    hint('09:05 AM', 'T+5m'),
    hint('09:15 AM', 'T+15m'),
    hint('09:30 AM', 'T+30m'),
    hint('10:00 AM', 'T+1h'),
    hint('11:30 AM', 'T+2h 30m'),
  ]);
  // Only the lines asked for.
  const from = lineOf(SEED, '- **Escalation**');
  assert.deepEqual(
    (await inlayHints(server, uri, { start: { line: from, character: 0 }, end: { line: from + 3, character: 0 } })).map((h) => h.label),
    ['T+1h', 'T+2h 30m'],
  );
});

test('inlay hints count from the marked impact start, negative before it', async () => {
  const uri = docUri('dns.md');
  await server.open(uri, DNS);
  const hints = await inlayHints(server, uri);
  assert.deepEqual(
    hints.map((h) => [h.position, h.label, h.tooltip]),
    [
      [rangeOf(DNS, '08:12 UTC').end, 'T-2m', 'Time since impact start'],
      [rangeOf(DNS, '08:14 UTC', { after: '## Timeline' }).end, 'T+0', 'Time since impact start'],
      [rangeOf(DNS, '08:19 UTC').end, 'T+5m', 'Time since impact start'],
      [rangeOf(DNS, '08:40 UTC').end, 'T+26m', 'Time since impact start'],
      [rangeOf(DNS, '09:02 UTC', { after: '## Timeline' }).end, 'T+48m', 'Time since impact start'],
    ],
  );
});

test('inlay hints: a timeline written as one heading per entry counts from the entry whose text says "Impact begins"', async () => {
  const uri = docUri('cdn.md');
  await server.open(uri, CDN);
  // "### 4:27 … Impact begins." (the entry's text is the paragraph under its heading).
  assert.deepEqual(
    (await inlayHints(server, uri)).map((h) => [lineText(CDN, h.position.line), h.label, h.tooltip]),
    [
      ['### 2021-06-08 04:12', 'T-15m', 'Time since impact start'],
      ['### 4:27', 'T+0', 'Time since impact start'],
      ['### 4:33', 'T+6m', 'Time since impact start'],
      ['### 4:41', 'T+14m', 'Time since impact start'],
      ['### 4:49', 'T+22m', 'Time since impact start'],
      ['### 4:52', 'T+25m', 'Time since impact start'],
      ['### 4:58', 'T+31m', 'Time since impact start'],
      ['### 5:07', 'T+40m', 'Time since impact start'],
    ],
  );
});

test('inlay hints: none when postmortem.inlayHints is false', async () => {
  const uri = docUri('seed.md', 'no-hints');
  const published = await configured.open(uri, SEED);
  assert.ok(published.diagnostics.length > 0, 'the document is still checked');
  assert.deepEqual(await inlayHints(configured, uri), []);
});

// ---------------------------------------------------------------------------
// 5. Code lenses

test('code lenses on the Timeline, Duration and action-items headings of the seed', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  assert.deepEqual(await lenses(server, uri), [
    { range: lineRange(SEED, lineOf(SEED, '## Timeline')), command: { title: '6 entries · 2h 30m (first → last timeline entry) · TTD — · TTM — · TTR 2h 30m', command: 'postmortem.lensInfo' } },
    { range: lineRange(SEED, lineOf(SEED, '- **Duration**')), command: { title: 'Stated 2h 30m · the document shows 2h 30m (first → last timeline entry)', command: 'postmortem.lensInfo' } },
    { range: lineRange(SEED, lineOf(SEED, '## Corrective')), command: { title: '4 open of 4 · 4 without owner · 4 without ticket', command: 'postmortem.lensInfo' } },
  ]);
});

test('code lenses on a document with impact milestones, owners and tickets', async () => {
  const uri = docUri('dns.md');
  await server.open(uri, DNS);
  assert.deepEqual(
    (await lenses(server, uri)).map((lens) => [lineText(DNS, lens.range.start.line), lens.command?.title]),
    [
      ['## Timeline', '5 entries · 48m (impact-start → impact-end milestones) · TTD 5m · TTM — · TTR —'],
      ['Between 2024-06-12 08:14 and 09:02 UTC the internal resolvers returned', 'Stated 48m · the document shows 48m (impact-start → impact-end milestones)'],
      ['## Action Items', '3 open of 3 · 0 without owner · 0 without ticket'],
    ],
  );
});

// ---------------------------------------------------------------------------
// 6. Code actions

test('missing-duration offers no quick fix when the timeline does not prove the impact window (issue #11)', async () => {
  // Billing's timeline marks no impact start or end, and its bare "1:15" could be either half of the day:
  // a first-to-last span would be a guess, so the finding says so and offers nothing to insert.
  const uri = docUri('billing.md');
  const published = await server.open(uri, BILLING);
  assert.deepEqual(summary(published.diagnostics), expectedFindings(BILLING));
  const diagnostic = published.diagnostics.find((d) => d.code === 'missing-duration');
  assert.ok(diagnostic);
  assert.match(diagnostic.message, /No quick fix: the timeline does not prove/);
  const actions = await codeActions(server, uri, diagnostic.range, [diagnostic]);
  assert.deepEqual(actions.filter((action) => action.kind === 'quickfix').map((action) => action.title), []);
});

test('quick fix for missing-section inserts the section with its template body, and the finding goes away', async () => {
  const uri = docUri('auth.md');
  const published = await server.open(uri, AUTH);
  const diagnostic = published.diagnostics.find((d) => d.code === 'missing-section');
  assert.ok(diagnostic);
  assert.equal(diagnostic.message, 'Missing section "Action Items" (essential sections template): What will prevent a recurrence or catch it sooner, each with an owner and a ticket.');
  const actions = await codeActions(server, uri, diagnostic.range, [diagnostic]);
  assert.deepEqual(
    actions.map((action) => [action.title, action.kind, action.isPreferred]),
    [['Insert the "Action Items" section', 'quickfix', true]],
  );
  const end = positionOf(AUTH, '', { after: '  instances.\n', offset: AUTH.length - AUTH.indexOf('  instances.\n') });
  assert.deepEqual(editsOf(actions[0], uri), [{ range: { start: end, end }, newText: '\n## Action Items\n\n- [ ] A specific change (owner: @owner, ticket: ABC-123)\n' }]);
  const after = await server.replace(uri, apply(uri, AUTH, editsOf(actions[0], uri)));
  assert.ok(!after.diagnostics.some((d) => d.code === 'missing-section'), summary(after.diagnostics).join(', '));
});

test('source.fixAll.postmortem (asked for with context.only) applies every safe fix at once', async () => {
  // The no-duration variant without its action items: missing-duration and missing-section, both fixable.
  const text = NO_DURATION.slice(0, NO_DURATION.indexOf('## Corrective'));
  const uri = docUri('fix-all.md');
  const published = await server.open(uri, text);
  assert.deepEqual(
    published.diagnostics.filter((d) => (d.data as { fix?: unknown } | undefined)?.fix !== undefined).map((d) => d.code),
    ['missing-duration', 'missing-section'],
  );
  for (const only of [['source.fixAll.postmortem'], ['source.fixAll'], ['source']]) {
    const actions = (await codeActions(server, uri, START, [], only)).filter((action) => action.kind === 'source.fixAll.postmortem');
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Fix all postmortem problems that have a safe fix'],
      `only: ${only.join()}`,
    );
  }
  const [fixAll] = await codeActions(server, uri, START, [], ['source.fixAll.postmortem']);
  const impact = lineOf(text, '- **Impact**');
  assert.deepEqual(editsOf(fixAll, uri), [
    { range: { start: { line: impact, character: 0 }, end: { line: impact, character: 0 } }, newText: '- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM)\n' },
    {
      range: { start: positionOf(text, '', { offset: text.length }), end: positionOf(text, '', { offset: text.length }) },
      newText: '## Corrective and Preventative Measures\n\n- **Improvements**:\n  - What to improve.\n- **Tasks**:\n  - [ ] A specific task (owner: @owner, ticket: ABC-123)\n',
    },
  ]);
  const after = await server.replace(uri, apply(uri, text, editsOf(fixAll, uri)));
  assert.deepEqual(
    after.diagnostics.filter((d) => ['missing-duration', 'missing-section'].includes(String(d.code))),
    [],
  );
  assert.deepEqual(await codeActions(server, uri, START, [], ['source.fixAll.postmortem']), [], 'nothing left to fix');
});

test('source.sortTimeline.postmortem sorts the swapped entries back into the seed\'s order, keeping sub-labels and text', async () => {
  const uri = docUri('swapped.md');
  await server.open(uri, SWAPPED);
  const actions = await codeActions(server, uri, START, [], ['source.sortTimeline.postmortem']);
  assert.deepEqual(
    actions.map((action) => [action.title, action.kind]),
    [['Sort the timeline chronologically', 'source.sortTimeline.postmortem']],
  );
  const sorted = apply(uri, SWAPPED, editsOf(actions[0], uri));
  assert.equal(withoutExpectations(sorted), withoutExpectations(SEED));
  const after = await server.replace(uri, sorted);
  assert.ok(!after.diagnostics.some((d) => d.code === 'timeline-out-of-order'));
});

test('source.sortTimeline.postmortem sorts a table timeline row by row', async () => {
  const uri = docUri('checkout.md');
  const published = await server.open(uri, CHECKOUT);
  assert.ok(published.diagnostics.some((d) => d.code === 'timeline-out-of-order'));
  const [sort] = await codeActions(server, uri, START, [], ['source.sortTimeline.postmortem']);
  const row1431 = '| 14:31 | Rollback completes; latency returns to normal |';
  const row1420 = '| 14:20 | On-call engineer links the alert to the deploy and starts a rollback |';
  const expected = CHECKOUT.replace(`${row1431}\n${row1420}`, `${row1420}\n${row1431}`);
  assert.notEqual(expected, CHECKOUT);
  assert.equal(apply(uri, CHECKOUT, editsOf(sort, uri)), expected);
});

test('source.sortTimeline.postmortem moves multi-line entries whole', async () => {
  const shuffled = SEARCH.replace(`${SEARCH_ENTRY_0909}\n${SEARCH_ENTRY_1420}`, `${SEARCH_ENTRY_1420}\n${SEARCH_ENTRY_0909}`);
  assert.notEqual(shuffled, SEARCH);
  const uri = docUri('search-shuffled.md');
  await server.open(uri, shuffled);
  const [sort] = await codeActions(server, uri, START, [], ['source.sortTimeline.postmortem']);
  assert.equal(apply(uri, shuffled, editsOf(sort, uri)), SEARCH);
});

test('the out-of-order diagnostic\'s quick fixes include "Sort the timeline chronologically"; no source actions without context.only', async () => {
  const uri = docUri('swapped.md');
  const published = await server.open(uri, SWAPPED);
  const diagnostic = published.diagnostics.find((d) => d.code === 'timeline-out-of-order');
  assert.ok(diagnostic);
  const quickFixes = await codeActions(server, uri, diagnostic.range, [diagnostic]);
  assert.deepEqual(
    quickFixes.map((action) => [action.title, action.kind]),
    [['Sort the timeline chronologically', 'quickfix']],
  );
  assert.equal(withoutExpectations(apply(uri, SWAPPED, editsOf(quickFixes[0], uri))), withoutExpectations(SEED));
  // A light bulb with nothing selected: no source actions unless asked for by kind.
  assert.deepEqual(await codeActions(server, uri, diagnostic.range, []), []);
  assert.deepEqual(await codeActions(server, uri, START, []), []);
});

test('a diagnostic from an older version of the document gets no quick fix', async () => {
  const uri = docUri('stale.md');
  const published = await server.open(uri, SWAPPED);
  const diagnostic = published.diagnostics.find((d) => d.code === 'timeline-out-of-order');
  assert.ok(diagnostic);
  // Still out of order, but another version: the edits could land on other text.
  await server.replace(uri, `${SWAPPED}\n`);
  assert.deepEqual(await codeActions(server, uri, diagnostic.range, [diagnostic]), []);
});

// ---------------------------------------------------------------------------
// 7. Completion

test('completion after "## " offers the missing sections in template order, as snippets', async () => {
  // The seed without its "Root Cause" (required) and "Root Cause and Resolution" (recommended) sections, a heading being typed at the end.
  const cut = (text: string, heading: string): string => {
    const start = text.indexOf(heading);
    return text.slice(0, start) + text.slice(text.indexOf('\n## ', start + 1) + 1);
  };
  const text = `${cut(cut(SEED, '## Root Cause\n'), '## Root Cause and Resolution')}\n## `;
  const uri = docUri('partial-seed.md');
  await server.open(uri, text);
  const position = positionOf(text, '', { offset: text.length });
  const range = { start: { line: position.line, character: 0 }, end: position };
  assert.deepEqual(await completeAt(server, uri, position), [
    {
      label: 'Root Cause',
      labelDetails: { description: 'missing section' },
      kind: 9,
      detail: 'Add the Root Cause section',
      documentation: 'What made the system fail, and the conditions that let it.',
      sortText: '00',
      filterText: '## Root Cause',
      insertTextFormat: 2,
      textEdit: { range, newText: '## Root Cause\n${1:The cause, and the contributing factors that let it cause an outage.}\n' },
    },
    {
      label: 'Root Cause and Resolution',
      labelDetails: { description: 'recommended section' },
      kind: 9,
      detail: 'Add the Root Cause and Resolution section',
      documentation: 'The cause in detail and how the service was restored.',
      sortText: '01',
      filterText: '## Root Cause and Resolution',
      insertTextFormat: 2,
      textEdit: { range, newText: '## Root Cause and Resolution\n- **Cause**:\n  - ${1:What failed and why.}\n- **Resolution**:\n  - ${2:What restored service.}\n' },
    },
  ]);
});

test('completion of field values after "**Severity**: " and "Status: "', async () => {
  const at = lineOf(SEED, '- **Impact**');
  const text = withLineAt(withLineAt(SEED, at, '- **Severity**: '), 1, 'Status: In');
  const uri = docUri('fields.md');
  await server.open(uri, text);
  const severity = positionOf(text, '- **Severity**: ', { offset: '- **Severity**: '.length });
  assert.deepEqual(
    await completeAt(server, uri, severity),
    ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5'].map((value, index) => ({ label: value, kind: 20, textEdit: { range: { start: severity, end: severity }, newText: value }, sortText: String(index) })),
  );
  const status = positionOf(text, 'Status: In', { offset: 'Status: In'.length });
  const typed = { start: { line: status.line, character: status.character - 2 }, end: status };
  assert.deepEqual(
    await completeAt(server, uri, status),
    ['Draft', 'In Review', 'Reviewed', 'Closed'].map((value, index) => ({ label: value, kind: 20, textEdit: { range: typed, newText: value }, sortText: String(index) })),
  );
});

test('completion after "@" offers the handles named in the document, sorted, and not the one being typed', async () => {
  const at = lineOf(PAGERDUTY, '| Add a "delayed deliveries"') + 1;
  const row = '| Page on consumer-group rebalance storms | detect | @j';
  const text = withLineAt(PAGERDUTY, at, row);
  const uri = docUri('owners.md');
  await server.open(uri, text);
  const position = { line: at, character: row.length };
  const typed = { start: { line: at, character: row.length - 2 }, end: position };
  assert.deepEqual(
    await completeAt(server, uri, position),
    ['@amara', '@jlee', '@pnovak', '@rdiaz', '@tkelly'].map((handle) => ({ label: handle, kind: 18, textEdit: { range: typed, newText: handle }, detail: 'named in this postmortem' })),
  );
  // Two letters typed: "@jl" is what is being written, not a handle the document names.
  const longer = withLineAt(PAGERDUTY, at, `${row}l`);
  await server.replace(uri, longer);
  assert.deepEqual(
    (await completeAt(server, uri, { line: at, character: row.length + 1 })).map((item) => item.label),
    ['@amara', '@jlee', '@pnovak', '@rdiaz', '@tkelly'],
  );
});

test('completion of zone names after "All times in "', async () => {
  const line = lineOf(SEED, '## Timeline') + 1;
  const text = withLineAt(SEED, line, 'All times in ');
  const uri = docUri('zones.md');
  await server.open(uri, text);
  const position = { line, character: 'All times in '.length };
  const items = await completeAt(server, uri, position);
  const common = ['UTC', 'America/Los_Angeles', 'America/New_York', 'America/Chicago', 'America/Denver', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'Asia/Kolkata', 'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney'];
  assert.deepEqual(
    items.slice(0, 3),
    common.slice(0, 3).map((zone, index) => ({ label: zone, kind: 20, textEdit: { range: { start: position, end: position }, newText: zone }, sortText: String(index).padStart(4, '0'), detail: 'time zone' })),
  );
  assert.deepEqual(
    items.slice(0, common.length).map((item) => item.label),
    common,
  );
  // Then every IANA zone the runtime knows, once each, in sort order.
  const labels = items.map((item) => item.label);
  assert.equal(new Set(labels).size, labels.length);
  assert.deepEqual(new Set(labels), new Set([...common, ...Intl.supportedValuesOf('timeZone')]));
  assert.deepEqual(
    items.map((item) => item.sortText),
    items.map((_, index) => String(index).padStart(4, '0')),
  );
});

test('completion of the next timestamp on an empty line of the seed\'s timeline: 12-hour, 5 minutes after the last entry', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  // The blank line after the last entry, still in the Timeline section.
  const line = lineOf(SEED, '  - 11:30 AM') + 1;
  assert.equal(lineText(SEED, line), '');
  const position = { line, character: 0 };
  const [next, now, ...rest] = await completeAt(server, uri, position);
  assert.deepEqual(next, {
    label: '11:35 AM',
    kind: 15,
    textEdit: { range: { start: position, end: position }, newText: '- 11:35 AM: ${1:What happened}' },
    insertTextFormat: 2,
    detail: '5 minutes after 11:30 AM',
    sortText: '0',
  });
  assert.ok(now);
  assert.match(now.label, /^\d\d:\d\d [AP]M$/);
  assert.equal(now.detail, 'now in UTC');
  assert.deepEqual(rest, []);
});

test('completion of the next timestamp after typing a new nested bullet in the seed\'s timeline', async () => {
  const line = lineOf(SEED, '  - 11:30 AM') + 1;
  const text = withLineAt(SEED, line, '  - ');
  const uri = docUri('typing.md');
  await server.open(uri, text);
  const position = { line, character: 4 };
  const [next] = await completeAt(server, uri, position);
  assert.deepEqual(next, {
    label: '11:35 AM',
    kind: 15,
    textEdit: { range: { start: position, end: position }, newText: '11:35 AM: ${1:What happened}' },
    insertTextFormat: 2,
    detail: '5 minutes after 11:30 AM',
    sortText: '0',
  });
  // The bullet being typed must not cost the document its timeline.
  assert.equal((await inlayHints(server, uri)).length, 6);
});

test('completion of the next timestamp in 24-hour documents, in their own format', async () => {
  const redis = docUri('redis.md');
  await server.open(redis, REDIS);
  const redisLine = lineOf(REDIS, '  - 15:17') + 1;
  const [redisNext] = await completeAt(server, redis, { line: redisLine, character: 0 });
  assert.ok(redisNext?.textEdit && 'range' in redisNext.textEdit);
  assert.deepEqual([redisNext.label, redisNext.textEdit.newText, redisNext.detail], ['15:22', '- 15:22: ${1:What happened}', '5 minutes after 15:17']);

  // "- 09:02 UTC – …": the zone written after each time and the en dash between time and text.
  const dns = docUri('dns.md');
  await server.open(dns, DNS);
  const dnsLine = lineOf(DNS, '- 09:02 UTC') + 1;
  const [dnsNext] = await completeAt(server, dns, { line: dnsLine, character: 0 });
  assert.ok(dnsNext?.textEdit && 'range' in dnsNext.textEdit);
  assert.deepEqual([dnsNext.label, dnsNext.textEdit.newText, dnsNext.detail], ['09:07 UTC', '- 09:07 UTC – ${1:What happened}', '5 minutes after 09:02 UTC']);
});

test('completion in plain prose offers nothing', async () => {
  const uri = docUri('dns.md');
  await server.open(uri, DNS);
  for (const position of [positionOf(DNS, 'SERVFAIL for every lookup'), rangeOf(DNS, 'only tested that the process was running.').end, positionOf(DNS, 'Zone file change merged')]) {
    assert.deepEqual(await completeAt(server, uri, position), [], `nothing at ${JSON.stringify(position)}`);
  }
});

// ---------------------------------------------------------------------------
// 8. Document symbols

test('document symbols: sections, with timeline entries and action items as children', async () => {
  const uri = docUri('dns.md');
  await server.open(uri, DNS);
  const result = await symbols(server, uri);
  assert.deepEqual(
    result.map((symbol) => [symbol.name, symbol.detail, symbol.kind, symbol.selectionRange, (symbol.children ?? []).length]),
    [
      ['Overview', 'summary', 3, lineRange(DNS, lineOf(DNS, '## Overview')), 0],
      ['Impact', 'impact', 3, lineRange(DNS, lineOf(DNS, '## Impact')), 0],
      ['Contributing Factors', 'root-cause', 3, lineRange(DNS, lineOf(DNS, '## Contributing Factors')), 0],
      ['Resolution', 'resolution', 3, lineRange(DNS, lineOf(DNS, '## Resolution')), 0],
      ['Timeline', 'timeline', 24, lineRange(DNS, lineOf(DNS, '## Timeline')), 5],
      ['Action Items', 'action-items', 3, lineRange(DNS, lineOf(DNS, '## Action Items')), 3],
    ],
  );
  const timeline = result.find((symbol) => symbol.name === 'Timeline');
  const entry = (time: string, detail: string): DocumentSymbol => {
    const line = lineOf(DNS, `- ${time} –`);
    return { name: time, detail, kind: 24, range: lineRange(DNS, line, 2), selectionRange: rangeOf(DNS, time, { after: '## Timeline' }) };
  };
  assert.deepEqual(timeline?.children, [
    entry('08:12 UTC', 'Zone file change merged and pushed by the automation.'),
    entry('08:14 UTC', 'Resolvers reload and start answering SERVFAIL. **OUTAGE BEGINS**'),
    entry('08:19 UTC', 'Error-rate alert pages the on-call engineer.'),
    entry('08:40 UTC', 'Bad zone file identified.'),
    entry('09:02 UTC', 'Previous zone file restored; lookups succeed. **OUTAGE ENDS**'),
  ]);
  const actions = result.find((symbol) => symbol.name === 'Action Items');
  const item = (text: string, detail: string): DocumentSymbol => {
    const range = lineRange(DNS, lineOf(DNS, `- [ ] ${text}`));
    return { name: text, detail, kind: 8, range, selectionRange: range };
  };
  assert.deepEqual(actions?.children, [
    item('Validate zone files in CI before they are pushed (owner: @netops, NET-88)', '@netops · NET-88'),
    item('Roll zone changes out to one resolver first (owner: @netops, NET-89)', '@netops · NET-89'),
    item('Make the health check resolve a canary name (owner: @sre, NET-90)', '@sre · NET-90'),
  ]);
});

test('document symbols: subsections nest under their section; table action items carry owner and ticket', async () => {
  const uri = docUri('pagerduty.md');
  await server.open(uri, PAGERDUTY);
  const result = await symbols(server, uri);
  const howd = result.find((symbol) => symbol.name === "How'd We Do");
  assert.deepEqual(
    howd?.children?.map((child) => [child.name, child.detail, child.selectionRange.start.line]),
    [
      ['What went well', 'lessons', lineOf(PAGERDUTY, '### What went well')],
      ["What didn't go so well", '', lineOf(PAGERDUTY, "### What didn't go so well")],
    ],
  );
  const actions = result.find((symbol) => symbol.name === 'Action Items');
  assert.deepEqual(
    actions?.children?.map((child) => [child.name, child.detail, child.kind, child.range.start.line]),
    [
      // Names longer than 80 characters are shortened.
      ['Add a CI check that max.poll.records × p99 processing time stays under max.po…', '@rdiaz · OPS-1230', 8, lineOf(PAGERDUTY, '| Add a CI check')],
      ['Alert on consumer-group rebalance rate and add it to the dispatcher dashboard', '@tkelly · OPS-1231', 8, lineOf(PAGERDUTY, '| Alert on consumer-group')],
      ['Hold the canary stage for 30 minutes and compare its lag with the fleet', '@jlee · OPS-1232', 8, lineOf(PAGERDUTY, '| Hold the canary')],
      ['Add a "delayed deliveries" status page template', '@pnovak · OPS-1233', 8, lineOf(PAGERDUTY, '| Add a "delayed deliveries"')],
    ],
  );
  const timeline = result.find((symbol) => symbol.name === 'Timeline');
  assert.equal(timeline?.children?.length, 12);
  assert.deepEqual(timeline.children[0]?.selectionRange, rangeOf(PAGERDUTY, '12:40'));
});

// ---------------------------------------------------------------------------
// 9. The postmortem/outline request

test('outline: the template\'s sections in its order (present, has-problems, missing), then the document\'s others', async () => {
  const uri = docUri('auth.md');
  await server.open(uri, AUTH);
  const outline = await outlineOf(server, uri);
  assert.ok(outline);
  assert.deepEqual([outline.uri, outline.version, outline.isPostmortem, outline.title, outline.template], [uri, 1, true, 'Login failures after an auth-service deploy', { id: 'core', name: 'essential sections' }]);
  assert.deepEqual(
    outline.sections.map((section) => [section.heading, section.kind, section.status, section.required, section.problems, section.headingRange?.start.line ?? null]),
    [
      ['Summary', 'summary', 'present', true, 0, lineOf(AUTH, '## Summary')],
      ['Impact', 'impact', 'has-problems', true, 5, lineOf(AUTH, '## Impact')],
      ['Root cause', 'root-cause', 'present', true, 0, lineOf(AUTH, '## Root cause')],
      ['Timeline', 'timeline', 'present', true, 0, lineOf(AUTH, '## Timeline')],
      ['Action Items', 'action-items', 'missing', true, 0, null],
      ['Detection', 'detection', 'present', false, 0, lineOf(AUTH, '## Detection')],
      ['What went well', 'lessons', 'present', false, 0, lineOf(AUTH, '## What went well')],
      ['What went wrong', 'lessons', 'present', false, 0, lineOf(AUTH, '## What went wrong')],
    ],
  );
  const missing = outline.sections.find((section) => section.status === 'missing');
  assert.deepEqual(missing, {
    heading: 'Action Items',
    kind: 'action-items',
    status: 'missing',
    required: true,
    purpose: 'What will prevent a recurrence or catch it sooner, each with an owner and a ticket.',
    range: null,
    headingRange: null,
    problems: 0,
    children: [],
    markdown: { heading: 'Action Items', purpose: 'What will prevent a recurrence or catch it sooner, each with an owner and a ticket.' },
  });
  const timeline = outline.sections.find((section) => section.kind === 'timeline');
  assert.deepEqual(
    timeline?.children.map((child) => [child.kind, child.label, child.detail]),
    [
      ['timeline-entry', '16:58 auth-service 2014.08.11-2 rolling deploy starts, one region at a time.', 'T+0'],
      ['timeline-entry', '17:10 eu-west instances pick up the new build; 401 responses start.', 'T+12m'],
      ['timeline-entry', '17:16 `AuthFailureRate` alert pages the identity on-call.', 'T+18m'],
      ['timeline-entry', '17:18 Status page: "We are investigating reports of login failures."', 'T+20m'],
      ['timeline-entry', '17:24 On-call finds `no signing key loaded` in eu-west logs.', 'T+26m'],
      ['timeline-entry', '17:31 Status page: "The issue has been identified and a fix is being deployed."', 'T+33m'],
      ['timeline-entry', '17:36 Rollback to 2014.08.11-1 started in eu-west.', 'T+38m'],
      ['timeline-entry', '17:44 Status page: "A fix has been deployed and we are monitoring the results."', 'T+46m'],
      ['timeline-entry', '17:50 401 rate back to its usual level. Status page: "Resolved."', 'T+52m'],
    ],
  );
});

test('outline: timeline entries with T+ from impact start, action items with owner · ticket', async () => {
  const uri = docUri('dns.md');
  await server.open(uri, DNS);
  const outline = await outlineOf(server, uri);
  assert.ok(outline);
  const timeline = outline.sections.find((section) => section.kind === 'timeline');
  assert.deepEqual(
    timeline?.children.map((child) => [child.kind, child.label, child.detail, child.range]),
    [
      ['timeline-entry', '08:12 UTC Zone file change merged and pushed by the automation.', 'T-2m', lineRange(DNS, lineOf(DNS, '- 08:12 UTC'), 2)],
      ['timeline-entry', '08:14 UTC Resolvers reload and start answering SERVFAIL. **OUTAGE BEGINS**', 'T+0', lineRange(DNS, lineOf(DNS, '- 08:14 UTC'), 2)],
      ['timeline-entry', '08:19 UTC Error-rate alert pages the on-call engineer.', 'T+5m', lineRange(DNS, lineOf(DNS, '- 08:19 UTC'), 2)],
      ['timeline-entry', '08:40 UTC Bad zone file identified.', 'T+26m', lineRange(DNS, lineOf(DNS, '- 08:40 UTC'), 2)],
      ['timeline-entry', '09:02 UTC Previous zone file restored; lookups succeed. **OUTAGE ENDS**', 'T+48m', lineRange(DNS, lineOf(DNS, '- 09:02 UTC'), 2)],
    ],
  );
  const actions = outline.sections.find((section) => section.kind === 'action-items');
  assert.deepEqual(
    actions?.children.map((child) => [child.kind, child.label, child.detail, child.done]),
    [
      ['action-item', 'Validate zone files in CI before they are pushed (owner: @netops, NET-88)', '@netops · NET-88', false],
      ['action-item', 'Roll zone changes out to one resolver first (owner: @netops, NET-89)', '@netops · NET-89', false],
      ['action-item', 'Make the health check resolve a canary name (owner: @sre, NET-90)', '@sre · NET-90', false],
    ],
  );
  // A PagerDuty-style postmortem (Overview, Contributing Factors, Resolution): the template's optional sections it lacks are listed as missing.
  assert.deepEqual(outline.template, { id: 'pagerduty', name: 'PagerDuty' });
  assert.deepEqual(
    outline.sections.map((section) => [section.heading, section.status, section.required, section.headingRange?.start.line ?? null]),
    [
      ['Overview', 'present', true, lineOf(DNS, '## Overview')],
      ['What Happened', 'missing', false, null],
      ['Contributing Factors', 'present', true, lineOf(DNS, '## Contributing Factors')],
      ['Resolution', 'present', true, lineOf(DNS, '## Resolution')],
      ['Impact', 'present', true, lineOf(DNS, '## Impact')],
      ['Responders', 'missing', false, null],
      ['Timeline', 'present', true, lineOf(DNS, '## Timeline')],
      ["How'd We Do?", 'missing', false, null],
      ['Action Items', 'present', true, lineOf(DNS, '## Action Items')],
      ['Messaging', 'missing', false, null],
    ],
  );
});

test('outline: the seed pairs "Root Cause and Resolution" with its own template section, and counts the action items\' problems', async () => {
  const uri = docUri('seed.md');
  await server.open(uri, SEED);
  const outline = await outlineOf(server, uri);
  assert.ok(outline);
  assert.deepEqual(outline.template, { id: 'seed', name: 'Issue Summary / Timeline (the seed format)' });
  assert.deepEqual(
    outline.sections.map((section) => [section.heading, section.status, section.required, section.problems, section.purpose]),
    [
      ['Issue Summary', 'present', true, 0, 'How long it lasted (Duration) and who was affected and how much (Impact), in a few lines.'],
      ['Root Cause', 'present', true, 0, 'What made the system fail, and the conditions that let it.'],
      ['Timeline', 'present', true, 0, 'What happened when, in order, with times in one declared zone.'],
      ['Root Cause and Resolution', 'present', false, 0, 'The cause in detail and how the service was restored.'],
      ['Corrective and Preventative Measures', 'has-problems', true, 5, 'What will prevent a recurrence or catch it sooner, each with an owner and a ticket.'],
    ],
  );
  assert.deepEqual(
    outline.sections[2]?.children.map((child) => [child.label.slice(0, 8), child.detail]),
    [
      ['09:00 AM', 'T+0'],
      ['09:05 AM', 'T+5m'],
      ['09:15 AM', 'T+15m'],
      ['09:30 AM', 'T+30m'],
      ['10:00 AM', 'T+1h'],
      ['11:30 AM', 'T+2h 30m'],
    ],
  );
  assert.deepEqual(
    outline.sections[4]?.children.map((child) => [child.kind, child.detail, child.done]),
    [
      ['action-item', '', false],
      ['action-item', '', false],
      ['action-item', '', false],
      ['action-item', '', false],
    ],
  );
});

// ---------------------------------------------------------------------------
// 10. Pull diagnostics, 11. codeDescription

const RULE_DOCS = 'https://github.com/postmortem-writer/postmortem-writer/blob/main/docs/rules/';

test('pull diagnostics: a client with textDocument.diagnostic gets diagnosticProvider and full reports, and no pushes', async () => {
  const { server: pull, initialize } = await InProcessServer.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  try {
    assert.deepEqual(initialize.capabilities.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    const uri = docUri('swapped.md');
    await pull.didOpen(uri, SWAPPED);
    const report = await pull.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full');
    assert.deepEqual(summary(report.items), expectedFindings(SWAPPED));
    const outOfOrder = report.items.find((d) => d.code === 'timeline-out-of-order');
    assert.deepEqual(outOfOrder, {
      range: lineRange(SWAPPED, lineOf(SWAPPED, '  - 09:05 AM'), 4),
      severity: 1,
      code: 'timeline-out-of-order',
      codeDescription: { href: `${RULE_DOCS}timeline-out-of-order.md` },
      source: 'postmortem',
      message: 'Timeline out of order: 09:05 AM comes after 09:15 AM, which is later.',
      data: { version: 1 },
      relatedInformation: [{ location: { uri, range: lineRange(SWAPPED, lineOf(SWAPPED, '  - 09:15 AM'), 4) }, message: 'The entry at 09:15 AM.' }],
    });
    // The report follows the text: sorted, the finding is gone.
    await pull.didChange(uri, withoutExpectations(SEED));
    const after = await pull.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.ok(after.kind === 'full');
    assert.deepEqual(
      after.items.map((d) => d.code),
      ['action-item-missing-owner', 'action-item-missing-owner', 'action-item-missing-owner', 'action-item-missing-owner', 'action-item-missing-ticket'],
    );
    // A round trip after everything above: nothing was pushed to a pull client.
    assert.equal(await hoverAt(pull, uri, { line: 0, character: 0 }), null);
    assert.deepEqual(pull.published, []);
  } finally {
    assert.equal(await pull.stop(), 0);
  }
});

test('push diagnostics: a client without textDocument.diagnostic gets no diagnosticProvider, and pushes with versions', async () => {
  const { server: push, initialize } = await InProcessServer.start();
  try {
    assert.equal(initialize.capabilities.diagnosticProvider, undefined);
    const uri = docUri('swapped.md');
    const opened = await push.open(uri, SWAPPED);
    assert.equal(opened.version, 1);
    assert.deepEqual(summary(opened.diagnostics), expectedFindings(SWAPPED));
    const changed = await push.replace(uri, withoutExpectations(SEED));
    assert.equal(changed.version, 2);
    assert.ok(!changed.diagnostics.some((d) => d.code === 'timeline-out-of-order'));
  } finally {
    assert.equal(await push.stop(), 0);
  }
});

test('every diagnostic links its rule\'s page: codeDescription.href is docs/rules/<id>.md, and the page exists', async () => {
  const seen = new Set<string>();
  for (const [name, text] of [
    ['swapped.md', SWAPPED],
    ['no-duration.md', NO_DURATION],
    ['auth.md', AUTH],
    ['billing.md', BILLING],
    ['checkout.md', CHECKOUT],
    ['redis.md', REDIS],
  ] as const) {
    const published = await server.open(docUri(name), text);
    assert.ok(published.diagnostics.length > 0, name);
    for (const diagnostic of published.diagnostics) {
      const id = String(diagnostic.code);
      seen.add(id);
      assert.deepEqual(diagnostic.codeDescription, { href: `${RULE_DOCS}${id}.md` }, `${name}: ${id}`);
      assert.ok(existsSync(join(REPO, 'docs', 'rules', `${id}.md`)), `docs/rules/${id}.md exists`);
    }
  }
  assert.ok(seen.size >= 8, [...seen].join(', '));
});

// ---------------------------------------------------------------------------
// 12. Settings

test('postmortem.validate "onSave": nothing is pushed on change; the save pushes the saved text\'s diagnostics', async () => {
  const uri = docUri('on-save.md', 'on-save');
  const opened = await configured.open(uri, NO_DURATION);
  assert.deepEqual(summary(opened.diagnostics), expectedFindings(NO_DURATION));
  const version = await configured.didChange(uri, SEED);
  // A round trip that reads the new version (its settings and analysis) before the save.
  assert.ok(await hoverAt(configured, uri, positionOf(SEED, '09:00 AM', { after: '## Timeline' })));
  assert.deepEqual(
    configured.publishedFor(uri).map((params) => params.version),
    [1],
    'no push on change',
  );
  const saved = configured.nextDiagnostics(uri);
  await configured.save(uri);
  const pushed = await saved;
  assert.equal(pushed.version, version);
  assert.deepEqual(summary(pushed.diagnostics), expectedFindings(SEED));
  assert.deepEqual(
    configured.publishedFor(uri).map((params) => params.version),
    [1, version],
  );
});

test('postmortem.rules turns a rule off and another up to error', async () => {
  const uri = docUri('no-duration.md', 'rules');
  const published = await configured.open(uri, NO_DURATION);
  const expected = expectedFindings(NO_DURATION).filter((finding) => !finding.endsWith(':action-item-missing-owner'));
  assert.deepEqual(summary(published.diagnostics), expected);
  assert.equal(published.diagnostics.find((d) => d.code === 'missing-duration')?.severity, 1);
  // The same text with the editor's defaults.
  const plain = await server.open(docUri('no-duration.md'), NO_DURATION);
  assert.deepEqual(summary(plain.diagnostics), expectedFindings(NO_DURATION));
  assert.equal(plain.diagnostics.find((d) => d.code === 'missing-duration')?.severity, 2);
});

test('an invalid setting (enable: "yes") is reported once as a window/showMessage warning, and the server keeps working on the defaults', async () => {
  const { server: invalid } = await InProcessServer.start({ settings: { enable: 'yes' } });
  try {
    const first = await invalid.open(docUri('a.md'), NO_DURATION);
    const second = await invalid.open(docUri('b.md'), NO_DURATION);
    assert.deepEqual(summary(first.diagnostics), expectedFindings(NO_DURATION));
    assert.deepEqual(summary(second.diagnostics), expectedFindings(NO_DURATION));
    // Both documents' settings were read (and found wrong) before their diagnostics: the message came once.
    assert.equal(invalid.messages.length, 1, `window/showMessage: ${JSON.stringify(invalid.messages)}; window/showMessageRequest: ${JSON.stringify(invalid.messageRequests)}`);
    assert.equal(invalid.messages[0]?.type, MessageType.Warning);
    assert.match(invalid.messages[0]?.message ?? '', /^Postmortem Writer: invalid settings, using defaults for them\. postmortem\.enable: /);
  } finally {
    assert.equal(await invalid.stop(), 0, `stderr: ${invalid.stderr.join('')}`);
  }
});

test('a client that does not implement window/showMessageRequest does not bring the server down', async () => {
  const { server: plain } = await InProcessServer.start({ settings: { enable: 'yes' }, answerShowMessageRequests: false });
  try {
    const uri = docUri('a.md');
    const published = await plain.open(uri, NO_DURATION);
    assert.deepEqual(summary(published.diagnostics), expectedFindings(NO_DURATION));
    assert.ok(await hoverAt(plain, uri, positionOf(NO_DURATION, '09:00 AM', { after: '## Timeline' })));
    const again = await plain.open(docUri('b.md'), NO_DURATION);
    assert.deepEqual(summary(again.diagnostics), expectedFindings(NO_DURATION));
  } finally {
    assert.equal(await plain.stop(), 0, `stderr: ${plain.stderr.join('')}`);
  }
});

// ---------------------------------------------------------------------------
// 13. Config files

test('a .postmortemrc.json above the document changes its results', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-features-config-'));
  const { server: local } = await InProcessServer.start();
  try {
    writeFileSync(join(folder, '.postmortemrc.json'), JSON.stringify({ rules: { 'action-item-missing-owner': 'off', 'action-item-missing-ticket': 'hint' } }, null, 2));
    const path = join(folder, 'team', 'postmortems', 'seed.md');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, SEED);
    const published = await local.open(pathToFileURL(path).toString(), SEED);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity]),
      [['action-item-missing-ticket', 4]],
    );
  } finally {
    assert.equal(await local.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a broken .postmortemrc.json gets diagnostics on its own URI; the document keeps the defaults; fixing it and didChangeWatchedFiles clear them', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-features-config-'));
  const { server: local } = await InProcessServer.start();
  try {
    const configPath = join(folder, '.postmortemrc.json');
    const configUri = pathToFileURL(configPath).toString();
    const broken = '{\n  "rules": {\n    "missing-duration": "loud"\n  }\n}\n';
    writeFileSync(configPath, broken);
    const path = join(folder, 'postmortems', 'no-duration.md');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, NO_DURATION);
    const uri = pathToFileURL(path).toString();

    const configProblems = local.nextDiagnostics(configUri);
    const published = await local.open(uri, NO_DURATION);
    const problems = await configProblems;
    assert.deepEqual(
      problems.diagnostics.map((d) => [d.range.start.line, d.severity, d.source, d.code]),
      [[lineOf(broken, '"missing-duration"'), 1, 'postmortem', 'config']],
    );
    assert.deepEqual(problems.diagnostics[0]?.range, rangeOf(broken, '"missing-duration"'));
    assert.match(problems.diagnostics[0]?.message ?? '', /^rules\.missing-duration: .*\. The defaults apply there\.$/);
    // The document: the default rules, missing-duration at its default level.
    assert.deepEqual(summary(published.diagnostics), expectedFindings(NO_DURATION));
    assert.equal(published.diagnostics.find((d) => d.code === 'missing-duration')?.severity, 2);

    writeFileSync(configPath, '{\n  "rules": {\n    "missing-duration": "error"\n  }\n}\n');
    const cleared = local.nextDiagnostics(configUri);
    const rechecked = local.nextDiagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'missing-duration' && d.severity === 1));
    await local.changeWatchedFiles([{ uri: configUri, type: FileChangeType.Changed }]);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual(summary((await rechecked).diagnostics), expectedFindings(NO_DURATION));
  } finally {
    assert.equal(await local.stop(), 0);
    rmSync(folder, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------
// 14. Robustness

test('requests for a document that was never opened return empty results or null, without an error', async () => {
  const uri = docUri('never-opened.md');
  const position = { line: 0, character: 0 };
  assert.equal(await hoverAt(server, uri, position), null);
  assert.deepEqual(await completeAt(server, uri, position), []);
  assert.deepEqual(await symbols(server, uri), []);
  assert.deepEqual(await folding(server, uri), []);
  assert.deepEqual(await links(server, uri), []);
  assert.deepEqual(await inlayHints(server, uri), []);
  assert.deepEqual(await lenses(server, uri), []);
  assert.deepEqual(await codeActions(server, uri, START, [], ['source']), []);
  assert.equal(await outlineOf(server, uri), null);
  const { server: pull } = await InProcessServer.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  try {
    assert.deepEqual(await pull.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), { kind: 'full', items: [] });
  } finally {
    assert.equal(await pull.stop(), 0);
  }
});

test('after all of that the servers still answer', async () => {
  const uri = docUri('seed.md');
  const published: PublishDiagnosticsParams = await server.open(uri, SEED);
  assert.deepEqual(summary(published.diagnostics), expectedFindings(SEED));
  assert.equal(markdown(await hoverAt(server, uri, positionOf(SEED, '09:30 AM', { after: '## Timeline' }))), '**09:30 AM**\n\n- UTC: 2024-04-10 09:30 UTC\n- T+30m from the first timeline entry');
  const other = docUri('seed.md', 'tickets');
  await configured.open(other, SEED);
  assert.equal((await inlayHints(configured, other)).length, 6);
});
