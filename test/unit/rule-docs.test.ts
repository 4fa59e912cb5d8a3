import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { analyze } from '../../server/src/engine/analyze.js';
import { RULES } from '../../server/src/rules/registry.js';
import { expectedFindings } from '../support/fixtures.js';

const docs = new URL('../../../docs/rules/', import.meta.url);

/** The ```markdown bad / ```markdown good examples of a page (fences of three or more backticks). */
function examples(page: string): Array<{ kind: 'bad' | 'good'; text: string }> {
  const found: Array<{ kind: 'bad' | 'good'; text: string }> = [];
  const pattern = /^(`{3,})markdown (bad|good)\s*\n([\s\S]*?)\n\1\s*$/gm;
  for (const match of page.matchAll(pattern)) found.push({ kind: match[2] as 'bad' | 'good', text: `${match[3]!}\n` });
  return found;
}

// The examples on each rule's page are executed, so the docs cannot drift from what the rule does.
for (const rule of RULES) {
  test(`docs/rules/${rule.id}.md: its bad example triggers the rule where marked, its good example does not`, () => {
    const file = new URL(`${rule.id}.md`, docs);
    assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing`);
    const page = readFileSync(file, 'utf8');
    assert.match(page, new RegExp(`^# ${rule.id}\\s*$`, 'm'));
    assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}\\b`));
    const cases = examples(page);
    assert.ok(cases.some((example) => example.kind === 'bad'), 'a bad example');
    assert.ok(cases.some((example) => example.kind === 'good'), 'a good example');
    for (const example of cases) {
      const found = analyze(example.text, { force: true })
        .findings.filter((finding) => finding.rule === rule.id)
        .map((finding) => `${finding.range.start.line}:${finding.rule}`)
        .sort();
      if (example.kind === 'good') assert.deepEqual(found, [], 'the good example');
      else {
        const expected = expectedFindings(example.text).filter((entry) => entry.endsWith(`:${rule.id}`));
        assert.ok(expected.length > 0, 'the bad example marks where the rule reports');
        assert.deepEqual(found, expected, 'the bad example');
      }
    }
  });
}

test('docs/rules/README.md lists every rule', () => {
  const index = readFileSync(new URL('README.md', docs), 'utf8');
  for (const rule of RULES) assert.ok(index.includes(`${rule.id}.md`), `${rule.id} is not in the index`);
});
