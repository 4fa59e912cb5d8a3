// The custom protocol, declared once: the client imports this module too, so
// the two sides cannot drift apart.
import { RequestType } from 'vscode-languageserver-protocol';
import type { IncidentModel, MilestoneKind, Range, SectionKind } from './model/schema.js';

export type { MilestoneKind, Range } from './model/schema.js';

export const SETTINGS_SECTION = 'postmortem';
export const SERVER_NAME = 'Postmortem Writer';

export interface OutlineParams {
  uri: string;
}

export type OutlineStatus = 'present' | 'missing' | 'has-problems';

/** A timeline entry, an action item or a subsection, under its section. */
export interface OutlineChild {
  kind: 'timeline-entry' | 'action-item' | 'subsection';
  label: string;
  /** "T+1h 5m", "@owner · ABC-123", the subsection's kind. */
  detail: string;
  range: Range;
  /** Action items: open or done. */
  done?: boolean;
}

export interface OutlineSection {
  /** The heading as written, or the template's heading for a missing section. */
  heading: string;
  kind: SectionKind;
  status: OutlineStatus;
  /** The template requires it (a missing required section is a problem). */
  required: boolean;
  /** What the template expects there. */
  purpose: string;
  /** Null for a missing section. */
  range: Range | null;
  headingRange: Range | null;
  /** Findings whose range starts inside this section. */
  problems: number;
  children: OutlineChild[];
}

export interface OutlineResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  title: string | null;
  template: { id: string; name: string };
  /** Minutes: as stated, and as the milestones or timeline show; null where unknown. */
  duration: { stated: number | null; computed: number | null };
  /** Findings in the whole document. */
  problems: number;
  /** The template's sections in its order, then the document's other sections in theirs. */
  sections: OutlineSection[];
}

/** The Incident Outline tree's data for one open document. */
export const OutlineRequest = new RequestType<OutlineParams, OutlineResult | null, void>('postmortem/outline');

export interface IncidentParams {
  uri: string;
}

/** A timeline entry placed on the incident's own time scale, for drawing. */
export interface PictureEntry {
  /** Milliseconds on the document's scale (midnight crossings and afternoon readings applied); null if the entry has no time. */
  key: number | null;
  timeText: string;
  text: string;
  label: string | null;
  range: Range;
  approximate: boolean;
  milestone: MilestoneKind | null;
  /** Reported by timeline-out-of-order. */
  outOfOrder: boolean;
  /** "T+1h 5m" from impact start (or the first entry). */
  offset: string | null;
  /** `text` as a reader sees it rendered: no emphasis markers, links as their text, no HTML or comments. */
  plainText: string;
  /** The time to show: as written, or its local time of day and zone when written as a full date and time; "~" when approximate. */
  shownTime: string;
  /** Why the entry is flagged out of order, in words, or null. */
  problem: string | null;
}

/** A stretch the picture draws as a bracket: the impact, or time to detect, mitigate or resolve. */
export interface PictureSpan {
  id: 'impact' | 'ttd' | 'ttm' | 'ttr';
  /** "Impact", "TTD", "TTM", "TTR". */
  name: string;
  /** Milliseconds on the entries' scale. */
  from: number;
  to: number;
  minutes: number;
  /** Derived from a stated figure rather than two milestones on the timeline. */
  stated: boolean;
  /** Where it comes from: "impact start → impact end", "stated", "the stated duration". */
  how: string;
}

/**
 * The display zone's offset from UTC from `from` on (the first one also
 * before it): enough to read any instant of the picture as a wall-clock time.
 */
export interface ZoneOffset {
  from: number;
  /** Minutes to add to UTC. */
  minutes: number;
  /** "UTC", "PDT", "GMT+2". */
  name: string;
}

/** What the Incident Timeline picture draws besides the entries, read by the engine. */
export interface IncidentPicture {
  /** The document's title as plain text, or null. */
  title: string | null;
  spans: PictureSpan[];
  /** The stated duration in minutes, or null. */
  statedMinutes: number | null;
  /** The entries carry a calendar date (else the picture names days "Day 1", "Day 2"). */
  dateKnown: boolean;
  /** Most timed entries are written with am/pm: the picture shows 12-hour times. */
  twelveHour: boolean;
  /** The display zone over the incident's span and well beyond, in time order. */
  zone: ZoneOffset[];
}

export interface IncidentResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  /** The engine's model, as `postmortem-lint --print-model` prints it. */
  model: IncidentModel;
  entries: PictureEntry[];
  milestones: Array<{ kind: MilestoneKind; key: number | null; range: Range }>;
  /** The zone to show times in (the document's, else UTC). */
  displayZone: string;
  picture: IncidentPicture;
}

/** The whole incident: the model, and the timeline placed on one scale for the Incident Timeline picture. */
export const IncidentRequest = new RequestType<IncidentParams, IncidentResult | null, void>('postmortem/incident');

export const Commands = {
  restartServer: 'postmortem.restartServer',
  revealRange: 'postmortem.revealRange',
  refreshOutline: 'postmortem.refreshOutline',
  sortTimeline: 'postmortem.sortTimeline',
  insertSection: 'postmortem.insertSection',
  showOutput: 'postmortem.showOutput',
  showTimeline: 'postmortem.showTimeline',
  exportTimeline: 'postmortem.exportTimeline',
  /** What the Incident Timeline's webview shows (for tests and automation; not in the palette). */
  timelineState: 'postmortem.timelineState',
  exportJson: 'postmortem.exportJson',
  newPostmortem: 'postmortem.newPostmortem',
} as const;

/** Code action kinds the server offers, beyond quick fixes. */
export const CodeActionKinds = {
  fixAll: 'source.fixAll.postmortem',
  sortTimeline: 'source.sortTimeline.postmortem',
  insertSection: 'refactor.insert.postmortem',
} as const;
