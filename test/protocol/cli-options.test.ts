import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type AjvDraft04 from 'ajv-draft-04';
import { FIXTURES, readFixture } from '../support/fixtures.js';

const CLI = fileURLToPath(new URL('../../../dist/cli.cjs', import.meta.url));
const require = createRequire(import.meta.url);
// A CommonJS class: required, not imported, so its constructor keeps its type under NodeNext.
const Ajv04 = require('ajv-draft-04') as typeof AjvDraft04.default;

function lint(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

test('SARIF output is valid SARIF 2.1.0, with every rule described and help URIs', () => {
  const dir = workspace();
  const result = lint(dir, '--format', 'sarif', 'seed-variants/swapped-entries.md', 'seed-variants/no-duration.md');
  assert.equal(result.code, 1);
  const log = JSON.parse(result.stdout) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }>; fixes?: unknown[] }> }> };
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
  // The SARIF 2.1.0 schema is JSON Schema draft 4.
  const ajv = new Ajv04({ strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
  const run = log.runs[0]!;
  assert.ok(run.tool.driver.rules.length >= 19);
  for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
  const outOfOrder = run.results.find((r) => r.ruleId === 'timeline-out-of-order');
  assert.equal(outOfOrder?.level, 'error');
  assert.deepEqual(outOfOrder?.locations[0]?.physicalLocation.region.startLine, 17);
  const missing = run.results.find((r) => r.ruleId === 'missing-duration');
  assert.equal(missing?.level, 'warning');
  assert.equal(missing?.fixes?.length, 1, 'a finding with a fix carries it');
});

test('--fix applies the safe fixes atomically, keeping CRLF line endings and the BOM', () => {
  const dir = workspace();
  const file = join(dir, 'seed-variants', 'no-duration.md');
  const original = '\uFEFF' + readFixture('seed-variants/no-duration.md').replace(/<!--.*?-->/g, '').replace(/\n/g, '\r\n');
  writeFileSync(file, original);
  const result = lint(dir, '--fix', '--format', 'json', 'seed-variants/no-duration.md');
  const fixed = readFileSync(file, 'utf8');
  assert.ok(fixed.startsWith('\uFEFF'), 'BOM kept');
  assert.ok(!/[^\r]\n/.test(fixed), 'every line still ends in CRLF');
  assert.ok(fixed.includes('- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM)\r\n'));
  const rules = (JSON.parse(result.stdout) as Array<{ diagnostics: Array<{ rule: string }> }>)[0]!.diagnostics.map((d) => d.rule);
  assert.ok(!rules.includes('missing-duration'), 'the fixed finding is gone from the report');
  assert.equal(fixed.replace('- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM)\r\n', ''), original, 'nothing else changed');
});

test('--fix does not touch a file with nothing to fix', () => {
  const dir = workspace();
  const file = join(dir, 'load-balancer-coffee-break.md');
  const before = statSync(file).mtimeMs;
  const result = lint(dir, '--fix', 'load-balancer-coffee-break.md');
  assert.equal(result.code, 0);
  assert.equal(statSync(file).mtimeMs, before);
  assert.equal(readFileSync(file, 'utf8'), readFixture('load-balancer-coffee-break.md'));
});

test('--quiet reports errors only; --max-warnings turns too many warnings into a failure', () => {
  const dir = workspace();
  const quiet = lint(dir, '--quiet', 'seed-variants/swapped-entries.md', 'seed-variants/no-duration.md');
  assert.deepEqual(quiet.stdout.trim().split('\n').map((line) => line.split(' ')[2]), ['timeline-out-of-order']);
  assert.equal(lint(dir, '--max-warnings', '0', 'seed-variants/no-impact-metric.md').code, 1);
  assert.equal(lint(dir, '--max-warnings', '100', 'seed-variants/no-impact-metric.md').code, 0);
});

test('a glob picks the postmortems among the files it matches', () => {
  const dir = workspace();
  const result = lint(dir, '--format', 'json', 'seed-variants/*.md');
  const files = (JSON.parse(result.stdout) as Array<{ file: string }>).map((entry) => entry.file).sort();
  assert.deepEqual(files, ['seed-variants/no-duration.md', 'seed-variants/no-impact-metric.md', 'seed-variants/swapped-entries.md']);
});

test('the nearest .postmortemrc.json configures rules; a broken one is reported with file, line and path, and the defaults apply', () => {
  const dir = workspace();
  writeFileSync(join(dir, '.postmortemrc.json'), JSON.stringify({ rules: { 'action-item-missing-owner': 'off', 'action-item-missing-ticket': 'off' } }, null, 2));
  assert.deepEqual(lint(dir, 'load-balancer-coffee-break.md'), { code: 0, stdout: '', stderr: '' });

  mkdirSync(join(dir, 'team'));
  cpSync(join(dir, 'load-balancer-coffee-break.md'), join(dir, 'team', 'pm.md'));
  writeFileSync(join(dir, 'team', '.postmortemrc.json'), '{\n  "rules": {\n    "timeline-out-of-order": "loud",\n    "no-such-rule": "off"\n  }\n}\n');
  const broken = lint(dir, 'team/pm.md');
  assert.equal(broken.code, 2, 'config errors exit 2');
  assert.match(broken.stderr, /team\/\.postmortemrc\.json:3:5: rules\.timeline-out-of-order: /);
  assert.match(broken.stderr, /team\/\.postmortemrc\.json:4:5: rules\.no-such-rule: unknown rule "no-such-rule"/);
  assert.match(broken.stdout, /action-item-missing-owner/, 'the defaults apply: the parent config is not inherited without extends');
});

test('--template checks against the named template', () => {
  const dir = workspace();
  const result = lint(dir, '--template', 'google-sre', '--format', 'json', 'load-balancer-coffee-break.md');
  const missing = (JSON.parse(result.stdout) as Array<{ diagnostics: Array<{ rule: string; message: string }> }>)[0]!.diagnostics.filter((d) => d.rule === 'missing-section').map((d) => /"([^"]+)"/.exec(d.message)?.[1]);
  // The seed states its impact as a field in the summary, which counts.
  // The seed states its resolution in a "**Resolution**:" field under "Root Cause and Resolution"; its detection only as a timeline sub-label.
  assert.deepEqual(missing, ['Detection']);
  assert.equal(lint(dir, '--template', 'nope', 'x.md').code, 2);
});
