// Large documents are analysed in the analysis worker, asynchronously: while
// one version is analysed the editor sends the next. Diagnostics computed for
// an older version must never be published labelled as a newer one (the
// editor would draw them on the wrong lines). Through the real spawned server,
// with its default offload threshold (32,000 characters): a typing burst in
// which each version moves a placeholder ("TBD") to another line, and every
// published diagnostics must put it on the line of the version it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { SpawnedServer } from '../support/spawned-server.js';
import { HOSTILE_HEAD } from './support/hostile-documents.js';
import { within } from './support/lsp-process.js';

const NOTES = 900;
const EDITS = 60;

/** A 36 kB postmortem whose Notes hold one "TBD", on the line that depends on the version. */
function textFor(version: number): { text: string; markerLine: number } {
  const marker = (version * 7) % NOTES;
  const notes = Array.from({ length: NOTES }, (_, i) => `Note ${i}: the queue drained ${i === marker ? 'TBD' : 'normally'}.`);
  const head = `${HOSTILE_HEAD}\n## Notes\n\n`;
  return { text: head + notes.join('\n') + '\n', markerLine: head.split('\n').length - 1 + marker };
}

const placeholderLines = (params: PublishDiagnosticsParams): number[] => params.diagnostics.filter((diagnostic) => diagnostic.code === 'placeholder-text').map((diagnostic) => diagnostic.range.start.line);

test(`a burst of ${EDITS} edits to a ${Math.round(textFor(1).text.length / 1000)} kB document analysed in the worker: every published diagnostics matches the text of the version it names`, async (t) => {
  assert.ok(textFor(1).text.length >= 32_000, 'the document is large enough for the worker');
  const { server } = await SpawnedServer.start({ initializationOptions: { debounceMs: 0 } });
  try {
    const uri = 'file:///work/postmortems/large-burst.md';
    const small = 'file:///work/postmortems/small.md';
    const first = await within(server.open(uri, textFor(1).text), 30_000, 'the first diagnostics of the large document');
    assert.deepEqual(placeholderLines(first), [textFor(1).markerLine]);
    await within(server.open(small, HOSTILE_HEAD), 10_000, 'the diagnostics of the small document');
    for (let version = 2; version <= EDITS; version++) {
      await server.didChange(uri, textFor(version).text);
      // A request answered on the connection's thread: the change has been taken in and its analysis started,
      // so the next edit arrives while the worker is busy with this one, as typing does.
      await within(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 3 } }), 10_000, `the answer to a hover after version ${version}`);
    }
    await within(server.nextDiagnostics(uri, (params) => params.version === EDITS), 60_000, `the diagnostics of version ${EDITS}`);
    const published = server.publishedFor(uri);
    const wrong = published.filter((params) => params.version !== undefined && placeholderLines(params).join() !== String(textFor(params.version).markerLine));
    t.diagnostic(`${published.length} diagnostics published for ${EDITS} versions; ${wrong.length} labelled with a version whose text they do not match`);
    assert.deepEqual(
      wrong.map((params) => `version ${String(params.version)}: TBD reported on line ${placeholderLines(params).join()} but it is on line ${textFor(params.version!).markerLine}`),
      [],
    );
    assert.ok(published.every((params) => params.version !== undefined), 'every publish names its version');
    const versions = published.map((params) => params.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions are published in order, never an older after a newer');
    assert.equal(await server.stop(), 0);
  } finally {
    if (server.process.exitCode === null) server.process.kill('SIGKILL');
  }
});
