// Protocol abuse against the spawned server: malformed JSON-RPC (garbage with
// a valid Content-Length, invalid JSON, wrong Content-Lengths, no header),
// unknown methods, wrong params, documents never opened, edits outside the
// document, 10,000 rapid incremental edits, cancellation storms. After each,
// the server must still answer and must not have exited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  ResponseError,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { IncidentRequest, OutlineRequest, type IncidentResult } from '../../server/src/protocol.js';
import { SEED } from '../support/fixtures.js';
import { random } from './support/hostile-documents.js';
import { LspProcess, frame, within } from './support/lsp-process.js';

const SEED_TEXT = readFileSync(SEED, 'utf8');
const ANSWER_MS = 5_000;
const METHOD_NOT_FOUND = -32601;
const REQUEST_CANCELLED = -32800;

/** The server still answers a hover and a symbol request about an open document, and its process is alive. */
async function assertAlive(server: LspProcess, what: string): Promise<void> {
  const uri = 'file:///work/postmortems/alive.md';
  if (!server.published.some((params) => params.uri === uri)) await server.openAndWait(uri, SEED_TEXT, ANSWER_MS);
  const hover = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 13, character: 5 } });
  const symbols = server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  const [hovered, found] = await within(Promise.all([hover, symbols]), ANSWER_MS, `the server's answer to hover and documentSymbol after ${what}`);
  assert.ok(hovered, `a hover on the seed's first timeline time after ${what}`);
  assert.ok(Array.isArray(found) && found.length > 0, `the seed's symbols after ${what}`);
  assert.equal(server.hasExited, false, `the server is still running after ${what}`);
}

async function withServer(body: (server: LspProcess) => Promise<void>, initializationOptions?: unknown): Promise<void> {
  const { server } = await LspProcess.launch(initializationOptions === undefined ? {} : { initializationOptions });
  try {
    await body(server);
    const ended = await server.stop();
    assert.deepEqual(ended, { code: 0, signal: null }, `a clean exit after shutdown; stderr: ${server.stderr.join('').slice(-1000)}`);
  } finally {
    await server.kill();
  }
}

/** Sends a request and resolves with its result or its error, within the answer deadline. */
async function answer(server: LspProcess, method: string, params: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  try {
    return { result: await within(server.connection.sendRequest(method, params), ANSWER_MS, `the answer to ${method}`) };
  } catch (error) {
    if (error instanceof ResponseError) return { error: { code: error.code, message: error.message } };
    throw error;
  }
}

test('malformed JSON-RPC with a valid Content-Length: garbage bytes, invalid JSON, JSON that is not a message; the server keeps answering', async () => {
  await withServer(async (server) => {
    await assertAlive(server, 'start');
    const junk = Buffer.alloc(4096);
    const next = random(7);
    for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(next() * 256);
    const bodies: Array<[string, Buffer | string]> = [
      ['4 kB of random bytes', junk],
      ['NUL bytes', Buffer.alloc(64)],
      ['truncated JSON', '{"jsonrpc":"2.0","id":1,"method":'],
      ['not JSON', 'hello, server'],
      ['an empty body', ''],
      ['a JSON number', '42'],
      ['a JSON array', '[1,2,3]'],
      ['JSON without jsonrpc', '{"id":77,"method":"textDocument/hover"}'],
      ['a response to nothing', '{"jsonrpc":"2.0","id":12345,"result":null}'],
      ['a request with a method that is not a string', '{"jsonrpc":"2.0","id":78,"method":42}'],
      ['a request with an object id', '{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":{}}'],
      ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ];
    for (const [what, body] of bodies) {
      await server.writeRaw(frame(body));
      await assertAlive(server, what);
    }
  });
});

test('a Content-Length that counts characters instead of UTF-8 bytes (a classic client bug): the server recovers at the next message', async () => {
  await withServer(async (server) => {
    await assertAlive(server, 'start');
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///work/postmortems/emoji.md', languageId: 'markdown', version: 1, text: '# Postmortem ☕️ — café 🔥\n' } } });
    assert.ok(Buffer.byteLength(body) > body.length);
    await server.writeRaw(frame(body, body.length));
    await assertAlive(server, 'a message whose Content-Length was too short');
  });
});

test('a Content-Length larger than the message, then silence: the server is not wedged for the next client message', async () => {
  await withServer(async (server) => {
    await assertAlive(server, 'start');
    await server.writeRaw(frame('{"jsonrpc":"2.0","method":"$/nothing"}', 200));
    await assertAlive(server, 'a message whose Content-Length was too long');
  });
});

test('a header without Content-Length, and a Content-Length that is not a number: the server recovers at the next message', async () => {
  await withServer(async (server) => {
    await assertAlive(server, 'start');
    await server.writeRaw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","method":"$/nothing"}');
    await assertAlive(server, 'a header without Content-Length');
    await server.writeRaw('Content-Length: many\r\n\r\n{"jsonrpc":"2.0","method":"$/nothing"}');
    await assertAlive(server, 'a Content-Length that is not a number');
  });
});

test('unknown methods: requests get MethodNotFound, unknown notifications are ignored', async () => {
  await withServer(async (server) => {
    for (const method of ['postmortem/nope', 'textDocument/teleport', '$/unknownRequest', '']) {
      const reply = await answer(server, method, {});
      assert.equal(reply.error?.code, METHOD_NOT_FOUND, `${JSON.stringify(method)}: ${JSON.stringify(reply)}`);
    }
    await server.connection.sendNotification('postmortem/nope', { x: 1 });
    await server.connection.sendNotification('$/unknownNotification', null);
    await assertAlive(server, 'unknown methods');
  });
});

test('wrong params: every request answers (a result or an error), nothing hangs, the server keeps answering', async (t) => {
  await withServer(async (server) => {
    const uri = 'file:///work/postmortems/wrong-params.md';
    await server.openAndWait(uri, SEED_TEXT);
    const cases: Array<[string, unknown]> = [
      [HoverRequest.method, {}],
      [HoverRequest.method, null],
      [HoverRequest.method, [1, 2, 3]],
      [HoverRequest.method, { textDocument: { uri: 42 }, position: { line: 'one', character: {} } }],
      [HoverRequest.method, { textDocument: { uri }, position: { line: -5, character: -1 } }],
      [HoverRequest.method, { textDocument: { uri }, position: { line: 1e9, character: 1e9 } }],
      [HoverRequest.method, { textDocument: { uri }, position: { line: 1.5, character: Number.NaN } }],
      [CompletionRequest.method, { textDocument: { uri }, position: { line: 1e9, character: 0 } }],
      [CompletionRequest.method, { textDocument: { uri }, position: null }],
      [DocumentSymbolRequest.method, {}],
      [DocumentSymbolRequest.method, { textDocument: null }],
      [FoldingRangeRequest.method, { textDocument: {} }],
      [InlayHintRequest.method, { textDocument: { uri }, range: null }],
      [InlayHintRequest.method, { textDocument: { uri }, range: { start: { line: 9, character: 0 }, end: { line: 2, character: 0 } } }],
      [CodeLensRequest.method, { textDocument: { uri: '' } }],
      [CodeActionRequest.method, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: null }],
      [CodeActionRequest.method, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ source: 'postmortem', code: 'missing-duration', data: { version: 1, fix: { title: 'x', edits: 'nope' } } }], only: 'quickfix' } }],
      [IncidentRequest.method, {}],
      [IncidentRequest.method, { uri: 7 }],
      [OutlineRequest.method, null],
      ['workspace/executeCommand', { command: 'postmortem.nope', arguments: [{}] }],
    ];
    const codes: string[] = [];
    for (const [method, params] of cases) {
      const reply = await answer(server, method, params);
      codes.push(`${method} ${JSON.stringify(params)?.slice(0, 60) ?? 'undefined'} → ${reply.error ? `error ${reply.error.code}` : `result ${JSON.stringify(reply.result)?.slice(0, 40) ?? 'undefined'}`}`);
      assert.equal(server.hasExited, false, `after ${method} ${JSON.stringify(params)}`);
    }
    t.diagnostic(codes.join('\n'));
    await assertAlive(server, 'requests with wrong params');
  });
});

test('documents never opened: requests answer null or nothing; changes, saves and closes of them are ignored; opening twice is harmless', async () => {
  await withServer(async (server) => {
    const ghost = 'file:///work/postmortems/never-opened.md';
    assert.equal((await answer(server, IncidentRequest.method, { uri: ghost })).result, null);
    assert.equal((await answer(server, OutlineRequest.method, { uri: ghost })).result, null);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: ghost } });
    await server.close(ghost);
    await assertAlive(server, 'changes, saves and closes of a document never opened');
    const twice = 'file:///work/postmortems/twice.md';
    await server.openAndWait(twice, SEED_TEXT);
    await server.open(twice, '# Postmortem: the second open\n');
    const incident = (await answer(server, IncidentRequest.method, { uri: twice })).result as IncidentResult | null;
    assert.equal(incident?.model.title, 'Postmortem: the second open', 'the second didOpen replaces the text');
    await assertAlive(server, 'a document opened twice');
  });
});

/** Where an LSP position falls in a text: past the end of a line is its end, past the last line is the end of the text (LSP 3.17). */
function offsetOf(text: string, position: { line: number; character: number }): number {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line]!;
  const next = position.line + 1 < starts.length ? starts[position.line + 1]! : text.length;
  let end = next;
  if (position.line + 1 < starts.length) end -= text.slice(start, next).endsWith('\r\n') ? 2 : 1;
  return Math.min(start + position.character, end);
}

function applyChange(text: string, change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }): string {
  return text.slice(0, offsetOf(text, change.range.start)) + change.text + text.slice(offsetOf(text, change.range.end));
}

/** What the server makes of its copy of a document, against what the engine makes of the editor's text. */
async function assertServerView(server: LspProcess, uri: string, text: string, version: number, what: string): Promise<void> {
  const incident = (await answer(server, IncidentRequest.method, { uri })).result as IncidentResult | null;
  assert.ok(incident, `the incident of ${uri} after ${what}`);
  assert.equal(incident.version, version, `the server has version ${version} after ${what}`);
  const expected = analyze(text, { path: new URL(uri).pathname });
  assert.deepEqual(incident.model, JSON.parse(JSON.stringify(expected.analysis.model)) as unknown, `the server's model is the model of the editor's text after ${what}`);
}

test('edits with out-of-range positions: past the end of a line and of the document are clamped as LSP says; the server and the editor agree', async () => {
  await withServer(async (server) => {
    const uri = 'file:///work/postmortems/out-of-range.md';
    let text = SEED_TEXT;
    let version = 1;
    await server.openAndWait(uri, text);
    const changes = [
      { range: { start: { line: 0, character: 500 }, end: { line: 0, character: 900 } }, text: ' (edited past the end of the title)' },
      { range: { start: { line: 10_000, character: 0 }, end: { line: 20_000, character: 5 } }, text: '\n- 11:45 AM: appended past the last line\n' },
      { range: { start: { line: 3, character: 1_000_000 }, end: { line: 3, character: 1_000_001 } }, text: ' (at the end of line 3)' },
    ];
    for (const change of changes) {
      version++;
      text = applyChange(text, change);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    }
    await assertServerView(server, uri, text, version, 'edits past the ends');

    // Not valid LSP at all: negative, reversed and fractional positions. The server must survive them; a full-text change then resynchronises.
    const invalid: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: -3, character: -2 }, end: { line: -1, character: 0 } }, text: 'negative' },
      { range: { start: { line: 9, character: 0 }, end: { line: 2, character: 0 } }, text: 'reversed' },
      { range: { start: { line: 1.5, character: 0.25 }, end: { line: 2.5, character: 0 } }, text: 'fractional' },
    ];
    for (const change of invalid) {
      version++;
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      await assertAlive(server, `the edit ${JSON.stringify(change)}`);
    }
    version++;
    text = `${SEED_TEXT}\n<!-- resynchronised -->\n`;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    await assertServerView(server, uri, text, version, 'a full-text change after invalid edits');
  });
});

test('10,000 rapid incremental edits: the server ends with exactly the editor\'s text, and publishes that version\'s diagnostics', async (t) => {
  // The editor's own debounce (postmortem.debounceMs, 200 ms by default), as in real use.
  await withServer(async (server) => {
    const uri = 'file:///work/postmortems/storm.md';
    let text = SEED_TEXT;
    await server.openAndWait(uri, text);
    const next = random(42);
    const started = performance.now();
    const sends: Array<Promise<void>> = [];
    const EDITS = 10_000;
    let version = 1;
    while (sends.length < EDITS) {
      const a = Math.floor(next() * (text.length + 1));
      const b = Math.min(text.length, a + 1 + Math.floor(next() * 4));
      const removeOnly = next() < 0.4 && a < text.length;
      const insert = ['x', '\n', '- 10:', '5', ' ', '**', '#', '\r\n', '😀', 'Timeline'][Math.floor(next() * 10)]!;
      const from = a;
      const to = removeOnly ? b : a;
      // An editor cannot place a cursor inside a CRLF or a surrogate pair.
      const inside = (offset: number): boolean => (text[offset - 1] === '\r' && text[offset] === '\n') || /[\ud800-\udbff]/.test(text[offset - 1] ?? '');
      if (inside(from) || inside(to)) continue;
      // Positions as the editor computes them, from the text it has now.
      const position = (offset: number): { line: number; character: number } => {
        const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
        return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      };
      const change = { range: { start: position(from), end: position(to) }, text: removeOnly ? '' : insert };
      text = applyChange(text, change);
      version++;
      sends.push(server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] }));
    }
    const finalVersion = version;
    const published = server.nextDiagnostics((params) => params.uri === uri && params.version === finalVersion, 30_000, 'the diagnostics of the last version');
    await Promise.all(sends);
    await assertServerView(server, uri, text, finalVersion, `${EDITS} incremental edits`);
    const diagnostics = await published;
    const expected = analyze(text, { path: '/work/postmortems/storm.md' });
    assert.deepEqual(
      diagnostics.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`),
      expected.findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.rule}`),
    );
    t.diagnostic(`${sends.length} edits sent and reconciled in ${((performance.now() - started) / 1000).toFixed(1)} s; final text ${text.length} characters`);
    await assertAlive(server, 'the edit storm');
  }, {});
});

test('cancellation storms: 600 requests cancelled as soon as sent, cancels of unknown ids; every request is answered, the server keeps answering', async (t) => {
  await withServer(async (server) => {
    const uri = 'file:///work/postmortems/cancel.md';
    await server.openAndWait(uri, SEED_TEXT);
    const requests: Array<Promise<'answered' | 'cancelled'>> = [];
    let version = 1;
    for (let i = 0; i < 600; i++) {
      // A new version every fourth request, so that requests wait for an analysis while their cancels arrive.
      if (i % 4 === 0) {
        version++;
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: version % 2 === 0 ? `${SEED_TEXT}\n` : SEED_TEXT }] });
      }
      const source = new CancellationTokenSource();
      const request =
        i % 4 === 0
          ? server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 13, character: 5 } }, source.token)
          : i % 4 === 1
            ? server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token)
            : i % 4 === 2
              ? server.connection.sendRequest(IncidentRequest, { uri }, source.token)
              : server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }, source.token);
      source.cancel();
      if (i % 10 === 0) source.cancel();
      requests.push(
        request.then(
          () => 'answered' as const,
          (error: unknown) => {
            if (error instanceof ResponseError && error.code === REQUEST_CANCELLED) return 'cancelled' as const;
            throw error;
          },
        ),
      );
    }
    for (let id = 1_000_000; id < 1_000_200; id++) await server.connection.sendNotification('$/cancelRequest', { id });
    await server.connection.sendNotification('$/cancelRequest', { id: 'not-a-request' });
    await server.connection.sendNotification('$/cancelRequest', null);
    const outcomes = await within(Promise.all(requests), 30_000, 'an answer to every one of 600 cancelled requests');
    t.diagnostic(`${outcomes.filter((o) => o === 'answered').length} answered with a result, ${outcomes.filter((o) => o === 'cancelled').length} with RequestCancelled`);
    await assertAlive(server, 'the cancellation storm');
  });
});
