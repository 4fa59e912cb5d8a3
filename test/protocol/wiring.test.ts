// The built bundle, spawned, answers every request exactly as the server core
// does in-process: what the in-process feature tests prove holds for the
// server editors run. Also what only the process shows: the version it reports
// and a clean exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  type Position,
} from 'vscode-languageserver-protocol/node.js';
import { SpawnedServer } from '../support/spawned-server.js';
import { InProcessServer } from '../support/in-process-server.js';
import type { LspTestClient, StartOptions } from '../support/lsp-client.js';
import { readFixture } from '../support/fixtures.js';
import { IncidentRequest, OutlineRequest } from '../../server/src/protocol.js';

const SEED = readFixture('load-balancer-coffee-break.md');
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function positionOf(text: string, needle: string): Position {
  const lines = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** Every request a client sends for a document, answered by one server. */
async function everyAnswer(on: LspTestClient, uri: string): Promise<unknown[]> {
  const textDocument = { uri };
  const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  const published = await on.open(uri, SEED);
  const diagnostics = published.diagnostics;
  return [
    diagnostics,
    await on.connection.sendRequest(HoverRequest.type, { textDocument, position: positionOf(SEED, '09:30 AM') }),
    await on.connection.sendRequest(CompletionRequest.type, { textDocument, position: positionOf(SEED, '## Timeline') }),
    await on.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
    await on.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
    await on.connection.sendRequest(DocumentLinkRequest.type, { textDocument }),
    await on.connection.sendRequest(InlayHintRequest.type, { textDocument, range: whole }),
    await on.connection.sendRequest(CodeLensRequest.type, { textDocument }),
    await on.connection.sendRequest(CodeActionRequest.type, { textDocument, range: whole, context: { diagnostics } }),
    await on.connection.sendRequest(CodeActionRequest.type, { textDocument, range: whole, context: { diagnostics, only: ['source'] } }),
    await on.connection.sendRequest(OutlineRequest, { uri }),
    await on.connection.sendRequest(IncidentRequest, { uri }),
  ];
}

async function both<T>(options: StartOptions, run: (server: LspTestClient, which: string) => Promise<T>): Promise<{ spawned: T; inProcess: T; version: string | undefined }> {
  const { server: spawned, initialize } = await SpawnedServer.start(options);
  const { server: inProcess, initialize: initializeInProcess } = await InProcessServer.start(options);
  try {
    assert.deepEqual(initialize.capabilities, initializeInProcess.capabilities, 'the same capabilities');
    return { spawned: await run(spawned, 'spawned'), inProcess: await run(inProcess, 'in-process'), version: initialize.serverInfo?.version };
  } finally {
    assert.equal(await spawned.stop(), 0, `the bundle exited badly; stderr: ${spawned.stderr.join('')}`);
    assert.equal(await inProcess.stop(), 0, `stderr: ${inProcess.stderr.join('')}`);
  }
}

test('the spawned bundle answers every request on the seed exactly as the in-process core (push client)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'pm-wiring-'));
  try {
    const uri = pathToFileURL(join(root, 'postmortems', 'seed.md')).toString();
    const { spawned, inProcess, version } = await both({}, (server) => everyAnswer(server, uri));
    assert.equal(version, PACKAGE_VERSION, 'the bundle reports the package version');
    assert.ok((spawned[0] as unknown[]).length > 0, 'the seed has findings');
    assert.deepEqual(spawned, inProcess);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the spawned bundle pulls settings and answers pull diagnostics as the in-process core does', async () => {
  const root = mkdtempSync(join(tmpdir(), 'pm-wiring-'));
  try {
    const uri = pathToFileURL(join(root, 'postmortems', 'seed.md')).toString();
    const options: StartOptions = {
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
      settings: { rules: { 'missing-duration': 'error' }, ticketUrl: 'https://jira.example.com/browse/{ticket}' },
    };
    const { spawned, inProcess } = await both(options, async (server) => {
      await server.didOpen(uri, SEED);
      const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      return { report, asked: server.configurationRequests.length > 0, pushed: server.publishedFor(uri).length };
    });
    assert.deepEqual(spawned, inProcess);
    assert.equal(spawned.asked, true, 'workspace/configuration was asked');
    assert.equal(spawned.pushed, 0, 'a pull client gets no pushes');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
