// The language server's message reader (server/src/resilient-reader.ts), fed
// bytes over a real stream: well-formed traffic comes through as
// vscode-jsonrpc's reader gives it, and after each kind of malformed frame the
// next well-formed message still does, with one report about the bad frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageReader } from 'vscode-languageserver/node.js';
import { ResilientMessageReader } from '../../server/src/resilient-reader.js';

/** One LSP message as bytes: a Content-Length header (the true byte length unless told otherwise) and the body. */
function frame(body: string | Buffer, contentLength?: number, extraHeaders = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`${extraHeaders}Content-Length: ${contentLength ?? bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

function request(id: number, text = 'hello'): { jsonrpc: '2.0'; id: number; method: string; params: { text: string } } {
  return { jsonrpc: '2.0', id, method: 'postmortem/test', params: { text } };
}

/** Writes each chunk to a stream the reader listens to, one at a time, and gives back what the reader emitted and reported before the stream ended. */
async function feed(chunks: Array<Buffer | string>): Promise<{ messages: unknown[]; reports: string[] }> {
  const stream = new PassThrough();
  const reports: string[] = [];
  const messages: unknown[] = [];
  const reader = new ResilientMessageReader(stream, { report: (message) => reports.push(message) });
  const errors: Error[] = [];
  reader.onError((error) => errors.push(error));
  const closed = new Promise<void>((resolve) => reader.onClose(() => resolve()));
  reader.listen((message) => messages.push(message));
  for (const chunk of chunks) {
    await new Promise<void>((resolve, reject) => stream.write(chunk, (error) => (error ? reject(error) : resolve())));
    await new Promise((resolve) => setImmediate(resolve));
  }
  const before = { messages: [...messages], reports: [...reports] };
  stream.end();
  await closed;
  reader.dispose();
  assert.deepEqual(errors, [], 'no reader errors');
  assert.deepEqual({ messages, reports }, before, 'nothing more is emitted when the stream ends');
  return before;
}

/** Every byte of `bytes` as its own chunk. */
function bytewise(bytes: Buffer): Buffer[] {
  return [...bytes].map((byte) => Buffer.from([byte]));
}

test('well-formed messages: one per chunk, several in one chunk, split at every byte', async () => {
  const messages = [request(1), request(2, 'second'), { jsonrpc: '2.0', method: 'initialized', params: {} }];
  const frames = messages.map((message) => frame(JSON.stringify(message)));
  assert.deepEqual(await feed(frames), { messages, reports: [] });
  assert.deepEqual(await feed([Buffer.concat(frames)]), { messages, reports: [] });
  assert.deepEqual(await feed(bytewise(Buffer.concat(frames))), { messages, reports: [] });
  // Split inside the header, at its blank line, and just after it.
  const one = frame(JSON.stringify(messages[0]));
  const blank = one.indexOf('\r\n\r\n');
  for (const at of [3, blank, blank + 2, blank + 4]) {
    assert.deepEqual(await feed([one.subarray(0, at), Buffer.concat([one.subarray(at), frames[1]!])]), { messages: messages.slice(0, 2), reports: [] }, `split at ${at}`);
  }
});

test('well-formed traffic cut into random chunks: the same messages as vscode-jsonrpc\'s StreamMessageReader gives', async () => {
  // mulberry32, seeded, so that a failure can be replayed.
  let state = 20240410;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const alphabet = ['a', ' ', '\n', '\r\n', 'é', '☕️', '🔥', '"', '\\', '{', 'Content-Length: 5', '\u0000'];
  for (let run = 0; run < 20; run++) {
    const messages = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, id) =>
      request(id, Array.from({ length: Math.floor(next() * 200) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('')),
    );
    const bytes = Buffer.concat(messages.map((message, i) => frame(JSON.stringify(message), undefined, i % 3 === 1 ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : '')));
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; ) {
      const size = 1 + Math.floor(next() * (next() < 0.5 ? 8 : 400));
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    const ours = await feed(chunks);
    const stream = new PassThrough();
    const theirs: unknown[] = [];
    const reference = new StreamMessageReader(stream);
    const all = new Promise<void>((resolve) =>
      reference.listen((message) => {
        theirs.push(message);
        if (theirs.length === messages.length) resolve();
      }),
    );
    for (const chunk of chunks) stream.write(chunk);
    await all;
    reference.dispose();
    stream.end();
    assert.deepEqual(ours, { messages: theirs, reports: [] }, `run ${run}`);
    assert.deepEqual(theirs, messages);
  }
});

test('UTF-8 bodies: Content-Length counts bytes, and a chunk may end inside a character', async () => {
  const message = request(7, '# Postmortem ☕️ — café 🔥 \u{1F600}\n');
  const bytes = frame(JSON.stringify(message));
  assert.deepEqual(await feed([bytes]), { messages: [message], reports: [] });
  assert.deepEqual(await feed(bytewise(Buffer.concat([bytes, bytes]))), { messages: [message, message], reports: [] });
});

test('other headers: Content-Type before or after Content-Length, any case of the header name', async () => {
  const message = request(3);
  const body = JSON.stringify(message);
  const length = Buffer.byteLength(body);
  const chunks = [
    frame(body, undefined, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'),
    `Content-Length: ${length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`,
    `content-length: ${length}\r\n\r\n${body}`,
    `CONTENT-LENGTH:${length}\r\n\r\n${body}`,
    `Content-Length: ${length} \r\n\r\n${body}`,
  ];
  assert.deepEqual(await feed(chunks), { messages: chunks.map(() => message), reports: [] });
});

test('a large message in 64 kB chunks, and text that mentions Content-Length inside a valid body', async () => {
  const large = request(4, 'x'.repeat(3_000_000));
  const bytes = frame(JSON.stringify(large));
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
  const small = request(5);
  chunks.push(frame(JSON.stringify(small)));
  assert.deepEqual(await feed(chunks), { messages: [large, small], reports: [] });
  // JSON escapes CR and LF inside strings, so a valid body never holds a raw header line.
  const mention = request(6, 'the client sent Content-Length: 12\r\n\r\n and content-length:99\r\n');
  const split = frame(JSON.stringify(mention));
  assert.deepEqual(await feed(bytewise(split)), { messages: [mention], reports: [] });
});

test('a Content-Length that counts characters instead of UTF-8 bytes: that message is dropped, the next one comes through', async () => {
  const bad = JSON.stringify(request(1, '# Postmortem ☕️ — café 🔥\n'));
  assert.ok(Buffer.byteLength(bad) > bad.length);
  const next = request(2);
  for (const chunks of [[frame(bad, bad.length), frame(JSON.stringify(next))], [Buffer.concat([frame(bad, bad.length), frame(JSON.stringify(next))])]]) {
    const { messages, reports } = await feed(chunks);
    assert.deepEqual(messages, [next]);
    assert.equal(reports.length, 1, reports.join('\n'));
    assert.match(reports[0]!, /not JSON/);
  }
});

test('a Content-Length larger than the message: the next message is read as soon as it arrives, even if it does not fill the announced length', async () => {
  const short = JSON.stringify({ jsonrpc: '2.0', method: '$/nothing' });
  const next = request(2);
  // Then silence, then a next message shorter than what is missing.
  let result = await feed([frame(short, 10_000), frame(JSON.stringify(next))]);
  assert.deepEqual(result.messages, [next]);
  assert.equal(result.reports.length, 1, result.reports.join('\n'));
  assert.match(result.reports[0]!, /too long/);
  // The next message's header split across chunks, its CR and LF in different ones.
  const nextBytes = frame(JSON.stringify(next));
  const cr = nextBytes.indexOf('\r');
  result = await feed([frame(short, 10_000), nextBytes.subarray(0, cr + 1), nextBytes.subarray(cr + 1)]);
  assert.deepEqual(result.messages, [next]);
  assert.equal(result.reports.length, 1, result.reports.join('\n'));
  // A next message that fills the announced length (and more) in the same chunk.
  const long = request(3, 'y'.repeat(500));
  result = await feed([Buffer.concat([frame(short, 200), frame(JSON.stringify(long)), frame(JSON.stringify(next))])]);
  assert.deepEqual(result.messages, [long, next]);
  assert.equal(result.reports.length, 1, result.reports.join('\n'));
});

test('a header without Content-Length, and a Content-Length that is not a number: the next message comes through', async () => {
  const body = JSON.stringify({ jsonrpc: '2.0', method: '$/nothing' });
  const next = request(2);
  const cases = [
    `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`,
    `Content-Length: many\r\n\r\n${body}`,
    `Content-Length: -5\r\n\r\n${body}`,
    `Content-Length 12\r\n\r\n${body}`,
  ];
  for (const malformed of cases) {
    for (const chunks of [[malformed, frame(JSON.stringify(next))], [Buffer.concat([Buffer.from(malformed), frame(JSON.stringify(next))])]]) {
      const { messages, reports } = await feed(chunks);
      assert.deepEqual(messages, [next], JSON.stringify(malformed));
      assert.equal(reports.length, 1, reports.join('\n'));
    }
  }
});

test('bodies that are not JSON with a right Content-Length, garbage where a header should be: dropped, reported once each, the next message comes through', async () => {
  const next = request(2);
  const junk = Buffer.alloc(20_000);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 251;
  const cases: Array<[string, Buffer[]]> = [
    ['an empty body', [frame('')]],
    ['truncated JSON', [frame('{"jsonrpc":"2.0","id":1,"method":')]],
    ['invalid UTF-8', [frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))]],
    ['random bytes', [frame(junk)]],
    ['garbage without a header', [junk]],
    ['garbage in small chunks', bytewise(junk.subarray(0, 300))],
    ['a lone blank line', [Buffer.from('\r\n\r\n')]],
  ];
  for (const [what, chunks] of cases) {
    const { messages, reports } = await feed([...chunks, frame(JSON.stringify(next))]);
    assert.deepEqual(messages, [next], what);
    assert.equal(reports.length, 1, `${what}: ${reports.join('\n')}`);
  }
  // Two bad frames separated by a good message are two reports.
  const { messages, reports } = await feed([frame('nope'), frame(JSON.stringify(next)), 'Content-Length: x\r\n\r\n', frame(JSON.stringify(next))]);
  assert.deepEqual(messages, [next, next]);
  assert.equal(reports.length, 2, reports.join('\n'));
});

test('JSON that is not a JSON-RPC message is passed on as it is, as vscode-jsonrpc does', async () => {
  const values = [42, [1, 2, 3], { id: 77, method: 'textDocument/hover' }, null];
  assert.deepEqual(await feed(values.map((value) => frame(JSON.stringify(value)))), { messages: values, reports: [] });
});

test('dispose stops listening to the stream', async () => {
  const stream = new PassThrough();
  const reader = new ResilientMessageReader(stream, { report: () => undefined });
  const messages: unknown[] = [];
  reader.listen((message) => messages.push(message));
  stream.write(frame(JSON.stringify(request(1))));
  await new Promise((resolve) => setImmediate(resolve));
  reader.dispose();
  assert.equal(stream.listenerCount('data'), 0);
  stream.write(frame(JSON.stringify(request(2))));
  stream.end();
  assert.deepEqual(messages, [request(1)]);
});
