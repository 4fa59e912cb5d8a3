// Issue #11, item 5: vague action items, blame and impact read by meaning.
// Every item and sentence here is written for this test; none is copied from a real postmortem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { vagueness, itemWords } from '../../server/src/rules/vague-action.js';
import { blamedPeople, inEnumeration } from '../../server/src/rules/blame-on-person.js';
import { nothingToCount } from '../../server/src/rules/impact-nothing-to-count.js';
import { extractMetrics } from '../../server/src/model/metrics.js';
import { LineIndex } from '../../server/src/model/positions.js';

const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;
const found = (text: string, rule: string): number[] =>
  analyze(text, { force: true })
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => finding.range.start.line);

// ---- action-item-vague -------------------------------------------------------------------------

const VAGUE: ReadonlyArray<readonly [item: string, kind: string]> = [
  ['Improve monitoring.', 'aspiration'],
  ['Improve on-call response time to pages.', 'aspiration'],
  ['Enhance runbooks and onboarding for the billing service.', 'aspiration'],
  ['Optimize the deploy process so releases ship without needless waiting.', 'aspiration'],
  ['Strengthen security around the admin panel.', 'aspiration'],
  ['Tighten up code review so typos get caught.', 'aspiration'],
  ['Refine the escalation policy.', 'aspiration'],
  ['Review and streamline how we allocate worker memory.', 'aspiration'],
  ['We will improve our alerting for the payment queue.', 'aspiration'],
  ['Implement better caching to handle load gracefully.', 'aspiration'],
  ['Increase test coverage for the billing service.', 'aspiration'],
  ['Build a more robust backup system for the ledger.', 'aspiration'],
  ['Make our smoke tests smarter.', 'aspiration'],
  ['Ensure every node is secure and up to date.', 'aspiration'],
  ['Make sure this never happens again.', 'aspiration'],
  ['Ensure timely handling of escalations.', 'aspiration'],
  ['Redis config makeover: less clutter, more speed.', 'aspiration'],
  ['Better dashboards for when things go wrong', 'aspiration'],
  ['Monitor traffic and memory on the workers.', 'watch'],
  ['Keep watching the queue depth', 'watch'],
  ['Continue to monitor the replicas closely.', 'watch'],
  ['Consider enabling slow-query logging on the replicas.', 'hedge'],
  ['Look into something for the cache', 'hedge'],
  ['Document and think about the memory overcommit ratio', 'hedge'],
  ['Maybe add a few deeper tests, perhaps with help from QA.', 'hedge'],
  ['Work on making deploys safer.', 'hedge'],
  ['The outage revealed opportunities to improve how we roll out schema changes.', 'hedge'],
  ['The platform team is reviewing the process for rotating credentials.', 'hedge'],
  ['Be more careful when editing the proxy settings.', 'attention'],
  ['Keep an eye on disk usage.', 'attention'],
  ['Make a promise to re-read every firewall change before merging.', 'attention'],
  ['Triple-check all DNS edits before saving them.', 'attention'],
  ['The support team needs to communicate better with engineering.', 'attention'],
  ['Every now and then, curl the health endpoint to see that it answers.', 'frequency'],
  ['Regularly patch and upgrade every package on the fleet.', 'frequency'],
  ['Initiate follow-up actions during the next sprint.', 'empty'],
  ['Take the necessary measures to avoid a repeat.', 'empty'],
  ['The team will implement the required changes to resolve the defect.', 'empty'],
  ['Identify areas for improvement in the on-call rotation.', 'empty'],
  ['If the site breaks again we need to find the cause and fix it', 'empty'],
  ['Solve the problem.', 'empty'],
  ['Assess how alerts are routed and refine them as needed.', 'empty'],
  ['Test before pushing to all servers, however small the change.', 'empty'],
];

const CONCRETE: readonly string[] = [
  // A wish made concrete by what follows it.
  'Improve the p99 alert: page when checkout latency > 800 ms for 5 min',
  'Improve deploy safety by adding a canary stage that halts on a spike of 5xx responses',
  'Enhance the smoke test to request /healthz after every deploy',
  'Enhance monitoring to include TLS handshake failures on the edge proxies',
  'Strengthen monitoring for queue depth, consumer lag and dead-letter counts',
  'Enhanced monitoring for replication lag on the reporting replica',
  'Optimize the `orders_by_customer` query with a composite index',
  'Monitor replication lag and page the on-call above 30 s',
  'Regularly rotate the signing keys with a weekly cron job',
  'Tune nginx worker_connections for the new instance size',
  'Increase the connection pool size on the API servers',
  'Optimize the slow search query on the orders page',
  // Concrete verbs with named objects.
  'Ensure the deploy script runs `nginx -t` before every reload',
  'Make sure the runbook link is in every PagerDuty alert',
  'Document how to get kubectl access, so others can look into incidents too',
  'Add a CI job that runs the config linter on every pull request',
  'Set max_connections on the primary to match the pool size',
  'Alert when the disk is 85% full for 10 minutes',
  'Back up the session store nightly and test a restore once a month',
  'Write a runbook for restoring the session store from a snapshot.',
  'Investigate why the disk alert did not fire on db-3',
  'Train the support team on the new status page workflow.',
  'Provide additional training on the failover runbook for new on-call engineers.',
  'Enhance security awareness training, enforce USB device policies.',
  'Fix the typo in wp-settings.php and add a syntax check for it in CI.',
  'Configuration Audit: move every virtual host into its own file under sites-available',
  // Statements that landed in an action-item list are not instructions.
  'The team responded quickly and rolled back within minutes.',
  'Comprehensive monitoring confirmed the scope of the issue.',
];

for (const [item, kind] of VAGUE) {
  test(`vague: "${item}" (${kind})`, () => {
    assert.equal(vagueness(item)?.kind, kind);
  });
}

for (const item of CONCRETE) {
  test(`concrete: "${item}"`, () => {
    assert.equal(vagueness(item, /`/.test(item)), null);
  });
}

test('an item\'s words leave out owners, tickets, links, marks, times and a short title', () => {
  assert.equal(itemWords('[ ] **Improve monitoring** (owner: @lpark) SHOP-312 https://tracker.example/SHOP-312'), 'Improve monitoring');
  assert.equal(itemWords('4:15 PM: Task 2: Better Monitoring: Keep an eye on configuration drift.'), 'Keep an eye on configuration drift.');
  assert.equal(itemWords('Improve the p99 alert: page when latency > 800 ms'), 'page when latency > 800 ms');
  assert.equal(itemWords('✅ (Already planned) Build a status page'), 'Build a status page');
});

test('the rule reports by meaning, with the configured verbs and phrases still counting', () => {
  const text = doc(
    '# Postmortem: x',
    '',
    '## Action Items',
    '',
    '- Improve team response time to critical alerts. (owner: @a, OPS-1)',
    '- Enhance docs and training on the token refresh flow. (owner: @a, OPS-2)',
    '- Regularly patch all software components. (owner: @a, OPS-3)',
    '- Alert when queue depth exceeds 10,000 for 5 minutes (owner: @a, OPS-4)',
    '- Review alerts (owner: @a, OPS-5)',
    '- [x] Improve monitoring (owner: @a, OPS-6)',
  );
  assert.deepEqual(found(text, 'action-item-vague'), [4, 5, 6, 8]);
  const messages = analyze(text, { force: true }).findings.filter((finding) => finding.rule === 'action-item-vague').map((finding) => finding.message);
  assert.match(messages[0]!, /^"Improve team response time to critical alerts" is a wish, not a change/);
  assert.match(messages[2]!, /cannot be scheduled/);
});

test('a code span in the item\'s source makes it concrete even though the item text has lost the backticks', () => {
  const text = doc('# Postmortem: x', '', '## Action Items', '', '- Optimize `checkout_v2` (owner: @a, OPS-1)', '- Optimize checkout (owner: @a, OPS-2)');
  assert.deepEqual(found(text, 'action-item-vague'), [5]);
});

// ---- blameful-language -------------------------------------------------------------------------

const blameLines = (text: string): number[] => found(doc('# Postmortem: x', '', '## Root Cause', '', text), 'blameful-language');

test('blame: the cause put on a junior, an intern or a new hire, and a fix that takes work away from them', () => {
  for (const sentence of [
    'The outage was caused by the removal of the orders table by a new intern who is still finding their way around.',
    'The problem was the junior SRE engineer added a stray character to the upstream name.',
    'During the release one of the trainees added an extra letter to the file name, so PHP could not load it.',
    'A junior developer mistakenly committed the staging credentials.',
    'The root cause was that the new hire had write access to production and accidentally dropped the users table.',
    'From now on, do not let the junior engineers run migrations.',
    'Deploy rights will be taken away from the interns.',
    'The root cause was a human mistake in the config file.',
  ]) {
    assert.deepEqual(blameLines(sentence), [4], sentence);
  }
});

test('blame: people who only appear in the story, and failure kinds in general, are not blamed', () => {
  for (const sentence of [
    'The intern noticed the 500s and paged the on-call engineer.',
    'The junior engineer on call restarted Nginx and checked the logs.',
    'Our new developers joined the incident call at 10:05.',
    'Systems fail for many reasons: bugs, traffic spikes, hardware failures, human error… Learning from it is the point.',
    'We pair every new hire with a mentor for their first deploys.',
  ]) {
    assert.deepEqual(blameLines(sentence), [], sentence);
  }
});

test('blame: the issue\'s hindsight phrases stay reported', () => {
  for (const sentence of ['Sam forgot to renew the certificate.', 'Nobody bothered to look; they didn\'t bother to read the alert.', 'It should have been caught in review.', 'Leaving the port open was inexcusable.']) {
    assert.ok(blameLines(sentence).length > 0, sentence);
  }
  assert.deepEqual(blameLines('We should have a runbook for certificate renewals.'), []);
});

test('blame: a blame phrase and the person it names in the next sentence are one finding', () => {
  assert.deepEqual(blameLines('The site went down because of human error. A junior engineer accidentally deleted the load balancer pool.'), [4]);
  assert.equal(analyze(doc('# Postmortem: x', '', '## Root Cause', '', 'The site went down because of human error. A junior engineer accidentally deleted the pool.'), { force: true }).findings.filter((f) => f.rule === 'blameful-language').length, 1);
});

test('blame: a tab-indented paragraph (an indented code block to CommonMark) is read as the prose it is', () => {
  const text = doc('# Summary:', '\tAfter some digging we found that during a settings commit', '\tone of the interns added a letter to a file suffix, which broke the include.', '', '# Fix', '', '    const x = intern.added(1);');
  assert.deepEqual(found(text, 'blameful-language'), [2]);
});

test('blame spans and enumerations, directly', () => {
  const text = 'Root cause: the new intern accidentally deleted the table.';
  assert.deepEqual(
    blamedPeople(text).map(([from, to, how]) => [text.slice(from, to), how]),
    [['intern', 'cause']],
  );
  const list = 'Causes include bugs, bad deploys, human error, and power cuts.';
  const at = list.indexOf('human error');
  assert.equal(inEnumeration(list, at, at + 'human error'.length), true);
  const sentence = 'It was human error, and a missing check let it through.';
  assert.equal(inEnumeration(sentence, 7, 18), false);
});

// ---- impact-without-metrics --------------------------------------------------------------------

const impactLines = (...body: string[]): number[] => found(doc('# Postmortem: x', '', ...body), 'impact-without-metrics');

test('impact: the whole, counts and shares in words, and durations are quantities', () => {
  for (const impact of [
    'All branches and the warehouse were unable to reach the stock service.',
    'Visitors could not load the storefront, which meant complete downtime for the shop.',
    'The entire website was unreachable.',
    'Six regions lost their read replicas.',
    'Hundreds of merchants saw duplicate payouts.',
    'About half of our customers could not log in.',
    'The build farm was out of service for six days.',
    'None of our stores could print receipts.',
  ]) {
    assert.deepEqual(impactLines('## Impact', '', impact), [], impact);
  }
});

test('impact: the numbers on the lines under a bare "**Impact:**" label count', () => {
  assert.deepEqual(impactLines('**Impact:**', '', '- Roughly 40% of sign-ins failed.', '- Customers opened tickets.', '', '## Timeline', '', '- 10:00 UTC began'), []);
  assert.deepEqual(impactLines('**Impact:**', '', '- Sign-ins failed.', '- Customers were unhappy.', '', '**Cause:** a bad certificate'), [2]);
});

test('impact: a potential impact, or a statement that nothing was affected, has nothing to count', () => {
  assert.deepEqual(impactLines('## Potential Impact', '', 'An attacker could read other tenants\' invoices.'), []);
  assert.deepEqual(impactLines('## Impact', '', 'A malicious page would have been able to run script in the dashboard and read its session token.'), []);
  assert.deepEqual(impactLines('## Impact', '', 'No customer data was exposed. The flaw was never exploited.'), []);
  // What did happen still needs a number, and "could not" is what happened.
  assert.deepEqual(impactLines('## Impact', '', 'Users could not log in.'), [2]);
  assert.deepEqual(impactLines('## Impact', '', 'No data was lost, but the dashboard was slow for customers.'), [2]);
});

test('impact reading, directly', () => {
  assert.equal(nothingToCount('## Potential impact\n\nAnything.'), true);
  assert.equal(nothingToCount('## Impact\n\nAn adversary could have injected markup into the page.'), true);
  assert.equal(nothingToCount('## Impact\n\nThe API returned errors.'), false);
  const read = (text: string): Array<[string, number]> => extractMetrics(text, 0, new LineIndex(text)).map((m) => [m.unit, m.value]);
  assert.deepEqual(read('complete unavailability for approximately 75% of our users'), [['%', 75]]);
  assert.deepEqual(read('two thirds of the users and twelve merchants'), [['%', 67], ['count', 12]]);
  assert.deepEqual(read('all branches'), [['%', 100]]);
  assert.deepEqual(read('all times are UTC'), []);
});
