// Hostile configuration: what a cloned repository can put in its
// .postmortemrc, what that extends and its template files. Links to /dev/zero
// and /dev/stdin, FIFOs, folders, files past the size cap, a YAML alias with no
// anchor, an alias bomb, JSON and YAML nested 10,000 deep, a section pattern
// that backtracks catastrophically, an include glob that does, a relative
// include glob, and wrong rule options in editor settings. Each runs through
// the real CLI (dist/cli.cjs, with its stdin a pipe kept open and its heap
// capped) and the real spawned server; every wait has a deadline and a missed
// one fails naming the input. The outcome each time: one clear problem on the
// referring file, at its key where there is one, the defaults apply, no crash,
// no hang, no stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LogMessageNotification, type Diagnostic, type LogMessageParams } from 'vscode-languageserver-protocol/node.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { DEFAULT_SETTINGS } from '../../server/src/config/settings.js';
import { FIXTURES } from '../support/fixtures.js';
import { SpawnedServer } from '../support/spawned-server.js';
import { CLI_BUNDLE, LspProcess, within } from './support/lsp-process.js';

const NO_DURATION = readFileSync(join(FIXTURES, 'seed-variants', 'no-duration.md'), 'utf8');
/** A hang costs the suite this much per run, then fails naming the input. */
const DEADLINE_MS = 20_000;
/** The CLI runs with this heap: /dev/zero read whole would exhaust it at once instead of taking the machine's memory. */
const CLI_HEAP_MB = 512;

function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, `mkfifo ${path}: ${String(made.stderr)}`);
}

/** A JSON or YAML flow value nested `depth` levels deep. */
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const ALIAS_BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]!}`).join(',')}]`)].join('\n');

interface HostileConfig {
  name: string;
  /** The config file's name in the folder; setup writes it (and whatever it names). */
  file: string;
  setup(folder: string): void;
  /** Where the one problem is reported: the file (relative; the config by default), its 1-based line:column (null: the file as a whole; undefined: anywhere), and words of the message. */
  problem: { file?: string; at?: string | null; says: RegExp };
}

const json = (folder: string, text: string): void => writeFileSync(join(folder, '.postmortemrc.json'), text);

const CASES: HostileConfig[] = [
  { name: 'the config is a link to /dev/zero', file: '.postmortemrc.json', setup: (f) => symlinkSync('/dev/zero', join(f, '.postmortemrc.json')), problem: { at: null, says: /is a device/ } },
  { name: 'the config extends /dev/zero', file: '.postmortemrc.json', setup: (f) => json(f, '{\n  "extends": "/dev/zero"\n}\n'), problem: { at: '2:3', says: /\/dev\/zero is a device/ } },
  {
    name: 'the config extends /dev/stdin (a pipe in the CLI and the server)',
    file: '.postmortemrc.json',
    setup: (f) => json(f, '{\n  "extends": "/dev/stdin"\n}\n'),
    problem: { at: '2:3', says: /\/dev\/stdin (?:is a named pipe|is a device|is a socket|is not a regular file)/ },
  },
  { name: 'the config is a FIFO', file: '.postmortemrc.json', setup: (f) => mkfifo(join(f, '.postmortemrc.json')), problem: { at: null, says: /is a named pipe/ } },
  {
    name: 'the config extends a FIFO',
    file: '.postmortemrc.json',
    setup: (f) => {
      mkfifo(join(f, 'base.json'));
      json(f, '{\n  "extends": "./base.json"\n}\n');
    },
    problem: { at: '2:3', says: /base\.json is a named pipe/ },
  },
  { name: 'the config is a link to a folder', file: '.postmortemrc.json', setup: (f) => symlinkSync(tmpdir(), join(f, '.postmortemrc.json')), problem: { at: null, says: /is a folder/ } },
  {
    name: 'the template file is a link to /dev/zero',
    file: '.postmortemrc.json',
    setup: (f) => {
      symlinkSync('/dev/zero', join(f, 'team.json'));
      json(f, '{\n  "template": "./team.json"\n}\n');
    },
    problem: { at: '2:3', says: /team\.json is a device/ },
  },
  {
    name: 'the template file is a FIFO',
    file: '.postmortemrc.json',
    setup: (f) => {
      mkfifo(join(f, 'team.yaml'));
      json(f, '{\n  "template": "./team.yaml"\n}\n');
    },
    problem: { at: '2:3', says: /team\.yaml is a named pipe/ },
  },
  {
    name: 'the config is 2 MB',
    file: '.postmortemrc.json',
    setup: (f) => json(f, `{ "$schema": "${'x'.repeat(2 * 1024 * 1024)}" }\n`),
    problem: { at: null, says: /larger than 1 MB/ },
  },
  {
    name: 'the template file is 2 MB',
    file: '.postmortemrc.json',
    setup: (f) => {
      writeFileSync(join(f, 'team.json'), `{ "name": "${'x'.repeat(2 * 1024 * 1024)}", "sections": [{ "heading": "Timeline" }] }\n`);
      json(f, '{\n  "template": "./team.json"\n}\n');
    },
    problem: { at: '2:3', says: /team\.json is larger than 1 MB/ },
  },
  { name: 'a YAML alias with no anchor (rules: *nope)', file: '.postmortemrc.yaml', setup: (f) => writeFileSync(join(f, '.postmortemrc.yaml'), 'rules: *nope\n'), problem: { says: /alias.*nope|nope.*alias/i } },
  { name: 'a 9-line YAML alias bomb', file: '.postmortemrc.yaml', setup: (f) => writeFileSync(join(f, '.postmortemrc.yaml'), `${ALIAS_BOMB}\n`), problem: { says: /alias/i } },
  { name: 'JSON nested 10,000 levels deep', file: '.postmortemrc.json', setup: (f) => json(f, `{ "rules": ${nested(10_000)} }\n`), problem: { says: /nested (?:too )?deep/i } },
  { name: 'YAML nested 10,000 levels deep', file: '.postmortemrc.yaml', setup: (f) => writeFileSync(join(f, '.postmortemrc.yaml'), `rules: ${nested(10_000)}\n`), problem: { says: /nested (?:too )?deep/i } },
  {
    name: 'a template file with an alias that has no anchor',
    file: '.postmortemrc.json',
    setup: (f) => {
      writeFileSync(join(f, 'team.yaml'), 'name: Team\nsections: *nope\n');
      json(f, '{\n  "template": "./team.yaml"\n}\n');
    },
    problem: { file: 'team.yaml', says: /alias.*nope|nope.*alias/i },
  },
];

function folderFor(config: HostileConfig): { folder: string; documentPath: string } {
  const folder = mkdtempSync(join(tmpdir(), 'pm-hostile-config-'));
  config.setup(folder);
  mkdirSync(join(folder, 'postmortems'));
  const documentPath = join(folder, 'postmortems', 'no-duration.md');
  writeFileSync(documentPath, NO_DURATION);
  return { folder, documentPath };
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The real CLI, its stdin a pipe nobody writes to or closes (as under a CI runner), its heap capped; killed at the deadline, which fails naming the input. */
export function runCli(cwd: string, args: string[], what: string, ms = DEADLINE_MS): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [`--max-old-space-size=${CLI_HEAP_MB}`, CLI_BUNDLE, ...args], { cwd, stdio: 'pipe' });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const ended = new Promise<CliRun>((resolve) => {
    child.once('exit', (code, signal) => {
      child.stdin.destroy();
      resolve({ code, signal, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), ms: performance.now() - started });
    });
  });
  return within(ended, ms, `the CLI on ${what}`).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
}

const STACK_TRACE = /^\s+at .+[:(]\d+/m;

for (const config of CASES) {
  test(`CLI, hostile config: ${config.name}: one problem naming the file and place, exit 2, no stack trace, the defaults apply`, async (t) => {
    const { folder, documentPath } = folderFor(config);
    const result = await runCli(folder, ['--format', 'json', 'postmortems/no-duration.md'], config.name);
    t.diagnostic(`${result.ms.toFixed(0)} ms`);
    assert.doesNotMatch(result.stderr, STACK_TRACE, 'no stack trace');
    assert.equal(result.code, 2, `exit 2 (a config problem), not 1 (errors found) or a crash: ${result.stderr.slice(0, 2000)}`);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line: ${result.stderr.slice(0, 2000)}`);
    const file = config.problem.file ?? config.file;
    const place = config.problem.at ? `${file}:${config.problem.at}` : file;
    assert.ok(lines[0]!.includes(place), `the line names ${place}: ${lines[0]!}`);
    assert.match(lines[0]!, config.problem.says);
    const expected = analyze(NO_DURATION, { path: documentPath, settings: DEFAULT_SETTINGS, force: true });
    const reported = (JSON.parse(result.stdout) as Array<{ diagnostics: Array<{ rule: string; severity: string }> }>)[0]!.diagnostics.map((d) => `${d.rule} ${d.severity}`);
    assert.deepEqual(reported, expected.findings.map((f) => `${f.rule} ${f.severity}`));
  });
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
}

for (const config of CASES) {
  test(`server, hostile config: ${config.name}: a problem on the referring file, the document checked with the defaults, the server keeps answering`, async (t) => {
    const { folder, documentPath } = folderFor(config);
    const { server } = await LspProcess.launch();
    try {
      const started = performance.now();
      const document = await server.openAndWait(pathToFileURL(documentPath).toString(), NO_DURATION, DEADLINE_MS);
      const ms = performance.now() - started;
      const problemUri = pathToFileURL(join(folder, config.problem.file ?? config.file)).toString();
      const published = server.published.find((params) => params.uri === problemUri);
      assert.ok(published, `diagnostics on ${problemUri}; published on ${JSON.stringify(server.published.map((p) => p.uri))}`);
      assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics.map((d) => d.message)));
      const [problem] = published.diagnostics;
      assert.match(problem!.message, config.problem.says);
      if (config.problem.at) assert.equal(`${problem!.range.start.line + 1}:${problem!.range.start.character + 1}`, config.problem.at);
      const expected = analyze(NO_DURATION, { path: documentPath, settings: DEFAULT_SETTINGS });
      assert.deepEqual(summary(document.diagnostics), summary(expected.findings.map((f) => ({ range: f.range, code: f.rule, message: f.message }))));
      // Still answering: a second document under the same config.
      await server.openAndWait(pathToFileURL(join(folder, 'postmortems', 'second.md')).toString(), NO_DURATION, DEADLINE_MS);
      const rss = server.rssKb();
      t.diagnostic(`first diagnostics in ${ms.toFixed(0)} ms; server RSS ${(rss / 1024).toFixed(0)} MB`);
      assert.ok(rss < 400 * 1024, `the server's memory stays under 400 MB: ${rss} kB`);
      assert.deepEqual(await server.stop(), { code: 0, signal: null }, server.stderr.join('').slice(-2000));
    } finally {
      await server.kill();
    }
  });
}

// ---------------------------------------------------------------------------
// The server survives what escapes every boundary: an uncaught exception and an unhandled rejection, planted by a
// preloaded script when the test sends SIGUSR2, are logged, and the server goes on answering.

test('server: an uncaught exception and an unhandled rejection are logged, and the server keeps answering', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-crash-guard-'));
  const preload = join(folder, 'plant.cjs');
  writeFileSync(
    preload,
    "process.on('SIGUSR2', () => { setImmediate(() => { throw new Error('planted exception'); }); void Promise.reject(new Error('planted rejection')); });\n",
  );
  const { server } = await LspProcess.launch({ env: { ...process.env, NODE_OPTIONS: `--require ${preload}` } });
  try {
    const logs: LogMessageParams[] = [];
    const checks: Array<() => void> = [];
    server.connection.onNotification(LogMessageNotification.type, (params) => {
      logs.push(params);
      for (const check of checks) check();
    });
    const logged = (words: string): Promise<void> =>
      within(
        new Promise<void>((resolve, reject) => {
          const check = (): void => {
            if (logs.some((log) => log.message.includes(words))) resolve();
          };
          checks.push(check);
          void server.exited.then(({ code, signal }) => reject(new Error(`the server exited (code ${String(code)}, signal ${String(signal)}): ${server.stderr.join('').slice(-1500)}`)));
          check();
        }),
        DEADLINE_MS,
        `a log naming "${words}"`,
      );
    const both = Promise.all([logged('planted exception'), logged('planted rejection')]);
    server.child.kill('SIGUSR2');
    await both;
    const uri = pathToFileURL(join(folder, 'postmortems', 'no-duration.md')).toString();
    const document = await server.openAndWait(uri, NO_DURATION, DEADLINE_MS);
    assert.ok(document.diagnostics.length > 0, 'the document is checked');
    assert.deepEqual(await server.stop(), { code: 0, signal: null });
  } finally {
    await server.kill();
  }
});

// ---------------------------------------------------------------------------
// Workspace patterns: a section pattern that backtracks catastrophically runs in linear time, one the linear engine
// cannot run is refused by name, and an include glob with too many wildcards is refused by name.

const BACKTRACKING_HEADING = `## ${'a'.repeat(34)}!`;
const BACKTRACKING_DOCUMENT = `${NO_DURATION}\n${Array(5).fill(`${BACKTRACKING_HEADING}\n\nText.\n`).join('\n')}`;

function templateFolder(pattern: string): { folder: string; documentPath: string } {
  const folder = mkdtempSync(join(tmpdir(), 'pm-hostile-pattern-'));
  writeFileSync(
    join(folder, 'team.json'),
    `${JSON.stringify({ name: 'Team', sections: [{ heading: 'Timeline', kinds: ['timeline'] }, { heading: 'Odd', pattern, required: true }] }, null, 2)}\n`,
  );
  json(folder, '{\n  "template": "./team.json"\n}\n');
  mkdirSync(join(folder, 'postmortems'));
  const documentPath = join(folder, 'postmortems', 'odd.md');
  writeFileSync(documentPath, BACKTRACKING_DOCUMENT);
  return { folder, documentPath };
}

test('CLI: the section pattern ^(a|a)+$ against 35-character headings finishes at once, with no problem', async (t) => {
  const { folder } = templateFolder('^(a|a)+$');
  const result = await runCli(folder, ['--format', 'json', 'postmortems/odd.md'], 'the pattern ^(a|a)+$');
  t.diagnostic(`${result.ms.toFixed(0)} ms`);
  assert.equal(result.stderr, '');
  assert.ok(result.code === 0 || result.code === 1, `exit 0 or 1: ${String(result.code)}`);
  assert.ok(Array.isArray(JSON.parse(result.stdout)));
});

test('server: the section pattern ^(a|a)+$ against 35-character headings does not block the server', async (t) => {
  const { documentPath } = templateFolder('^(a|a)+$');
  const { server } = await LspProcess.launch();
  try {
    const started = performance.now();
    await server.openAndWait(pathToFileURL(documentPath).toString(), BACKTRACKING_DOCUMENT, DEADLINE_MS);
    t.diagnostic(`diagnostics in ${(performance.now() - started).toFixed(0)} ms`);
    assert.deepEqual(await server.stop(), { code: 0, signal: null });
  } finally {
    await server.kill();
  }
});

test('CLI: a section pattern the linear-time engine cannot run (a back-reference) is refused, naming it, at its place', async () => {
  const { folder } = templateFolder('^(\\w+) \\1$');
  const result = await runCli(folder, ['--format', 'json', 'postmortems/odd.md'], 'a back-reference pattern');
  assert.equal(result.code, 2, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0]!, /team\.json:\d+:\d+: sections\.1\.pattern: .*\^\(\\w\+\) \\1\$/);
  assert.doesNotMatch(result.stderr, STACK_TRACE);
});

const BACKTRACKING_GLOB = `**/*${'a*'.repeat(12)}b.md`;

function globFolder(): { folder: string; documentPath: string } {
  const folder = mkdtempSync(join(tmpdir(), 'pm-hostile-glob-'));
  json(folder, `{\n  "include": ["${BACKTRACKING_GLOB}"]\n}\n`);
  mkdirSync(join(folder, 'postmortems'));
  const documentPath = join(folder, 'postmortems', `${'a'.repeat(60)}.md`);
  writeFileSync(documentPath, NO_DURATION);
  return { folder, documentPath };
}

test('CLI: an include glob with a dozen wildcards in one segment is refused, naming it, and the run finishes', async () => {
  const { folder, documentPath } = globFolder();
  const result = await runCli(folder, ['--format', 'json', documentPath], 'the include glob');
  assert.equal(result.code, 2, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.ok(lines[0]!.includes('.postmortemrc.json:2:'), lines[0]);
  assert.ok(lines[0]!.includes(BACKTRACKING_GLOB), `names the glob: ${lines[0]!}`);
});

test('server: an include glob with a dozen wildcards, in the config and in the editor settings, is refused by name and does not block', async () => {
  const { folder, documentPath } = globFolder();
  const { server } = await SpawnedServer.start({ settings: { include: [BACKTRACKING_GLOB] } });
  let exited = false;
  void server.exited.then(() => (exited = true));
  try {
    const message = within(server.nextMessage((params) => params.message.includes('postmortem.include')), DEADLINE_MS, 'a message naming postmortem.include');
    await within(server.open(pathToFileURL(documentPath).toString(), NO_DURATION), DEADLINE_MS, 'diagnostics under a backtracking include glob');
    assert.ok((await message).message.includes(BACKTRACKING_GLOB), (await message).message);
    const configProblems = server.publishedFor(pathToFileURL(join(folder, '.postmortemrc.json')).toString()).at(-1);
    assert.ok(configProblems?.diagnostics.some((d) => d.message.includes(BACKTRACKING_GLOB)), JSON.stringify(configProblems));
  } finally {
    if (!exited) await within(server.stop(), DEADLINE_MS, 'the server to stop');
  }
});

// ---------------------------------------------------------------------------
// A relative include glob in .postmortemrc is relative to the config's folder.

test('CLI and server: a relative include glob in .postmortemrc matches files under the config\'s folder', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-relative-include-'));
  json(folder, '{\n  "include": ["reports/**/*.md"]\n}\n');
  mkdirSync(join(folder, 'reports', '2024'), { recursive: true });
  const text = '# Notes\n\nThe cache was cold after the deploy.\n';
  const documentPath = join(folder, 'reports', '2024', 'cold-cache.md');
  writeFileSync(documentPath, text);
  writeFileSync(join(folder, 'README.md'), text);
  const expected = analyze(text, { path: documentPath, settings: DEFAULT_SETTINGS, force: true }).findings.map((f) => f.rule);
  assert.ok(expected.length > 0, 'the document has findings when it counts as a postmortem');

  const result = await runCli(folder, ['--format', 'json', '.'], 'a relative include glob');
  assert.equal(result.stderr, '');
  const files = JSON.parse(result.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string }> }>;
  assert.deepEqual(files.map((f) => f.file), [join('reports', '2024', 'cold-cache.md')]);
  assert.deepEqual(files[0]!.diagnostics.map((d) => d.rule), expected);

  const { server } = await LspProcess.launch();
  try {
    const document = await server.openAndWait(pathToFileURL(documentPath).toString(), text, DEADLINE_MS);
    assert.deepEqual(document.diagnostics.map((d) => d.code), expected);
    const readme = await server.openAndWait(pathToFileURL(join(folder, 'README.md')).toString(), text, DEADLINE_MS);
    assert.deepEqual(readme.diagnostics, [], 'a file outside reports/ is not a postmortem');
  } finally {
    await server.stop().catch(() => undefined);
    await server.kill();
  }
});

// ---------------------------------------------------------------------------
// Editor settings are validated as config files are: a wrong rule option is one message naming the setting, and the
// rule runs with its defaults at the level asked for.

test('server: a wrong rule-option type in editor settings is one message naming postmortem.rules.<id>, and the rule runs with its defaults', async () => {
  const settings = { rules: { 'missing-section': ['warning', { recommended: 'yes' }] } };
  const { server } = await SpawnedServer.start({ settings });
  let exited = false;
  void server.exited.then(() => (exited = true));
  try {
    const folder = mkdtempSync(join(tmpdir(), 'pm-settings-options-'));
    const first = pathToFileURL(join(folder, 'postmortems', 'a.md')).toString();
    const second = pathToFileURL(join(folder, 'postmortems', 'b.md')).toString();
    const document = await within(server.open(first, NO_DURATION), DEADLINE_MS, 'diagnostics with a wrong rule option in settings');
    await within(server.open(second, NO_DURATION), DEADLINE_MS, 'diagnostics for a second document');
    const expected = analyze(NO_DURATION, { path: join(folder, 'postmortems', 'a.md'), settings: { ...DEFAULT_SETTINGS, rules: { 'missing-section': 'warning' } } }).findings;
    assert.deepEqual(
      document.diagnostics.map((d) => `${String(d.code)} ${String(d.severity)}`),
      expected.map((f) => `${f.rule} ${{ error: 1, warning: 2, info: 3, hint: 4 }[f.severity]}`),
      'no internal error; the rule ran with its default options',
    );
    const naming = server.messages.filter((m) => m.message.includes('postmortem.rules.missing-section'));
    assert.equal(naming.length, 1, JSON.stringify(server.messages));
    assert.match(naming[0]!.message, /recommended/);
  } finally {
    if (!exited) await within(server.stop(), DEADLINE_MS, 'the server to stop');
  }
});
