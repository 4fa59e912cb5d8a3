// Resources: opening and closing 1,000 documents leaves the server's memory
// flat (VmRSS from /proc, after a warm-up); closing every document leaves no
// timer behind (checked in-process with the same bindConnection the server
// uses); the server exits promptly on shutdown/exit, when its input closes,
// and when the editor that started it is gone; the CLI exits by itself,
// without process.exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { bindConnection } from '../../server/src/connection.js';
import { run as runCli } from '../../server/src/cli.js';
import { FIXTURES } from '../support/fixtures.js';
import { HOSTILE_HEAD } from './support/hostile-documents.js';
import { CLI_BUNDLE, LspProcess, SERVER_BUNDLE, within } from './support/lsp-process.js';

const DOCUMENTS = 1_000;
const WARM_UP = 300;
/** A small postmortem with a finding (no Duration line), so that the empty diagnostics of a close stand out. */
const TEXT = HOSTILE_HEAD.replace('**Duration**: 1h 5m\n\n', '');
const RSS_BOUND_MB = 50;
// The server's heaps are capped, as in worker-memory.test.ts: V8's lazy growth is the machine's slack, not a leak.
const HEAP_CAP_MB = 96;

/** Opens and closes `count` documents, `batch` at a time, waiting for each close's empty diagnostics. */
async function churn(server: LspProcess, from: number, count: number, batch = 50): Promise<void> {
  for (let start = from; start < from + count; start += batch) {
    const uris = Array.from({ length: Math.min(batch, from + count - start) }, (_, i) => `file:///work/postmortems/churn-${start + i}.md`);
    const opened = uris.map((uri) => server.nextDiagnostics((params) => params.uri === uri, 20_000, `diagnostics for ${uri}`));
    for (const [i, uri] of uris.entries()) await server.open(uri, TEXT.replace('hostile input', `document ${start + i}`));
    await Promise.all(opened);
    const closed = uris.map((uri) => server.nextDiagnostics((params) => params.uri === uri && params.diagnostics.length === 0, 20_000, `the empty diagnostics on closing ${uri}`));
    for (const uri of uris) await server.close(uri);
    await Promise.all(closed);
  }
}

test(`opening and closing ${DOCUMENTS.toLocaleString('en-US')} documents leaves the server's memory flat (VmRSS grows < ${RSS_BOUND_MB} MB after a warm-up of ${WARM_UP})`, async (t) => {
  const { server } = await LspProcess.launch({ heapCapMb: HEAP_CAP_MB });
  try {
    await churn(server, 0, WARM_UP);
    const before = server.rssKb();
    const started = performance.now();
    await churn(server, WARM_UP, DOCUMENTS);
    const after = server.rssKb();
    const growthMb = (after - before) / 1024;
    t.diagnostic(`VmRSS ${(before / 1024).toFixed(1)} MB after the warm-up, ${(after / 1024).toFixed(1)} MB after ${DOCUMENTS} more documents (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(growthMb < RSS_BOUND_MB, `VmRSS grew by ${growthMb.toFixed(1)} MB`);
    assert.deepEqual(await server.stop(), { code: 0, signal: null });
  } finally {
    await server.kill();
  }
});

test('closing every document leaves no timer and no listener behind (in-process, with the server\'s own bindConnection)', async () => {
  const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'Immediate').length;
  const listeners = (): number => ['exit', 'uncaughtException', 'unhandledRejection', 'SIGTERM', 'SIGINT'].reduce((sum, event) => sum + process.listenerCount(event), 0);
  const baseline = { timers: timers(), listeners: listeners() };
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // A reader and writer rather than raw streams, so that the connection does not exit the process when they end.
  const serverSide = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  bindConnection(serverSide, 'test');
  serverSide.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ accept: (params: PublishDiagnosticsParams) => boolean; resolve: () => void }> = [];
  client.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const waiter of [...waiters]) {
      if (waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  client.listen();
  const next = (accept: (params: PublishDiagnosticsParams) => boolean, what: string): Promise<void> => within(new Promise<void>((resolve) => waiters.push({ accept, resolve })), 10_000, what);
  try {
    // No processId: the library would watch the parent process with a 3 s interval of its own.
    await within(client.sendRequest(InitializeRequest.method, { processId: null, workspaceFolders: null, capabilities: {} }), 10_000, 'initialize');
    await client.sendNotification(InitializedNotification.type, {});
    const uris = Array.from({ length: 20 }, (_, i) => `file:///work/postmortems/timers-${i}.md`);
    const opened = uris.map((uri) => next((params) => params.uri === uri, `diagnostics for ${uri}`));
    for (const uri of uris) await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: TEXT } });
    await Promise.all(opened);
    // Edits arm the 200 ms debounce timer of each document; its close must clear it.
    for (const uri of uris) {
      for (let version = 2; version < 7; version++) await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: `${TEXT}${'x'.repeat(version)}\n` }] });
    }
    assert.ok(timers() > baseline.timers, 'the edits armed debounce timers (so that the check below can see them)');
    const closed = uris.map((uri) => next((params) => params.uri === uri && params.diagnostics.length === 0, `the empty diagnostics on closing ${uri}`));
    const mark = published.length;
    for (const uri of uris) await client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await Promise.all(closed);
    assert.equal(timers(), baseline.timers, `timers left after every document was closed: ${JSON.stringify(process.getActiveResourcesInfo())}`);
    assert.equal(listeners(), baseline.listeners, 'process listeners left behind');
    // Once a document's close has been answered with empty diagnostics, nothing else may be pushed for it.
    const afterClose = published.slice(mark).filter((params, index, later) => params.diagnostics.length > 0 && later.slice(0, index).some((earlier) => earlier.uri === params.uri && earlier.diagnostics.length === 0));
    assert.deepEqual(afterClose.map((params) => params.uri), [], 'no diagnostics pushed for a document after it was closed');
  } finally {
    client.dispose();
    serverSide.dispose();
    toServer.end();
    toClient.end();
  }
});

test('the server exits promptly: with code 0 after shutdown and exit, 1 after exit alone, and when its input closes', async () => {
  const { server } = await LspProcess.launch();
  const started = performance.now();
  assert.deepEqual(await server.stop(2_000), { code: 0, signal: null });
  assert.ok(performance.now() - started < 2_000);

  const { server: abrupt } = await LspProcess.launch();
  try {
    await abrupt.connection.sendNotification(ExitNotification.type);
    assert.deepEqual(await within(abrupt.exited, 2_000, 'the exit after exit without shutdown'), { code: 1, signal: null });
  } finally {
    await abrupt.kill();
  }

  const { server: orphan } = await LspProcess.launch();
  try {
    await orphan.openAndWait('file:///work/postmortems/orphan.md', HOSTILE_HEAD);
    orphan.child.stdin.end();
    const ended = await within(orphan.exited, 5_000, 'the exit after the editor closed the server\'s input');
    assert.equal(ended.signal, null);
  } finally {
    await orphan.kill();
  }
});

test('the server exits by itself when the editor process that started it is gone (initialize processId)', async () => {
  // A process that has already exited stands for an editor that crashed.
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(gone.stdout);
  const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await within(connection.sendRequest(InitializeRequest.method, { processId: pid, workspaceFolders: null, capabilities: {} }), 10_000, 'initialize');
    await connection.sendNotification(InitializedNotification.type, {});
    // The library checks every 3 s.
    await within(exited, 8_000, `the server to notice that process ${pid} is gone`);
  } finally {
    connection.dispose();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

test('the CLI exits by itself, without process.exit, and leaves no timer behind', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-cli-exit-'));
  const preload = join(folder, 'no-exit.cjs');
  // Records a call to process.exit on stderr, then lets it happen.
  writeFileSync(preload, "const exit = process.exit; process.exit = (code) => { process.stderr.write('\\nprocess.exit was called\\n'); return exit(code); };\n");
  const child = spawn(process.execPath, ['--require', preload, CLI_BUNDLE, '--format', 'json', join(FIXTURES, 'seed-variants', 'swapped-entries.md'), join(FIXTURES, 'load-balancer-coffee-break.md')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await within(new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode))), 10_000, 'the CLI to exit by itself');
  assert.equal(code, 1, stderr);
  assert.doesNotMatch(stderr, /process\.exit was called/);
  assert.ok((JSON.parse(stdout) as unknown[]).length === 2);

  const before = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
  const status = runCli(['--format', 'json', join(FIXTURES, 'seed-variants', 'no-duration.md')], () => undefined, () => undefined);
  assert.equal(status, 0);
  assert.equal(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length, before, 'run() leaves no timer');
});
