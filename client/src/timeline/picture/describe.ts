import type { EntryInfo } from '../messages.js';
import { MILESTONE_NAMES, type TimelineInput } from './input.js';

/** Every entry as the tooltip, the table and screen readers describe it. */
export function describeEntries(input: Pick<TimelineInput, 'entries'>): EntryInfo[] {
  return input.entries.map((entry, index) => {
    const text = entry.plainText;
    const milestone = entry.milestone ? MILESTONE_NAMES[entry.milestone] : null;
    const time = entry.shownTime;
    const ariaLabel = [
      `${time}${entry.offset ? `, ${entry.offset}` : ''}`,
      entry.label ? `${entry.label}: ${text}` : text,
      milestone ? `Milestone: ${milestone}.` : '',
      entry.problem ?? '',
      entry.key === null ? 'Not drawn: no time of day.' : '',
    ]
      .filter(Boolean)
      .join('. ')
      .replace(/\.\./g, '.');
    return { index, time, written: entry.timeText, offset: entry.offset, label: entry.label, text, milestone, milestoneKind: entry.milestone, problem: entry.problem, approximate: entry.approximate, drawn: entry.key !== null, ariaLabel };
  });
}
