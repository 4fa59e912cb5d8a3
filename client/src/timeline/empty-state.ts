import type { IncidentResult } from '../../../server/src/protocol.js';
import type { EmptyState } from './messages.js';

/** What the panel says when it has nothing to draw, and why. */
export function emptyState(name: string | null, serverRunning: boolean, result: IncidentResult | null): EmptyState {
  if (name === null) return { title: 'No postmortem open', body: 'Open a postmortem in the editor: its timeline is drawn here and follows your edits.' };
  if (!serverRunning) return { title: 'Starting the Postmortem Writer server…', body: `${name} is drawn as soon as it has been read.` };
  if (!result?.isPostmortem) {
    return {
      title: `${name} is not a postmortem`,
      body: 'A Markdown file is a postmortem when it sits in a folder such as postmortems/, has "type: postmortem" in its front matter, or has the sections of one (Summary, Impact, Timeline, Root Cause, Action Items…).',
    };
  }
  return {
    title: 'No timed entries yet',
    body: `${name} has no timeline entries with a time of day to draw. Add them under a Timeline heading, one per line; the picture follows as you type.`,
    example: '- 14:05 UTC – Error-rate alert pages the on-call engineer',
  };
}
