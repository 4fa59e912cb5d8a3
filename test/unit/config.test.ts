import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatProblem } from '../../server/src/config/load-config.js';
import { findConfigFile, loadConfig } from '../../server/src/host/node-files.js';
import { withConfig } from '../../server/src/config/effective-settings.js';
import { DEFAULT_SETTINGS, parseSettings } from '../../server/src/config/settings.js';
import { analyze } from '../../server/src/engine/analyze.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('the nearest config file is found upward from the document', () => {
  const dir = folder({ '.postmortemrc.yaml': 'rules: {}\n', 'a/b/pm.md': '# x' });
  assert.equal(findConfigFile(join(dir, 'a', 'b')), join(dir, '.postmortemrc.yaml'));
});

test('a YAML config with levels and options loads, and extends merges rules by id', () => {
  const dir = folder({
    'base.json': JSON.stringify({ template: 'google-sre', rules: { 'action-item-missing-ticket': 'off', 'duration-mismatch': 'error' } }),
    '.postmortemrc.yaml': 'extends: base.json\nrules:\n  duration-mismatch: [warning, { toleranceMinutes: 15 }]\n',
  });
  const loaded = loadConfig(join(dir, '.postmortemrc.yaml'));
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.config, { template: 'google-sre', rules: { 'action-item-missing-ticket': 'off', 'duration-mismatch': ['warning', { toleranceMinutes: 15 }] } });
  const settings = withConfig(DEFAULT_SETTINGS, loaded.config);
  assert.equal(settings.template, 'google-sre');
  assert.equal(settings.rules['action-item-missing-ticket'], 'off');
});

test('invalid JSON is one problem with its line and column; the defaults apply', () => {
  const dir = folder({ '.postmortemrc.json': '{\n  "rules": {\n    "missing-duration": "off",\n  }\n}\n' });
  const loaded = loadConfig(join(dir, '.postmortemrc.json'));
  assert.deepEqual(loaded.config, {});
  assert.equal(loaded.problems.length, 1);
  assert.match(formatProblem(loaded.problems[0]!), /\.postmortemrc\.json:4:3: Property name expected at line 4, column 3$/);
});

test('wrong values, unknown rules, unknown options and unknown keys are each named by their path; the valid parts still apply', () => {
  const dir = folder({
    '.postmortemrc.json': JSON.stringify(
      {
        colour: 'blue',
        template: 'nasa',
        rules: {
          'missing-duration': 'off',
          'timeline-out-of-order': 'loud',
          'not-a-rule': 'error',
          'duration-mismatch': ['warning', { toleranceMinutes: 'ten' }],
          'action-item-vague': ['warning', { maxWord: 3 }],
        },
      },
      null,
      2,
    ),
  });
  const loaded = loadConfig(join(dir, '.postmortemrc.json'));
  const problems = loaded.problems.map((problem) => `${problem.range?.start.line ?? '-'}:${problem.path}`);
  assert.deepEqual(problems.sort(), ['1:colour', '2:template', '5:rules.timeline-out-of-order', '6:rules.not-a-rule', '10:rules.duration-mismatch.toleranceMinutes', '16:rules.action-item-vague.maxWord'].sort());
  assert.deepEqual(loaded.config.rules, { 'missing-duration': 'off', 'duration-mismatch': 'warning', 'action-item-vague': 'warning' });
  assert.equal(loaded.config.template, undefined);
});

test('a config that is a folder, missing, or extends itself is a problem, never a crash', () => {
  const dir = folder({ '.postmortemrc.json': '{ "extends": "./.postmortemrc.json" }' });
  mkdirSync(join(dir, 'sub', '.postmortemrc.json'), { recursive: true });
  assert.match(loadConfig(join(dir, 'sub', '.postmortemrc.json')).problems[0]!.message, /is a folder/);
  assert.match(loadConfig(join(dir, 'nope.json')).problems[0]!.message, /does not exist/);
  assert.match(loadConfig(join(dir, '.postmortemrc.json')).problems[0]!.message, /cycle/);
});

test('extending a file that does not exist or is a folder is reported on the config that extends it, at "extends"', () => {
  const dir = folder({ '.postmortemrc.json': '{\n  "rules": { "missing-duration": "off" },\n  "extends": "./team-base.json"\n}\n', 'sub/.postmortemrc.yaml': 'extends: ../folder\n' });
  mkdirSync(join(dir, 'folder'));
  const missing = loadConfig(join(dir, '.postmortemrc.json'));
  assert.deepEqual(missing.problems.map(formatProblem), [`${join(dir, '.postmortemrc.json')}:3:3: extends: ./team-base.json does not exist`]);
  assert.deepEqual(missing.config.rules, { 'missing-duration': 'off' }, 'the config itself still applies');
  assert.deepEqual(loadConfig(join(dir, 'sub', '.postmortemrc.yaml')).problems.map(formatProblem), [`${join(dir, 'sub', '.postmortemrc.yaml')}:1:10: extends: ../folder is a folder, not a config file`]);
});

test('editor settings: a wrong value is reported and replaced by its default', () => {
  const { settings, problems } = parseSettings({ enable: 'yes', include: ['**/pm/**'], rules: { 'missing-duration': 'off' } });
  assert.equal(settings.enable, true);
  assert.deepEqual(settings.include, ['**/pm/**']);
  assert.deepEqual(settings.rules, { 'missing-duration': 'off' });
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /^postmortem\.enable: /);
});

test('a custom template file named by the config is read, validated and used', () => {
  const dir = folder({
    '.postmortemrc.json': JSON.stringify({ template: 'templates/our-format.yaml' }),
    'templates/our-format.yaml': [
      'name: Our incident review',
      'sections:',
      '  - heading: What happened',
      '    kinds: [summary]',
      '  - heading: Customer impact',
      '    kinds: [impact]',
      '  - heading: Timeline',
      '    kinds: [timeline]',
      '  - heading: Follow-ups',
      '    kinds: [action-items]',
      '  - heading: Appendix',
      '    pattern: "^appendix"',
      '    required: false',
      '',
    ].join('\n'),
  });
  const loaded = loadConfig(join(dir, '.postmortemrc.json'));
  assert.deepEqual(loaded.problems, []);
  assert.equal(loaded.config.template, 'custom-our-format');
  const settings = withConfig(DEFAULT_SETTINGS, loaded.config, loaded.templates);
  const result = analyze('# Postmortem: x\n\n## What happened\nA thing.\n\n## Timeline\n- 10:00 UTC start\n', { force: true, settings });
  assert.equal(result.template.name, 'Our incident review');
  assert.deepEqual(
    result.findings.filter((finding) => finding.rule === 'missing-section').map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]),
    ['Customer impact', 'Follow-ups'],
  );
});

test('a broken template file is a problem on that file; the closest built-in template applies', () => {
  const dir = folder({ '.postmortemrc.json': '{ "template": "t.json" }', 't.json': '{ "name": "T", "sections": [ { "heading": "A", "required": "yes" } ] }' });
  const loaded = loadConfig(join(dir, '.postmortemrc.json'));
  assert.equal(loaded.problems.length, 1);
  assert.equal(loaded.problems[0]!.path, 'sections.0.required');
  assert.match(loaded.problems[0]!.file, /t\.json$/);
  assert.equal(loaded.config.template, undefined);
});
