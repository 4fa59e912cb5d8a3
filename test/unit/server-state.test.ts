// The language server's state modules (server/src/state/) in-process, each
// with a small fake client: what the editor would see, without a connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import type { ClientHost, PublishedDiagnostics } from '../../server/src/state/client-host.js';
import { NO_SUPPORT, type ClientSupport } from '../../server/src/state/client-support.js';
import { ReportOnce } from '../../server/src/state/report-once.js';
import { ConfigDiscovery, type ConfigFiles } from '../../server/src/state/config-discovery.js';
import { DocumentSettings } from '../../server/src/state/document-settings.js';
import { DiagnosticsScheduler } from '../../server/src/state/diagnostics-scheduler.js';
import { SiblingState, type SiblingSource } from '../../server/src/state/sibling-state.js';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/config/settings.js';
import { effectiveSettings } from '../../server/src/config/effective-settings.js';
import type { ConfigProblem, LoadedConfig } from '../../server/src/config/load-config.js';

/** A client that records what the server sends it. */
class FakeClient implements ClientHost {
  readonly published: PublishedDiagnostics[] = [];
  readonly warnings: string[] = [];
  readonly logs: string[] = [];
  readonly asked: string[] = [];
  refreshes = 0;
  constructor(private readonly settings: (uri: string) => unknown = () => undefined) {}
  getConfiguration(uri: string): Promise<unknown> {
    this.asked.push(uri);
    return Promise.resolve(this.settings(uri));
  }
  publishDiagnostics(params: PublishedDiagnostics): Promise<void> {
    this.published.push(params);
    return Promise.resolve();
  }
  refreshDiagnostics(): void {
    this.refreshes++;
  }
  log(message: string): void {
    this.logs.push(message);
  }
  showWarning(message: string): void {
    this.warnings.push(message);
  }
}

/** Config files held in memory: a test changes them and says so. */
class MemoryConfigFiles implements ConfigFiles {
  loaded: LoadedConfig | null = null;
  reads = 0;
  private read: LoadedConfig | null | undefined;
  forDocument(): LoadedConfig | null {
    if (this.read === undefined) {
      this.reads++;
      this.read = this.loaded;
    }
    return this.read;
  }
  problems(): Map<string, ConfigProblem[]> {
    return new Map(this.read ? this.read.files.map((file) => [file, this.read!.problems.filter((problem) => problem.file === file)]) : []);
  }
  clear(): void {
    this.read = undefined;
  }
}

const CONFIG_FILE = '/repo/.postmortemrc.json';
const brokenConfig = (): LoadedConfig => ({
  config: { rules: { 'missing-duration': 'error' } },
  templates: [],
  files: [CONFIG_FILE],
  problems: [{ file: CONFIG_FILE, path: 'rules.no-such-rule', message: 'unknown rule "no-such-rule"', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 17 } } }],
});

function settingsState(client: FakeClient, files = new MemoryConfigFiles()): { settings: DocumentSettings; configs: ConfigDiscovery; files: MemoryConfigFiles } {
  const once = new ReportOnce(client);
  const configs = new ConfigDiscovery(files, client, once, (file) => `file://${file}`);
  return { settings: new DocumentSettings(client, configs, once), configs, files };
}

test('settings: asked once per document until cleared; an invalid value is reported once, and its default applies', async () => {
  const client = new FakeClient(() => ({ enable: 'yes', debounceMs: 50 }));
  const { settings } = settingsState(client);
  const a = await settings.for('file:///repo/a.md');
  assert.equal(await settings.for('file:///repo/a.md'), a, 'the same settings object: analyses are cached by it');
  const b = await settings.for('file:///repo/b.md');
  assert.deepEqual(client.asked, ['file:///repo/a.md', 'file:///repo/b.md']);
  assert.equal(a.enable, true);
  assert.equal(b.debounceMs, 50);
  assert.equal(client.warnings.length, 1, client.warnings.join('\n'));
  assert.match(client.warnings[0]!, /invalid settings, using defaults for them\. postmortem\.enable: /);
  settings.clear();
  await settings.for('file:///repo/a.md');
  assert.equal(client.asked.length, 3);
});

test('settings: a client that cannot be asked gets the defaults; the config file above goes on top (merged as the CLI merges it)', async () => {
  const client = new FakeClient();
  const { settings, files } = settingsState(client);
  files.loaded = { config: { template: 'core', rules: { 'missing-duration': 'error' } }, templates: [], files: [CONFIG_FILE], problems: [] };
  const got = await settings.for('file:///repo/a.md');
  assert.deepEqual(got, effectiveSettings(DEFAULT_SETTINGS, files.loaded));
  assert.equal(got.template, 'core');
  assert.deepEqual(got.rules, { 'missing-duration': 'error' });
  assert.deepEqual(client.published, [], 'a config without problems publishes nothing');
});

test('config problems: published on the config file, the warning shown once for many documents; fixed, they are cleared once', async () => {
  const client = new FakeClient();
  const { settings, configs, files } = settingsState(client);
  files.loaded = brokenConfig();
  await settings.for('file:///repo/a.md');
  await settings.for('file:///repo/b.md');
  const onFile = client.published.filter((params) => params.uri === `file://${CONFIG_FILE}`);
  assert.ok(onFile.length >= 1);
  assert.deepEqual(onFile[0]!.diagnostics.map((d) => [d.range.start.line, d.code, d.message]), [[2, 'config', 'rules.no-such-rule: unknown rule "no-such-rule". The defaults apply there.']]);
  assert.equal(client.warnings.length, 1, client.warnings.join('\n'));
  // The file is fixed and the watcher says so.
  files.loaded = { ...brokenConfig(), problems: [] };
  configs.filesChanged();
  settings.clear();
  client.published.length = 0;
  await settings.for('file:///repo/a.md');
  configs.publishProblems();
  assert.deepEqual(client.published, [{ uri: `file://${CONFIG_FILE}`, diagnostics: [] }], 'cleared once, then nothing more');
  assert.equal(files.reads, 2);
});

/** Open documents as TextDocuments keeps them. */
class Documents {
  private readonly byUri = new Map<string, TextDocument>();
  set(uri: string, text: string, version: number): void {
    this.byUri.set(uri, TextDocument.create(uri, 'markdown', version, text));
  }
  get(uri: string): TextDocument | undefined {
    return this.byUri.get(uri);
  }
  all(): TextDocument[] {
    return [...this.byUri.values()];
  }
}

function scheduler(options: { settings?: Partial<Settings>; support?: Partial<ClientSupport>; debounce?: number | null } = {}) {
  const client = new FakeClient();
  const documents = new Documents();
  const analysed: string[] = [];
  const diagnostics = new DiagnosticsScheduler({
    documents,
    host: client,
    support: () => ({ ...NO_SUPPORT, ...options.support }),
    settings: () => Promise.resolve({ ...DEFAULT_SETTINGS, ...options.settings }),
    siblingsLoaded: () => Promise.resolve(),
    analyse: (uri): Promise<Diagnostic[]> => {
      const text = documents.get(uri)?.getText() ?? '';
      analysed.push(text);
      return Promise.resolve([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: text }]);
    },
    debounceOverride: () => (options.debounce === undefined ? 0 : options.debounce),
  });
  return { client, documents, diagnostics, analysed };
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('diagnostics: edits within the pause are checked once, the last version published with its number', async () => {
  const { client, documents, diagnostics, analysed } = scheduler({ debounce: 30 });
  const uri = 'file:///repo/postmortems/a.md';
  for (const [version, text] of ['one', 'two', 'three'].entries()) {
    documents.set(uri, text, version + 1);
    await diagnostics.edited(uri, false);
  }
  await settle(120);
  assert.deepEqual(analysed, ['three']);
  assert.deepEqual(client.published.map((params) => [params.version, params.diagnostics[0]!.message]), [[3, 'three']]);
});

test('diagnostics: closing cancels the pending check and clears the document', async () => {
  const { client, documents, diagnostics, analysed } = scheduler({ debounce: 30 });
  const uri = 'file:///repo/postmortems/a.md';
  documents.set(uri, 'text', 1);
  await diagnostics.edited(uri, false);
  diagnostics.closed(uri);
  await settle(80);
  assert.deepEqual(analysed, []);
  assert.deepEqual(client.published, [{ uri, diagnostics: [] }]);
});

test('diagnostics on save: changes publish nothing; the save is checked, and a pull gets the saved report until the next save', async () => {
  const { client, documents, diagnostics } = scheduler({ settings: { validate: 'onSave' } });
  const uri = 'file:///repo/postmortems/a.md';
  documents.set(uri, 'saved text', 1);
  await diagnostics.edited(uri, true);
  await settle(20);
  documents.set(uri, 'typed since', 2);
  await diagnostics.edited(uri, false);
  await settle(20);
  assert.deepEqual(client.published.map((params) => params.diagnostics[0]!.message), ['saved text']);
  assert.deepEqual((await diagnostics.pull(uri)).map((d) => d.message), ['saved text']);
});

test('diagnostics for a pull client: nothing pushed; a save in on-save mode and a recheck ask it to pull again where it can', async () => {
  const { client, documents, diagnostics } = scheduler({ settings: { validate: 'onSave' }, support: { pullDiagnostics: true, diagnosticRefresh: true } });
  const uri = 'file:///repo/postmortems/a.md';
  documents.set(uri, 'text', 1);
  await diagnostics.edited(uri, true);
  diagnostics.recheckAll();
  await settle(20);
  assert.deepEqual(client.published, []);
  assert.equal(client.refreshes, 2);
  assert.deepEqual((await diagnostics.pull(uri)).map((d) => d.message), ['text'], 'after recheckAll the saved report is gone: checked now');
});

test('siblings: documents served before their folder was read are rechecked once it is, and get the siblings in their settings', () => {
  let loaded: (folder: string) => void = () => undefined;
  const known = new Map<string, ReadonlyArray<ReadonlySet<'summary'>>>();
  const source: SiblingSource = { load: () => Promise.resolve(), current: (uri) => known.get(uri.slice(0, uri.lastIndexOf('/'))), saved: () => undefined, forget: () => undefined, clear: () => undefined };
  const stale: string[][] = [];
  const state = new SiblingState(
    (onLoaded) => ((loaded = onLoaded), source),
    (uri) => uri.slice(0, uri.lastIndexOf('/')),
    (uris) => stale.push(uris),
  );
  const settings: Settings = { ...DEFAULT_SETTINGS };
  assert.equal(state.withSiblings(settings, 'file:///team/a.md'), settings, 'unknown yet: the settings as they are');
  state.withSiblings(settings, 'file:///other/b.md');
  const kinds = [new Set(['summary'] as const)];
  known.set('file:///team', kinds);
  loaded('file:///team');
  loaded('file:///team');
  assert.deepEqual(stale, [['file:///team/a.md']], 'only the team folder\'s document, once');
  const withKinds = state.withSiblings(settings, 'file:///team/a.md');
  assert.deepEqual((withKinds as { siblingSections?: unknown }).siblingSections, kinds);
  assert.equal(state.withSiblings(settings, 'file:///team/a.md'), withKinds, 'the same object each time: analyses are cached by it');
});
