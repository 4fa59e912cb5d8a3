import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { fixAll } from '../../server/src/engine/apply-edits.js';
import { buildModel } from '../../server/src/model/build-model.js';

// Each case is a false alarm or a miss a reviewer found in the rules, kept as a regression test.
const found = (text: string, rule: string): number[] =>
  analyze(text, { force: true })
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => finding.range.start.line);

const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;

test('the missing-duration fix uses the impact milestones, so duration-mismatch agrees with it', () => {
  const text = doc('# Postmortem: DNS', '', '## Summary', 'Resolvers failed.', '', '## Timeline', 'All times UTC.', '', '- 2024-06-12 06:00 – Change prepared.', '- 08:14 – Resolvers reload. **OUTAGE BEGINS**', '- 09:02 – Zone restored. **OUTAGE ENDS**', '- 11:30 – Review meeting.');
  const fixed = fixAll(text, (source) => analyze(source, { force: true }).findings.filter((finding) => finding.rule === 'missing-duration'));
  assert.match(fixed.text, /\*\*Duration\*\*: 48m \(from 08:14 to 09:02 UTC\)/);
  assert.deepEqual(found(fixed.text, 'duration-mismatch'), []);
});

test('a swapped entry in a morning timeline is out of order, not an afternoon time', () => {
  const text = doc('# Postmortem: x', '', '## Timeline', 'All times UTC.', '', '- 08:12 deploy', '- 08:40 rollback', '- 08:19 alert', '- 09:00 resolved');
  assert.deepEqual(found(text, 'timeline-out-of-order'), [7]);
  assert.deepEqual(found(text, 'ambiguous-time'), []);
});

test('"1:15" after "12:40" in a timeline without am/pm is read as the afternoon and reported as ambiguous', () => {
  const text = doc('# Postmortem: x', '', '## Timeline', '', '- 11:50 export starts', '- 12:40 export fails', '- 1:15 rerun');
  assert.deepEqual(found(text, 'ambiguous-time'), [6]);
  assert.deepEqual(found(text, 'timeline-out-of-order'), []);
});

test('one misplaced entry is reported once', () => {
  const text = doc('# Postmortem: x', '', '## Timeline', 'All times UTC.', '', '- 14:12 a', '- 15:00 b', '- 14:19 c', '- 14:40 d', '- 14:52 e');
  assert.deepEqual(found(text, 'timeline-out-of-order'), [7]);
});

test('an HTTP status code is not a metric', () => {
  const text = doc('# Postmortem: x', '', '## Impact', 'Clients saw HTTP 503 errors.');
  assert.deepEqual(found(text, 'impact-without-metrics'), [2]);
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Impact', 'Clients saw 503 errors in total.'), 'impact-without-metrics'), []);
});

test('a question mark before a word is not a placeholder; "?mins" is', () => {
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Summary', 'Why did the health check stay green? Users could not resolve anything.'), 'placeholder-text'), []);
  // Both on one line: one finding naming them.
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Summary', 'Down for ?mins, XX% of users.'), 'placeholder-text'), [3]);
});

test('"nobody was paged" marks no detection', () => {
  const { model } = buildModel(doc('# P', '', '## Timeline', 'All times UTC.', '', '- 2024-06-12 08:12 – Change pushed; no alert fired and nobody was paged.', '- 08:14 – Errors begin. **OUTAGE BEGINS**', '- 08:19 – Alert fired, on-call paged.'));
  assert.deepEqual(
    model.milestones.map((milestone) => [milestone.kind, milestone.at]),
    [
      ['impact-start', '2024-06-12T08:14:00Z'],
      ['detected', '2024-06-12T08:19:00Z'],
    ],
  );
});

test('blameful language: a system subject or a risk is not blame; a person with a relative clause is', () => {
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Root cause', 'The SERVFAIL alert we had configured failed to fire.'), 'blameful-language'), []);
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Root cause', 'We could have lost the zone data too if the backup job had run.'), 'blameful-language'), []);
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Root cause', 'The engineer who merged it should have tried it on one resolver first.'), 'blameful-language'), [3]);
});

test('owner and ticket sub-bullets belong to their action item', () => {
  const { model } = buildModel(doc('# P', '', '## Action Items', '- [ ] Validate zone files in CI', '  - owner: @netops, ticket: NET-88', '- [ ] Canary zone pushes (owner: @sre, NET-89)'));
  assert.deepEqual(
    model.actionItems.map((item) => [item.text, item.owner, item.ticket]),
    [
      ['Validate zone files in CI', '@netops', 'NET-88'],
      ['Canary zone pushes (owner: @sre, NET-89)', '@sre', 'NET-89'],
    ],
  );
});

test('UTF-8 and SEV-1 are not tickets', () => {
  const { model } = buildModel(doc('# P', '', '## Action Items', '- [ ] Reject zone files that are not valid UTF-8 (owner: @netops)', '- [ ] Page the SEV-1 rotation on resolver errors (owner: @sre)'));
  assert.deepEqual(
    model.actionItems.map((item) => item.ticket),
    [null, null],
  );
});

test('an Atlassian-style document is checked against the Atlassian template, even with some sections missing', () => {
  const text = doc('# Postmortem: x', '', '## Incident summary', 'a', '## Impact', '5% of users', '## Recovery', 'b', '## Timeline', '- 10:00 UTC x', '## Root cause', 'c', '## Corrective actions', '- [ ] d (owner: @e, ABC-1)');
  const result = analyze(text, { force: true });
  assert.equal(result.template.id, 'atlassian');
  assert.deepEqual(
    result.findings.filter((finding) => finding.rule === 'missing-section').map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]),
    ['Detection'],
  );
});

test('a generic document is judged by the essential sections, not by a template whose common headings it happens to share', () => {
  const text = doc('# Postmortem: x', '', '## Summary', 'a', '## Impact', '5% of users', '## Root cause', 'b', '## Timeline', '- 10:00 UTC x', '## What went well', 'c', '## Action items', '- [ ] d (owner: @e, ABC-1)');
  assert.equal(analyze(text, { force: true }).template.id, 'core');
  assert.deepEqual(found(text, 'missing-section'), []);
});

test('no-preventive-action: prevention words win over mitigation words; repairs and reports alone are reported', () => {
  const good = doc('# Postmortem: x', '', '## Action Items', '- Lint zone files in CI and link the check from the runbook', '- Alert when a resolver restarts more than twice in 10 minutes');
  assert.deepEqual(found(good, 'no-preventive-action'), []);
  const bad = doc('# Postmortem: x', '', '## Action Items', '- Restore the last good zone file on all resolvers', '- Publish the incident report to affected teams');
  assert.deepEqual(found(bad, 'no-preventive-action'), [2]);
});

test('timestamp-format-inconsistent counts dated 24-hour entries', () => {
  const text = doc('# Postmortem: x', '', '## Timeline', 'All times PDT.', '', '- 2024-09-03 9:05 PM: a', '- 9:40 PM: b', '- 2024-09-03 22:05: c', '- 10:30 PM: d');
  assert.deepEqual(found(text, 'timestamp-format-inconsistent'), [7]);
});
