import type { Template } from './template.js';

/**
 * What every postmortem needs whatever its format: used when a document
 * follows none of the named templates closely, so it is judged by the
 * essentials rather than by another team's headings.
 */
export const CORE_TEMPLATE: Template = {
  id: 'core',
  name: 'essential sections',
  source: 'what the common templates share (docs/postmortem-domain.md)',
  sections: [
    { heading: 'Summary', kinds: ['summary'], required: true, purpose: 'What happened, for how long, and what users saw, in a few lines.', body: '${1:What happened, for how long, and what users saw.}' },
    { heading: 'Impact', kinds: ['impact'], required: true, purpose: 'Who was affected and how much, with numbers.', body: '${1:Who was affected and how much: requests failed, users, revenue.}' },
    { heading: 'Root Cause', kinds: ['root-cause'], pattern: /what went wrong|^why\b/, required: true, purpose: 'The conditions that made the failure possible, not only the trigger.', body: '${1:The conditions that made the failure possible.}' },
    { heading: 'Timeline', kinds: ['timeline'], required: true, purpose: 'What happened when, in order, with times in one declared zone.', body: 'All times UTC.\n\n- ${1:14:02} - ${2:What happened}' },
    { heading: 'Action Items', kinds: ['action-items'], pattern: /remediation|prevent/, required: true, purpose: 'What will prevent a recurrence or catch it sooner, each with an owner and a ticket.', body: '- [ ] ${1:A specific change} (owner: ${2:@owner}, ticket: ${3:ABC-123})' },
  ],
};
