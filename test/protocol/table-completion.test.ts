// The next-timestamp completion in a table timeline (issue #14, item 3): a row
// of the table's own shape, which the real engine reads as one more entry of
// the same table; a bullet there would end the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionRequest, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InProcessServer } from '../support/in-process-server.js';
import { analyze } from '../../server/src/engine/analyze.js';

const TABLE_DOC = `# Checkout latency after the pool resize

**Date**: 2024-05-14
**Severity**: SEV-2
All times in UTC.

## Summary

Checkout requests slowed down for forty minutes after the connection pool was shrunk.

## Timeline

| Time | Event |
|------|-------|
| 14:21 | Pool size change deployed |
| 14:26 | Latency alert fires for checkout |
| 14:31 | On-call rolls the pool size back |

## Root Cause

The pool was sized for the old request rate.
`;

// The time in the middle column, no outer pipes, three cells.
const MIDDLE_DOC = `# Search index lag

**Date**: 2024-06-02
All times in UTC.

## Timeline

Step | When | Who
---- | ---- | ---
Indexer stalls | 09:10 | indexer
Lag alert fires | 09:15 | @dana
`;

const BULLET_DOC = `# Search index lag

**Date**: 2024-06-02
All times in UTC.

## Timeline

- 09:10 - Indexer stalls
- 09:15 - Lag alert fires
`;

let ROOT = '';
let server: InProcessServer;
let count = 0;
const docUri = (name: string): string => pathToFileURL(join(ROOT, 'postmortems', `${String(++count)}-${name}`)).toString();

before(async () => {
  ROOT = mkdtempSync(join(tmpdir(), 'pm-table-completion-'));
  ({ server } = await InProcessServer.start());
});

after(async () => {
  assert.equal(await server.stop(), 0, `server exited badly; stderr: ${server.stderr.join('')}`);
  rmSync(ROOT, { recursive: true, force: true });
});

const completeAt = async (uri: string, position: Position): Promise<CompletionItem[]> => {
  const result: CompletionItem[] | CompletionList | null = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  return result === null ? [] : Array.isArray(result) ? result : result.items;
};

/** The text a snippet leaves once accepted with its placeholders as they are. */
const snippetPlain = (snippet: string): string => snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, '$1').replace(/\\([$}\\])/g, '$1');

/** The document after accepting `item` the way an editor does. */
function accept(uri: string, text: string, item: CompletionItem | undefined): string {
  assert.ok(item?.textEdit && 'range' in item.textEdit, 'a completion with a text edit');
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), [{ range: item.textEdit.range, newText: snippetPlain(item.textEdit.newText) }]);
}

/** A line number in a text, by its exact content. */
const lineNumber = (text: string, content: string): number => {
  const index = text.split('\n').indexOf(content);
  assert.ok(index >= 0, `no line "${content}"`);
  return index;
};

test('completion right after a table timeline\'s last row gives one more row of that table, and the engine reads one more entry', async () => {
  const line = lineNumber(TABLE_DOC, '| 14:31 | On-call rolls the pool size back |') + 1;
  assert.equal(TABLE_DOC.split('\n')[line], '');
  const uri = docUri('table.md');
  await server.open(uri, TABLE_DOC);
  const position = { line, character: 0 };
  const [next, now, ...rest] = await completeAt(uri, position);
  assert.ok(next?.textEdit && 'range' in next.textEdit);
  assert.deepEqual([next.label, next.textEdit.newText, next.detail], ['14:36', '| 14:36 | ${1:Event} |', '5 minutes after 14:31']);
  assert.ok(now?.textEdit && 'newText' in now.textEdit);
  assert.match(now.textEdit.newText, /^\| \d\d:\d\d \| \$\{1:Event\} \|$/);
  assert.deepEqual(rest, []);

  const before = analyze(TABLE_DOC).analysis.model.timeline;
  const accepted = accept(uri, TABLE_DOC, next);
  const after = analyze(accepted).analysis.model.timeline;
  assert.equal(after.length, before.length + 1, 'one more timeline entry');
  assert.deepEqual(after.slice(0, -1), before, 'the earlier rows read as before: the table did not end');
  const added = after.at(-1)!;
  assert.equal(added.timeText, '14:36');
  assert.equal(added.text, 'Event');
  assert.equal(added.local, '2024-05-14T14:36');
});

test('completion after a typed "|" under a table replaces it with the row', async () => {
  const line = lineNumber(TABLE_DOC, '| 14:31 | On-call rolls the pool size back |') + 1;
  const lines = TABLE_DOC.split('\n');
  lines[line] = '|';
  const text = lines.join('\n');
  const uri = docUri('typed-pipe.md');
  await server.open(uri, text);
  const [next] = await completeAt(uri, { line, character: 1 });
  assert.ok(next?.textEdit && 'range' in next.textEdit);
  assert.deepEqual(next.textEdit.range, { start: { line, character: 0 }, end: { line, character: 1 } });
  assert.equal(analyze(accept(uri, text, next)).analysis.model.timeline.length, 4);
});

test('completion under a table with the time in a named middle column and no outer pipes keeps that shape', async () => {
  const line = lineNumber(MIDDLE_DOC, 'Lag alert fires | 09:15 | @dana') + 1;
  const uri = docUri('middle.md');
  await server.open(uri, MIDDLE_DOC);
  const [next] = await completeAt(uri, { line, character: 0 });
  assert.ok(next?.textEdit && 'range' in next.textEdit);
  assert.equal(next.textEdit.newText, '${1:Step} | 09:20 | ${2:Who}');
  const after = analyze(accept(uri, MIDDLE_DOC, next)).analysis.model.timeline;
  assert.equal(after.length, 3);
  assert.equal(after.at(-1)!.timeText, '09:20');
});

test('completion in a bullet timeline still gives a bullet', async () => {
  const line = lineNumber(BULLET_DOC, '- 09:15 - Lag alert fires') + 1;
  const uri = docUri('bullets.md');
  await server.open(uri, BULLET_DOC);
  const [next] = await completeAt(uri, { line, character: 0 });
  assert.ok(next?.textEdit && 'range' in next.textEdit);
  assert.equal(next.textEdit.newText, '- 09:20 - ${1:What happened}');
});

test('completion on a new empty line between two rows (Enter at the end of a row) writes a row that joins the table back up', async () => {
  const lines = TABLE_DOC.split('\n');
  const line = lineNumber(TABLE_DOC, '| 14:21 | Pool size change deployed |') + 1;
  lines.splice(line, 0, '');
  const text = lines.join('\n');
  const uri = docUri('inside.md');
  await server.open(uri, text);
  const [next] = await completeAt(uri, { line, character: 0 });
  assert.ok(next?.textEdit && 'range' in next.textEdit);
  assert.match(next.textEdit.newText, /^\| \d\d:\d\d \| \$\{1:Event\} \|$/);
  // The empty line split the table; the accepted row joins the rows below back into it.
  assert.equal(analyze(text).analysis.model.timeline.length, 1);
  assert.equal(analyze(accept(uri, text, next)).analysis.model.timeline.length, 4);
});
