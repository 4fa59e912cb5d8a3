// postmortem.timelineState: what the Incident Timeline shows, asked of the
// webview itself through its message protocol (a probe), optionally after a
// user gesture on it. The extension-host tests read the picture through it and
// wait on the webview's own "rendered" messages, never on a timer.
import type * as vscode from 'vscode';
import type { FromWebview, WebviewGesture, WebviewSnapshot } from './messages.js';
import { TimelinePanel } from './panel.js';

export interface TimelineStateQuery {
  /** First wait until the webview shows this: a document, a number of marks, a version at least this. */
  until?: { uri?: string; marks?: number; minVersion?: number };
  /** Then perform this on the webview's page (real DOM events through its own handlers). */
  gesture?: WebviewGesture;
}

export interface TimelineState {
  /** The panel's title. */
  title: string;
  /** The document the panel follows. */
  document: string | null;
  webview: WebviewSnapshot;
}

let probes = 0;

/** The next message from the panel's webview that `accept` takes. */
function next(panel: TimelinePanel, accept: (message: FromWebview) => boolean): { message: Promise<FromWebview>; cancel(): void } {
  let subscription: vscode.Disposable | undefined;
  const message = new Promise<FromWebview>((resolve) => {
    subscription = panel.onDidReceive((received) => {
      if (!accept(received)) return;
      subscription?.dispose();
      resolve(received);
    });
  });
  return {
    message,
    cancel: () => {
      subscription?.dispose();
    },
  };
}

async function probe(panel: TimelinePanel, gesture?: WebviewGesture): Promise<WebviewSnapshot> {
  if (!panel.isReady) await next(panel, (message) => message.type === 'ready').message;
  const id = ++probes;
  const answer = next(panel, (message) => message.type === 'probed' && message.id === id);
  await panel.post({ type: 'probe', id, ...(gesture ? { gesture } : {}) });
  const reply = await answer.message;
  if (reply.type !== 'probed') throw new Error('unexpected reply');
  if (reply.error) throw new Error(`The Incident Timeline webview could not ${gesture?.kind ?? 'probe'}: ${reply.error}`);
  return reply.snapshot;
}

function shows(snapshot: WebviewSnapshot, until: NonNullable<TimelineStateQuery['until']>): boolean {
  return (until.uri === undefined || snapshot.uri === until.uri) && (until.marks === undefined || snapshot.marks === until.marks) && (until.minVersion === undefined || (snapshot.version ?? -1) >= until.minVersion);
}

async function untilShown(panel: TimelinePanel, until: NonNullable<TimelineStateQuery['until']>): Promise<void> {
  for (;;) {
    // Listen before asking: a render between the answer and the listening is not missed.
    const rendered = next(panel, (message) => message.type === 'rendered');
    if (shows(await probe(panel), until)) {
      rendered.cancel();
      return;
    }
    await rendered.message;
  }
}

export async function timelineState(query: TimelineStateQuery = {}): Promise<TimelineState | null> {
  const panel = TimelinePanel.current;
  if (!panel) return null;
  if (query.until) await untilShown(panel, query.until);
  const webview = await probe(panel, query.gesture);
  return { title: panel.panel.title, document: panel.uri?.toString() ?? null, webview };
}
