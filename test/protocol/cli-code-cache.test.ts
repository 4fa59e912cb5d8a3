// postmortem-lint starts through a launcher that keeps V8's code cache in the
// user's cache folder. The cache must only ever make it faster: a first run
// writes it, later runs give the same output, and a broken or foreign cache
// file is rejected by V8 and written again, never an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from '../support/fixtures.js';

const CLI = fileURLToPath(new URL('../../../dist/cli.cjs', import.meta.url));

function lint(cacheHome: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'seed-variants/swapped-entries.md'], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = (home: string): string[] => {
  try {
    return readdirSync(join(home, 'postmortem-writer')).filter((name) => name.endsWith('.v8cache'));
  } catch {
    return [];
  }
};

test('the first run writes a code cache, the next runs use it with the same output, and a broken cache is replaced', () => {
  const home = mkdtempSync(join(tmpdir(), 'pm-cache-'));
  try {
    const first = lint(home);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /timeline-out-of-order/);
    const files = cacheFiles(home);
    assert.equal(files.length, 1, 'one cache file, named for this Node and this bundle');
    const path = join(home, 'postmortem-writer', files[0]!);
    const written = readFileSync(path);
    assert.ok(written.length > 1000, 'the cache holds compiled code');

    assert.deepEqual(lint(home), first, 'same output from the cache');
    assert.deepEqual(readFileSync(path), written, 'an accepted cache is not rewritten');

    writeFileSync(path, 'not a V8 code cache');
    assert.deepEqual(lint(home), first, 'same output with a broken cache');
    assert.ok(readFileSync(path).length > 1000, 'the broken cache was replaced');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('POSTMORTEM_LINT_CODE_CACHE=0 writes nothing, and an unwritable cache folder is no error', () => {
  const home = mkdtempSync(join(tmpdir(), 'pm-cache-'));
  try {
    const off = lint(home, { POSTMORTEM_LINT_CODE_CACHE: '0' });
    assert.equal(off.code, 1);
    assert.deepEqual(cacheFiles(home), []);
    // A cache "folder" that is a file: nothing can be written under it.
    writeFileSync(join(home, 'postmortem-writer'), '');
    const blocked = lint(home);
    assert.deepEqual(blocked, off);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
