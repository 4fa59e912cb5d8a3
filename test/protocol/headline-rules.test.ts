import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  CompletionRequest,
  DocumentSymbolRequest,
  CodeActionRequest,
  type Diagnostic,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type CodeAction,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InProcessServer } from '../support/in-process-server.js';
import { FIXTURES, readFixture } from '../support/fixtures.js';
import { OutlineRequest } from '../../server/src/protocol.js';

let server: InProcessServer;

before(async () => {
  ({ server } = await InProcessServer.start());
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exited badly; stderr: ${server.stderr.join('')}`);
});

const uriOf = (name: string): string => pathToFileURL(join(FIXTURES, name)).toString();
// These tests are about the walking skeleton's three headline rules; the other rules have their own fixtures.
const HEADLINE = new Set(['missing-duration', 'timeline-out-of-order', 'impact-without-metrics']);
const headline = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => HEADLINE.has(String(d.code)));
const summary = (diagnostics: Diagnostic[]): string[] => headline(diagnostics).map((d) => `${d.range.start.line}:${String(d.code)}`).sort();

test('initialize advertises the skeleton features', async () => {
  const { server: other, initialize } = await InProcessServer.start();
  try {
    const capabilities = initialize.capabilities;
    assert.equal(initialize.serverInfo?.name, 'Postmortem Writer');
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['#', '@', ':', '*']);
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.ok(capabilities.codeActionProvider);
  } finally {
    await other.stop();
  }
});

test('the seed gets none of the headline three, only its action items\' missing owners and tickets', async () => {
  const uri = uriOf('load-balancer-coffee-break.md');
  const published = await server.open(uri, readFixture('load-balancer-coffee-break.md'));
  assert.deepEqual(summary(published.diagnostics), []);
  assert.deepEqual([...new Set(published.diagnostics.map((d) => String(d.code)))].sort(), ['action-item-missing-owner', 'action-item-missing-ticket']);
});

for (const [file, expected] of [
  ['seed-variants/no-duration.md', ['2:missing-duration']],
  ['seed-variants/swapped-entries.md', ['16:timeline-out-of-order']],
  ['seed-variants/no-impact-metric.md', ['4:impact-without-metrics']],
] as const) {
  test(`${file}: exactly ${expected.join(', ')}`, async () => {
    const published = await server.open(uriOf(file), readFixture(file));
    assert.deepEqual(summary(published.diagnostics), [...expected]);
    for (const diagnostic of published.diagnostics) assert.equal(diagnostic.source, 'postmortem');
  });
}

test('the out-of-order diagnostic names both times and points at the earlier entry', async () => {
  const uri = uriOf('seed-variants/swapped-entries.md');
  const published = await server.open(uri, readFixture('seed-variants/swapped-entries.md'));
  const [diagnostic] = headline(published.diagnostics);
  assert.ok(diagnostic);
  assert.match(diagnostic.message, /09:05 AM/);
  assert.match(diagnostic.message, /09:15 AM/);
  assert.equal(diagnostic.relatedInformation?.[0]?.location.range.start.line, 15);
});

test('a README that is not a postmortem gets nothing, even with times and a Summary', async () => {
  const published = await server.open('file:///tmp/project/README.md', readFixture('not-postmortems/README.md'));
  assert.deepEqual(published.diagnostics, []);
});

test('a file under postmortems/ is checked by its path alone', async () => {
  const published = await server.open('file:///tmp/team/postmortems/2024-01-01-db.md', '# DB outage\n\n## Impact\nUsers could not log in.\n');
  assert.deepEqual(summary(published.diagnostics), ['0:missing-duration', '2:impact-without-metrics']);
});

test('editing the document updates diagnostics, and closing clears them', async () => {
  const uri = 'file:///tmp/edit/postmortems/edit.md';
  const seed = readFixture('load-balancer-coffee-break.md');
  assert.deepEqual(summary((await server.open(uri, seed)).diagnostics), []);
  const changed = await server.replace(uri, seed.replace('affecting 30% of users', 'affecting users'));
  assert.deepEqual(summary(changed.diagnostics), ['4:impact-without-metrics']);
  const restored = await server.replace(uri, seed);
  assert.deepEqual(summary(restored.diagnostics), []);
  assert.deepEqual((await server.close(uri)).diagnostics, []);
});

test('the missing-duration quick fix inserts a Duration line computed from the timeline, and the finding goes away', async () => {
  const uri = 'file:///tmp/fix/postmortems/no-duration.md';
  const text = readFixture('seed-variants/no-duration.md');
  const published = await server.open(uri, text);
  const diagnostic = published.diagnostics.find((d) => d.code === 'missing-duration');
  assert.ok(diagnostic);
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  const action = actions[0]!;
  assert.equal(action.kind, 'quickfix');
  const edits = action.edit?.changes?.[uri] as TextEdit[];
  assert.deepEqual(edits, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM)\n' }]);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits);
  const after = await server.replace(uri, fixed);
  assert.deepEqual(summary(after.diagnostics), []);
});

test('a quick fix for an older version of the document is not offered', async () => {
  const uri = 'file:///tmp/stale/postmortems/no-duration.md';
  const text = readFixture('seed-variants/no-duration.md');
  const published = await server.open(uri, text);
  const diagnostic = published.diagnostics.find((d) => d.code === 'missing-duration');
  assert.ok(diagnostic);
  await server.replace(uri, `${text}\n`);
  const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  assert.deepEqual(actions, []);
});

test('completion at the start of a line offers the missing sections in template order', async () => {
  const uri = 'file:///tmp/complete/postmortems/partial.md';
  const text = '# Partial postmortem\n\n## Issue Summary\n- **Duration**: 2h\n\n## Timeline\n- 09:00: alert\n\n##';
  await server.open(uri, text);
  const result = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 8, character: 2 } })) as CompletionItem[] | CompletionList;
  const items = Array.isArray(result) ? result : result.items;
  assert.deepEqual(
    items.map((item) => item.label),
    // Two of five seed headings is too few to follow the seed template: the essential sections apply.
    ['Impact', 'Root Cause', 'Action Items'],
  );
  const first = items[0]!;
  assert.equal(first.insertTextFormat, 2);
  assert.ok(first.textEdit && 'range' in first.textEdit);
  assert.ok(first.textEdit.newText.startsWith('## Impact\n'));
  assert.deepEqual(first.textEdit.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 2 } });
});

test('completion in the middle of prose offers nothing', async () => {
  const uri = 'file:///tmp/complete/postmortems/prose.md';
  await server.open(uri, readFixture('load-balancer-coffee-break.md'));
  const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 9, character: 20 } });
  assert.deepEqual(result, []);
});

test('document symbols list the seed sections with their ranges', async () => {
  const uri = uriOf('load-balancer-coffee-break.md');
  await server.open(uri, readFixture('load-balancer-coffee-break.md'));
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(
    symbols.map((symbol) => [symbol.name, symbol.detail, symbol.selectionRange.start.line]),
    [
      ['Issue Summary', 'summary', 2],
      ['Root Cause', 'root-cause', 8],
      ['Timeline', 'timeline', 11],
      ['Root Cause and Resolution', 'root-cause', 23],
      ['Corrective and Preventative Measures', 'action-items', 29],
    ],
  );
});

test('the postmortem/outline request returns sections with their problem counts', async () => {
  const uri = uriOf('seed-variants/swapped-entries.md');
  await server.open(uri, readFixture('seed-variants/swapped-entries.md'));
  const outline = await server.connection.sendRequest(OutlineRequest.method, { uri });
  assert.ok(outline && typeof outline === 'object');
  const result = outline as { isPostmortem: boolean; title: string; sections: Array<{ heading: string; problems: number }> };
  assert.equal(result.isPostmortem, true);
  assert.equal(result.title, 'Postmortem: When the Load Balancer Went on a Coffee Break ☕️');
  assert.deepEqual(
    result.sections.map((section) => [section.heading, section.problems]),
    [
      ['Issue Summary', 0],
      ['Root Cause', 0],
      ['Timeline', 1],
      ['Root Cause and Resolution', 0],
      // Four owner findings and one ticket finding for the document (issue #11: once per document).
      ['Corrective and Preventative Measures', 5],
    ],
  );
});
