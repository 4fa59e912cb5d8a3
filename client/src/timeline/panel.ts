import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { IncidentRequest, type IncidentResult } from '../../../server/src/protocol.js';
import { basename, exportSvg, revealEntry } from './actions.js';
import { emptyState } from './empty-state.js';
import type { FromWebview, RenderMessage, ToWebview } from './messages.js';
import { describeEntries } from './picture/describe.js';
import { renderTimelineSvg } from './picture/render.js';
import { renderEntryTable } from './picture/table.js';
import { fontScale } from './picture/text.js';
import { webviewDocument } from './webview-html.js';

export const TIMELINE_VIEW_TYPE = 'postmortem.timeline';
const DEBOUNCE_MS = 150;
const opened = new vscode.EventEmitter<TimelinePanel>();

/** Markdown the server reads: on disk, untitled, or on a workspace folder's file system (vscode.dev's vscode-vfs:, a memfs:), as the client's document selector. */
function isMarkdown(document: vscode.TextDocument): boolean {
  const { scheme } = document.uri;
  return document.languageId === 'markdown' && (scheme === 'file' || scheme === 'untitled' || (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.scheme === scheme));
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < 32; i++) text += chars.charAt(Math.floor(Math.random() * chars.length));
  return text;
}

/** The active Markdown document, if any. */
function activeMarkdown(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor;
  return active && isMarkdown(active.document) ? active.document.uri : undefined;
}

/**
 * The Incident Timeline panel: the active postmortem drawn to scale beside it.
 * One panel at a time; it follows the active Markdown editor and its edits.
 * Its webview speaks the typed messages of messages.ts.
 */
export class TimelinePanel implements vscode.Disposable {
  /** The open panel, if any. */
  static current: TimelinePanel | undefined;
  /** Fires when a panel opens (or is restored). */
  static readonly onDidOpen = opened.event;

  private readonly received = new vscode.EventEmitter<FromWebview>();
  /** Every message from the webview, after the panel has acted on it. */
  readonly onDidReceive = this.received.event;
  private documentUri: vscode.Uri | undefined;
  private result: IncidentResult | null = null;
  private resultFor: string | undefined;
  private width = 0;
  private textScale = 1;
  private ready = false;
  private serial = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The standalone SVG the webview last reported: what Export saves. */
  private lastSvg = '';
  private sourceColumn: vscode.ViewColumn | undefined;
  private readonly disposables: Array<{ dispose(): unknown }> = [];

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly client: LanguageClient,
    extensionUri: vscode.Uri,
    document: vscode.Uri | undefined,
  ) {
    this.documentUri = document;
    panel.iconPath = { light: vscode.Uri.joinPath(extensionUri, 'client', 'media', 'timeline-light.svg'), dark: vscode.Uri.joinPath(extensionUri, 'client', 'media', 'timeline-dark.svg') };
    panel.webview.options = TimelinePanel.webviewOptions(extensionUri);
    this.setHtml(extensionUri);
    this.disposables.push(this.received, panel.onDidDispose(() => this.dispose()), panel.webview.onDidReceiveMessage((message: FromWebview) => void this.onMessage(message)), ...this.follow());
    this.sourceColumn = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === document?.toString())?.viewColumn;
    this.schedule(0);
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
  }

  /** Opens the panel beside the active postmortem (or `uri`), or brings it back and points it there. */
  static show(client: LanguageClient, extensionUri: vscode.Uri, uri?: vscode.Uri): TimelinePanel {
    const target = uri ?? activeMarkdown();
    const existing = TimelinePanel.current;
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      if (target) existing.showDocument(target);
      return existing;
    }
    const options = { ...TimelinePanel.webviewOptions(extensionUri), retainContextWhenHidden: false, enableFindWidget: true };
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Incident Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, options);
    return TimelinePanel.open(new TimelinePanel(panel, client, extensionUri, target));
  }

  /** A panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, client: LanguageClient, extensionUri: vscode.Uri, state: unknown): TimelinePanel {
    TimelinePanel.current?.panel.dispose();
    const saved = typeof state === 'object' && state !== null && 'uri' in state && typeof state.uri === 'string' && state.uri ? vscode.Uri.parse(state.uri) : undefined;
    return TimelinePanel.open(new TimelinePanel(panel, client, extensionUri, saved ?? activeMarkdown()));
  }

  private static open(panel: TimelinePanel): TimelinePanel {
    TimelinePanel.current = panel;
    opened.fire(panel);
    return panel;
  }

  /** The document the panel shows. */
  get uri(): vscode.Uri | undefined {
    return this.documentUri;
  }

  /** The webview's script has loaded and said how wide it is: messages reach it. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Sends a message to the webview. */
  post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Export SVG: to `target`, or where the user picks. */
  export(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri = this.documentUri;
    return uri ? exportSvg(this.lastSvg, uri, target) : Promise.resolve(undefined);
  }

  /** Redraw on edits, new results, another active editor, settings, and a server (re)start. */
  private follow(): Array<{ dispose(): unknown }> {
    const shows = (uri: vscode.Uri): boolean => uri.toString() === this.documentUri?.toString();
    return [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (shows(event.document.uri) && event.contentChanges.length > 0) this.schedule(DEBOUNCE_MS);
      }),
      // The server publishes new results as diagnostics: the picture follows them too.
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some(shows)) this.schedule(DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isMarkdown(editor.document)) return;
        this.sourceColumn = editor.viewColumn ?? this.sourceColumn;
        this.showDocument(editor.document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem')) this.schedule(DEBOUNCE_MS);
      }),
      this.client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule(0);
      }),
    ];
  }

  private showDocument(uri: vscode.Uri): void {
    if (uri.toString() === this.documentUri?.toString()) return;
    this.documentUri = uri;
    this.result = null;
    this.resultFor = undefined;
    this.schedule(0);
  }

  private setHtml(extensionUri: vscode.Uri): void {
    const { webview } = this.panel;
    this.ready = false;
    webview.html = webviewDocument({
      cspSource: webview.cspSource,
      nonce: nonce(),
      documentName: this.documentUri ? basename(this.documentUri) : '',
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'client', 'media', 'timeline.css')).toString(),
    });
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  /** The server's incident for `uri`, or null (not running, not open, gone). */
  private async incidentFor(uri: vscode.Uri, serial: number): Promise<IncidentResult | null | 'stale'> {
    if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) {
      // Closed since: keep showing what it was. Never seen (a panel restored after a reload): open it
      // in the background so the server reads it.
      if (this.resultFor === uri.toString()) return 'stale';
      await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
      if (serial !== this.serial) return 'stale';
    }
    if (this.client.state !== State.Running) return null;
    return this.client.sendRequest(IncidentRequest, { uri: uri.toString() }).then(undefined, () => null);
  }

  private async update(): Promise<void> {
    const serial = ++this.serial;
    const uri = this.documentUri;
    const result = uri ? await this.incidentFor(uri, serial) : null;
    // A newer update started meanwhile, or the panel closed: its answer wins.
    if (result === 'stale' || serial !== this.serial || TimelinePanel.current !== this) return;
    this.result = result;
    this.resultFor = uri?.toString();
    const title = result?.isPostmortem ? (result.picture.title ?? (uri ? basename(uri) : '')) : '';
    this.panel.title = title ? `Incident Timeline: ${title}` : 'Incident Timeline';
    this.postRender();
  }

  private renderMessage(): RenderMessage {
    const uri = this.documentUri;
    const result = this.result;
    const name = uri ? basename(uri) : '';
    const infos = result?.isPostmortem ? describeEntries(result) : [];
    const picture = result?.isPostmortem ? renderTimelineSvg(result, { width: this.width || undefined, textScale: this.textScale, fallbackTitle: name || undefined }, infos) : null;
    return {
      type: 'render',
      uri: uri?.toString() ?? '',
      version: result?.version ?? null,
      documentName: name,
      width: picture?.width ?? 0,
      marks: picture?.marks ?? 0,
      svg: picture?.svg ?? '',
      table: picture ? renderEntryTable(infos) : '',
      entries: picture ? infos : [],
      empty: picture ? undefined : emptyState(uri ? name : null, this.client.state === State.Running, result),
    };
  }

  private postRender(): void {
    // Nothing until the first answer for this document: no flash of an empty state.
    if (!this.ready || this.resultFor !== this.documentUri?.toString()) return;
    void this.post(this.renderMessage());
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
      case 'resize': {
        const width = Math.round(message.width);
        const scale = message.font ? fontScale(message.font) : this.textScale;
        const changed = Math.abs(width - this.width) > 1 || scale !== this.textScale;
        this.width = width;
        this.textScale = scale;
        if (message.type === 'ready') this.ready = true;
        if (message.type === 'ready' || changed) this.postRender();
        break;
      }
      case 'rendered':
      case 'svg':
        this.lastSvg = message.svg;
        break;
      case 'reveal': {
        const entry = this.result?.entries[message.index];
        if (entry && this.documentUri) await revealEntry(this.documentUri, entry.range, this.sourceColumn);
        break;
      }
      case 'export':
        if (message.svg) this.lastSvg = message.svg;
        await this.export();
        break;
      case 'probed':
        break;
    }
    this.received.fire(message);
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    clearTimeout(this.timer);
    this.serial++;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}
