// Safety: nothing from the workspace is ever run, nothing goes over the
// network, the extension says what it does in untrusted workspaces, and a
// failing rule is logged with its id and document while the others still run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfigFile, loadConfig } from '../../server/src/host/node-files.js';
import { CONFIG_FILE_NAMES } from '../../server/src/config/config-schema.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { internalErrors } from '../../server/src/features/document-analysis.js';
import { RULES } from '../../server/src/rules/registry.js';
import { readFixture } from '../support/fixtures.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLES = ['dist/server.cjs', 'dist/cli.cjs', 'dist/cli-engine.cjs', 'dist/client.cjs'];

test('the bundles load no network module: no http, https, http2, tls or dns, and no fetch', () => {
  for (const bundle of BUNDLES) {
    const source = readFileSync(join(ROOT, bundle), 'utf8');
    assert.doesNotMatch(source, /require\(["'](?:node:)?(?:https?|http2|tls|dns)["']\)/, `${bundle} requires a network module`);
    assert.doesNotMatch(source, /\bfetch\(/, `${bundle} calls fetch`);
  }
  // The CLI needs no socket at all; the server's only sockets are the LSP transports (--socket, --pipe).
  assert.doesNotMatch(readFileSync(join(ROOT, 'dist/cli-engine.cjs'), 'utf8'), /require\(["'](?:node:)?net["']\)/);
});

test('config files are data: only JSON and YAML names are looked for, and a YAML tag that would build a function stays text', () => {
  assert.deepEqual(
    CONFIG_FILE_NAMES.filter((name) => !/\.(?:json|ya?ml)$|^\.postmortemrc$/.test(name)),
    [],
    'no config name that a loader could run (.js, .cjs, .mjs, .ts)',
  );
  const folder = mkdtempSync(join(tmpdir(), 'pm-safety-'));
  try {
    writeFileSync(join(folder, '.postmortemrc.js'), 'process.exit(7)\n');
    assert.equal(findConfigFile(folder, folder), null, 'a .postmortemrc.js is not a config');
    const yaml = join(folder, '.postmortemrc.yaml');
    writeFileSync(yaml, 'template: !!js/function "function () { process.exit(7) }"\n');
    const loaded = loadConfig(yaml);
    // Still running, and the value is reported as wrong rather than evaluated.
    assert.ok(loaded.problems.length > 0, 'the tagged value is a problem, not code');
    assert.notEqual(typeof (loaded.config as Record<string, unknown>)['template'], 'function');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the extension declares what it does in untrusted and virtual workspaces', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser?: unknown; capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: unknown }; virtualWorkspaces?: unknown } };
  // "limited": supported, with the settings in restrictedConfigurations ignored from the workspace (workspace-links.test.ts).
  assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
  assert.match(String(manifest.capabilities?.untrustedWorkspaces?.description), /never runs code/);
  // Config files and siblings are read through the client's workspace.fs where the server cannot reach them (host/by-scheme-files.ts).
  assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  assert.equal(manifest.browser, './dist/browser/client.js', 'a web entry for VS Code for the Web');
});

test('a rule that throws becomes one finding and one log line naming the rule and the document; the other rules still report', () => {
  const broken = { id: 'broken-rule', description: 'throws', defaultSeverity: 'warning' as const, check: () => { throw new Error('boom'); } };
  const result = analyze(readFixture('seed-variants/no-duration.md'), { force: true, rules: [broken, ...RULES] });
  const lines = internalErrors('file:///work/postmortems/no-duration.md', result);
  assert.deepEqual(lines.length, 1);
  assert.match(lines[0]!, /^file:\/\/\/work\/postmortems\/no-duration\.md: Rule broken-rule failed on this document: boom/);
  assert.ok(result.findings.some((finding) => finding.rule === 'missing-duration'), 'the other rules still ran');
});
