import type { Analysis } from '../engine/analyze.js';
import type { Range, Section } from '../model/schema.js';
import type { OutlineChild, OutlineResult, OutlineSection } from '../protocol.js';
import { pairSections } from '../templates/pairing.js';
import { incidentClock } from './incident-clock.js';
import { markdownText } from './markdown-text.js';
import { formatMinutes } from '../time/durations.js';

const literal = (heading: string, purpose: string): OutlineSection['markdown'] => ({ heading: markdownText(heading), purpose: markdownText(purpose) });
const shown = (minutes: number | null): string | null => (minutes === null ? null : formatMinutes(minutes));
const within = (line: number, range: Range): boolean => line >= range.start.line && line <= range.end.line;

/** What the Incident Outline shows: the template's sections in order, present or missing, with their children. */
export function outline(uri: string, version: number, result: Analysis): OutlineResult {
  const { analysis, template, findings } = result;
  const { model } = analysis;
  const topLevel = Math.min(...model.sections.map((section) => section.level), 6);
  const top = model.sections.filter((section) => section.level === topLevel);
  const pairs = pairSections(template.sections, top);
  const clock = incidentClock(result);

  const children = (section: Section): OutlineChild[] => {
    if (section.kind === 'timeline') {
      return analysis.timeline
        .filter((item) => within(item.entry.range.start.line, section.range))
        .map((item) => ({ kind: 'timeline-entry', label: `${item.entry.timeText} ${item.entry.text}`.trim(), detail: clock.offset(item) ?? '', range: item.entry.range }));
    }
    if (section.kind === 'action-items') {
      return model.actionItems
        .filter((item) => within(item.range.start.line, section.range))
        .map((item) => ({ kind: 'action-item', label: item.text, detail: [item.owner, item.ticket].filter(Boolean).join(' · '), range: item.range, done: item.status === 'done' }));
    }
    return model.sections
      .filter((sub) => sub.level === section.level + 1 && sub.range.start.line > section.range.start.line && within(sub.range.start.line, section.range))
      .map((sub) => ({ kind: 'subsection', label: sub.heading, detail: sub.kind === 'other' ? '' : sub.kind, range: sub.headingRange }));
  };
  const present = (section: Section, required: boolean, purpose: string): OutlineSection => {
    const problems = findings.filter((finding) => within(finding.range.start.line, section.range)).length;
    return { heading: section.heading, kind: section.kind, status: problems > 0 ? 'has-problems' : 'present', required, purpose, range: section.range, headingRange: section.headingRange, problems, children: children(section), markdown: literal(section.heading, purpose) };
  };

  const sections: OutlineSection[] = template.sections.map((want) => {
    const section = pairs.get(want);
    if (section) return present(section, want.required, want.purpose);
    return { heading: want.heading, kind: want.kinds[0] ?? 'other', status: 'missing', required: want.required, purpose: want.purpose, range: null, headingRange: null, problems: 0, children: [], markdown: literal(want.heading, want.purpose) };
  });
  const paired = new Set(pairs.values());
  for (const section of top) if (!paired.has(section)) sections.push(present(section, false, ''));
  return {
    uri,
    version,
    isPostmortem: result.isPostmortem !== null,
    title: model.title,
    template: { id: template.id, name: template.name },
    duration: { stated: model.duration.minutes, computed: model.duration.computed?.minutes ?? null },
    durationText: { stated: shown(model.duration.minutes), computed: shown(model.duration.computed?.minutes ?? null) },
    markdown: { title: markdownText(model.title ?? 'Postmortem'), template: markdownText(template.name) },
    problems: findings.length,
    sections,
  };
}
