// The custom protocol, declared once: the client imports this module too, so
// the two sides cannot drift apart.
import { RequestType } from 'vscode-languageserver-protocol';
import type { IncidentModel, MilestoneKind, Range, SectionKind } from './model/schema.js';

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
