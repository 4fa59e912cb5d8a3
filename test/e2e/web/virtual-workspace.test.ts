// Only in the web-worker host run, where the workspace is the memfs: folder:
// the browser server reads a team's .postmortemrc through workspace.fs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForDiagnostics } from '../suite/wait.js';

describe('Postmortem Writer on a virtual file system (web-worker host)', () => {
  it('reads the .postmortemrc.json above a document on a memfs: folder', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.equal(folder?.uri.scheme, 'memfs', 'the workspace is not on a disk');
    const seed = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'load-balancer-coffee-break.md'));
    const team = vscode.Uri.joinPath(folder.uri, 'team');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(team, '.postmortemrc.json'), new TextEncoder().encode(JSON.stringify({ rules: { 'action-item-missing-owner': 'off' } })));
    const document = vscode.Uri.joinPath(team, 'postmortems', 'seed.md');
    await vscode.workspace.fs.writeFile(document, seed);
    await vscode.window.showTextDocument(document);
    // The seed's only findings are missing owners and tickets (extension.test.ts): with owners off, tickets remain.
    const found = await waitForDiagnostics(document, (summary) => summary.length > 0);
    assert.deepEqual([...new Set(found.map((entry) => entry.split(':')[1]))], ['action-item-missing-ticket']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
