// The webview's side of the channel to the panel: typed with the shared messages.
import type { FromWebview } from '../messages.js';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The one VS Code API handle a webview may acquire. */
export const host = acquireVsCodeApi();

/** The element with this id; the document's markup (webview-html.ts) always has it. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The Incident Timeline webview has no #${id}`);
  return element;
}

/** The closest ancestor (or the node itself) matching selector, for an event target. */
export function closest(target: EventTarget | null, selector: string): Element | null {
  return target instanceof Element ? target.closest(selector) : null;
}
