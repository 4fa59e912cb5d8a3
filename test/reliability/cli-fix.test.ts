// `postmortem-lint --fix` must never damage a file: writes are atomic (a
// temporary file renamed over the original, nothing left behind), a file
// that changed on disk meanwhile is not clobbered, line endings, the BOM, the
// final newline and bytes that are not UTF-8 are kept, a symlink stays a
// symlink, and nothing is written when nothing changes. test/protocol/
// cli-options.test.ts covers CRLF with a BOM and a file with nothing to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../server/src/cli/write-file-atomic.js';
import { FIXTURES, SEED } from '../support/fixtures.js';
import { bundlesForAnotherUser, CLI_BUNDLE } from './support/lsp-process.js';

const NO_DURATION = readFileSync(join(FIXTURES, 'seed-variants', 'no-duration.md'), 'utf8');
const SEED_TEXT = readFileSync(SEED, 'utf8');
/** The seed without its last section: --fix appends "Corrective and Preventative Measures" at the very end. */
const WITHOUT_LAST_SECTION = SEED_TEXT.slice(0, SEED_TEXT.indexOf('## Corrective'));
const NOBODY = { uid: 65534, gid: 65534 };

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'pm-fix-'));
}

function lint(cwd: string, args: string[], user: { uid?: number; gid?: number } = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [user.uid !== undefined ? bundlesForAnotherUser().cli : CLI_BUNDLE, ...args], { cwd, encoding: 'utf8', ...user });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Temporary files writeFileAtomic may leave: ".<name>.<pid>.<time>.tmp". */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

/** `after` is `before` with one run of bytes inserted: where, and what (or null when it is anything else). */
function insertion(before: Buffer, after: Buffer): { at: number; inserted: string } | null {
  if (after.length <= before.length) return null;
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const length = after.length - before.length;
  if (!after.subarray(at + length).equals(before.subarray(at))) return null;
  return { at, inserted: after.subarray(at, at + length).toString('utf8') };
}

test('writeFileAtomic replaces the content through a rename, keeps the mode, leaves no temporary file', () => {
  const dir = folder();
  const file = join(dir, 'pm.md');
  writeFileSync(file, 'old\n');
  chmodSync(file, 0o640);
  const inode = statSync(file).ino;
  writeFileAtomic(file, Buffer.from('old\n'), Buffer.from('new\n'));
  assert.equal(readFileSync(file, 'utf8'), 'new\n');
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.notEqual(statSync(file).ino, inode, 'a new inode: the content was renamed into place, never written over');
  assert.deepEqual(leftovers(dir), []);
});

test('writeFileAtomic does not clobber a file that changed on disk between the read and the write', () => {
  const dir = folder();
  const file = join(dir, 'pm.md');
  const read = Buffer.from('# Postmortem\n\nas read by --fix\n');
  writeFileSync(file, read);
  // Someone saves the file while the fixes are computed.
  writeFileSync(file, '# Postmortem\n\nsaved meanwhile in the editor\n');
  assert.throws(() => writeFileAtomic(file, read, Buffer.from('# Postmortem\n\nfixed\n')), /changed on disk/);
  assert.equal(readFileSync(file, 'utf8'), '# Postmortem\n\nsaved meanwhile in the editor\n');
  assert.deepEqual(leftovers(dir), []);
});

test('writeFileAtomic does not recreate a file deleted meanwhile', () => {
  const dir = folder();
  const file = join(dir, 'pm.md');
  writeFileSync(file, 'x\n');
  rmSync(file);
  assert.throws(() => writeFileAtomic(file, Buffer.from('x\n'), Buffer.from('y\n')));
  assert.deepEqual(readdirSync(dir), []);
});

test('writeFileAtomic through a symlink: the link stays a link and its target gets the new content', () => {
  const dir = folder();
  const target = join(dir, 'shared-postmortem.md');
  const link = join(dir, 'pm.md');
  writeFileSync(target, 'old\n');
  symlinkSync(target, link);
  writeFileAtomic(link, Buffer.from('old\n'), Buffer.from('new\n'));
  assert.ok(lstatSync(link).isSymbolicLink(), 'pm.md is still a symlink');
  assert.equal(readlinkSync(link), target);
  assert.equal(readFileSync(target, 'utf8'), 'new\n', 'the target was fixed');
});

test('--fix in a folder it cannot write to: a clear error, exit 2, the file untouched, nothing left behind', (t) => {
  if (userInfo().uid !== 0 || spawnSync(process.execPath, ['-e', '0'], NOBODY).status !== 0) {
    t.skip('needs root to run the CLI as nobody (root can write anywhere)');
    return;
  }
  const dir = folder();
  const file = join(dir, 'no-duration.md');
  writeFileSync(file, NO_DURATION);
  chownSync(file, NOBODY.uid, NOBODY.gid);
  chmodSync(file, 0o644);
  chmodSync(dir, 0o555);
  try {
    const result = lint(dir, ['--fix', 'no-duration.md'], NOBODY);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /cannot fix no-duration\.md: permission denied/);
    assert.equal(readFileSync(file, 'utf8'), NO_DURATION);
    assert.deepEqual(leftovers(dir), []);
  } finally {
    chmodSync(dir, 0o755);
  }
});

test('--fix on an LF file: one line inserted, no CR anywhere, everything else byte for byte', () => {
  const dir = folder();
  const file = join(dir, 'no-duration.md');
  writeFileSync(file, NO_DURATION);
  lint(dir, ['--fix', 'no-duration.md']);
  const after = readFileSync(file, 'utf8');
  assert.equal(after, NO_DURATION.replace('- **Impact**', '- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM)\n- **Impact**'));
  assert.ok(!after.includes('\r'));
});

test('--fix keeps a BOM on an LF file', () => {
  const dir = folder();
  const file = join(dir, 'no-duration.md');
  writeFileSync(file, `\uFEFF${NO_DURATION}`);
  lint(dir, ['--fix', 'no-duration.md']);
  const after = readFileSync(file, 'utf8');
  assert.ok(after.startsWith('\uFEFF# Postmortem'));
  assert.equal(after.indexOf('\uFEFF', 1), -1, 'one BOM');
  assert.ok(insertion(Buffer.from(`\uFEFF${NO_DURATION}`), Buffer.from(after)));
});

test('--fix appending a section keeps the final newline as it was: one when there was one, none when there was none', () => {
  const dir = folder();
  const withNewline = join(dir, 'with.md');
  const withoutNewline = join(dir, 'without.md');
  writeFileSync(withNewline, `${WITHOUT_LAST_SECTION.trimEnd()}\n`);
  writeFileSync(withoutNewline, WITHOUT_LAST_SECTION.trimEnd());
  lint(dir, ['--fix', 'with.md', 'without.md']);
  const fixedWith = readFileSync(withNewline, 'utf8');
  const fixedWithout = readFileSync(withoutNewline, 'utf8');
  assert.ok(fixedWith.includes('## Corrective and Preventative Measures'), 'the missing section was appended');
  assert.ok(fixedWith.endsWith('\n') && !fixedWith.endsWith('\n\n'), 'one final newline, as before');
  assert.ok(fixedWithout.includes('## Corrective and Preventative Measures'), 'the missing section was appended');
  assert.ok(!fixedWithout.endsWith('\n'), `no final newline, as before: …${JSON.stringify(fixedWithout.slice(-30))}`);
});

test('--fix appending a section to a CRLF file: every line still ends CRLF', () => {
  const dir = folder();
  const file = join(dir, 'crlf.md');
  const original = `${WITHOUT_LAST_SECTION.trimEnd()}\n`.replace(/\n/g, '\r\n');
  writeFileSync(file, original);
  lint(dir, ['--fix', 'crlf.md']);
  const after = readFileSync(file, 'utf8');
  assert.ok(after.includes('## Corrective and Preventative Measures\r\n'));
  assert.doesNotMatch(after, /(?<!\r)\n/, 'no bare LF');
  assert.ok(insertion(Buffer.from(original), Buffer.from(after)), 'the original bytes are all there, in order, around one insertion');
});

test('--fix on a file that is not valid UTF-8 (Latin-1 "café"): the bytes around the fix are kept as they were', () => {
  const dir = folder();
  const file = join(dir, 'latin1.md');
  const heading = NO_DURATION.indexOf('## Root Cause') + '## Root Cause'.length;
  // "## Root Cause (café)" with é as the single Latin-1 byte 0xE9, which is not UTF-8.
  const bytes = Buffer.concat([Buffer.from(NO_DURATION.slice(0, heading)), Buffer.from(' (caf'), Buffer.from([0xe9]), Buffer.from(')'), Buffer.from(NO_DURATION.slice(heading))]);
  writeFileSync(file, bytes);
  lint(dir, ['--fix', 'latin1.md']);
  const after = readFileSync(file);
  const change = insertion(bytes, after);
  assert.ok(change, 'the file is the original with the Duration line inserted: the 0xE9 byte was not rewritten as U+FFFD');
  assert.ok(after.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x29])));
});

test('nothing is written when nothing changes: a file whose findings have no fix, and a second --fix after a first', () => {
  const dir = folder();
  const file = join(dir, 'swapped.md');
  writeFileSync(file, readFileSync(join(FIXTURES, 'seed-variants', 'swapped-entries.md')));
  const before = statSync(file);
  const first = lint(dir, ['--fix', 'swapped.md']);
  assert.equal(first.code, 1, 'the out-of-order entry has no automatic fix and stays an error');
  assert.equal(statSync(file).ino, before.ino);
  assert.equal(statSync(file).mtimeMs, before.mtimeMs);

  const fixable = join(dir, 'no-duration.md');
  writeFileSync(fixable, NO_DURATION);
  lint(dir, ['--fix', 'no-duration.md']);
  const fixed = statSync(fixable);
  const again = lint(dir, ['--fix', 'no-duration.md']);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(statSync(fixable).ino, fixed.ino, 'the second --fix did not replace the file');
  assert.equal(statSync(fixable).mtimeMs, fixed.mtimeMs);
  assert.deepEqual(leftovers(dir), []);
});
