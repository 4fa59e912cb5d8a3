import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/engine/analyze.js';
import { IncidentModelSchema } from '../../server/src/model/schema.js';
import { CORPUS, expectedFindings, fixtureFiles, fixtureName, FIXTURES } from '../support/fixtures.js';

// Every postmortem fixture states its own expected findings; files without
// expectations must produce none. The seed is one of them.
for (const file of [...fixtureFiles(), ...fixtureFiles(CORPUS)].filter((path) => !path.includes('not-postmortems'))) {
  test(`${file.startsWith(CORPUS) ? 'corpus' : 'fixture'} ${fixtureName(file)} reports exactly its expected findings`, () => {
    const text = readFileSync(file, 'utf8');
    const result = analyze(text, { path: file, force: true });
    const actual = result.findings.map((finding) => `${finding.range.start.line}:${finding.rule}`).sort();
    assert.deepEqual(actual, expectedFindings(text));
    assert.doesNotThrow(() => IncidentModelSchema.parse(result.analysis.model));
  });
}

test('the fixtures folder holds the seed and its three variants', () => {
  const names = fixtureFiles().map(fixtureName);
  for (const name of ['load-balancer-coffee-break.md', 'seed-variants/no-duration.md', 'seed-variants/swapped-entries.md', 'seed-variants/no-impact-metric.md']) {
    assert.ok(names.includes(name), `${name} missing from ${FIXTURES}`);
  }
});
