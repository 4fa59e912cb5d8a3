import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './wait.js';

const EXTENSION_ID = 'postmortem-writer.postmortem-writer';

const TABLE_TIMELINE = [
  '# Postmortem: checkout latency after the pool resize',
  '',
  '**Date**: 2024-05-14',
  'All times in UTC.',
  '',
  '## Timeline',
  '',
  '| Time | Event |',
  '|------|-------|',
  '| 14:21 | Pool size change deployed |',
  '| 14:26 | Latency alert fires for checkout |',
  '',
  '## Root Cause',
  '',
  'The pool was sized for the old request rate.',
  '',
].join('\n');

describe('Postmortem Writer: timestamp completion in a table timeline', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
    await extension.activate();
  });

  it('accepting the suggestion under the last row adds one more row of the table, not a bullet', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: TABLE_TIMELINE });
    const editor = await vscode.window.showTextDocument(document);
    const position = new vscode.Position(11, 0);
    editor.selection = new vscode.Selection(position, position);
    // The server answers (a round trip, not a timer) before the suggest widget asks it.
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    assert.ok(list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === '14:31'), 'the next timestamp is offered');
    const changed = waitFor(vscode.workspace.onDidChangeTextDocument, () => document.getText(), (text) => text !== TABLE_TIMELINE);
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    // The widget shows its items once the provider has answered; accepting before that does nothing, so try again after each answer.
    for (let attempt = 0; attempt < 20 && document.getText() === TABLE_TIMELINE; attempt++) {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      if (document.getText() !== TABLE_TIMELINE) break;
      await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
    }
    const text = await changed;
    assert.equal(document.lineAt(11).text, '| 14:31 | Event |');
    assert.equal(text, TABLE_TIMELINE.replace('| 14:26 | Latency alert fires for checkout |\n\n', '| 14:26 | Latency alert fires for checkout |\n| 14:31 | Event |\n'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
