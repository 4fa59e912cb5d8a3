// What the panel does for the user besides drawing: go to an entry, save the picture.
import * as vscode from 'vscode';
import type { Range } from '../../../server/src/protocol.js';

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** Shows the entry's lines in the document's editor (or `fallback` column), the cursor at its start. */
export async function revealEntry(uri: vscode.Uri, range: Range, fallback: vscode.ViewColumn | undefined): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const start = new vscode.Position(range.start.line, range.start.character);
  const whole = new vscode.Range(start, new vscode.Position(range.end.line, range.end.character));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? fallback ?? vscode.ViewColumn.One, preserveFocus: false, selection: new vscode.Range(start, start) });
  editor.revealRange(whole, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Saves the standalone SVG to `target`, or where the user picks (beside the document). Returns where it went, or undefined when cancelled. */
export async function exportSvg(svg: string, document: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!svg) {
    void vscode.window.showInformationMessage('The Incident Timeline has nothing drawn to export.');
    return undefined;
  }
  const name = `${basename(document).replace(/\.(md|markdown)$/i, '')}-timeline.svg`;
  const folder = document.scheme === 'file' ? vscode.Uri.joinPath(document, '..') : (vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(''));
  const chosen = target ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, name), filters: { 'SVG image': ['svg'] }, saveLabel: 'Export', title: 'Export Incident Timeline as SVG' }));
  if (!chosen) return undefined;
  try {
    await vscode.workspace.fs.writeFile(chosen, new TextEncoder().encode(svg));
    if (!target) void vscode.window.showInformationMessage(`Saved the incident timeline to ${vscode.workspace.asRelativePath(chosen)}.`);
    return chosen;
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not save the incident timeline: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
