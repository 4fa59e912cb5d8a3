import type { EffectiveSettings } from '../config/effective-settings.js';
import type { FeatureName } from '../features/feature-table.js';

/** What the connection's thread tells the analysis worker. Texts go over only when the worker's copy is out of date. */
export type ToWorker =
  | { type: 'text'; uri: string; version: number; text: string }
  // The document closed (or became small): its text, analysis and settings go.
  | { type: 'close'; uri: string }
  // A document's settings, kept with it until it closes, sent only when they are another object than last time.
  | { type: 'settings'; uri: string; settings: EffectiveSettings }
  // Settings or config files changed: every settings object sent so far is dead.
  | { type: 'reset' }
  | { type: 'request'; id: number; uri: string; feature: FeatureName; params: unknown };

/** The worker's answer to one request: the feature's LSP result, or why it failed. */
export type FromWorker = { id: number; result: unknown } | { id: number; error: string } | { log: string };
