import { TEMPLATES } from './registry.js';
import { templateSnippet } from './render.js';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const key = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Everything in snippets/postmortem.code-snippets, made from the templates so
 * the snippets and the rules agree on what each template contains.
 * `npm run snippets` writes the file; a test keeps it equal to this.
 */
export function postmortemSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const template of TEMPLATES) {
    snippets[`Postmortem (${template.name})`] = {
      prefix: [`postmortem-${template.id}`, ...(template.id === 'seed' ? ['postmortem'] : [])],
      description: `A whole postmortem in the ${template.name} format: ${template.sections.map((section) => section.heading).join(', ')}.`,
      body: templateSnippet(template).split('\n'),
    };
  }
  const seen = new Set<string>();
  for (const template of TEMPLATES) {
    for (const section of template.sections) {
      const id = key(section.heading);
      if (seen.has(id)) continue;
      seen.add(id);
      snippets[`Section: ${section.heading}`] = { prefix: [`section-${id}`], description: section.purpose, body: [`## ${section.heading}`, '', ...section.body.split('\n'), '$0'] };
    }
  }
  snippets['Timeline entry'] = {
    prefix: ['entry', 'timeline-entry'],
    description: 'A timeline entry stamped with the current time (24-hour, UTC offset of this machine).',
    body: ['- ${1:$CURRENT_HOUR:$CURRENT_MINUTE}: ${2:What happened}$0'],
  };
  snippets['Action item'] = {
    prefix: ['action-item'],
    description: 'An action item as a task: a specific change, one owner, a ticket, a type.',
    body: ['- [ ] ${1:A specific change} (owner: ${2:@owner}, ticket: ${3:ABC-123}, type: ${4|prevent,detect,mitigate,process|})$0'],
  };
  snippets['Action item table row'] = {
    prefix: ['action-item-row'],
    description: 'A row of an Action Item | Type | Owner | Bug table.',
    body: ['| ${1:A specific change} | ${2|prevent,detect,mitigate,process|} | ${3:@owner} | ${4:ABC-123} |$0'],
  };
  snippets['Impact metrics'] = {
    prefix: ['impact-metrics'],
    description: 'The numbers a reviewer asks for: users, requests, money, support load, how long.',
    body: [
      '| Metric | Value |',
      '| --- | --- |',
      '| Users affected | ${1:12%} (${2:45,000}) |',
      '| Requests failed | ${3:1.2 million} (${4:8%} of traffic) |',
      '| Revenue impact | ${5:$30,000} |',
      '| Support tickets | ${6:240} |',
      '| Duration of impact | ${7:45 minutes} |',
      '$0',
    ],
  };
  return snippets;
}
