import type { Template } from './template.js';

/** Atlassian's incident handbook postmortem template. */
export const ATLASSIAN_TEMPLATE: Template = {
  id: 'atlassian',
  name: 'Atlassian incident handbook',
  source: 'Atlassian Incident Management Handbook, postmortem template',
  sections: [
    { heading: 'Incident summary', kinds: ['summary'], required: true, purpose: 'What happened, why, how long, and the severity.', body: '${1:What happened, for how long, and how bad it was.}' },
    { heading: 'Leadup', kinds: [], pattern: /^lead-?up$/, required: false, purpose: 'The circumstances that led to the incident.', body: '${1:The changes and circumstances that led up to it.}' },
    { heading: 'Fault', kinds: [], pattern: /^fault$/, required: false, purpose: 'What did not work as expected.', body: '${1:What did not work as expected.}' },
    { heading: 'Impact', kinds: ['impact'], required: true, purpose: 'Who was affected, how many, and for how long.', body: '${1:For N minutes, X% of users saw…}' },
    { heading: 'Detection', kinds: ['detection'], required: true, purpose: 'How and when the team found out, and how to detect it sooner.', body: '${1:How the incident was detected and when.}' },
    { heading: 'Response', kinds: ['response'], required: false, purpose: 'Who responded and how.', body: '${1:Who responded, and what they did.}' },
    { heading: 'Recovery', kinds: ['resolution'], required: true, purpose: 'How service was restored, and when.', body: '${1:How and when service was restored.}' },
    { heading: 'Timeline', kinds: ['timeline'], required: true, purpose: 'A detailed timeline in UTC.', body: 'All times are UTC.\n\n- ${1:14:02} - ${2:What happened}' },
    { heading: 'Five whys', kinds: [], pattern: /^(?:five|5) whys$/, required: false, purpose: 'Ask why until the root cause is reached.', body: '1. ${1:Why…}' },
    { heading: 'Root cause', kinds: ['root-cause'], pattern: /^root causes?$/, required: true, purpose: 'The final why: the underlying cause.', body: '${1:The underlying cause.}' },
    { heading: 'Backlog check', kinds: [], pattern: /^backlog check$/, required: false, purpose: 'Was there work in the backlog that would have prevented this?', body: '${1:Anything in the backlog that would have prevented this.}' },
    { heading: 'Recurrence', kinds: [], pattern: /^recurrence$/, required: false, purpose: 'Has this happened before?', body: '${1:Earlier incidents with the same cause.}' },
    { heading: 'Lessons learned', kinds: ['lessons'], required: false, purpose: 'What went well and what could be improved.', body: '- ${1:…}' },
    { heading: 'Corrective actions', kinds: ['action-items'], required: true, purpose: 'What will be done, by whom, tracked where.', body: '- [ ] ${1:A specific change} (owner: ${2:@owner}, ticket: ${3:ABC-123})' },
  ],
};
