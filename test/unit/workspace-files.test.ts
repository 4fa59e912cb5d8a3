// The config loader runs on any host that can read files: an in-memory
// file system here (URI strings, as in the browser), the disk in config.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConfigFileSteps, loadConfigSteps } from '../../server/src/config/load-config.js';
import { NO_WORKSPACE_FILES, runAsync, type WorkspaceFiles } from '../../server/src/config/workspace-files.js';
import { filesByScheme } from '../../server/src/host/by-scheme-files.js';
import { nodeWorkspaceFiles } from '../../server/src/host/node-files.js';

/** A memfs: file system as the browser server sees it: URIs, read asynchronously. */
function memoryFiles(files: Record<string, string>): WorkspaceFiles & { reads: string[] } {
  const reads: string[] = [];
  const dirname = (file: string): string => file.slice(0, Math.max(file.indexOf(':/') + 2, file.lastIndexOf('/')));
  return {
    reads,
    dirname,
    basename: (file) => file.slice(file.lastIndexOf('/') + 1),
    join: (folder, name) => `${folder.replace(/\/$/, '')}/${name}`,
    resolve: (folder, relative) => {
      if (relative === '.') return folder;
      const parts = folder.replace(/^memfs:/, '').split('/').filter(Boolean);
      for (const part of relative.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      return `memfs:/${parts.join('/')}`;
    },
    read: (file) => {
      reads.push(file);
      const text = files[file];
      return Promise.resolve(text === undefined ? { ok: false, reason: 'does not exist' } : { ok: true, text });
    },
    exists: (file) => Promise.resolve(file in files),
    list: () => Promise.resolve([]),
    fileOf: (uri) => uri,
    uriOf: (file) => file,
    globBase: (folder) => folder.replace(/^memfs:/, ''),
  };
}

test('the config loader finds and reads a config and what it extends through an asynchronous, non-disk host', async () => {
  const files = memoryFiles({
    'memfs:/repo/.postmortemrc.yaml': 'extends: shared/base.json\nrules:\n  duration-mismatch: error\n',
    'memfs:/repo/shared/base.json': JSON.stringify({ template: 'google-sre', rules: { 'action-item-missing-ticket': 'off' } }),
  });
  const found = await runAsync(findConfigFileSteps(files, 'memfs:/repo/postmortems/2024'), files);
  assert.equal(found, 'memfs:/repo/.postmortemrc.yaml');
  const loaded = await runAsync(loadConfigSteps(files, found), files);
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.files, ['memfs:/repo/.postmortemrc.yaml', 'memfs:/repo/shared/base.json']);
  assert.equal(loaded.config.template, 'google-sre');
  assert.deepEqual(loaded.config.rules, { 'action-item-missing-ticket': 'off', 'duration-mismatch': 'error' });
});

test('a config that extends a missing file says so where it names it, on any host', async () => {
  const files = memoryFiles({ 'memfs:/repo/.postmortemrc.json': '{ "extends": "nope.json" }' });
  const loaded = await runAsync(loadConfigSteps(files, 'memfs:/repo/.postmortemrc.json'), files);
  assert.deepEqual(
    loaded.problems.map((problem) => [problem.file, problem.path, problem.message]),
    [['memfs:/repo/.postmortemrc.json', 'extends', 'nope.json does not exist']],
  );
});

test('the Node server reads file: documents from the disk and other schemes through the editor', async () => {
  const editor = memoryFiles({ 'memfs:/repo/.postmortemrc.json': '{}' });
  const files = filesByScheme(nodeWorkspaceFiles, editor);
  assert.equal(files.fileOf('file:///tmp/postmortems/a.md'), '/tmp/postmortems/a.md');
  assert.equal(files.fileOf('memfs:/repo/postmortems/a.md'), 'memfs:/repo/postmortems/a.md');
  assert.equal(files.fileOf('untitled:Untitled-1'), 'untitled:Untitled-1', 'the editor host decides about untitled');
  assert.equal(await files.exists('memfs:/repo/.postmortemrc.json'), true);
  assert.deepEqual(editor.reads, []);
  assert.deepEqual(await files.read('memfs:/repo/.postmortemrc.json', 100), { ok: true, text: '{}' });
  assert.deepEqual(editor.reads, ['memfs:/repo/.postmortemrc.json']);
  // A Windows drive letter is a path, not a URI scheme.
  assert.equal(files.dirname('C:\\repo\\a.md'), nodeWorkspaceFiles.dirname('C:\\repo\\a.md'));
});

test('without a files host (an in-process server with no disk), nothing is read and documents get no config', async () => {
  assert.equal(NO_WORKSPACE_FILES.fileOf('file:///repo/a.md'), null);
  assert.equal(await runAsync(findConfigFileSteps(NO_WORKSPACE_FILES, '/repo'), NO_WORKSPACE_FILES), null);
});
