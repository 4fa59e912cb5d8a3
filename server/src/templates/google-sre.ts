import type { Template } from './template.js';

/** The example postmortem in Google's SRE book (appendix D). */
export const GOOGLE_SRE_TEMPLATE: Template = {
  id: 'google-sre',
  name: 'Google SRE book',
  source: 'Site Reliability Engineering, Appendix D: Example Postmortem',
  sections: [
    { heading: 'Summary', kinds: ['summary'], required: true, purpose: 'One or two sentences: what broke, for how long, and the effect.', body: '${1:What happened, for how long, and what users saw.}' },
    { heading: 'Impact', kinds: ['impact'], required: true, purpose: 'Who and what was affected, with numbers (queries lost, revenue, users).', body: '${1:Who was affected and how much: requests failed, users, revenue.}' },
    { heading: 'Root Causes', kinds: ['root-cause'], required: true, purpose: 'The conditions that made the failure possible, not only the trigger.', body: '${1:The conditions that made the failure possible.}' },
    { heading: 'Trigger', kinds: ['trigger'], required: false, purpose: 'The event that set the latent cause off.', body: '${1:The change or event that set it off.}' },
    { heading: 'Resolution', kinds: ['resolution'], required: true, purpose: 'What was done to restore service.', body: '${1:What restored service.}' },
    { heading: 'Detection', kinds: ['detection'], required: true, purpose: 'How the problem was noticed: which alert, or who reported it.', body: '${1:Which alert fired, or who noticed, and when.}' },
    {
      heading: 'Action Items',
      kinds: ['action-items'],
      required: true,
      purpose: 'Table of follow-ups: action, type (prevent / mitigate / detect / process), owner, bug.',
      body: '| Action Item | Type | Owner | Bug |\n| --- | --- | --- | --- |\n| ${1:A specific change} | ${2:prevent} | ${3:@owner} | ${4:ABC-123} |',
    },
    { heading: 'Lessons Learned', kinds: ['lessons'], required: false, purpose: 'What went well, what went wrong, where we got lucky.', body: '### What went well\n- ${1:…}\n\n### What went wrong\n- ${2:…}\n\n### Where we got lucky\n- ${3:…}' },
    { heading: 'Timeline', kinds: ['timeline'], required: true, purpose: 'A date line ("all times UTC") and a Time / Description table, with OUTAGE BEGINS and OUTAGE ENDS marked.', body: '${1:YYYY-MM-DD} (all times UTC)\n\n| Time | Description |\n| --- | --- |\n| ${2:14:51} | ${3:What happened} |' },
    { heading: 'Supporting information', kinds: ['supporting-information'], required: false, purpose: 'Graphs, dashboards and logs the reader can check.', body: '- ${1:Links to graphs and dashboards.}' },
  ],
};
