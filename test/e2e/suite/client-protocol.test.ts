// New Postmortem and Insert Section as the client does them through the
// server's requests: the team's template from the workspace's
// test/fixtures/postmortems/.postmortemrc.json, and sections inserted by
// heading, with no diagnostic message read.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemWriterApi } from '../../../client/src/extension.js';
import { waitFor } from './wait.js';

const EXTENSION_ID = 'postmortem-writer.postmortem-writer';

function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder holding the fixtures');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

// Follows the team's template (test/fixtures/postmortems/harbor-review.yaml) without its recommended "Open questions":
// the server finds nothing wrong with it.
const FERRY = `# Postmortem: Ferry ticket sales stopped

**Date:** 2024-07-09
**Duration:** 35 minutes (08:10 to 08:45 UTC)

## What broke

Ticket sales for the morning ferries stopped for 35 minutes after the payment gateway's certificate expired.

## Who noticed

- 1,240 ticket purchases failed.
- 310 travellers called the help line.

## Minute by minute

All times UTC.

- 08:10 The payment gateway certificate expires; purchases start failing.
- 08:18 The help line reports a spike in calls.
- 08:45 A renewed certificate is deployed; purchases succeed again.

## Never again

- [ ] Alert 14 days before any certificate expires (owner: @mara, ticket: HARB-12)
`;

describe('Postmortem Writer: New Postmortem and Insert Section through the server', () => {
  let api: PostmortemWriterApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<PostmortemWriterApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
    api = await extension.activate();
  });

  it("offers the team's template from .postmortemrc first, and creates a postmortem from it with no editor open", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(vscode.window.visibleTextEditors.length, 0);
    // What the quick pick lists for the folder New Postmortem writes into, as the command asks for it.
    const choices = await api.newPostmortemChoices();
    assert.equal(choices.folder?.toString(), workspaceFile('postmortems').toString());
    assert.deepEqual(choices.problems, []);
    const items = choices.templates;
    assert.deepEqual(
      items.map((item) => [item.label, item.description]),
      [
        ['Harbor incident review', "the team's template · harbor-review"],
        ['Issue Summary / Timeline (the seed format)', 'seed'],
        ['Google SRE book', 'google-sre'],
        ['PagerDuty', 'pagerduty'],
        ['Atlassian incident handbook', 'atlassian'],
      ],
    );
    assert.equal(items[0]?.detail, 'What broke · Who noticed · Minute by minute · Open questions · Never again');

    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { template: 'harbor-review', title: 'Ferry gangway sensor fault', date: '2024-08-02', severity: 'SEV-3' });
    assert.ok(uri.path.endsWith('/postmortems/2024-08-02-ferry-gangway-sensor-fault.md'), uri.path);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString());
    const text = editor.document.getText();
    assert.match(text, /^# Postmortem: Ferry gangway sensor fault\n\n\*\*Date:\*\* 2024-08-02\n\*\*Severity:\*\* SEV-3\n/);
    assert.deepEqual(
      text.split('\n').filter((line) => line.startsWith('## ')),
      ['## What broke', '## Who noticed', '## Minute by minute', '## Open questions', '## Never again'],
    );
    assert.equal(editor.document.getText(editor.selection), '@you');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  it('inserts a recommended section from its outline row at the template place: no diagnostic exists for it, so no message is read', async () => {
    const uri = workspaceFile('postmortems/2024-07-09-ferry-ticket-sales.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(FERRY));
    const document = await vscode.workspace.openTextDocument(uri);
    const updated = waitFor(api.outline.onDidUpdate, () => api.outline.result, (result) => result?.uri === uri.toString());
    await vscode.window.showTextDocument(document);
    await api.outline.refresh();
    const outline = await updated;
    assert.ok(outline);
    assert.equal(outline.template.id, 'harbor-review');
    // The analysis behind the outline is the one behind the diagnostics: no finding at all, so no message names the section.
    assert.equal(outline.problems, 0);

    const row = api.outline.getChildren().find((node) => node.type === 'section' && node.section.status === 'missing');
    assert.ok(row?.type === 'section');
    assert.equal(row.section.heading, 'Open questions');
    const item = api.outline.getTreeItem(row);
    assert.ok(item.command);
    assert.equal(await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[])), true);
    assert.deepEqual(
      document.getText().split('\n').filter((line) => line.startsWith('## ')),
      ['## What broke', '## Who noticed', '## Minute by minute', '## Open questions', '## Never again'],
    );
    assert.equal(vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text, '## Open questions');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("inserts a required section through the outline's inline + (which passes its tree node)", async () => {
    const uri = workspaceFile('postmortems/2024-07-09-ferry-ticket-sales-again.md');
    const text = FERRY.replace(/## Who noticed\n[\s\S]*?(?=## Minute by minute)/, '');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const shown = waitFor(api.outline.onDidUpdate, () => api.outline.result, (result) => result?.uri === uri.toString() && result.version === document.version && result.sections.some((section) => section.heading === 'Who noticed' && section.status === 'missing'));
    await api.outline.refresh();
    await shown;
    const node = api.outline.getChildren().find((candidate) => candidate.type === 'section' && candidate.section.heading === 'Who noticed');
    assert.ok(node);
    assert.equal(await vscode.commands.executeCommand('postmortem.insertSection', node), true);
    assert.deepEqual(
      document.getText().split('\n').filter((line) => line.startsWith('## ')),
      ['## What broke', '## Who noticed', '## Minute by minute', '## Never again'],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
