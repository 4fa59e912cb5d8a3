// The custom protocol, declared once: the client imports this module too, so
// the two sides cannot drift apart.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Range, SectionKind } from './model/schema.js';

export const SETTINGS_SECTION = 'postmortem';
export const SERVER_NAME = 'Postmortem Writer';

export interface OutlineParams {
  uri: string;
}

export interface OutlineSection {
  kind: SectionKind;
  heading: string;
  level: number;
  range: Range;
  headingRange: Range;
  /** Findings whose range starts inside this section. */
  problems: number;
}

export interface OutlineResult {
  uri: string;
  version: number;
  isPostmortem: boolean;
  title: string | null;
  sections: OutlineSection[];
}

/** The Incident Outline tree's data for one open document. */
export const OutlineRequest = new RequestType<OutlineParams, OutlineResult | null, void>('postmortem/outline');

export const Commands = {
  restartServer: 'postmortem.restartServer',
  revealRange: 'postmortem.revealRange',
  refreshOutline: 'postmortem.refreshOutline',
} as const;
