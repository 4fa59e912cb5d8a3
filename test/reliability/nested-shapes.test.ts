// Nested shapes: every feature of the feature table (the same functions the
// server and its analysis worker run) on generated postmortems whose
// sections, lists, tables, block quotes and timeline entries nest in any
// order and depth. No feature may throw, and every range, position and line
// it answers with lies inside the document; document symbols keep their
// selection range inside their range (VS Code rejects the outline otherwise).
// The documentSymbol case found by hand (an action item inside a timeline
// entry) also goes through the real spawned server.
// RELIABILITY_SEED=<n> explores other documents; RELIABILITY_RUNS scales the runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/config/settings.js';
import { FEATURES, runFeature, type FeatureContext, type FeatureName } from '../../server/src/features/feature-table.js';
import { CodeActionKinds } from '../../server/src/protocol.js';
import { nestedPostmortem } from './support/nested-markdown.js';
import { LspProcess, within } from './support/lsp-process.js';

const SEED = Number(process.env['RELIABILITY_SEED'] ?? 20_240_410);
const RUNS = Math.round(150 * Number(process.env['RELIABILITY_RUNS'] ?? 1));
const TIME_LIMIT_MS = 20_000;
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, ticketUrl: 'https://jira.example.com/browse/{ticket}' };

/** The 11-line document of the report: an action item inside a timeline entry, inside Action Items. */
export const ACTION_IN_TIMELINE = [
  '# Postmortem: credentials leak',
  '',
  '**Duration**: 30m',
  '',
  '## Action Items',
  '',
  '- [ ] Add a secret scanner (owner: @alice) SEC-12',
  '',
  '### Timeline',
  '',
  '- 10:00 Rotate the database credentials',
].join('\n');

interface Position {
  line: number;
  character: number;
}

const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' && value !== null && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number' && Object.keys(value).length === 2;

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Every position, range and line number in a feature's answer that falls outside the document, as messages. */
function answerProblems(document: TextDocument, answer: unknown, where: string): string[] {
  const lines = document.getText().split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const position = (value: Position, path: string): void => {
    if (!Number.isInteger(value.line) || !Number.isInteger(value.character) || value.line < 0 || value.character < 0) problems.push(`${where} ${path}: ${JSON.stringify(value)} is not a position`);
    else if (value.line >= lines.length) problems.push(`${where} ${path}: line ${value.line} is past the last line (${lines.length})`);
    else if (value.character > lines[value.line]!.length) problems.push(`${where} ${path}: character ${value.character} is past the end of line ${value.line} (${lines[value.line]!.length})`);
  };
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((inner, i) => walk(inner, `${path}[${i}]`));
    else if (isPosition(value)) position(value, path);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (isPosition(record['start']) && isPosition(record['end']) && before(record['end'], record['start'])) problems.push(`${where} ${path}: ends before it starts ${JSON.stringify(record)}`);
      for (const key of ['startLine', 'endLine'] as const) {
        const line = record[key];
        if (typeof line === 'number' && (line < 0 || line >= lines.length)) problems.push(`${where} ${path}.${key}: line ${line} outside the document (${lines.length} lines)`);
      }
      if (typeof record['startLine'] === 'number' && typeof record['endLine'] === 'number' && record['endLine'] < record['startLine']) problems.push(`${where} ${path}: folding range ends before it starts`);
      for (const [key, inner] of Object.entries(record)) walk(inner, `${path}.${key}`);
    }
  };
  walk(answer, '');
  return problems;
}

const contains = (outer: { start: Position; end: Position }, inner: { start: Position; end: Position }): boolean => !before(inner.start, outer.start) && !before(outer.end, inner.end);

/** Document symbols whose selection range is not inside their range: VS Code refuses the whole outline for one. */
function symbolProblems(symbols: readonly DocumentSymbol[], path = ''): string[] {
  return symbols.flatMap((symbol, i) => [
    ...(contains(symbol.range, symbol.selectionRange) ? [] : [`documentSymbol ${path}[${i}] "${symbol.name}": selectionRange ${JSON.stringify(symbol.selectionRange)} is not inside range ${JSON.stringify(symbol.range)}`]),
    ...symbolProblems(symbol.children ?? [], `${path}[${i}].children`),
  ]);
}

/** Positions to ask about: the start, middle, end and one past the end of every line, and past the last line. */
function positionsOf(document: TextDocument): Position[] {
  const lines = document.getText().split(/\r\n|\r|\n/);
  const positions: Position[] = [];
  lines.forEach((text, line) => {
    for (const character of new Set([0, Math.floor(text.length / 2), text.length, text.length + 1])) positions.push({ line, character });
  });
  positions.push({ line: lines.length, character: 0 });
  return positions;
}

interface Counts {
  documents: number;
  requests: number;
  symbols: number;
}

/** Runs every feature of the table on the text; returns the problems (a throw is one). */
function everyFeature(text: string, counts: Counts): string[] {
  const document = TextDocument.create('file:///work/postmortems/nested.md', 'markdown', 1, text);
  const context: FeatureContext = { document, result: analyze(text, { path: '/work/postmortems/nested.md', settings: SETTINGS }), settings: SETTINGS };
  const textDocument = { uri: document.uri };
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  const problems: string[] = [];
  const ask = (feature: FeatureName, params: unknown, where: string): unknown => {
    counts.requests++;
    try {
      const answer: unknown = runFeature(feature, context, params as never);
      problems.push(...answerProblems(document, answer, where));
      return answer;
    } catch (error) {
      problems.push(`${where} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  };
  const asked = new Set<FeatureName>();
  const run = (feature: FeatureName, params: unknown, where: string = feature): unknown => {
    asked.add(feature);
    return ask(feature, params, where);
  };

  const diagnostics = (run('diagnostics', { textDocument }) ?? []) as Array<{ range: typeof whole }>;
  const symbols = (run('documentSymbol', { textDocument }) ?? []) as DocumentSymbol[];
  counts.symbols += symbols.length;
  problems.push(...symbolProblems(symbols));
  run('foldingRange', { textDocument });
  run('documentLink', { textDocument });
  run('codeLens', { textDocument });
  const outline = run('outline', {}) as { sections?: Array<{ heading: string }> } | undefined;
  // Every template section and every section the document has, by heading, and one by kind: the edit lands inside the document.
  for (const section of outline?.sections ?? []) run('insertSection', { uri: document.uri, heading: section.heading }, `insertSection "${section.heading}"`);
  run('insertSection', { uri: document.uri, kind: 'action-items' }, 'insertSection of kind action-items');
  run('incident', {});
  run('inlayHint', { textDocument, range: whole });
  for (const position of positionsOf(document)) {
    run('hover', { textDocument, position }, `hover at ${position.line}:${position.character}`);
    run('completion', { textDocument, position }, `completion at ${position.line}:${position.character}`);
    run('inlayHint', { textDocument, range: { start: { line: position.line, character: 0 }, end: position } }, `inlayHint to ${position.line}:${position.character}`);
  }
  for (const diagnostic of diagnostics) run('codeAction', { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, `codeAction for ${JSON.stringify(diagnostic.range)}`);
  for (const only of [undefined, [CodeActionKinds.fixAll], [CodeActionKinds.sortTimeline], ['source'], ['quickfix']]) {
    run('codeAction', { textDocument, range: whole, context: { diagnostics, ...(only ? { only } : {}) } }, `codeAction (only ${JSON.stringify(only)})`);
  }
  const missed = Object.keys(FEATURES).filter((name) => !asked.has(name as FeatureName));
  if (missed.length > 0) problems.push(`features not exercised by this test: ${missed.join(', ')}`);
  counts.documents++;
  return problems;
}

test('an action item inside a timeline entry inside Action Items: every feature answers, the outline holds the item', () => {
  const counts: Counts = { documents: 0, requests: 0, symbols: 0 };
  assert.deepEqual(everyFeature(ACTION_IN_TIMELINE, counts), []);
});

test(`generated nested shapes (${RUNS} documents): every feature of the feature table, at every line, never throws and answers inside the document`, (t) => {
  const counts: Counts = { documents: 0, requests: 0, symbols: 0 };
  t.after(() => t.diagnostic(`${counts.documents} generated documents (seed ${SEED}), ${counts.requests.toLocaleString('en-US')} feature requests, ${counts.symbols} top-level symbols`));
  fc.assert(
    fc.property(nestedPostmortem, (text) => {
      const problems = everyFeature(text, counts);
      if (problems.length > 0) throw new Error(`${problems.slice(0, 8).join('\n')}\n--- document ---\n${text}`);
    }),
    { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS * 6, markInterruptAsFailure: true },
  );
});

test('server: documentSymbol on an action item inside a timeline entry answers the whole outline (Action Items > Timeline > entry and item)', async () => {
  const { server } = await LspProcess.launch();
  try {
    const uri = 'file:///work/postmortems/action-in-timeline.md';
    await server.openAndWait(uri, ACTION_IN_TIMELINE);
    const symbols = await within(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 10_000, 'the answer to documentSymbol');
    const names = (list: readonly DocumentSymbol[] | null | undefined, depth = 0): string[] => (list ?? []).flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...names(symbol.children, depth + 1)]);
    const outline = names(symbols as DocumentSymbol[]);
    assert.ok(outline.some((name) => name.trim() === 'Action Items'), `the outline has Action Items: ${JSON.stringify(outline)}`);
    assert.ok(outline.some((name) => name.trim() === '10:00'), `the outline has the 10:00 entry: ${JSON.stringify(outline)}`);
    // A list under a Timeline sub-section of Action Items is read as timeline entries, not as more action items.
    assert.ok(outline.some((name) => /Add a secret scanner/.test(name)), `the outline has the action item: ${JSON.stringify(outline)}`);
    assert.deepEqual(server.logs.filter((log) => /failed|TypeError/.test(log.message)), [], 'nothing failed in the server');
    assert.deepEqual(await server.stop(), { code: 0, signal: null });
  } finally {
    await server.kill();
  }
});
