// The Incident Timeline in a real VS Code: opening it, what its webview shows
// (asked of the webview itself through postmortem.timelineState), and every
// action it offers: go to an entry by mark or row, keys, tooltips, export.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TimelineState, TimelineStateQuery } from '../../../client/src/timeline/state-command.js';
import { waitFor } from './wait.js';

const EXTENSION_ID = 'postmortem-writer.postmortem-writer';
const SEED = 'load-balancer-coffee-break.md';

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder holding the fixtures');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function open(relativePath: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(relativePath)), vscode.ViewColumn.One);
}

async function timeline(query: TimelineStateQuery): Promise<TimelineState> {
  const state = await vscode.commands.executeCommand<TimelineState | null>('postmortem.timelineState', query);
  assert.ok(state, 'the Incident Timeline is open');
  return state;
}

/** The 0-based line of the first line holding `text` in the document. */
function lineOf(document: vscode.TextDocument, text: string): number {
  const line = document.getText().split('\n').findIndex((candidate) => candidate.includes(text));
  assert.ok(line >= 0, `${text} is in ${document.uri.path}`);
  return line;
}

/** Resolves when an editor of `uri` is active with its cursor on `line` (the selection may move before the editor becomes active). */
function cursorOn(uri: vscode.Uri, line: number): Promise<unknown> {
  const where = (): string => {
    const editor = vscode.window.activeTextEditor;
    return editor ? `${editor.document.uri.toString()}:${editor.selection.active.line}` : '';
  };
  const moved: vscode.Event<unknown> = (listener) => vscode.Disposable.from(vscode.window.onDidChangeTextEditorSelection(listener), vscode.window.onDidChangeActiveTextEditor(listener));
  return waitFor(moved, where, (now) => now === `${uri.toString()}:${line}`);
}

describe('The Incident Timeline in a real VS Code', () => {
  let editor: vscode.TextEditor;
  let uri: string;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    editor = await open(SEED);
    uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('postmortem.showTimeline');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the document and draws its six timed entries, the picture and the table', async () => {
    const { title, document, webview } = await timeline({ until: { uri, marks: 6 } });
    assert.equal(document, uri);
    assert.match(title, /^Incident Timeline: .*Load Balancer/);
    assert.equal(webview.rows, 6, 'one table row per entry');
    assert.equal(webview.emptyTitle, null);
    assert.equal(webview.exportEnabled, true);
    assert.match(webview.svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(webview.svg, />TTR 2h 30m</);
    assert.match(webview.svg, /Wed 10 Apr 2024 · 9:00 AM – 11:30 AM UTC/);
    // Standalone: theme colours resolved to values, the live page's classes gone.
    assert.doesNotMatch(webview.svg, /class="|var\(--/);
    assert.match(webview.svg, /<circle [^>]*fill="rgb\(/);
  });

  it('follows an edit: a new entry is drawn', async () => {
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    const line = editor.document.lineAt(lineOf(editor.document, '- 10:00 AM'));
    assert.ok(await editor.edit((edit) => edit.insert(line.range.end, '\n  - 10:15 AM: The DevOps team confirmed the fix on one balancer.')));
    const { webview } = await timeline({ until: { uri, marks: 7 } });
    assert.equal(webview.rows, 7);
    assert.match(webview.svg, /The DevOps team confirmed the fix/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await timeline({ until: { uri, marks: 6 } });
  });

  it('goes to the entry when its mark is clicked', async () => {
    await timeline({ until: { uri, marks: 6 } });
    const document = editor.document;
    const clicked = cursorOn(document.uri, lineOf(document, '- 09:30 AM'));
    await timeline({ gesture: { kind: 'click', selector: '.mark[data-index="3"]' } });
    await clicked;
  });

  it('goes to the entry when Enter is pressed on its mark', async () => {
    const document = editor.document;
    const entered = cursorOn(document.uri, lineOf(document, '- 11:30 AM'));
    await timeline({ gesture: { kind: 'key', selector: '.mark[data-index="5"]', key: 'Enter' } });
    await entered;
  });

  it('goes to the entry when its row in the table is clicked', async () => {
    const document = editor.document;
    const clicked = cursorOn(document.uri, lineOf(document, '- 09:15 AM'));
    await timeline({ gesture: { kind: 'click', selector: 'tr[data-index="2"] .row-link' } });
    await clicked;
  });

  it('moves between marks in time order with the arrow keys, and shows the entry in a tooltip', async () => {
    const { webview } = await timeline({ gesture: { kind: 'key', selector: '.mark[data-index="0"]', key: 'ArrowRight' } });
    assert.equal(webview.focused, 'mark 1');
    assert.match(webview.tooltip ?? '', /09:05 AM/);
    const end = await timeline({ gesture: { kind: 'key', selector: '.mark[data-index="1"]', key: 'End' } });
    assert.equal(end.webview.focused, 'mark 5');
    const hovered = await timeline({ gesture: { kind: 'hover', selector: '.mark[data-index="4"] .shape' } });
    assert.match(hovered.webview.tooltip ?? '', /10:00 AM.*T\+1h.*escalated to the DevOps team.*Click or press Enter to go to the entry/);
  });

  it('exports the picture as a standalone SVG file', async () => {
    const target = workspaceFile('.e2e-timeline.svg');
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.exportTimeline', target);
    assert.equal(saved?.toString(), target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.equal(svg, (await timeline({})).webview.svg);
    assert.match(svg, />TTR 2h 30m</);
    await vscode.workspace.fs.delete(target);
  });

  it('says why when the active file is not a postmortem, with nothing to export', async () => {
    const readme = await open('not-postmortems/README.md');
    const { title, webview } = await timeline({ until: { uri: readme.document.uri.toString() } });
    assert.equal(title, 'Incident Timeline');
    assert.match(webview.emptyTitle ?? '', /README\.md is not a postmortem/);
    assert.equal(webview.marks, 0);
    assert.equal(webview.exportEnabled, false);
    assert.equal(webview.svg, '');
  });
});
