import type { Template } from './template.js';

/** The format of the postmortem this product was created from (test/fixtures/load-balancer-coffee-break.md). */
export const SEED_TEMPLATE: Template = {
  id: 'seed',
  name: 'Issue Summary / Timeline (the seed format)',
  source: 'test/fixtures/load-balancer-coffee-break.md',
  sections: [
    {
      heading: 'Issue Summary',
      kinds: ['summary'],
      required: true,
      purpose: 'How long it lasted (Duration) and who was affected and how much (Impact), in a few lines.',
      body: '- **Duration**: From ${1:YYYY-MM-DD HH:MM} to ${2:YYYY-MM-DD HH:MM} (${3:UTC}).\n- **Impact**:\n  - ${4:What users saw, with numbers: share of users or requests, errors, orders.}',
    },
    {
      heading: 'Root Cause',
      kinds: ['root-cause'],
      pattern: /^root causes?$|what went wrong|^why\b/,
      required: true,
      purpose: 'What made the system fail, and the conditions that let it.',
      body: '${1:The cause, and the contributing factors that let it cause an outage.}',
    },
    {
      heading: 'Timeline',
      kinds: ['timeline'],
      required: true,
      purpose: 'What happened when, in order, with times in one declared zone.',
      body: '- **Detection**:\n  - ${1:09:00 AM}: ${2:How the problem was noticed.}\n- **Actions Taken**:\n  - ${3:09:05 AM}: ${4:What responders did.}\n- **Resolution**:\n  - ${5:10:00 AM}: ${6:What ended the impact.}',
    },
    {
      heading: 'Root Cause and Resolution',
      kinds: ['resolution'],
      pattern: /resolution|recovery/,
      required: false,
      purpose: 'The cause in detail and how the service was restored.',
      body: '- **Cause**:\n  - ${1:What failed and why.}\n- **Resolution**:\n  - ${2:What restored service.}',
    },
    {
      heading: 'Corrective and Preventative Measures',
      kinds: ['action-items'],
      // "Remediation" names the fix in some teams and the follow-up work in others: both carry the measures.
      pattern: /remediation|prevent/,
      required: true,
      purpose: 'What will prevent a recurrence or catch it sooner, each with an owner and a ticket.',
      body: '- **Improvements**:\n  - ${1:What to improve.}\n- **Tasks**:\n  - [ ] ${2:A specific task} (owner: ${3:@owner}, ticket: ${4:ABC-123})',
    },
  ],
};
