import type { Rule, RuleContext, RuleReport } from './types.js';
import { findTimestamps, type CalendarDate } from '../time/timestamps.js';
import { splitLines } from '../model/positions.js';
import { allMatches } from '../time/all-matches.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const iso = (date: CalendarDate): string => `${String(date.year)}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

function weekdayOf(date: CalendarDate & { year: number }): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/**
 * "# 2020-08-28 – Memory overload" in a file named 2020-10-28-….md: the two
 * dates differ only in the month (or only in the year), which is a slip of
 * the keyboard, not a report published two months later on the same day.
 */
function titleAgainstFileName(context: RuleContext): RuleReport | null {
  const file = context.dating.fileDate;
  if (!file || !context.titleRange) return null;
  const titleStart = context.doc.lines.offsetAt(context.titleRange.start);
  const titleText = context.doc.text.slice(titleStart, context.doc.lines.offsetAt(context.titleRange.end));
  const stamp = findTimestamps(titleText, context.memos).find((candidate) => candidate.date?.year && candidate.numericOrder === null);
  const title = stamp?.date;
  if (!stamp || !title?.year) return null;
  const sameDay = title.day === file.day;
  const onlyMonth = sameDay && title.year === file.year && title.month !== file.month;
  const onlyYear = sameDay && title.month === file.month && title.year !== file.year;
  if (!onlyMonth && !onlyYear) return null;
  return {
    message: `The title dates the incident ${iso(title)}, but the file name says ${iso(file)}: they differ only in the ${onlyMonth ? 'month' : 'year'}, so one of them is mistyped. Correct whichever is wrong, so the date readers (and this linter) take is the incident's.`,
    range: context.doc.lines.range(titleStart + stamp.start, titleStart + stamp.end),
  };
}

// "On a seemingly ordinary Tuesday morning", "on Friday night": the day the story happens on. Not "every Tuesday", "the following Monday" or "Tuesdays".
const STORY_DAY = /\b[Oo]n\s+(?:(?:a|an|that|this|one)\s+)?((?:[\w'’-]+\s+){0,3}?)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s\b|,?\s*(?:\d|the\s+\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))/g;
const WEEKDAY_NAME = /(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day/;
const OTHER_DAY = /\b(?:following|next|previous|last|every|each|later|prior|subsequent|same|other|first|second)\b/i;

/** The days the incident's own dates fall on: the document's date and every dated timeline entry. Null when a timed entry has no full date. */
function incidentDays(context: RuleContext): Array<CalendarDate & { year: number }> | null {
  const days: Array<CalendarDate & { year: number }> = [];
  const base = context.dating.date;
  if (base?.year) days.push({ ...base, year: base.year });
  for (const item of context.timeline) {
    const local = /^(\d{4})-(\d\d)-(\d\d)/.exec(item.entry.local);
    if (!local) {
      if (!item.entry.dateOnly) return null;
      continue;
    }
    days.push({ year: Number(local[1]), month: Number(local[2]), day: Number(local[3]) });
  }
  return days;
}

/** The intro or summary tells the story on a weekday none of the incident's dates fall on. */
function storyWeekday(context: RuleContext): RuleReport | null {
  const titleEnd = context.titleRange ? context.doc.lines.offsetAt(context.titleRange.end) : 0;
  const firstSpan = context.spans[0];
  const summary = context.spans.find((span) => span.section.kind === 'summary');
  const regions = [
    { start: titleEnd, end: Math.min(firstSpan ? firstSpan.start : context.doc.text.length, titleEnd + 3_000) },
    ...(summary ? [{ start: summary.contentStart, end: Math.min(summary.end, summary.contentStart + 3_000) }] : []),
  ].map((region) => ({ ...region, text: context.doc.text.slice(region.start, region.end) }));
  // Most intros name no weekday: one test says so before the dates are gathered and the lines split and scanned.
  if (!regions.some((region) => WEEKDAY_NAME.test(region.text))) return null;
  const days = incidentDays(context);
  if (!days || days.length === 0) return null;
  const distinct = new Set(days.map(iso));
  // A story over many days may well mean any of them.
  if (distinct.size > 2) return null;
  for (const region of regions) {
    for (const line of splitLines(region.text)) {
      for (const match of allMatches(line.text, STORY_DAY)) {
        if (OTHER_DAY.test(match[1] ?? '')) continue;
        const named = WEEKDAYS.indexOf(match[2]!);
        if (days.some((day) => weekdayOf(day) === named)) continue;
        const from = region.start + line.start + match.index + match[0].length - match[2]!.length;
        const dated = [...distinct].sort().map((text) => `${text} (a ${WEEKDAYS[weekdayOf(days.find((day) => iso(day) === text)!)]!})`);
        return {
          message: `"${match[2]!}" is not the incident's day: the document dates it ${dated.join(' to ')}. Correct the weekday or the date.`,
          range: context.doc.lines.range(from, from + match[2]!.length),
        };
      }
    }
  }
  return null;
}

/** Dates that contradict each other: the title's against the file name's, the story's weekday against the incident's date. */
export const dateMismatch: Rule = {
  id: 'date-mismatch',
  description: "Two dates of the incident that contradict each other: the title's and the file name's differ only in the month or year, or the story's weekday is not the date's.",
  defaultSeverity: 'warning',
  check(context) {
    return [titleAgainstFileName(context), storyWeekday(context)].filter((report) => report !== null);
  },
};
