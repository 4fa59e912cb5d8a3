import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, IncidentRequest, type IncidentResult } from '../../server/src/protocol.js';
import { describeEntries, fontScale, renderEntryTable, renderTimelineSvg } from './timeline-svg.js';
import { webviewDocument } from './timeline-webview.js';

export const TIMELINE_VIEW_TYPE = 'postmortem.timeline';

/** Fired after the webview has drawn: how many entries it drew, for which document. */
export interface TimelineRenderEvent {
  uri: string;
  /** Entries drawn on the picture (0 for the empty state). */
  entries: number;
  /** The document version the picture shows, or null when no analysis was available. */
  version: number | null;
}

interface EmptyState {
  title: string;
  body: string;
  example?: string;
}

type FromWebview =
  | { type: 'ready' | 'resize'; width: number; font?: number; state?: { uri?: string } | null }
  | { type: 'rendered'; uri: string; version: number | null; entries: number; svg: string }
  | { type: 'svg'; svg: string }
  | { type: 'reveal'; index: number }
  | { type: 'export'; svg: string };

const DEBOUNCE_MS = 150;
const renderEmitter = new vscode.EventEmitter<TimelineRenderEvent>();

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let text = '';
  for (let i = 0; i < 32; i++) text += chars.charAt(Math.floor(Math.random() * chars.length));
  return text;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

/**
 * The Incident Timeline panel: the active postmortem drawn to scale beside it.
 * One panel at a time; it follows the active Markdown editor and its edits.
 */
export class TimelinePanel implements vscode.Disposable {
  /** The open panel, if any. */
  static current: TimelinePanel | undefined;
  /** Fires after each render of any panel; tests wait on it instead of sleeping. */
  static readonly onDidRender: vscode.Event<TimelineRenderEvent> = renderEmitter.event;

  private documentUri: vscode.Uri | undefined;
  private result: IncidentResult | null = null;
  private resultFor: string | undefined;
  private width = 0;
  private textScale = 1;
  private ready = false;
  private serial = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSvg = '';
  private last: TimelineRenderEvent | undefined;
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
    this.setHtml();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromWebview) => void this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.documentUri?.toString() && event.contentChanges.length > 0) this.schedule(DEBOUNCE_MS);
      }),
      // The server publishes new results as diagnostics: the picture follows them too.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const shown = this.documentUri?.toString();
        if (shown && event.uris.some((uri) => uri.toString() === shown)) this.schedule(DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isMarkdown(editor.document)) this.follow(editor);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('postmortem')) this.schedule(DEBOUNCE_MS);
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.schedule(0);
      }),
    );
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === document?.toString());
    this.sourceColumn = editor?.viewColumn;
    this.schedule(0);
  }

  static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'media')] };
  }

  /** Opens the panel beside the active postmortem (or `uri`), or brings it back and points it there. */
  static show(client: LanguageClient, extensionUri: vscode.Uri, uri?: vscode.Uri): TimelinePanel {
    const active = vscode.window.activeTextEditor;
    const target = uri ?? (active && isMarkdown(active.document) ? active.document.uri : undefined);
    const existing = TimelinePanel.current;
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      if (target) existing.showDocument(target);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Incident Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      ...TimelinePanel.webviewOptions(extensionUri),
      retainContextWhenHidden: false,
      enableFindWidget: true,
    });
    TimelinePanel.current = new TimelinePanel(panel, client, extensionUri, target);
    return TimelinePanel.current;
  }

  /** A panel VS Code restored after a reload. */
  static revive(panel: vscode.WebviewPanel, client: LanguageClient, extensionUri: vscode.Uri, state: unknown): TimelinePanel {
    TimelinePanel.current?.panel.dispose();
    const saved = typeof state === 'object' && state !== null && 'uri' in state && typeof state.uri === 'string' && state.uri ? vscode.Uri.parse(state.uri) : undefined;
    const active = vscode.window.activeTextEditor;
    TimelinePanel.current = new TimelinePanel(panel, client, extensionUri, saved ?? (active && isMarkdown(active.document) ? active.document.uri : undefined));
    return TimelinePanel.current;
  }

  /** The document the panel shows. */
  get uri(): string | undefined {
    return this.documentUri?.toString();
  }

  /** The last render's summary, or undefined before the first one. */
  get lastRender(): TimelineRenderEvent | undefined {
    return this.last;
  }

  /** The standalone SVG (colours resolved) the webview last reported; '' in the empty state or before the first render. */
  svg(): string {
    return this.lastSvg;
  }

  /** Resolves with the first render (the last one included) that `accept` takes. */
  rendered(accept: (event: TimelineRenderEvent) => boolean = () => true): Promise<TimelineRenderEvent> {
    if (this.last && accept(this.last)) return Promise.resolve(this.last);
    return new Promise((resolve) => {
      const subscription = TimelinePanel.onDidRender((event) => {
        if (this.last === event && accept(event)) {
          subscription.dispose();
          resolve(event);
        }
      });
    });
  }

  /** Writes the last reported SVG to `target` without asking (tests, automation). */
  async exportTo(target: vscode.Uri): Promise<void> {
    if (!this.lastSvg) throw new Error('The Incident Timeline has nothing drawn to export.');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(this.lastSvg));
  }

  /** Re-reads the document now (no debounce). */
  refresh(): Promise<void> {
    clearTimeout(this.timer);
    return this.update();
  }

  private showDocument(uri: vscode.Uri): void {
    if (uri.toString() === this.documentUri?.toString()) return;
    this.documentUri = uri;
    this.result = null;
    this.resultFor = undefined;
    this.schedule(0);
  }

  private follow(editor: vscode.TextEditor): void {
    this.sourceColumn = editor.viewColumn ?? this.sourceColumn;
    this.showDocument(editor.document.uri);
  }

  private setHtml(): void {
    this.ready = false;
    this.panel.webview.html = webviewDocument({ cspSource: this.panel.webview.cspSource, nonce: nonce(), documentName: this.documentUri ? basename(this.documentUri) : '' });
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const serial = ++this.serial;
    const uri = this.documentUri;
    const open = uri && vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    if (uri && !open) {
      // Closed since: keep showing what it was. Never seen (a panel restored after a reload): open it
      // in the background so the server reads it.
      if (this.resultFor === uri.toString()) return;
      try {
        await vscode.workspace.openTextDocument(uri);
      } catch {
        // Gone from disk: the empty state says it is not a postmortem.
      }
      if (serial !== this.serial) return;
    }
    let result: IncidentResult | null = null;
    if (uri && this.client.state === State.Running) {
      try {
        result = await this.client.sendRequest(IncidentRequest, { uri: uri.toString() });
      } catch {
        result = null;
      }
    }
    // A newer update started meanwhile, or the panel closed: its answer wins.
    if (serial !== this.serial || TimelinePanel.current !== this) return;
    this.result = result;
    this.resultFor = uri?.toString();
    const title = result?.isPostmortem ? (result.model.title ?? (uri ? basename(uri) : '')) : '';
    this.panel.title = title ? `Incident Timeline: ${title}` : 'Incident Timeline';
    this.post();
  }

  private emptyState(): EmptyState {
    const uri = this.documentUri;
    if (!uri) return { title: 'No postmortem open', body: 'Open a postmortem in the editor: its timeline is drawn here and follows your edits.' };
    const name = basename(uri);
    if (this.client.state !== State.Running) return { title: 'Starting the Postmortem Writer server…', body: `${name} is drawn as soon as it has been read.` };
    if (!this.result || !this.result.isPostmortem) {
      return {
        title: `${name} is not a postmortem`,
        body: 'A Markdown file is a postmortem when it sits in a folder such as postmortems/, has "type: postmortem" in its front matter, or has the sections of one (Summary, Impact, Timeline, Root Cause, Action Items…).',
      };
    }
    return {
      title: 'No timed entries yet',
      body: `${name} has no timeline entries with a time of day to draw. Add them under a Timeline heading, one per line; the picture follows as you type.`,
      example: '- 14:05 UTC – Error-rate alert pages the on-call engineer',
    };
  }

  private post(): void {
    const uri = this.documentUri;
    // Nothing until the first answer for this document: no flash of an empty state.
    if (!this.ready || this.resultFor !== uri?.toString()) return;
    const result = this.result;
    const picture = result?.isPostmortem ? renderTimelineSvg(result, { width: this.width || undefined, textScale: this.textScale, fallbackTitle: uri ? basename(uri) : undefined }) : null;
    void this.panel.webview.postMessage({
      type: 'render',
      uri: uri?.toString() ?? '',
      version: result?.version ?? null,
      documentName: uri ? basename(uri) : '',
      width: picture?.width ?? 0,
      marks: picture?.marks ?? 0,
      svg: picture?.svg ?? '',
      table: picture && result ? renderEntryTable(result) : '',
      entries: picture && result ? describeEntries(result) : [],
      empty: picture ? undefined : this.emptyState(),
    });
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
        if (message.type === 'ready') {
          this.ready = true;
          this.post();
        } else if (changed) this.post();
        return;
      }
      case 'rendered':
        this.lastSvg = message.svg;
        this.last = { uri: message.uri, entries: message.entries, version: message.version };
        renderEmitter.fire(this.last);
        return;
      case 'svg':
        this.lastSvg = message.svg;
        return;
      case 'reveal':
        await this.reveal(message.index);
        return;
      case 'export':
        await this.saveAs(message.svg);
        return;
    }
  }

  private async reveal(index: number): Promise<void> {
    const entry = this.result?.entries[index];
    const uri = this.documentUri;
    if (!entry || !uri) return;
    const document = await vscode.workspace.openTextDocument(uri);
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? this.sourceColumn ?? vscode.ViewColumn.One;
    const start = new vscode.Position(entry.range.start.line, entry.range.start.character);
    const range = new vscode.Range(start, new vscode.Position(entry.range.end.line, entry.range.end.character));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection: new vscode.Range(start, start) });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async saveAs(svg: string): Promise<void> {
    if (svg) this.lastSvg = svg;
    const uri = this.documentUri;
    if (!this.lastSvg || !uri) return;
    const name = `${basename(uri).replace(/\.(md|markdown)$/i, '')}-timeline.svg`;
    const folder = uri.scheme === 'file' ? vscode.Uri.joinPath(uri, '..') : (vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(''));
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, name),
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Export',
      title: 'Export Incident Timeline as SVG',
    });
    if (!target) return;
    try {
      await this.exportTo(target);
      void vscode.window.showInformationMessage(`Saved the incident timeline to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not save the incident timeline: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    clearTimeout(this.timer);
    this.serial++;
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

/**
 * Registers Postmortem: Show Incident Timeline and owns its panel. The command
 * takes an optional document Uri (editor/title passes one) and returns the
 * TimelinePanel, so a test can `await executeCommand('postmortem.showTimeline')`
 * and then `panel.rendered()`, `panel.svg()`.
 */
export function registerTimelinePanel(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.showTimeline, (uri?: unknown) => TimelinePanel.show(client, context.extensionUri, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => {
        TimelinePanel.revive(panel, client, context.extensionUri, state);
        return Promise.resolve();
      },
    }),
    { dispose: () => TimelinePanel.current?.dispose() },
  );
}
