import type { Template } from './template.js';

/** PagerDuty's postmortem template (incident-response-docs). */
export const PAGERDUTY_TEMPLATE: Template = {
  id: 'pagerduty',
  name: 'PagerDuty',
  source: 'PagerDuty Incident Response documentation, postmortem template',
  sections: [
    { heading: 'Overview', kinds: ['summary'], required: true, purpose: 'A short summary of what happened and its impact.', body: '${1:What happened, in a paragraph.}' },
    { heading: 'What Happened', kinds: [], pattern: /^what happened/, required: false, purpose: 'The story of the incident, as it unfolded.', body: '${1:The incident as it unfolded.}' },
    { heading: 'Contributing Factors', kinds: ['root-cause'], required: true, purpose: 'Several factors rather than one root cause.', body: '- ${1:A factor that made this possible.}' },
    { heading: 'Resolution', kinds: ['resolution'], required: true, purpose: 'How the incident was resolved.', body: '${1:What resolved it.}' },
    {
      heading: 'Impact',
      kinds: ['impact'],
      required: true,
      purpose: 'Exact numbers: time in SEV, % out of SLA, accounts and users affected, support requests.',
      body: '| Metric | Value |\n| --- | --- |\n| Time in SEV-${1:1} | ${2:45 minutes} |\n| Accounts affected | ${3:120} |\n| Support requests | ${4:14} |',
    },
    { heading: 'Responders', kinds: [], pattern: /^responders?$/, required: false, purpose: 'Who responded: incident commander, scribe, subject matter experts.', body: '- Incident Commander: ${1:@name}\n- Scribe: ${2:@name}' },
    { heading: 'Timeline', kinds: ['timeline'], required: true, purpose: 'Time (UTC) / Event / Data Link table.', body: '| Time (UTC) | Event | Data Link |\n| --- | --- | --- |\n| ${1:14:02} | ${2:What happened} | ${3:link} |' },
    { heading: "How'd We Do?", kinds: ['lessons'], required: false, purpose: 'What went well and what did not.', body: '### What went well\n- ${1:…}\n\n### What didn\'t go so well\n- ${2:…}' },
    { heading: 'Action Items', kinds: ['action-items'], required: true, purpose: 'Follow-ups with owners and tickets.', body: '- [ ] ${1:A specific change} (owner: ${2:@owner}, ticket: ${3:ABC-123})' },
    { heading: 'Messaging', kinds: [], pattern: /^(?:external )?messaging$/, required: false, purpose: 'What was said to customers, internally and externally.', body: '${1:The customer-facing message.}' },
  ],
};
