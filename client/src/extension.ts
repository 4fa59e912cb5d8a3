import * as vscode from 'vscode';
// The extension's core, shared by its two entries: node-main.ts (desktop, the
// server in a child process) and browser-main.ts (VS Code for the Web, the server
// in a web worker). Each entry only says how to start the language client.
import type { BaseLanguageClient as LanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { CodeActionKinds, Commands, IncidentRequest, InsertSectionRequest, SERVER_NAME, SETTINGS_SECTION } from '../../server/src/protocol.js';
import { IncidentOutlineProvider, type OutlineNode } from './outline-view.js';
import { registerTimelinePanel } from './timeline-panel.js';
import { createStatusBar } from './status-bar.js';
import { newPostmortem, newPostmortemChoices, type NewPostmortemAnswers, type NewPostmortemChoices } from './new-postmortem.js';
import { answerWorkspaceFileRequests } from './workspace-files.js';

/** What activate() returns: the tests reach the client and the outline through it. */
export interface PostmortemWriterApi {
  client: LanguageClient;
  outline: IncidentOutlineProvider;
  /** The status bar item, for the tests to read. */
  statusBar: vscode.StatusBarItem;
  /** What New Postmortem offers now (its quick pick's rows), as the server lists them. */
  newPostmortemChoices(): Promise<NewPostmortemChoices>;
}

// deactivate() must wait for the server to stop, so it needs the client.
let running: LanguageClient | undefined;

/** Applies the server's code action of a kind (sort the timeline, fix all) to the active document. */
async function runSourceAction(kind: string, nothingToDo: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, whole, kind);
  const action = actions.find((candidate) => candidate.kind?.value === kind && candidate.edit);
  if (action?.edit) await vscode.workspace.applyEdit(action.edit);
  else void vscode.window.showInformationMessage(nothingToDo);
}

/**
 * Inserts a template section where the template puts it. The server finds the
 * section by its heading (the outline's data) and makes the edit, so no
 * diagnostic or message text is involved: required and recommended sections
 * alike, whatever the rules report or say.
 */
async function insertSection(client: LanguageClient, uri: string, heading: string): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document);
  // The edit is for one version: if the document changes before it lands, ask again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await client.sendRequest(InsertSectionRequest, { uri: document.uri.toString(), heading });
    if (!answer) {
      void vscode.window.showInformationMessage('Sections can be inserted only in a postmortem.');
      return false;
    }
    if (!answer.edits) {
      void vscode.window.showWarningMessage(answer.reason ?? `The "${heading}" section cannot be inserted.`);
      return false;
    }
    if (answer.version !== document.version) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      document.uri,
      answer.edits.map((one) => new vscode.TextEdit(new vscode.Range(one.range.start.line, one.range.start.character, one.range.end.line, one.range.end.character), one.newText)),
    );
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    // The cursor on the new heading.
    const at = answer.edits[0]!.range.start;
    const line = Array.from({ length: document.lineCount - at.line }, (_, index) => at.line + index).find((candidate) => /^#{1,6}\s/.test(document.lineAt(candidate).text) && document.lineAt(candidate).text.includes(answer.heading ?? heading));
    if (line !== undefined) {
      editor.selection = new vscode.Selection(line, 0, line, 0);
      editor.revealRange(new vscode.Range(line, 0, line, 0));
    }
    return true;
  }
  void vscode.window.showWarningMessage(`The "${heading}" section was not inserted: the document kept changing.`);
  return false;
}

/** How a host starts the language client (not yet started) with the client options of the core. */
export type CreateClient = (id: string, name: string, clientOptions: LanguageClientOptions) => LanguageClient & { restart(): Promise<void> };

/**
 * Markdown on disk, untitled, and on the file systems of the workspace's
 * folders (a virtual workspace: github.dev's vscode-vfs:, a memfs:), but not
 * what only shows a file (git:, a diff's other side).
 */
function markdownDocuments(): DocumentSelector {
  const schemes = new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)]);
  return [...schemes].map((scheme) => ({ language: 'markdown', scheme }));
}

/** Activates the extension on a host (Node or browser), which says how to start the language client. */
export async function activateWith(context: vscode.ExtensionContext, createClient: CreateClient): Promise<PostmortemWriterApi> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: markdownDocuments(),
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  const client = createClient('postmortem', SERVER_NAME, clientOptions);
  // The browser server reads config files through the editor; harmless where the server reads the disk itself.
  context.subscriptions.push(answerWorkspaceFileRequests(client));
  const outline = new IncidentOutlineProvider(client);
  const statusBar = createStatusBar(outline.onDidUpdate);

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = (): void => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void outline.refresh(), 100);
  };

  context.subscriptions.push(
    outline,
    vscode.window.createTreeView('postmortem.outline', { treeDataProvider: outline, showCollapseAll: true }),
    vscode.commands.registerCommand(Commands.revealRange, async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preserveFocus: false });
      const target = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = new vscode.Selection(target.start, target.start);
      editor.revealRange(target, vscode.TextEditorRevealType.AtTop);
    }),
    vscode.commands.registerCommand(Commands.refreshOutline, () => outline.refresh()),
    statusBar,
    registerTimelinePanel(context, client),
    vscode.commands.registerCommand(Commands.newPostmortem, (answers?: NewPostmortemAnswers) => newPostmortem(client, answers)),
    vscode.commands.registerCommand(Commands.showOutput, () => {
      client.outputChannel.show(true);
    }),
    vscode.commands.registerCommand(Commands.exportJson, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const result = await client.sendRequest(IncidentRequest, { uri: editor.document.uri.toString() });
      if (!result?.isPostmortem) {
        void vscode.window.showInformationMessage('This file is not a postmortem.');
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(result.model, null, 2)}\n` });
      await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
      return document;
    }),
    vscode.commands.registerCommand(Commands.sortTimeline, () => runSourceAction(CodeActionKinds.sortTimeline, 'The timeline is already in order.')),
    vscode.commands.registerCommand(Commands.insertSection, async (uriOrNode?: string | OutlineNode, heading?: string) => {
      // The outline's inline "+" passes its tree node; its row and the palette pass a URI (and heading) or nothing.
      const node = typeof uriOrNode === 'object' && uriOrNode.type === 'section' ? uriOrNode : undefined;
      const target = node?.uri ?? (typeof uriOrNode === 'string' ? uriOrNode : vscode.window.activeTextEditor?.document.uri.toString());
      if (!target) return false;
      const missing = outline.result?.sections.filter((section) => section.status === 'missing') ?? [];
      const choice = node?.section.heading ?? heading ?? (await vscode.window.showQuickPick(missing.map((section) => ({ label: section.heading, description: section.required ? 'required' : 'recommended', detail: section.purpose })), { placeHolder: 'Insert which section?' }))?.label;
      if (!choice) return false;
      return insertSection(client, target, choice);
    }),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client.restart();
      await outline.refresh();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void outline.refresh()),
    // The server publishes diagnostics after each analysis: the outline's problem counts follow them.
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) refreshSoon();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) refreshSoon();
    }),
    { dispose: () => clearTimeout(refreshTimer) },
  );

  running = client;
  await client.start();
  await outline.refresh();
  return { client, outline, statusBar: statusBar.item, newPostmortemChoices: () => newPostmortemChoices(client) };
}

export function deactivate(): Thenable<void> | undefined {
  return running?.stop();
}
