import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { buildModel } from '../../server/src/model/build-model.js';
import { findProseDurations } from '../../server/src/model/duration-phrases.js';

// Issue #11, items 3-5: durations in prose, certainty before fixes, rules that read like a reviewer.
const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;
const found = (text: string, rule: string): number[] =>
  analyze(text, { force: true })
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => finding.range.start.line);

test('duration phrases in words, compact forms and hedges', () => {
  const read = (text: string): Array<[number, boolean]> => findProseDurations(text).map((phrase) => [phrase.minutes, phrase.approximate]);
  assert.deepEqual(read('forty-five minutes'), [[45, false]]);
  assert.deepEqual(read('about 2h35m'), [[155, true]]);
  assert.deepEqual(read('2 hours and 10 minutes'), [[130, false]]);
  assert.deepEqual(read('roughly six hours'), [[360, true]]);
  assert.deepEqual(read('three days'), [[4320, false]]);
  assert.deepEqual(read('an hour and a half'), [[90, false]]);
  assert.deepEqual(read('half an hour'), [[30, false]]);
  assert.deepEqual(read('2,865 minutes'), [[2865, false]]);
  assert.deepEqual(read('a few hours'), [[180, true]]);
});

const statedIn = (body: string): { minutes: number | null; basis: string | null | undefined } => {
  const { model } = buildModel(doc('# Outage', '', '## Summary', body));
  return { minutes: model.duration.minutes, basis: model.duration.basis };
};

test('the incident length stated in prose is read', () => {
  assert.equal(statedIn('The queue seemed to recover on its own within 25 minutes.').minutes, 25);
  assert.equal(statedIn('The incident lasted roughly six hours.').minutes, 360);
  assert.equal(statedIn('The site was unavailable for about 2h35m.').minutes, 155);
  assert.equal(statedIn('Customers saw three days of degraded service.').minutes, 4320);
  assert.equal(statedIn('Total time to resolution about 75 minutes.').minutes, 75);
  assert.equal(statedIn('The API was down for forty-five minutes.').minutes, 45);
  assert.equal(statedIn('It lasted for a period of 48 minutes.').minutes, 48);
  assert.equal(statedIn('The vault was restored less than two hours after the bad harvest.').minutes, 120);
  assert.deepEqual(statedIn('Nothing broke for users.\n\nTime to recovery: N/A'), { minutes: null, basis: 'not-applicable' });
  const intro = buildModel(doc('# Outage', '', 'We had an outage lasting 2 hours and 10 minutes, from 10:05 to 12:15 UTC.', '', '## Timeline', '- 10:05 x')).model.duration;
  assert.equal(intro.minutes, 130);
});

test('durations that are not the incident length are not read as one', () => {
  assert.equal(statedIn('Requests were retried for 30 seconds and then failed.').minutes, null);
  assert.equal(statedIn('About 30 minutes later the alert fired.').minutes, null);
  assert.equal(statedIn('The cache kept stale entries for 10 minutes.').minutes, null);
  assert.equal(buildModel(doc('# Outage', '', '## Action Items', '- Keep downtime under 5 minutes for the next release')).model.duration.minutes, null);
});

test('missing-duration is quiet when prose states the length, and its fix writes only what milestones prove', () => {
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Summary', 'The API was down for forty-five minutes.'), 'missing-duration'), []);
  // First to last entry is lead-up and follow-up, not the impact: no fix.
  const unproven = analyze(doc('# Postmortem: x', '', '## Summary', 'x', '', '## Timeline', 'All times UTC.', '', '- 2024-06-12 06:00 Change prepared.', '- 08:14 Errors.', '- 11:30 Review.'), { force: true }).findings.find((finding) => finding.rule === 'missing-duration');
  assert.ok(unproven);
  assert.equal(unproven.fix, undefined);
  // A bare "1:15" after "12:40" could be either half of the day: no fix either.
  const guessed = analyze(doc('# Postmortem: x', '', '## Summary', 'x', '', '## Timeline', '', '- 11:50 Impact begins.', '- 12:40 x', '- 1:15 Impact ends.'), { force: true }).findings.find((finding) => finding.rule === 'missing-duration');
  assert.equal(guessed?.fix, undefined);
});

test('the fixes never insert filler that silences the rule that asked: a template body is a placeholder finding', () => {
  const text = doc('# Postmortem: x', '', '## Summary', 'The API was down for forty-five minutes.', '', '## Impact', '', '412 samples were lost.');
  assert.deepEqual(found(text, 'impact-without-metrics'), []);
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Impact', 'Users were sad.'), 'impact-without-metrics'), [2]);
});

test('blame: hindsight about people, not plans or terms that contain a judgemental word', () => {
  const lines = (text: string): number[] => found(doc('# Postmortem: x', '', '## Root Cause', text), 'blameful-language');
  assert.deepEqual(lines('Bob forgot to renew the certificate.'), [3]);
  assert.deepEqual(lines('The change should have been caught in review.'), [3]);
  assert.deepEqual(lines('The engineer didn\'t check the diff.'), [3]);
  assert.deepEqual(lines('That delay was inexcusable.'), [3]);
  assert.deepEqual(lines('We should have a runbook for this.'), []);
  assert.deepEqual(lines('The careless-mode flag was on; the stupid-simple default looked safe.'), []);
  assert.deepEqual(lines('We used git blame to find the commit. The human error rate stayed flat.'), []);
  assert.deepEqual(lines('We blame it on the servers until we see they are innocent.'), []);
});

test('vague action items by meaning', () => {
  const text = doc('# Postmortem: x', '', '## Action Items', '', '- Better dashboards for when things go wrong (owner: @a, OPS-1)', '- Keep watching the queue depth (owner: @a, OPS-2)', '- Set up more alerts (owner: @a, OPS-3)', '- Look into something for the cache (owner: @a, OPS-4)', '- Alert when queue depth exceeds 10,000 for 5 minutes (owner: @a, OPS-5)');
  assert.deepEqual(found(text, 'action-item-vague'), [4, 5, 6, 7]);
});

test('impact metrics: counted nouns, the whole, durations in words', () => {
  for (const impact of ['412 samples were lost.', '80 builds stuck in the queue.', 'The site was down for at least five hours.', 'The site was inaccessible to all users.']) {
    assert.deepEqual(found(doc('# Postmortem: x', '', '## Impact', impact), 'impact-without-metrics'), [], impact);
  }
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Impact', 'Clients saw HTTP 503 errors in 2023 releases.'), 'impact-without-metrics'), [2]);
});

test('action items record how owner, ticket and done-state were read', () => {
  const { model } = buildModel(
    doc(
      '---',
      'assignee: Priya',
      '---',
      '# Postmortem: x',
      '',
      '## Action Items',
      '',
      '- Pin the client version ✅',
      '- Add a lag alert (Alice) [tracker][t]',
      '- Read the docs at https://docs.example.com/kafka',
      '- DONE: rotate the keys',
      '',
      '[t]: https://github.com/acme/ingest/issues/12',
    ),
  );
  const byText = new Map(model.actionItems.map((item) => [item.text.slice(0, 12), item]));
  assert.equal(byText.get('Pin the clie')?.status, 'done');
  assert.equal(byText.get('Pin the clie')?.derived?.status, 'marker');
  assert.equal(byText.get('Add a lag al')?.owner, 'Alice');
  assert.equal(byText.get('Add a lag al')?.ticket, 'https://github.com/acme/ingest/issues/12');
  assert.equal(byText.get('Read the doc')?.ticket, null, 'documentation is not a ticket');
  assert.equal(byText.get('Read the doc')?.owner, 'Priya');
  assert.equal(byText.get('Read the doc')?.derived?.owner, 'front-matter');
  assert.equal(byText.get('DONE: rotate')?.status, 'done');
});

test('a missing ticket is one finding per document, naming the items', () => {
  const text = doc('# Postmortem: x', '', '## Action Items', '', '- Pin the client (owner: @a)', '- Alert on lag (owner: @b)');
  const findings = analyze(text, { force: true }).findings.filter((finding) => finding.rule === 'action-item-missing-ticket');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /2 open action items.*"Pin the client.*"Alert on lag/);
});

test('placeholders: a written TODO task and HTML tags are not placeholders; a finished document with placeholders keeps every rule', () => {
  assert.deepEqual(found(doc('# Postmortem: x', '', '## Action Items', '', '- TODO: add an alert on queue depth (owner: @a, OPS-1)', '', '<h2>Notes</h2>'), 'placeholder-text'), []);
  const finished = doc('# Postmortem: x', '', '## Summary', 'Owner TBD, ticket TBD, ?? users, XX% of calls, date TBD, cost TBD.', '', '## Timeline', 'All times UTC.', '', '- 2024-01-01 10:00 x', '- 2024-01-01 09:00 y', '', '## Root Cause', 'Human error.');
  const rules = new Set(analyze(finished, { force: true }).findings.map((finding) => finding.rule));
  assert.ok(rules.has('placeholder-text'));
  assert.ok(rules.has('blameful-language'), 'other rules still run');
});
