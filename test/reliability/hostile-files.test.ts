// Hostile files and careless invocations of the real CLI (dist/cli.cjs):
// FIFOs, device nodes, read-only files, files owned by someone else, hard
// links, UTF-16 and UTF-32 with a BOM, names that read as globs or hold
// escape sequences, SARIF URIs for awkward names, and files too large to
// analyse (in the CLI and the server). Every run has a deadline and fails
// naming its input; the tests run as root here, and as "nobody" where a
// permission matters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HoverRequest } from 'vscode-languageserver-protocol/node.js';
import { MAX_DOCUMENT_BYTES } from '../../server/src/engine/limits.js';
import { writeFileAtomic } from '../../server/src/cli/write-file-atomic.js';
import { FIXTURES } from '../support/fixtures.js';
import { bundlesForAnotherUser, CLI_BUNDLE, LspProcess, within } from './support/lsp-process.js';

const NO_DURATION = readFileSync(join(FIXTURES, 'seed-variants', 'no-duration.md'), 'utf8');
const DURATION_LINE = '- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM)\n';
const FIXED = NO_DURATION.replace('- **Impact**', `${DURATION_LINE}- **Impact**`);
const NOBODY = { uid: 65534, gid: 65534 };
/** Long enough for a slow, shared machine to start node and lint a few small files; a hang or a multi-minute analysis goes far past it. */
const DEADLINE_MS = 60_000;

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'pm-hostile-'));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI on `args` in `cwd`, killed at the deadline: a run that does not finish fails naming what it was given. */
function lint(cwd: string, args: string[], options: { user?: { uid: number; gid: number }; shell?: string } = {}): Run {
  const cli = options.user ? bundlesForAnotherUser().cli : CLI_BUNDLE;
  const spawnOptions: SpawnSyncOptions = { cwd, encoding: 'utf8', timeout: DEADLINE_MS, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, ...options.user };
  const result = options.shell
    ? spawnSync('bash', ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, cli, ...args], spawnOptions)
    : spawnSync(process.execPath, [cli, ...args], spawnOptions);
  if (result.error || result.signal) {
    assert.fail(`postmortem-lint ${args.map((arg) => JSON.stringify(arg)).join(' ')} in ${cwd} did not finish within ${DEADLINE_MS} ms (${String(result.error ?? result.signal)})`);
  }
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Temporary files --fix may leave beside a file: ".<name>.<pid>.<time>.tmp". */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

function canRunAsNobody(): boolean {
  return userInfo().uid === 0 && spawnSync(process.execPath, ['-e', '0'], { ...NOBODY, timeout: DEADLINE_MS }).status === 0;
}

// ---------------------------------------------------------------------------
// Only regular files are read, and only regular files it may write are fixed

test('a FIFO named on the command line is refused at once, with and without --fix, and the other files are still checked', () => {
  const dir = folder();
  spawnSync('mkfifo', [join(dir, 'pipe.md')]);
  assert.ok(lstatSync(join(dir, 'pipe.md')).isFIFO(), 'mkfifo made a FIFO');
  writeFileSync(join(dir, 'no-duration.md'), NO_DURATION);
  for (const args of [['pipe.md', 'no-duration.md'], ['--fix', 'pipe.md', 'no-duration.md']]) {
    const result = lint(dir, args);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /cannot read pipe\.md: it is a FIFO \(named pipe\), not a regular file/);
    assert.ok(result.stdout.includes('no-duration.md:'), `the other file was checked: ${result.stdout}`);
  }
  assert.ok(lstatSync(join(dir, 'pipe.md')).isFIFO(), 'still a FIFO');
  assert.equal(readFileSync(join(dir, 'no-duration.md'), 'utf8'), FIXED, 'the regular file beside it was fixed');
});

test('--fix on a character device (a copy of /dev/null made with mknod) leaves the node a device, even as root', (t) => {
  const dir = folder();
  const device = join(dir, 'null.md');
  const made = spawnSync('mknod', [device, 'c', '1', '3'], { encoding: 'utf8' });
  if (made.status !== 0) {
    t.skip(`cannot mknod here: ${made.stderr}`);
    return;
  }
  const result = lint(dir, ['--fix', 'null.md']);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /cannot read null\.md: it is a character device, not a regular file/);
  assert.ok(lstatSync(device).isCharacterDevice(), 'still a character device');
  assert.equal(statSync(device).rdev, statSync('/dev/null').rdev, 'still the null device');
  assert.deepEqual(leftovers(dir), []);
});

/** A character device like /dev/null, made in `dir` with mknod, or null where mknod is not allowed. Tests never point at the real /dev/null: a regression would replace it for the whole machine. */
function nullDevice(dir: string): string | null {
  const device = join(dir, 'null-device');
  return spawnSync('mknod', [device, 'c', '1', '3']).status === 0 ? device : null;
}

test('--fix through a symlink to a device or a FIFO is refused the same way', (t) => {
  const dir = folder();
  const device = nullDevice(dir);
  if (!device) {
    t.skip('cannot mknod here');
    return;
  }
  spawnSync('mkfifo', [join(dir, 'pipe')]);
  symlinkSync(join(dir, 'pipe'), join(dir, 'to-pipe.md'));
  symlinkSync(device, join(dir, 'to-null.md'));
  const result = lint(dir, ['--fix', 'to-pipe.md', 'to-null.md']);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /cannot read to-pipe\.md: it is a FIFO/);
  assert.match(result.stderr, /cannot read to-null\.md: it is a character device/);
  assert.ok(lstatSync(device).isCharacterDevice());
  assert.ok(lstatSync(join(dir, 'pipe')).isFIFO());
});

test('writeFileAtomic refuses a folder, a FIFO and a device, and leaves nothing behind', () => {
  const dir = folder();
  spawnSync('mkfifo', [join(dir, 'pipe')]);
  const device = nullDevice(dir);
  for (const path of [dir, join(dir, 'pipe'), ...(device ? [device] : [])]) {
    assert.throws(() => writeFileAtomic(path, Buffer.alloc(0), Buffer.from('x')), /not a regular file/, path);
  }
  assert.ok(lstatSync(join(dir, 'pipe')).isFIFO());
  if (device) assert.ok(lstatSync(device).isCharacterDevice());
  assert.deepEqual(leftovers(dir), []);
});

test('--fix on a read-only file (mode 0444) refuses with a message naming it, even as root, and leaves it as it was', () => {
  const dir = folder();
  const file = join(dir, 'read-only.md');
  writeFileSync(file, NO_DURATION);
  chmodSync(file, 0o444);
  const before = statSync(file);
  const result = lint(dir, ['--fix', 'read-only.md']);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /cannot fix read-only\.md: it is read-only \(mode 0444\); not changed/);
  assert.equal(readFileSync(file, 'utf8'), NO_DURATION);
  assert.equal(statSync(file).ino, before.ino);
  assert.deepEqual(leftovers(dir), []);
});

test('--fix by root keeps the owner, the group and the mode of the file it rewrites', (t) => {
  if (userInfo().uid !== 0) {
    t.skip('needs root to give the file to nobody');
    return;
  }
  const dir = folder();
  const file = join(dir, 'owned.md');
  writeFileSync(file, NO_DURATION);
  chownSync(file, NOBODY.uid, NOBODY.gid);
  chmodSync(file, 0o640);
  const result = lint(dir, ['--fix', 'owned.md']);
  assert.notEqual(result.code, 2, result.stderr);
  assert.equal(readFileSync(file, 'utf8'), FIXED);
  const after = statSync(file);
  assert.deepEqual({ uid: after.uid, gid: after.gid, mode: (after.mode & 0o7777).toString(8) }, { uid: NOBODY.uid, gid: NOBODY.gid, mode: '640' });
});

test('--fix as nobody on a file owned by root that nobody may write: rewritten in place, still owned by root', (t) => {
  if (!canRunAsNobody()) {
    t.skip('needs root, and node runnable as nobody');
    return;
  }
  const dir = folder();
  chownSync(dir, NOBODY.uid, NOBODY.gid);
  const file = join(dir, 'shared.md');
  writeFileSync(file, NO_DURATION);
  chownSync(file, 0, NOBODY.gid);
  chmodSync(file, 0o664);
  const inode = statSync(file).ino;
  const result = lint(dir, ['--fix', 'shared.md'], { user: NOBODY });
  assert.notEqual(result.code, 2, result.stderr);
  assert.equal(readFileSync(file, 'utf8'), FIXED);
  const after = statSync(file);
  assert.deepEqual({ ino: after.ino, uid: after.uid, gid: after.gid, mode: (after.mode & 0o7777).toString(8) }, { ino: inode, uid: 0, gid: NOBODY.gid, mode: '664' });
  assert.deepEqual(leftovers(dir), []);
});

test('--fix on a hard-linked file updates the one inode: every name sees the fix', () => {
  const dir = folder();
  const file = join(dir, 'pm.md');
  const other = join(dir, 'same-postmortem.md');
  writeFileSync(file, NO_DURATION);
  linkSync(file, other);
  const inode = statSync(file).ino;
  const result = lint(dir, ['--fix', 'pm.md']);
  assert.notEqual(result.code, 2, result.stderr);
  assert.equal(readFileSync(other, 'utf8'), FIXED, 'the other name has the fix too');
  assert.equal(statSync(file).ino, inode);
  assert.equal(statSync(file).nlink, 2);
  assert.deepEqual(leftovers(dir), []);
});

test('--fix on a hard-linked file whose write fails part way (file size limit): the old content is put back, nothing left behind', () => {
  const dir = folder();
  const file = join(dir, 'pm.md');
  writeExactly4096(file);
  linkSync(file, join(dir, 'other.md'));
  // 4 kB under a limit of 4 kB: the original (and its copy) fit, the fixed text, one line longer, does not.
  const original = readFileSync(file);
  const result = lint(dir, ['--fix', 'pm.md'], { shell: "trap '' XFSZ; ulimit -f 4" });
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /cannot fix pm\.md: .*(EFBIG|file too large)/i);
  assert.ok(readFileSync(file).equals(original), 'the original content, byte for byte');
  assert.ok(readFileSync(join(dir, 'other.md')).equals(original));
  assert.equal(statSync(file).nlink, 2);
  assert.deepEqual(leftovers(dir), []);
});

/** Writes a postmortem of exactly 4096 bytes that --fix makes longer. */
function writeExactly4096(file: string): void {
  const padding = 4096 - Buffer.byteLength(NO_DURATION) - 1;
  assert.ok(padding > 0, `the fixture is ${Buffer.byteLength(NO_DURATION)} bytes`);
  writeFileSync(file, `${NO_DURATION}\n${'x'.repeat(padding - 1)}\n`);
  assert.equal(statSync(file).size, 4096);
}

// ---------------------------------------------------------------------------
// UTF-16 and UTF-32 with a BOM (Windows PowerShell 5 writes UTF-16LE)

const ENCODINGS: Record<string, (text: string) => Buffer> = {
  'UTF-16LE': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'UTF-16BE': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
  'UTF-32LE': (text) => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...Array.from(text, (char) => Buffer.from(new Uint32Array([char.codePointAt(0)!]).buffer))]),
  'UTF-32BE': (text) => Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), ...Array.from(text, (char) => Buffer.from(new Uint32Array([char.codePointAt(0)!]).buffer).reverse())]),
};

for (const [name, encode] of Object.entries(ENCODINGS)) {
  test(`a ${name} file with a BOM: the same findings as its UTF-8 copy, and --fix writes it back in ${name} with its BOM`, () => {
    const dir = folder();
    writeFileSync(join(dir, 'utf8.md'), NO_DURATION);
    writeFileSync(join(dir, 'encoded.md'), encode(NO_DURATION));
    const findings = (file: string): unknown => (JSON.parse(lint(dir, ['--format', 'json', file]).stdout) as Array<{ diagnostics: unknown }>)[0]!.diagnostics;
    assert.deepEqual(findings('encoded.md'), findings('utf8.md'));

    const result = lint(dir, ['--fix', 'encoded.md']);
    assert.notEqual(result.code, 2, result.stderr);
    const after = readFileSync(join(dir, 'encoded.md'));
    assert.ok(after.equals(encode(FIXED)), `${name}: the fixed text in ${name}, BOM first; the last bytes are ${after.subarray(-16).toString('hex')}`);
  });
}

test('--fix on UTF-16LE that does not decode cleanly (an odd byte at the end) refuses with a message and leaves it as it was', () => {
  const dir = folder();
  const bytes = Buffer.concat([ENCODINGS['UTF-16LE']!(NO_DURATION), Buffer.from([0x41])]);
  writeFileSync(join(dir, 'odd.md'), bytes);
  const result = lint(dir, ['--fix', 'odd.md']);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /cannot fix odd\.md: its UTF-16LE does not decode cleanly/);
  assert.ok(readFileSync(join(dir, 'odd.md')).equals(bytes));
});

// ---------------------------------------------------------------------------
// Names that read as globs, escape sequences, SARIF URIs

test('file names with glob characters ("incident?.md", "a[1].md") named on the command line are checked, not expanded', () => {
  const dir = folder();
  const notes = '# Incident notes\n\nSomething broke and we fixed it.\n';
  writeFileSync(join(dir, 'incident?.md'), notes);
  writeFileSync(join(dir, 'a[1].md'), notes);
  writeFileSync(join(dir, 'incidentX.md'), NO_DURATION);
  const result = lint(dir, ['incident?.md', 'a[1].md']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^incident\?\.md:1:1 warning missing-section/m);
  assert.match(result.stdout, /^a\[1\]\.md:1:1 warning missing-section/m);
  assert.doesNotMatch(result.stdout, /incidentX\.md/, 'the name was not used as a glob');
  // A glob that names no file is still a glob.
  const glob = lint(dir, ['incident*.md']);
  assert.match(glob.stdout, /^incidentX\.md:/m);
});

test('terminal escape sequences in document text and in file names are printed escaped by the text format', () => {
  const dir = folder();
  const esc = '\u001b';
  const name = `pm${esc}[31m.md`;
  writeFileSync(join(dir, name), NO_DURATION.replace('Implement a', `Implement ${esc}]0;owned${String.fromCharCode(7)}${esc}[2J a`));
  const result = lint(dir, [name]);
  assert.notEqual(result.code, 2, result.stderr);
  assert.ok(!result.stdout.includes(esc) && !result.stdout.includes('\u0007'), `no raw ESC or BEL in: ${JSON.stringify(result.stdout.slice(0, 300))}`);
  assert.match(result.stdout, /^pm\\x1b\[31m\.md:\d+:\d+ /m, 'the file name, escaped');
  assert.ok(result.stdout.includes('Implement \\x1b]0;owned\\x07\\x1b[2J a'), 'the document text, escaped');
});

test('SARIF artifact URIs are percent-encoded: a URI parser resolves each back to the real file', () => {
  const dir = folder();
  const names = ['a#b.md', '100%.md', 'with space.md', 'café ☕.md', 'q?.md', 'x:y.md'];
  for (const name of names) writeFileSync(join(dir, name), NO_DURATION);
  const result = lint(dir, ['--format', 'sarif', ...names]);
  assert.notEqual(result.code, 2, result.stderr);
  const sarif = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
  const uris = new Set(sarif.runs[0]!.results.map((found) => found.locations[0]!.physicalLocation.artifactLocation.uri));
  const base = pathToFileURL(`${dir}/`);
  const resolved = [...uris].map((uri) => fileURLToPath(new URL(uri, base)));
  assert.deepEqual(resolved.sort(), names.map((name) => join(dir, name)).sort(), `URIs: ${[...uris].join(' ')}`);
});

// ---------------------------------------------------------------------------
// Files too large to analyse

/** A timeline of `bytes` bytes, the shape that costs the engine the most memory. */
function bigTimeline(bytes: number): string {
  const head = '# Postmortem: a very long incident\n\n## Summary\n\nIt went on.\n\n## Timeline\n\n';
  const lines: string[] = [head];
  let length = head.length;
  for (let i = 0; length < bytes; i++) {
    const line = `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC step ${i} of the rollback, dashboards checked again\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('');
}

test(`CLI: a file over the ${MAX_DOCUMENT_BYTES / 2 ** 20} MB cap gets one message naming it and its size, exit 2, and the other files are checked`, () => {
  const dir = folder();
  writeFileSync(join(dir, 'huge.md'), bigTimeline(MAX_DOCUMENT_BYTES + 1024 * 1024));
  writeFileSync(join(dir, 'huger.md'), Buffer.alloc(MAX_DOCUMENT_BYTES * 4 + 1, 'a'));
  writeFileSync(join(dir, 'no-duration.md'), NO_DURATION);
  const result = lint(dir, ['huge.md', 'huger.md', 'no-duration.md']);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /^postmortem-lint: huge\.md is 6\.0 MB, more than the 5\.0 MB Postmortem Writer analyses; it is not checked\.$/m);
  assert.match(result.stderr, /^postmortem-lint: huger\.md is 20\.0 MB, more than the 5\.0 MB/m);
  assert.equal(result.stderr.trim().split('\n').length, 2, result.stderr);
  assert.match(result.stdout, /^no-duration\.md:/m);
});

test(`server: a document over the cap gets one diagnostic naming it and its size, and the server keeps answering`, async () => {
  const { server } = await LspProcess.launch();
  try {
    const uri = 'file:///work/postmortems/huge-timeline.md';
    const published = await server.openAndWait(uri, bigTimeline(MAX_DOCUMENT_BYTES + 1024 * 1024), DEADLINE_MS);
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics.slice(0, 3)));
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic!.code, 'too-large');
    assert.match(diagnostic!.message, /^huge-timeline\.md is 6\.0 MB, more than the 5\.0 MB Postmortem Writer analyses/);
    const hover = await within(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 8, character: 4 } }), 10_000, 'hover on the large document');
    assert.equal(hover, null);
    const small = await server.openAndWait('file:///work/postmortems/small.md', NO_DURATION, DEADLINE_MS);
    assert.ok(small.diagnostics.some((found) => found.code === 'missing-duration'), 'a small document beside it is analysed');
    await server.stop(10_000);
  } finally {
    await server.kill();
  }
});
