import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FIXTURES } from '../support/fixtures.js';
import { IncidentModelSchema } from '../../server/src/model/schema.js';

const CLI = fileURLToPath(new URL('../../../dist/cli.cjs', import.meta.url));

function lint(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: FIXTURES, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('the seed passes with exit code 0: its only findings are warnings and notes about its action items', () => {
  const result = lint('load-balancer-coffee-break.md');
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  const rules = result.stdout.trim().split('\n').map((line) => line.split(' ')[2]);
  assert.deepEqual([...new Set(rules)], ['action-item-missing-owner', 'action-item-missing-ticket']);
});

test('text output is file:line:col severity rule message, 1-based', () => {
  const result = lint('seed-variants/swapped-entries.md', 'seed-variants/no-duration.md');
  assert.equal(result.code, 1, 'timeline-out-of-order is an error');
  const lines = result.stdout.trim().split('\n').filter((line) => / (?:timeline-out-of-order|missing-duration) /.test(line));
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^seed-variants\/swapped-entries\.md:17:5 error timeline-out-of-order Timeline out of order: 09:05 AM comes after 09:15 AM/);
  assert.match(lines[1]!, /^seed-variants\/no-duration\.md:3:1 warning missing-duration No incident duration is stated/);
});

test('warnings alone exit 0', () => {
  assert.equal(lint('seed-variants/no-impact-metric.md').code, 0);
});

test('json output has 0-based ranges', () => {
  const result = lint('--format', 'json', 'seed-variants/no-impact-metric.md');
  assert.equal(result.code, 0);
  const parsed = JSON.parse(result.stdout) as Array<{ file: string; diagnostics: Array<{ rule: string }> }>;
  assert.deepEqual(parsed.map((entry) => ({ ...entry, diagnostics: entry.diagnostics.filter((d) => d.rule === 'impact-without-metrics') })), [
    {
      file: 'seed-variants/no-impact-metric.md',
      diagnostics: [
        {
          rule: 'impact-without-metrics',
          severity: 'warning',
          message: 'The impact has no numbers. Say how much: the share of users or requests affected, error counts, orders or money lost, or how long users were affected.',
          range: { start: { line: 4, character: 0 }, end: { line: 4, character: 53 } },
        },
      ],
    },
  ]);
});

test('a folder is searched for postmortems; a README in it is left alone', () => {
  const result = lint('--format', 'json', '.');
  const files = (JSON.parse(result.stdout) as Array<{ file: string }>).map((entry) => entry.file).sort();
  assert.deepEqual(files, ['load-balancer-coffee-break.md', 'seed-variants/no-duration.md', 'seed-variants/no-impact-metric.md', 'seed-variants/swapped-entries.md']);
  assert.equal(result.code, 1);
});

test('--print-model prints the incident model, valid against its schema', () => {
  const result = lint('--print-model', join(FIXTURES, 'load-balancer-coffee-break.md'));
  assert.equal(result.code, 0);
  const model = IncidentModelSchema.parse(JSON.parse(result.stdout));
  assert.equal(model.timeline.length, 6);
  assert.equal(model.duration?.minutes, 150);
});

test('usage and read errors exit 2 with a clear message and no stack trace', () => {
  const missing = lint('no-such-file.md');
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'postmortem-lint: cannot read no-such-file.md: no such file or folder\n');
  const badFormat = lint('--format', 'xml', 'x.md');
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /^postmortem-lint: --format takes "text", "json" or "sarif", not "xml"\./);
  const nothing = lint();
  assert.equal(nothing.code, 2);
  assert.doesNotMatch(nothing.stderr + missing.stderr + badFormat.stderr, /\n\s+at /);
});
