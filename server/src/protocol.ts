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
  /** The heading and the purpose as literal Markdown (the document's and a workspace template's text), for tooltips. */
  markdown: { heading: string; purpose: string };
}

export interface OutlineResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  title: string | null;
  template: { id: string; name: string };
  /** Minutes: as stated, and as the milestones or timeline show; null where unknown. */
  duration: { stated: number | null; computed: number | null };
  /** The same durations as shown ("2h 30m"), so clients format nothing themselves. */
  durationText: { stated: string | null; computed: string | null };
  /** The title (or "Postmortem") and the template's name as literal Markdown, for tooltips. */
  markdown: { title: string; template: string };
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

export interface InsertSectionParams {
  uri: string;
  /** The template section, by the heading the outline lists for it (a missing section's template heading)… */
  heading?: string;
  /** …or by kind: the first of the template's sections of that kind. */
  kind?: SectionKind;
}

/** A plain LSP text edit (the client turns it into its own). */
export interface PlainTextEdit {
  range: Range;
  newText: string;
}

export interface InsertSectionResult {
  /** The document version the edits are for: apply them only to that version. */
  version: number;
  /** Null when the section cannot be inserted; `reason` says why. */
  edits: PlainTextEdit[] | null;
  /** The heading inserted, or why not. */
  heading: string | null;
  reason?: string;
}

/**
 * Inserts one of the template's sections at the template's place (required or
 * recommended), asked for by heading or kind: never by a diagnostic's message.
 * Null when the document is not open, not a postmortem, or checking is off.
 */
export const InsertSectionRequest = new RequestType<InsertSectionParams, InsertSectionResult | null, void>('postmortem/insertSection');

export interface TemplatesParams {
  /** The folder a new postmortem goes into (a URI): its config file decides the team's templates. Null without a workspace. */
  folder: string | null;
}

export interface TemplateChoice {
  id: string;
  name: string;
  /** Where the format comes from ("Google SRE book", "custom template file"). */
  source: string;
  /** From a template file the folder's `.postmortemrc` names. */
  custom: boolean;
  /** The folder's config names it as the template to check against. */
  configured: boolean;
  /** Its section headings, in order. */
  headings: string[];
}

export interface TemplatesResult {
  /** The configured template first, then the team's, then the built-in ones. */
  templates: TemplateChoice[];
  /** Problems in the folder's config files, one line each ("file:line:col: path: message"); the built-in templates still work. */
  problems: string[];
  /** The severities to offer. */
  severities: string[];
}

/** The templates New Postmortem offers for a folder: the built-in ones and the team's own from `.postmortemrc`. */
export const TemplatesRequest = new RequestType<TemplatesParams, TemplatesResult, void>('postmortem/templates');

export interface NewPostmortemParams extends TemplatesParams {
  /** A template id from `postmortem/templates`. */
  template: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  severity: string;
}

export interface NewPostmortemResult {
  /** "2024-05-01-cache-stampede-after-deploy": the file name without ".md" (the client adds "-2" if it is taken). */
  fileStem: string;
  /** The whole document as a snippet, the cursor starting in the first field to fill in. */
  snippet: string;
}

/** A new postmortem rendered from a template; null for a template id the folder does not know. */
export const NewPostmortemRequest = new RequestType<NewPostmortemParams, NewPostmortemResult | null, void>('postmortem/newPostmortem');

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

// Workspace files, read by the client for a server that cannot reach them itself
// (the browser server: it reads config files through the editor's workspace.fs, so
// virtual file systems work). The Node server reads the disk and never asks.

export interface WorkspaceFileParams {
  /** The file's URI. */
  uri: string;
}

/** Why a file could not be read, in words the server turns into a sentence. */
export type WorkspaceFileRefusal = 'missing' | 'folder' | 'not-a-file' | 'too-large' | 'unreadable';

export interface ReadWorkspaceFileParams extends WorkspaceFileParams {
  /** The most bytes the server takes: a larger file is refused, not read. */
  cap: number;
}

export type ReadWorkspaceFileResult = { ok: true; text: string } | { ok: false; refusal: WorkspaceFileRefusal; detail?: string };

/** A workspace file's text (UTF-8), read by the client through workspace.fs. */
export const ReadWorkspaceFileRequest = new RequestType<ReadWorkspaceFileParams, ReadWorkspaceFileResult, void>('postmortem/readWorkspaceFile');

/** Whether a file (not a folder) is there. */
export const WorkspaceFileExistsRequest = new RequestType<WorkspaceFileParams, boolean, void>('postmortem/workspaceFileExists');

/** The names of the files (not folders) in a folder; [] when it cannot be listed. */
export const ListWorkspaceFolderRequest = new RequestType<WorkspaceFileParams, string[], void>('postmortem/listWorkspaceFolder');
