// The browser build of the server (dist/browser/server.js), run as VS Code for
// the Web runs it: in a worker whose global `self` is the message port, with no
// file system of its own. Its workspace lives on a `memfs:` file system that only
// this test's "client" can read, answered through the server's workspace-file
// requests, as the extension answers them with workspace.fs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  createProtocolConnection,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  PortMessageReader,
  PortMessageWriter,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { ListWorkspaceFolderRequest, ReadWorkspaceFileRequest, WorkspaceFileExistsRequest } from '../../server/src/protocol.js';
import { readFixture } from '../support/fixtures.js';

const BUNDLE = fileURLToPath(new URL('../../../dist/browser/server.js', import.meta.url));
const NODE_BUILTIN = /\brequire\(["'](?:node:)?(?:fs|path|os|child_process|worker_threads|net|util|stream|crypto|url|module)["']\)/;

// A web worker's global scope, made of a worker thread's port; the bundle runs as a classic worker script.
const WORKER_SHIM = `
const { parentPort } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
globalThis.self = globalThis;
globalThis.postMessage = (message) => parentPort.postMessage(message);
const listeners = { error: [], unhandledrejection: [] };
globalThis.addEventListener = (type, listener) => listeners[type]?.push(listener);
// As in a browser: an uncaught error or rejection is an event, not the end of the worker.
process.on('unhandledRejection', (reason) => listeners.unhandledrejection.forEach((listener) => listener({ reason })));
process.on('uncaughtException', (error) => listeners.error.forEach((listener) => listener({ message: String(error) })));
Object.defineProperty(globalThis, 'onmessage', { set: (listener) => parentPort.on('message', (data) => listener({ data })) });
vm.runInThisContext(readFileSync(${JSON.stringify(BUNDLE)}, 'utf8'), { filename: ${JSON.stringify(BUNDLE)} });
`;

/** A memfs: workspace: file URIs to text. */
type Files = Map<string, string>;

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

interface Running {
  connection: ProtocolConnection;
  worker: Worker;
  asked: string[];
  next(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
}

async function start(files: Files): Promise<Running> {
  const worker = new Worker(WORKER_SHIM, { eval: true });
  // A worker that dies fails the test with its error instead of leaving every wait pending.
  const died = new Promise<never>((_resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the server worker exited with ${code}`)));
  });
  died.catch(() => undefined);
  const connection = createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  const asked: string[] = [];
  const waiters: Array<{ uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiters.findIndex((waiter) => waiter.uri === params.uri && waiter.accept(params));
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(params);
  });
  connection.onRequest(ReadWorkspaceFileRequest, ({ uri, cap }) => {
    asked.push(uri);
    const text = files.get(uri);
    if (text === undefined) return { ok: false, refusal: files.has(`${uri}/`) ? 'folder' : 'missing' } as const;
    return new TextEncoder().encode(text).byteLength > cap ? ({ ok: false, refusal: 'too-large' } as const) : { ok: true as const, text };
  });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkspaceFileExistsRequest, ({ uri }) => files.has(uri));
  connection.onRequest(ListWorkspaceFolderRequest, ({ uri }) => [...files.keys()].filter((file) => folderOf(file) === uri).map((file) => file.slice(uri.length + 1)));
  connection.listen();
  await Promise.race([died, connection.sendRequest(InitializeRequest.method, { processId: null, workspaceFolders: null, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, initializationOptions: { debounceMs: 0 } })]);
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    worker,
    asked,
    next: (uri, accept = () => true) => Promise.race([died, new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, accept, resolve }))]),
  };
}

async function stop(running: Running): Promise<void> {
  await running.connection.sendRequest(ShutdownRequest.type);
  await running.connection.sendNotification(ExitNotification.type);
  running.connection.dispose();
  await running.worker.terminate();
}

test('the browser server bundle requires no Node built-in', () => {
  const source = readFileSync(BUNDLE, 'utf8');
  assert.doesNotMatch(source, NODE_BUILTIN);
  assert.doesNotMatch(readFileSync(fileURLToPath(new URL('../../../dist/browser/client.js', import.meta.url)), 'utf8'), NODE_BUILTIN);
});

test('the browser server checks a document on a virtual file system, with the config file the client reads for it', async () => {
  const seed = readFixture('load-balancer-coffee-break.md');
  const doc = 'memfs:/team/postmortems/seed.md';
  const config = 'memfs:/team/.postmortemrc.json';
  const files: Files = new Map([
    [doc, seed],
    [config, JSON.stringify({ rules: { 'action-item-missing-owner': 'off', 'action-item-missing-ticket': 'hint' } })],
  ]);
  const running = await start(files);
  try {
    const published = running.next(doc);
    await running.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: doc, languageId: 'markdown', version: 1, text: seed } });
    // The same findings as the Node server gives with this config on disk (features.test.ts, "a .postmortemrc.json above the document").
    assert.deepEqual(
      (await published).diagnostics.map((d) => [d.code, d.severity]),
      [['action-item-missing-ticket', 4]],
    );
    assert.ok(running.asked.includes(config), `the config was read through the client: ${running.asked.join(', ')}`);
  } finally {
    await stop(running);
  }
});

test('in the browser, a broken config file gets its problem on its own URI, and a fixed one applies after didChangeWatchedFiles', async () => {
  const text = readFixture('seed-variants/no-duration.md');
  const doc = 'memfs:/w/postmortems/no-duration.md';
  const config = 'memfs:/w/.postmortemrc.json';
  const files: Files = new Map([
    [doc, text],
    [config, '{\n  "rules": {\n    "missing-duration": "loud"\n  }\n}\n'],
  ]);
  const running = await start(files);
  try {
    const problems = running.next(config);
    const first = running.next(doc);
    await running.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: doc, languageId: 'markdown', version: 1, text } });
    const [problem] = (await problems).diagnostics;
    assert.equal(problem?.code, 'config');
    assert.equal(problem?.range.start.line, 2);
    assert.match(problem?.message ?? '', /^rules\.missing-duration: .*\. The defaults apply there\.$/);
    assert.equal((await first).diagnostics.find((d) => d.code === 'missing-duration')?.severity, 2, 'the default level while the config is broken');

    files.set(config, '{ "rules": { "missing-duration": "error" } }');
    const rechecked = running.next(doc, (params) => params.diagnostics.some((d) => d.code === 'missing-duration' && d.severity === 1));
    await running.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: config, type: FileChangeType.Changed }] });
    assert.ok(await rechecked);
  } finally {
    await stop(running);
  }
});

test('in the browser, a large document is analysed in the server worker itself (no analysis thread), and an untitled one without reading files', async () => {
  const seed = readFixture('load-balancer-coffee-break.md');
  // Over the Node server's offload threshold (32,000 characters): the browser server has no worker thread to send it to.
  const large = `${seed}\n${'Filler paragraph about the load balancer and the coffee break. '.repeat(700)}\n`;
  const running = await start(new Map());
  try {
    const uri = 'untitled:Untitled-1';
    const published = running.next(uri);
    await running.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: large } });
    assert.ok((await published).diagnostics.length > 0);
    assert.deepEqual(running.asked, [], 'an untitled document reads no config');
  } finally {
    await stop(running);
  }
});
