// Large documents are analysed in a worker thread. These tests prove that the
// worker answers every feature exactly as the connection's thread does, and
// that a request about a small document never waits behind a large one.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  type Position,
} from 'vscode-languageserver-protocol/node.js';
import { SpawnedServer } from '../support/spawned-server.js';
import { CORPUS, fixtureFiles, readFixture } from '../support/fixtures.js';
import { IncidentRequest, OutlineRequest } from '../../server/src/protocol.js';
import { analyze } from '../../server/src/engine/analyze.js';

const DOCUMENTS = [...fixtureFiles(), ...fixtureFiles(CORPUS)];

function threadsOf(server: SpawnedServer): number {
  const status = readFileSync(`/proc/${String(server.process.pid)}/status`, 'utf8');
  return Number(/^Threads:\s+(\d+)/m.exec(status)?.[1]);
}

/** Every feature's answer at a few places of a document: the first character of each of its first lines with a time, heading or item. */
async function everything(server: SpawnedServer, uri: string, text: string): Promise<unknown> {
  const lines = text.split('\n');
  const places: Position[] = [];
  lines.forEach((line, index) => {
    if (places.length < 12 && /^(#|[-*] |\|)|\d:\d\d/.test(line)) places.push({ line: index, character: Math.min(line.length, line.search(/\d:\d\d/) >= 0 ? line.search(/\d:\d\d/) + 1 : 3) });
  });
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
  const textDocument = { uri };
  const published = await server.open(uri, text);
  const { connection } = server;
  return {
    diagnostics: published.diagnostics,
    hovers: await Promise.all(places.map((position) => connection.sendRequest(HoverRequest.type, { textDocument, position }))),
    completions: await Promise.all(places.map((position) => connection.sendRequest(CompletionRequest.type, { textDocument, position }))),
    symbols: await connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
    folding: await connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
    links: await connection.sendRequest(DocumentLinkRequest.type, { textDocument }),
    hints: await connection.sendRequest(InlayHintRequest.type, { textDocument, range: whole }),
    lenses: await connection.sendRequest(CodeLensRequest.type, { textDocument }),
    actions: await connection.sendRequest(CodeActionRequest.type, { textDocument, range: whole, context: { diagnostics: published.diagnostics } }),
    outline: await connection.sendRequest(OutlineRequest, { uri }),
    incident: await connection.sendRequest(IncidentRequest, { uri }),
  };
}

let inProcess: SpawnedServer;
let inWorker: SpawnedServer;

before(async () => {
  inProcess = (await SpawnedServer.start({ initializationOptions: { debounceMs: 0 } })).server;
  inWorker = (await SpawnedServer.start({ initializationOptions: { debounceMs: 0, offloadChars: 0 } })).server;
});

after(async () => {
  assert.equal(await inProcess.stop(), 0);
  assert.equal(await inWorker.stop(), 0);
});

test('the analysis worker answers every feature exactly as the connection thread does, on every fixture and corpus document', async () => {
  const threadsBefore = threadsOf(inWorker);
  for (const path of DOCUMENTS) {
    const uri = pathToFileURL(`/workspace/postmortems/${basename(path)}`).href;
    const text = readFileSync(path, 'utf8');
    const here = await everything(inProcess, uri, text);
    const there = await everything(inWorker, uri, text);
    assert.deepEqual(there, here, basename(path));
  }
  // The answers came from a thread the other server does not have.
  assert.ok(threadsOf(inWorker) > threadsBefore, 'the worker thread was started');
  assert.ok(threadsOf(inWorker) > threadsOf(inProcess), 'only the offloading server runs a worker');
});

test('edits and closes reach the worker: diagnostics follow the text, and a closed document is cleared', async () => {
  const uri = 'file:///workspace/postmortems/worker-edits.md';
  const seed = readFixture('load-balancer-coffee-break.md');
  await inWorker.open(uri, seed);
  const edited = seed.replace(/\*\*Duration\*\*.*\n/i, '');
  const published = await inWorker.replace(uri, edited);
  const expected = analyze(edited, { path: '/workspace/postmortems/worker-edits.md' }).findings.map((finding) => `${finding.range.start.line}:${finding.rule}`);
  assert.deepEqual(published.diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${String(diagnostic.code)}`), expected);
  assert.ok(expected.some((finding) => finding.endsWith(':missing-duration')), 'the edit removed the duration');
  const cleared = await inWorker.close(uri);
  assert.deepEqual(cleared.diagnostics, []);
});

test('a hover on a small document is answered while a large one is still being analysed', async () => {
  const { server } = await SpawnedServer.start();
  try {
    const seed = readFixture('load-balancer-coffee-break.md');
    // About 1 MB: seconds of analysis, in the worker.
    const entries = Array.from({ length: 12_000 }, (_, index) => `- ${String(10 + Math.floor(index / 600) % 10).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} — Step ${String(index)} of the rollback, checked on the dashboard and noted in the channel.`).join('\n');
    const large = `${seed}\n## More timeline\n\n${entries}\n`;
    const largeUri = 'file:///workspace/postmortems/large.md';
    const smallUri = 'file:///workspace/postmortems/small.md';
    await server.didOpen(largeUri, large);
    await server.didOpen(smallUri, seed);
    const line = seed.split('\n').findIndex((text) => /\d:\d\d/.test(text));
    const position = { line, character: seed.split('\n')[line]!.search(/\d:\d\d/) + 1 };
    // Symbols of the large document first: on one thread the hover would be answered after them.
    const order: string[] = [];
    const symbols = server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: largeUri } }).then((result) => {
      order.push('large symbols');
      return result;
    });
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position });
    order.push('small hover');
    assert.ok(hover, 'the hover has content');
    assert.ok(((await symbols) ?? []).length > 0, 'the large document has its symbols');
    assert.deepEqual(order, ['small hover', 'large symbols']);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});
