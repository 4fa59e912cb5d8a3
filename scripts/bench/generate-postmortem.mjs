// A deterministic generator of realistic postmortems of any size, for the
// benchmarks: a summary with duration and impact, a root cause, a timeline of
// N entries under date headings (with links, code spans, milestones), and an
// action-item table. The same seed gives the same document.

function random(seed) {
  // mulberry32: small, fast and good enough to vary text.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES = ['checkout-api', 'payments', 'search', 'auth-service', 'edge-proxy', 'order-events', 'session-store', 'image-resizer'];
const VERBS = ['Alert fired for', 'Deploy started on', 'On-call engineer paged about', 'Rolled back', 'Scaled up', 'Restarted a pod of', 'Error rate rose on', 'Latency dropped on', 'Cache hit ratio fell for', 'Traffic shifted away from'];
const DETAILS = ['p99 latency above 2 s', 'error rate at 4.7%', 'queue depth over 10,000', 'CPU at 95%', '503s from the load balancer', 'connection pool exhausted', 'disk alarm on node 3', 'TLS handshake failures'];

const pad = (n) => String(n).padStart(2, '0');

const NEUTRAL = ['Config push reached', 'Traffic rose on', 'Deploy started on'];

export function generatePostmortem(entries, seed = 42) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  // The timeline first: its impact window gives the summary's duration.
  const timeline = [];
  let minute = 8 * 60;
  let day = 1;
  let begins = null;
  let ends = null;
  timeline.push(`### 2024-03-${pad(day)}`, '');
  for (let i = 0; i < entries; i++) {
    minute += 1 + Math.floor(next() * 3);
    if (minute >= 24 * 60) {
      minute -= 24 * 60;
      day += 1;
      timeline.push('', `### 2024-03-${pad(day)}`, '');
    }
    const time = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
    const stamp = `2024-03-${pad(day)} ${time}`;
    let marker = '';
    if (i === Math.min(2, entries - 1)) {
      marker = ' **OUTAGE BEGINS**';
      begins = stamp;
    } else if (i === entries - 2) {
      marker = ' **OUTAGE ENDS**';
      ends = stamp;
    }
    const link = next() < 0.3 ? ` ([graph](https://grafana.example.com/d/abc?from=1709280000000&to=1709283600000&var-svc=${pick(SERVICES)}))` : '';
    const code = next() < 0.2 ? ` Ran \`kubectl rollout undo deploy/${pick(SERVICES)}\`.` : '';
    // Nothing that reads as detection before the outage begins.
    const verb = i <= 2 ? pick(NEUTRAL) : pick(VERBS);
    timeline.push(`- ${time} – ${verb} ${pick(SERVICES)}: ${pick(DETAILS)}.${code}${link}${marker}`);
  }
  const lines = [
    `# Postmortem: ${pick(SERVICES)} degradation (generated, ${entries} entries)`,
    '',
    '**Date:** 2024-03-01',
    '**Authors:** @oncall, @sre-lead',
    '**Status:** In Review',
    '**Severity:** SEV-2',
    '',
    '## Summary',
    '',
    `- **Duration**: From ${begins ?? '2024-03-01 08:00'} to ${ends ?? '2024-03-01 09:00'} (UTC).`,
    '- **Impact**:',
    '  - 12% of checkout requests failed with 503 during the incident.',
    '  - 2,340 support tickets were opened; about $48,000 in orders were delayed.',
    '',
    '## Root Cause',
    '',
    'A configuration push lowered the connection pool size of the payment client from 64 to 4.',
    'Under peak traffic every request waited for a connection, and the load balancer timed them out.',
    '',
    '## Timeline',
    '',
    'All times UTC.',
    '',
    ...timeline,
    '',
    '## Action Items',
    '',
    '| Action Item | Type | Owner | Bug |',
    '| --- | --- | --- | --- |',
    '| Pin the payment client pool size in config | prevent | @payments | PAY-311 |',
    '| Alert on pool saturation, not only on latency | detect | @sre-lead | PAY-312 |',
    '| Canary configuration pushes to one region first | prevent | @platform | OPS-88 |',
    '',
    '## Lessons Learned',
    '',
    '### What went well',
    '- The rollback took two minutes once the cause was known.',
    '',
  ];
  return lines.join('\n');
}
