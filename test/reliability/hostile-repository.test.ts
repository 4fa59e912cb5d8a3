// The "hostile repository" category: one generated repository holding every
// trap at once (support/hostile-repository.ts), with the real CLI and the real
// language server run over it. Neither may crash or hang past its bound, nor
// grow past its memory bound, and no file may change except the postmortems
// named for --fix, which keep their inode links, owner, mode and encoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DocumentLinkRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type DocumentLink,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node.js';
import { MAX_DOCUMENT_BYTES } from '../../server/src/engine/limits.js';
import { CLI_BUNDLE, LspProcess, within } from './support/lsp-process.js';
import { makeHostileRepository, type HostileRepository } from './support/hostile-repository.js';

/** Bounds the whole category is held to (documented in docs/RELIABILITY.md). */
const CLI_SECONDS = 90;
const CLI_PEAK_MB = 1_500;
const SERVER_DOCUMENT_SECONDS = 30;
const SERVER_RSS_MB = 1_500;

interface Entry {
  type: 'file' | 'folder' | 'link' | 'fifo' | 'other';
  mode: number;
  uid: number;
  gid: number;
  ino: number;
  sha: string | null;
}

/** Every entry under root, without following links or opening pipes. */
function snapshot(root: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      const stat = lstatSync(full);
      const type = stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : stat.isSymbolicLink() ? 'link' : stat.isFIFO() ? 'fifo' : 'other';
      entries.set(relative(root, full), {
        type,
        mode: stat.mode,
        uid: stat.uid,
        gid: stat.gid,
        ino: stat.ino,
        sha: type === 'file' ? createHash('sha256').update(readFileSync(full)).digest('hex') : null,
      });
      if (type === 'folder') walk(full);
    }
  };
  walk(root);
  return entries;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakMb: number;
}

/** The CLI as a process with a deadline; its stdin is a pipe left open (a config that reads /dev/stdin must not wait on it). */
function runCli(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // VmHWM is the process's peak resident size so far: polled until it exits.
    const poll = setInterval(() => {
      try {
        const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${child.pid!}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // The process has just exited.
      }
    }, 25);
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`postmortem-lint ${args.join(' ')} did not finish within ${CLI_SECONDS} s; stderr: ${stderr.slice(-2000)}`));
    }, CLI_SECONDS * 1000);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(deadline);
      resolve({ code, signal, stdout, stderr, peakMb: Math.round(peakKb / 1024) });
    });
  });
}

/** The text an editor would send for a file: UTF-32LE and UTF-16LE by their BOMs, else UTF-8. */
function decode(bytes: Buffer): string {
  if (bytes.subarray(0, 4).equals(Buffer.from([0xff, 0xfe, 0, 0]))) {
    let text = '';
    for (let at = 4; at + 4 <= bytes.length; at += 4) text += String.fromCodePoint(bytes.readUInt32LE(at));
    return text;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

const STACK_TRACE = /\n\s+at .+[:(]\d+:\d+/;

// The repository holds a device node (mknod) and a file owned by nobody: only root can make them.
const IS_ROOT = userInfo().uid === 0;
const NEEDS_ROOT = IS_ROOT ? false : 'needs root, to make a device node and a file owned by nobody';

let repository: HostileRepository;

test.before(() => {
  if (!IS_ROOT) return;
  repository = makeHostileRepository({ oversizedBytes: MAX_DOCUMENT_BYTES + 1_000_000 });
});

test.after(() => {
  if (IS_ROOT) rmSync(repository.root, { recursive: true, force: true });
});

test('the CLI lints and fixes a hostile repository: no crash, no hang, bounded memory, only the named postmortems change', { skip: NEEDS_ROOT }, async (t) => {
  const before = snapshot(repository.root);

  const fix = await runCli(['--fix', ...repository.fixTargets, ...repository.refusedFixTargets], repository.root);
  assert.equal(fix.signal, null, `--fix ended by ${String(fix.signal)}`);
  assert.equal(fix.code, 2, `--fix exits 2 (files it refused); stderr:\n${fix.stderr}`);
  assert.doesNotMatch(fix.stderr, STACK_TRACE, 'no stack trace');
  assert.ok(fix.peakMb < CLI_PEAK_MB, `--fix peaked at ${fix.peakMb} MB`);
  for (const refused of repository.refusedFixTargets) {
    assert.ok(fix.stderr.includes(relative(repository.root, refused)), `--fix says why it refused ${refused}:\n${fix.stderr}`);
  }

  const started = Date.now();
  const lint = await runCli(['--format', 'sarif', '.'], repository.root);
  t.diagnostic(`--fix: ${fix.peakMb} MB peak; folder lint: ${Date.now() - started} ms, ${lint.peakMb} MB peak`);
  assert.equal(lint.signal, null, `the folder lint ended by ${String(lint.signal)}`);
  assert.ok(lint.code === 1 || lint.code === 2, `exit ${String(lint.code)}; stderr:\n${lint.stderr}`);
  assert.doesNotMatch(lint.stderr, STACK_TRACE, 'no stack trace');
  assert.ok(lint.peakMb < CLI_PEAK_MB, `the folder lint peaked at ${lint.peakMb} MB`);
  // Every broken config and the oversized file are named. (The backtracking section pattern is not a problem: it runs in linear time.)
  for (const folder of ['yaml-unanchored', 'yaml-bomb', 'json-deep', 'extends-zero', 'link-zero', 'extends-stdin', 'fifo-config', 'extends-folder', 'template-zero', 'redos-glob']) {
    assert.match(lint.stderr, new RegExp(`${folder}[/\\\\]`), `the problem with ${folder}'s config is named:\n${lint.stderr}`);
  }
  assert.match(lint.stderr, /huge-timeline\.md/, 'the oversized document is named');
  // Terminal escapes in the text never reach the terminal raw.
  const text = await runCli(['postmortems/escapes.md'], repository.root);
  assert.doesNotMatch(text.stdout + text.stderr, /\u001b/, 'no raw ESC in the text output');
  // SARIF locations are URIs that resolve to the real files.
  const sarif = JSON.parse(lint.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
  const uris = new Set(sarif.runs.flatMap((run) => run.results.flatMap((result) => result.locations.map((location) => location.physicalLocation.artifactLocation.uri))));
  for (const uri of uris) {
    const path = decodeURIComponent(new URL(uri, pathToFileURL(`${repository.root}/`)).pathname);
    assert.ok(lstatSync(path).isFile(), `SARIF uri ${uri} names a file that exists`);
  }

  const after = snapshot(repository.root);
  const changed = [...after].filter(([path, entry]) => JSON.stringify(entry) !== JSON.stringify(before.get(path))).map(([path]) => path);
  const allowed = new Set([...repository.fixTargets, repository.hardLinkTwin].map((path) => relative(repository.root, path)));
  assert.deepEqual(
    changed.filter((path) => !allowed.has(path)),
    [],
    'nothing changed but the postmortems named for --fix',
  );
  assert.deepEqual([...before.keys()].filter((path) => !after.has(path)), [], 'nothing was removed');
  assert.deepEqual([...after.keys()].filter((path) => !before.has(path)), [], 'nothing was left behind');
  for (const target of repository.fixTargets) {
    const path = relative(repository.root, target);
    const [was, now] = [before.get(path)!, after.get(path)!];
    assert.notEqual(now.sha, was.sha, `${path} was fixed`);
    assert.deepEqual([now.type, now.mode, now.uid, now.gid], [was.type, was.mode, was.uid, was.gid], `${path} keeps its type, mode and owner`);
  }
  const twin = relative(repository.root, repository.hardLinkTwin);
  const linked = relative(repository.root, join(repository.root, 'postmortems/hard-linked.md'));
  assert.equal(after.get(linked)!.ino, before.get(linked)!.ino, 'the hard-linked postmortem is fixed in place');
  assert.equal(after.get(twin)!.sha, after.get(linked)!.sha, 'its other name sees the fixed text');
  const utf16 = readFileSync(join(repository.root, 'postmortems/utf16.md'));
  assert.deepEqual([...utf16.subarray(0, 2)], [0xff, 0xfe], 'the UTF-16 postmortem keeps its BOM');
  const decoded = utf16.subarray(2).toString('utf16le');
  assert.match(decoded, /\*\*Duration\*\*/, 'the fix is written in UTF-16');
  assert.doesNotMatch(decoded, /\uFFFD/, 'and nothing in it is garbled');
  const utf32 = decode(readFileSync(join(repository.root, 'postmortems/utf32.md')));
  assert.match(utf32, /^# UTF-32 with a BOM[^]*\*\*Duration\*\*/, 'the UTF-32 postmortem is fixed in UTF-32');
});

test('the language server opens every document of a hostile repository: it answers each, stays within its memory bound and keeps running', { skip: NEEDS_ROOT }, async (t) => {
  const { server } = await LspProcess.launch({
    cwd: repository.root,
    capabilities: { workspace: { configuration: true } },
  });
  // Editor settings as a hostile workspace would set them.
  server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => ({
      ticketUrl: 'javascript:alert("{ticket}")',
      include: [`**/${'*a'.repeat(24)}b.md`],
      rules: { 'duration-mismatch': ['warning', { toleranceMinutes: 'fifteen' }] },
    })),
  );
  try {
    let peakRssMb = 0;
    let slowestMs = 0;
    for (const path of repository.documents) {
      const opened = Date.now();
      const text = decode(readFileSync(path));
      const uri = pathToFileURL(path).href;
      const diagnostics = await server.openAndWait(uri, text, SERVER_DOCUMENT_SECONDS * 1000);
      if (path === repository.oversized) {
        assert.equal(diagnostics.diagnostics.length, 1, 'one finding on the oversized document');
        assert.match(diagnostics.diagnostics[0]!.message, /huge-timeline\.md is [\d.]+ MB, more than the [\d.]+ MB Postmortem Writer analyses/);
      } else {
        const symbols = await within(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), SERVER_DOCUMENT_SECONDS * 1000, `symbols of ${path}`);
        assert.ok(Array.isArray(symbols), `symbols of ${path}`);
        const links: DocumentLink[] | null = await within(server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } }), SERVER_DOCUMENT_SECONDS * 1000, `links of ${path}`);
        for (const link of links ?? []) assert.match(link.target ?? 'https:', /^https?:/, `only web links from ${path}`);
        const hover: Hover | null = await within(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } }), SERVER_DOCUMENT_SECONDS * 1000, `hover on ${path}`);
        if (hover) assert.doesNotMatch((hover.contents as MarkupContent).value ?? '', /\]\(command:|<img/, `hover on ${path} escapes the document's Markdown`);
      }
      slowestMs = Math.max(slowestMs, Date.now() - opened);
      await server.close(uri);
      peakRssMb = Math.max(peakRssMb, Math.round(server.rssKb() / 1024));
    }
    t.diagnostic(`server: ${repository.documents.length} documents, slowest answered in ${slowestMs} ms, ${peakRssMb} MB resident at most`);
    assert.ok(peakRssMb < SERVER_RSS_MB, `the server's resident memory reached ${peakRssMb} MB`);
    assert.equal(server.hasExited, false, 'the server is still running');
    assert.doesNotMatch(server.stderr.join(''), /Unhandled|RangeError|TypeError/, 'nothing escaped to stderr');
  } finally {
    const ended = await server.stop(10_000).catch(async (error: unknown) => {
      await server.kill();
      throw error;
    });
    assert.equal(ended.code, 0, 'the server shuts down cleanly');
  }
});
