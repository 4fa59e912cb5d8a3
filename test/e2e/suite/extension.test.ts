import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemWriterApi } from '../../../client/src/extension.js';
import { diagnosticSummary, waitFor, waitForDiagnostics } from './wait.js';
import { ruleOf } from '../../../client/src/diagnostic-code.js';

const EXTENSION_ID = 'postmortem-writer.postmortem-writer';
const HEADLINE = ['missing-duration', 'timeline-out-of-order', 'impact-without-metrics'];
const headlineOnly = (summary: string[]): string[] => summary.filter((entry) => HEADLINE.includes(entry.split(':')[1]!));

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder holding the fixtures');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

async function activate(): Promise<PostmortemWriterApi> {
  const extension = vscode.extensions.getExtension<PostmortemWriterApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

async function openAndShow(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Shows a document and waits until the outline reflects it. */
async function showAndWaitForOutline(api: PostmortemWriterApi, relativePath: string): Promise<void> {
  const uri = workspaceFile(relativePath).toString();
  const updated = waitFor(api.outline.onDidUpdate, () => api.outline.documentUri, (shown) => shown === uri);
  await openAndShow(relativePath);
  await api.outline.refresh();
  await updated;
}

describe('Postmortem Writer in a real VS Code', () => {
  let api: PostmortemWriterApi;

  before(async () => {
    api = await activate();
  });

  it('reports none of the headline three on the seed postmortem', async () => {
    const uri = workspaceFile('load-balancer-coffee-break.md');
    await showAndWaitForOutline(api, 'load-balancer-coffee-break.md');
    assert.equal(api.outline.result?.isPostmortem, true);
    // The seed's action items have no owners or tickets: those are its only findings.
    const all = await waitForDiagnostics(uri, (found) => found.length > 0);
    assert.deepEqual(headlineOnly(all), []);
    assert.deepEqual([...new Set(all.map((entry) => entry.split(':')[1]))].sort(), ['action-item-missing-owner', 'action-item-missing-ticket']);
  });

  for (const [file, expected] of [
    ['seed-variants/no-duration.md', ['2:missing-duration']],
    ['seed-variants/swapped-entries.md', ['16:timeline-out-of-order']],
    ['seed-variants/no-impact-metric.md', ['4:impact-without-metrics']],
  ] as const) {
    it(`reports exactly ${expected.join(', ')} on ${file}`, async () => {
      const uri = workspaceFile(file);
      await openAndShow(file);
      const summary = await waitForDiagnostics(uri, (found) => headlineOnly(found).length > 0);
      assert.deepEqual(headlineOnly(summary), [...expected]);
    });
  }

  it('lists the seed sections in the Incident Outline, in order, with problem counts', async () => {
    await showAndWaitForOutline(api, 'seed-variants/swapped-entries.md');
    const items = api.outline.getChildren().map((node) => api.outline.getTreeItem(node));
    assert.deepEqual(
      items.map((item) => item.label),
      ['Issue Summary', 'Root Cause', 'Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures'],
    );
    assert.equal(items[2]?.description, '1 problem · 6 entries');
    assert.equal(items[4]?.description, '5 problems · 4 items');
  });

  it('reveals a section when its outline item is clicked', async () => {
    await showAndWaitForOutline(api, 'load-balancer-coffee-break.md');
    const timeline = api.outline.getChildren().find((node) => node.type === 'section' && node.section.heading === 'Timeline');
    assert.ok(timeline);
    const item = api.outline.getTreeItem(timeline);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 11);
  });

  it('leaves a README that is not a postmortem alone', async () => {
    await showAndWaitForOutline(api, 'not-postmortems/README.md');
    const uri = workspaceFile('not-postmortems/README.md');
    assert.equal(api.outline.result, null);
    assert.deepEqual(diagnosticSummary(uri), []);
    assert.deepEqual(api.outline.getChildren(), []);
  });

  it('fixes a missing duration with the quick fix, and the warning goes away', async () => {
    const editor = await openAndShow('seed-variants/no-duration.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (found) => found.includes('2:missing-duration'));
    const diagnostic = vscode.languages.getDiagnostics(uri).find((d) => ruleOf(d) === 'missing-duration');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.startsWith('Insert "Duration'));
    assert.ok(fix?.edit, `no duration fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(3).text, '- **Duration**: 2h 30m (from 09:00 AM to 11:30 AM)');
    await waitForDiagnostics(uri, (found) => !found.includes('2:missing-duration') && found.length > 0);
    assert.deepEqual(headlineOnly(diagnosticSummary(uri)), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('offers the missing sections as completions at a new heading', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Postmortem: cache stampede\n\n## Summary\n**Duration**: 40 minutes\n\n## Timeline\n- 10:00 UTC: alert\n\n## ' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(8, 3));
    const labels = list.items.filter((item) => item.detail?.startsWith('Add the')).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.deepEqual(labels, ['Impact', 'Root Cause', 'Action Items']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('Postmortem Writer: commands, snippets and status bar', () => {
  let api: PostmortemWriterApi;

  before(async () => {
    api = await activate();
  });

  it('shows problems and the duration in the status bar, and hides it for other files', async () => {
    await showAndWaitForOutline(api, 'seed-variants/swapped-entries.md');
    assert.equal(api.statusBar.text, '$(pulse) 6 problems · 2h 30m');
    assert.equal(api.statusBar.command, 'workbench.actions.view.problems');
    await showAndWaitForOutline(api, 'not-postmortems/README.md');
    assert.equal(api.outline.result, null);
  });

  it('sorts the timeline with the command, and the out-of-order error clears', async () => {
    const editor = await openAndShow('seed-variants/swapped-entries.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (found) => found.includes('16:timeline-out-of-order'));
    await vscode.commands.executeCommand('postmortem.sortTimeline');
    assert.match(editor.document.lineAt(15).text, /^ {2}- 09:05 AM: The engineering team/);
    assert.match(editor.document.lineAt(16).text, /^ {2}- 09:15 AM: Briefly distracted/);
    const after = await waitForDiagnostics(uri, (found) => !found.some((entry) => entry.endsWith(':timeline-out-of-order')));
    assert.deepEqual(headlineOnly(after), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('inserts the timeline-entry snippet', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Timeline entry' });
    assert.match(editor.document.getText(), /^- \d{2}:\d{2}: What happened$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates a new postmortem from a template, named by date and title, with the cursor in the first field', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { template: 'google-sre', title: 'Cache stampede after deploy', date: '2024-05-01', severity: 'SEV-2' });
    assert.ok(uri.path.endsWith('/postmortems/2024-05-01-cache-stampede-after-deploy.md'), uri.path);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString());
    const text = editor.document.getText();
    assert.match(text, /^# Postmortem: Cache stampede after deploy\n\n\*\*Date:\*\* 2024-05-01\n\*\*Severity:\*\* SEV-2\n\*\*Status:\*\* Draft\n/);
    for (const heading of ['## Summary', '## Impact', '## Root Causes', '## Action Items', '## Timeline']) assert.ok(text.includes(`\n${heading}\n`), heading);
    assert.equal(editor.document.getText(editor.selection), '@you');
    // A second one with the same title does not overwrite the first.
    await vscode.commands.executeCommand('workbench.action.files.save');
    const again = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { template: 'seed', title: 'Cache stampede after deploy', date: '2024-05-01', severity: 'SEV-3' });
    assert.ok(again.path.endsWith('/2024-05-01-cache-stampede-after-deploy-2.md'), again.path);
    await vscode.commands.executeCommand('workbench.action.files.save');
  });
});
