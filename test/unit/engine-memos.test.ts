// Memo tables belong to the host that passes them (issue #13): two engine
// instances share nothing, an analysis warms only its own, and the engine
// folders keep no state of their own between analyses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, createEngineMemos } from '../../server/src/engine/analyze.js';
import { findTimestamps } from '../../server/src/time/timestamps.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const example = readFileSync(join(root, 'examples', 'postmortems', '2024-06-12-dns-resolver-outage.md'), 'utf8');
const outcome = (result: ReturnType<typeof analyze>): string => JSON.stringify({ findings: result.findings, model: result.analysis.model });

test('analysing with one memo owner warms that owner only', () => {
  const a = createEngineMemos();
  const b = createEngineMemos();
  const first = outcome(analyze(example, { force: true, memos: a }));
  assert.ok(a.entries > 0, 'the analysis remembered its readings in the owner it was given');
  assert.equal(b.entries, 0, 'the other owner holds nothing');
  const held = a.entries;
  assert.equal(outcome(analyze(example, { force: true })), first, 'without an owner: the same result');
  assert.equal(outcome(analyze(example, { force: true, memos: b })), first, 'from another, cold owner: the same result');
  assert.equal(a.entries, held, 'analyses with other owners (or none) leave it as it was');
  assert.equal(outcome(analyze(example, { force: true, memos: a })), first, 'warm: the same result');
  assert.equal(a.entries, held, 'the same text again: nothing new to remember');
});

test('two owners do not share a reading', () => {
  const a = createEngineMemos();
  const b = createEngineMemos();
  const line = '2024-06-12 08:14 UTC: errors begin';
  const inA = findTimestamps(line, a);
  assert.equal(findTimestamps(line, a), inA, 'an owner gives back what it read');
  const inB = findTimestamps(line, b);
  assert.notEqual(inB, inA, 'another owner reads the line itself');
  assert.deepEqual(inB, inA);
});

// What module-level state may remain in the engine: constants (a Set or Map filled
// where it is declared, or typed read-only), and WeakMaps/WeakSets keyed by one object
// (a parse, a node, an options object, a zone), which hold that object's derived data
// and go with it. Memo tables are declared as slots (memoSlot) and live in an owner.
const ENGINE_FOLDERS = ['model', 'time', 'rules', 'templates', 'engine'];
const MUTABLE_AT_TOP = /^(?:export\s+)?(?:let|var)\s|^(?:export\s+)?const\s+\w+\s*(?::\s*([^=]+))?=\s*new\s+(Map|Set|RecentMemo|Array)\s*(?:<.*>)?\(\s*(\S?)/;

function sources(folder: string): string[] {
  const dir = join(root, 'server', 'src', folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).map((name) => join(dir, name));
}

test('no module-level mutable state in the engine folders', () => {
  const found: string[] = [];
  for (const folder of ENGINE_FOLDERS) {
    for (const file of sources(folder)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
        const match = MUTABLE_AT_TOP.exec(line);
        if (!match) return;
        const [, type, kind, firstArgument] = match;
        const constant = (kind === 'Set' || kind === 'Map') && ((type ?? '').trim().startsWith('Readonly') || (firstArgument !== undefined && firstArgument !== ')' && firstArgument !== ''));
        if (!constant) found.push(`${file.slice(root.length)}:${index + 1}: ${line.trim()}`);
      });
    }
  }
  assert.deepEqual(found, []);
});
