// The language server learns a team's template from the other postmortems in
// a document's folder, as the CLI does: a section every sibling lacks is not
// reported missing. The siblings are real files on disk, read by the server
// (its core in-process; the analysis worker in the spawned bundle).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InProcessServer } from '../support/in-process-server.js';
import { SpawnedServer } from '../support/spawned-server.js';

// A team whose postmortems have a summary, a timeline and a root cause, and no action-item section.
const teamNote = (day: number): string => `# Queue consumer stalled on day ${day}

## Summary

The order-events consumer stopped for forty minutes and 1,200 events waited in the queue.

## Timeline

- 09:${String(10 + day).padStart(2, '0')} UTC: lag alert fires
- 09:50 UTC: consumer restarted

## Root Cause

A poison message made the consumer crash on every retry.
`;
const OPENED = teamNote(9);
const WITH_ACTIONS = `${teamNote(8)}\n## Action Items\n\n- [ ] Dead-letter poison messages (owner: @kim, OPS-12)\n`;

let root: string;
let server: InProcessServer;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'pm-siblings-'));
  const folder = (name: string, files: Record<string, string>): void => {
    mkdirSync(join(root, name, 'postmortems'), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, name, 'postmortems', file), text);
  };
  folder('team', { '2024-01-02-queue.md': teamNote(1), '2024-02-03-queue.md': teamNote(2), '2024-03-04-queue.md': teamNote(3), 'README.md': 'Our incident notes.\n' });
  folder('mixed', { '2024-01-02-queue.md': teamNote(1), '2024-02-03-queue.md': WITH_ACTIONS, '2024-03-04-queue.md': teamNote(3) });
  folder('alone', { 'notes.md': 'Nothing here is a postmortem.\n' });
  ({ server } = await InProcessServer.start());
});

after(async () => {
  await server.stop();
  rmSync(root, { recursive: true, force: true });
});

const uriIn = (name: string, file: string): string => pathToFileURL(join(root, name, 'postmortems', file)).toString();
const missing = async (uri: string): Promise<string[]> =>
  (await server.open(uri, OPENED)).diagnostics.filter((d) => d.code === 'missing-section').map((d) => d.message.replace(/ \(.*/, ''));

test('a section every sibling postmortem in the folder lacks is the team template, not missing', async () => {
  assert.deepEqual(await missing(uriIn('team', '2024-04-05-queue.md')), []);
});

test('one sibling that has the section keeps it expected', async () => {
  assert.deepEqual(await missing(uriIn('mixed', '2024-04-05-queue.md')), ['Missing section "Action Items"']);
});

test('with no sibling postmortems, the template decides alone', async () => {
  assert.deepEqual(await missing(uriIn('alone', '2024-04-05-queue.md')), ['Missing section "Action Items"']);
});

test('the document itself on disk is not its own sibling', async () => {
  // The folder holds the opened document and two others: two siblings, as many as the rule needs, never three.
  const name = 'self';
  mkdirSync(join(root, name, 'postmortems'), { recursive: true });
  for (const file of ['a.md', 'b.md', 'c.md']) writeFileSync(join(root, name, 'postmortems', file), file === 'c.md' ? WITH_ACTIONS : teamNote(4));
  // c.md (with action items) is the opened file: its text on disk has the section, the editor's does not.
  assert.deepEqual(await missing(uriIn(name, 'c.md')), []);
});

test('the analysis worker (large documents) gets the siblings too', async () => {
  const { server: offloading } = await SpawnedServer.start({ initializationOptions: { offloadChars: 0 } });
  try {
    const team = (await offloading.open(uriIn('team', '2024-05-06-queue.md'), OPENED)).diagnostics.filter((d) => d.code === 'missing-section');
    const alone = (await offloading.open(uriIn('alone', '2024-05-06-queue.md'), OPENED)).diagnostics.filter((d) => d.code === 'missing-section');
    assert.deepEqual([team.length, alone.length], [0, 1]);
  } finally {
    await offloading.stop();
  }
});
