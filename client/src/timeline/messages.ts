// The messages between the Incident Timeline panel (extension host) and its
// webview, typed once and imported by both sides. Types and constants only:
// the webview bundle must not pull in anything that needs VS Code or Node.
import type { MilestoneKind } from '../../../server/src/protocol.js';

/** Text the webview measures in its font at 12px, to correct the layout's width estimate (see picture/text.ts). */
export const FONT_SAMPLE = 'Rollback of placement-svc to v2.31.4 complete; 401 RATE BACK AT 0.05% (T+1h 5m)';

/** One entry as the webview's tooltip and table show it. */
export interface EntryInfo {
  index: number;
  /** The time to show: as written, or its time of day when written as a full date and time. */
  time: string;
  /** The time as the document writes it. */
  written: string;
  offset: string | null;
  label: string | null;
  text: string;
  milestone: string | null;
  milestoneKind: MilestoneKind | null;
  /** Why the entry is flagged (out of order), or null. */
  problem: string | null;
  approximate: boolean;
  /** Drawn on the picture (it has a time). */
  drawn: boolean;
  /** Screen reader name: time, T+ offset, text, milestone, problem. */
  ariaLabel: string;
}

/** What the panel shows when there is nothing to draw. */
export interface EmptyState {
  title: string;
  body: string;
  example?: string;
}

/** Extension → webview: draw this (or the empty state). */
export interface RenderMessage {
  type: 'render';
  uri: string;
  version: number | null;
  documentName: string;
  width: number;
  /** Entries drawn. */
  marks: number;
  /** The picture's SVG, '' for the empty state. */
  svg: string;
  /** The entries as an HTML table. */
  table: string;
  entries: EntryInfo[];
  empty?: EmptyState;
}

/** What the webview shows, as a user sees it: for the extension-host tests. */
export interface WebviewSnapshot {
  uri: string;
  version: number | null;
  /** Entries drawn as marks on the picture. */
  marks: number;
  /** Rows in the entries table. */
  rows: number;
  /** The empty state's heading when it shows, else null. */
  emptyTitle: string | null;
  exportEnabled: boolean;
  /** The element with focus: "mark 3", "row 3", "export" or null. */
  focused: string | null;
  /** The tooltip's text when it shows, else null. */
  tooltip: string | null;
  /** The standalone SVG, colours resolved ('' in the empty state). */
  svg: string;
}

/** A user action the webview performs on its own DOM (real events through its own handlers). */
export type WebviewGesture =
  | { kind: 'click'; selector: string }
  | { kind: 'key'; selector: string; key: string }
  | { kind: 'hover'; selector: string };

/** Extension → webview: perform a gesture (if any) and answer with a snapshot. */
export interface ProbeMessage {
  type: 'probe';
  id: number;
  gesture?: WebviewGesture;
}

export type ToWebview = RenderMessage | ProbeMessage;

export type FromWebview =
  /** Loaded (or resized): its drawing width, and FONT_SAMPLE's width at 12px. */
  | { type: 'ready' | 'resize'; width: number; font?: number; state?: { uri?: string } | null }
  /** After each render, with the standalone SVG. */
  | { type: 'rendered'; uri: string; version: number | null; entries: number; svg: string }
  /** The theme changed: the standalone SVG again. */
  | { type: 'svg'; svg: string }
  /** Go to entries[index] in the editor. */
  | { type: 'reveal'; index: number }
  /** "Export SVG…" was pressed. */
  | { type: 'export'; svg: string }
  /** The answer to a probe. */
  | { type: 'probed'; id: number; snapshot: WebviewSnapshot; error?: string };
