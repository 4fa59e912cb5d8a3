// Broken configuration, in the server and the CLI: invalid JSON and YAML,
// wrong types, unknown rule ids and options, a config that is a folder, one
// that cannot be read (chmod 000, with the server run as "nobody": root reads
// everything), one saved with a BOM, one that extends a missing file. Each
// time: one clear message naming the file, the place and the problem,
// diagnostics published on the config file itself, the defaults apply, and
// nothing crashes. test/unit/config.test.ts covers the loader's messages and
// test/protocol/features.test.ts one wrong value through the server; this file
// covers the rest of the ways a config file breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/config/settings.js';
import { FIXTURES } from '../support/fixtures.js';
import { bundlesForAnotherUser, CLI_BUNDLE, LspProcess, within } from './support/lsp-process.js';

const NO_DURATION = readFileSync(join(FIXTURES, 'seed-variants', 'no-duration.md'), 'utf8');
const NOBODY = { uid: 65534, gid: 65534 };
const IS_ROOT = userInfo().uid === 0;

interface BrokenConfig {
  name: string;
  /** The config file's name in the folder, and its content (or a folder of that name). */
  file: string;
  content: string | { folder: true } | { unreadable: string };
  /** Other files beside it. */
  extra?: Record<string, string>;
  /** Where the problem must be reported: the file (relative), its 1-based line:column (null: the file as a whole), and words of the message. */
  problems: Array<{ file?: string; at: string | null; says: RegExp }>;
  /** The settings the document must be checked with (the defaults unless the config has valid parts). */
  settings?: Settings;
}

const CASES: BrokenConfig[] = [
  {
    name: 'invalid JSON (a trailing comma)',
    file: '.postmortemrc.json',
    content: '{\n  "rules": {\n    "missing-duration": "off",\n  }\n}\n',
    problems: [{ at: '4:3', says: /Property name expected/ }],
  },
  {
    name: 'wrong types for every setting',
    file: '.postmortemrc.json',
    content: '{\n  "rules": [],\n  "template": 5,\n  "include": "postmortems/**"\n}\n',
    problems: [
      { at: '2:3', says: /rules/ },
      { at: '3:3', says: /template/ },
      { at: '4:3', says: /include/ },
    ],
  },
  {
    name: 'an unknown rule id and an unknown rule option',
    file: '.postmortemrc.json',
    content: '{\n  "rules": {\n    "no-such-rule": "error",\n    "duration-mismatch": ["warning", { "tolerance": 5 }]\n  }\n}\n',
    problems: [
      { at: '3:5', says: /unknown rule "no-such-rule"/ },
      { at: '4:40', says: /unknown option "tolerance" for rule "duration-mismatch"/ },
    ],
    settings: { ...DEFAULT_SETTINGS, rules: { 'duration-mismatch': 'warning' } },
  },
  {
    name: 'invalid YAML',
    file: '.postmortemrc.yaml',
    content: 'rules:\n  missing-duration: [off\n',
    problems: [{ at: '3:1', says: /Flow sequence/ }],
  },
  {
    name: 'a folder named like a config file',
    file: '.postmortemrc.json',
    content: { folder: true },
    problems: [{ at: null, says: /is a folder/ }],
  },
  {
    name: 'a config that extends a file that does not exist (reported on the config, at "extends")',
    file: '.postmortemrc.json',
    content: '{\n  "extends": "./team-base.json"\n}\n',
    problems: [{ at: '2:3', says: /team-base\.json.*(?:does not exist|no such file)/ }],
  },
];

function folderFor(config: BrokenConfig): { folder: string; configPath: string; documentPath: string } {
  const folder = mkdtempSync(join(tmpdir(), 'pm-broken-config-'));
  chmodSync(folder, 0o755);
  const configPath = join(folder, config.file);
  if (typeof config.content === 'string') writeFileSync(configPath, config.content);
  else if ('folder' in config.content) mkdirSync(configPath);
  else {
    writeFileSync(configPath, config.content.unreadable);
    chmodSync(configPath, 0o000);
  }
  for (const [name, text] of Object.entries(config.extra ?? {})) writeFileSync(join(folder, name), text);
  const documentPath = join(folder, 'postmortems', 'no-duration.md');
  mkdirSync(join(folder, 'postmortems'), { recursive: true, mode: 0o755 });
  writeFileSync(documentPath, NO_DURATION);
  return { folder, configPath, documentPath };
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${String(d.severity)}`);
}

async function checkServer(config: BrokenConfig, launch: { uid?: number; gid?: number } = {}): Promise<void> {
  const { configPath, documentPath } = folderFor(config);
  const configUri = pathToFileURL(configPath).toString();
  const documentUri = pathToFileURL(documentPath).toString();
  const { server } = await LspProcess.launch(launch);
  try {
    const document = await server.openAndWait(documentUri, NO_DURATION);
    // The server publishes a config file's problems before it checks the first document under it: they have arrived by now.
    const published = server.published.find((params) => params.uri === configUri);
    assert.ok(published, `diagnostics published on the config file ${configUri}; published on: ${JSON.stringify(server.published.map((params) => params.uri))}`);
    // One diagnostic per problem, on the config file, each at its place.
    assert.equal(published.diagnostics.length, config.problems.length, `problems on the config file: ${JSON.stringify(published.diagnostics.map((d) => d.message))}`);
    for (const expected of config.problems) {
      const found: Diagnostic | undefined = published.diagnostics.find((d) => expected.says.test(d.message) && (expected.at === null || `${d.range.start.line + 1}:${d.range.start.character + 1}` === expected.at));
      assert.ok(found, `a diagnostic at ${expected.at ?? 'the file'} saying ${String(expected.says)}: ${JSON.stringify(published.diagnostics.map((d) => [d.range.start, d.message]))}`);
      assert.equal(found.severity, 1);
    }
    // One message for the person, naming the file, the place and the problem.
    const message = server.messages.find((params) => params.message.includes(configPath));
    assert.ok(message, `a window/showMessage naming ${configPath}: ${JSON.stringify(server.messages.map((params) => params.message))}`);
    for (const expected of config.problems) {
      if (expected.at !== null) assert.ok(message.message.includes(`${configPath}:${expected.at}`), `the message gives the place ${expected.at}: ${message.message}`);
      assert.match(message.message, expected.says);
    }
    assert.equal(server.messages.filter((params) => params.message.includes(configPath)).length, 1, 'one message, not one per document or per problem');
    // The defaults (or the valid parts) apply to the document.
    const expected = analyze(NO_DURATION, { path: documentPath, settings: config.settings ?? DEFAULT_SETTINGS });
    assert.deepEqual(summary(document.diagnostics), expected.findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.rule} ${{ error: 1, warning: 2, info: 3, hint: 4 }[f.severity]}`));
    // A second document under the same config: no second message.
    await server.openAndWait(pathToFileURL(join(documentPath, '..', 'other.md')).toString(), NO_DURATION);
    assert.equal(server.messages.filter((params) => params.message.includes(configPath)).length, 1, 'still one message after a second document');
    assert.deepEqual(await server.stop(), { code: 0, signal: null }, server.stderr.join(''));
  } finally {
    await server.kill();
  }
}

for (const config of CASES) {
  test(`server, broken config: ${config.name}: diagnostics on the config file at the place, one message, the defaults apply`, () => checkServer(config));
}

const UNREADABLE: BrokenConfig = {
  name: 'an unreadable config file (chmod 000)',
  file: '.postmortemrc.json',
  content: { unreadable: '{ "rules": { "missing-duration": "off" } }\n' },
  problems: [{ at: null, says: /cannot be read \(permission denied\)/ }],
};

test('server, broken config: an unreadable config file (chmod 000), with the server run as "nobody"', async (t) => {
  if (!IS_ROOT) {
    // Not root: this user cannot read a chmod 000 file either, so run as ourselves.
    await checkServer(UNREADABLE);
    return;
  }
  // Root reads any file whatever its mode; the server runs as nobody to see what a user sees.
  const probe = spawnSync(process.execPath, ['-e', '0'], { ...NOBODY });
  if (probe.status !== 0) {
    t.skip(`cannot run node as nobody here (${String(probe.error ?? probe.stderr)}); as root a chmod 000 file is still readable`);
    return;
  }
  await checkServer(UNREADABLE, NOBODY);
});

test('server: a valid .postmortemrc.json saved with a BOM (as Windows editors do) applies, with no problem reported', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-bom-config-'));
  const configPath = join(folder, '.postmortemrc.json');
  writeFileSync(configPath, '\uFEFF{ "rules": { "missing-duration": "off" } }\n');
  const documentPath = join(folder, 'postmortems', 'no-duration.md');
  mkdirSync(join(folder, 'postmortems'));
  writeFileSync(documentPath, NO_DURATION);
  const { server } = await LspProcess.launch();
  try {
    const document = await server.openAndWait(pathToFileURL(documentPath).toString(), NO_DURATION);
    assert.ok(!document.diagnostics.some((d) => d.code === 'missing-duration'), 'the config turned missing-duration off');
    assert.deepEqual(
      server.published.filter((params) => params.uri === pathToFileURL(configPath).toString() && params.diagnostics.length > 0).map((params) => params.diagnostics.map((d) => d.message)),
      [],
    );
  } finally {
    await server.stop().catch(() => undefined);
    await server.kill();
  }
});

// ---------------------------------------------------------------------------
// The CLI: one line per problem on stderr (file:line:col: path: message), exit 2, the defaults apply.

function lint(cwd: string, args: string[], user: { uid?: number; gid?: number } = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [user.uid !== undefined ? bundlesForAnotherUser().cli : CLI_BUNDLE, ...args], { cwd, encoding: 'utf8', ...user });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

for (const config of [...CASES, UNREADABLE]) {
  test(`CLI, broken config: ${config.name}: one line per problem naming the file and place, exit 2, the defaults apply`, (t) => {
    const user: { uid?: number; gid?: number } = 'unreadable' in (typeof config.content === 'string' ? {} : config.content) && IS_ROOT ? NOBODY : {};
    if (user.uid !== undefined && spawnSync(process.execPath, ['-e', '0'], user).status !== 0) {
      t.skip('cannot run node as nobody here');
      return;
    }
    const { folder } = folderFor(config);
    const result = lint(folder, ['--format', 'json', 'postmortems/no-duration.md'], user);
    assert.equal(result.code, 2, result.stderr);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, config.problems.length, result.stderr);
    for (const expected of config.problems) {
      const place = expected.at === null ? config.file : `${config.file}:${expected.at}`;
      assert.ok(lines.some((line) => expected.says.test(line) && line.includes(place)), `a line naming ${place} and saying ${String(expected.says)}: ${result.stderr}`);
    }
    const expected = analyze(NO_DURATION, { path: join(folder, 'postmortems', 'no-duration.md'), settings: config.settings ?? DEFAULT_SETTINGS, force: true });
    const reported = (JSON.parse(result.stdout) as Array<{ diagnostics: Array<{ rule: string; severity: string }> }>)[0]!.diagnostics.map((d) => `${d.rule} ${d.severity}`);
    assert.deepEqual(reported, expected.findings.map((f) => `${f.rule} ${f.severity}`));
  });
}

test('CLI: a valid .postmortemrc.json saved with a BOM applies, with no problem reported', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pm-bom-config-'));
  writeFileSync(join(folder, '.postmortemrc.json'), '\uFEFF{ "rules": { "missing-duration": "off" } }\n');
  writeFileSync(join(folder, 'no-duration.md'), NO_DURATION);
  const result = await within(Promise.resolve(lint(folder, ['--format', 'json', 'no-duration.md'])), 10_000, 'the CLI');
  assert.equal(result.stderr, '');
  assert.ok(!result.stdout.includes('missing-duration'));
});
