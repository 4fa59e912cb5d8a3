import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The layers of docs/architecture.md, enforced on the sources: a seam that is
// only written down drifts the first time an import is convenient.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every TypeScript source under a folder of the project, as paths relative to the root. */
function sources(folder: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(join(root, folder));
  return found.sort();
}

// Static imports and re-exports (`import … from`, `export … from`, bare `import '…'`) and dynamic `import('…')`.
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;

interface Import { file: string; specifier: string; target: string | null }

/** What a file imports: the specifier, and for a relative one the project path it names. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier === undefined) continue;
    const target = specifier.startsWith('.')
      ? relative(root, resolve(root, dirname(file), specifier)).split(sep).join('/').replace(/\.js$/, '.ts')
      : null;
    found.push({ file, specifier, target });
  }
  return found;
}

const NODE_BUILTIN = /^node:|^(?:fs|path|os|url|util|crypto|child_process|worker_threads|process|stream|events|module|readline|net|http|https|zlib|v8|perf_hooks|inspector|assert)(?:\/|$)/;
const PROTOCOL_LIBRARY = /^vscode-languageserver|^vscode-languageclient|^vscode-jsonrpc|^vscode$/;
// The engine: what a host hands text and config data to. Config is its validation and merging; reading files is a host's (server/src/host/).
const ENGINE = ['server/src/model', 'server/src/time', 'server/src/rules', 'server/src/templates', 'server/src/engine', 'server/src/config'];

const describe = (bad: Import[]): string => bad.map((each) => `${each.file} imports ${each.specifier}`).join('\n');

test('the client imports only vscode, the language client and the protocol', () => {
  const bad = sources('client/src')
    .flatMap(importsOf)
    .filter((each) => each.target === null
      ? !/^vscode$|^vscode-languageclient(?:\/|$)/.test(each.specifier)
      : !each.target.startsWith('client/src/') && each.target !== 'server/src/protocol.ts');
  assert.equal(describe(bad), '');
});

test('the engine imports no Node built-in and no protocol library', () => {
  const bad = ENGINE.flatMap(sources).flatMap(importsOf)
    .filter((each) => NODE_BUILTIN.test(each.specifier) || PROTOCOL_LIBRARY.test(each.specifier));
  assert.equal(describe(bad), '');
});

test('the engine never reaches up into hosts, features or the protocol shell', () => {
  const engine = (path: string): boolean => ENGINE.some((folder) => path.startsWith(`${folder}/`));
  const bad = ENGINE.flatMap(sources).flatMap(importsOf)
    .filter((each) => each.target !== null && !engine(each.target));
  assert.equal(describe(bad), '');
});

test('the timeline webview script imports only its typed messages', () => {
  const bad = sources('client/src/timeline/webview').flatMap(importsOf)
    .filter((each) => each.target === null || (!each.target.startsWith('client/src/timeline/webview/') && each.target !== 'client/src/timeline/messages.ts'));
  assert.equal(describe(bad), '');
});

test('rules know nothing of features', () => {
  const bad = sources('server/src/rules').flatMap(importsOf)
    .filter((each) => each.target?.startsWith('server/src/features/') === true);
  assert.equal(describe(bad), '');
});

test('the protocol module is types and names only: it imports nothing from the server but types', () => {
  const text = readFileSync(join(root, 'server/src/protocol.ts'), 'utf8');
  const valueImports = [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s*['"](\.[^'"]+)['"]/gm)].map((match) => match[1]);
  assert.deepEqual(valueImports, []);
});

test('the checker sees imports in every form it is meant to catch', () => {
  // A self-check, so a broken pattern cannot pass the rules above silently.
  const own = importsOf(relative(root, fileURLToPath(import.meta.url)).replace(/^out\//, '').replace(/\.js$/, '.ts'));
  assert.ok(own.some((each) => each.specifier === 'node:fs'));
  assert.ok(own.some((each) => each.specifier === 'node:assert/strict'));
});
