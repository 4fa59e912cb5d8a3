import * as vscode from 'vscode';
import type { OutlineResult } from '../../server/src/protocol.js';
import { formatMinutes } from '../../server/src/time/durations.js';
import { markdownText } from '../../server/src/features/markdown-text.js';

/** "$(pulse) 3 problems · 2h 30m" on postmortem files; a click opens the Problems view. */
export function createStatusBar(onUpdate: vscode.Event<OutlineResult | null>): { readonly item: vscode.StatusBarItem; dispose(): void } {
  const item = vscode.window.createStatusBarItem('postmortem.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Postmortem Writer';
  item.command = 'workbench.actions.view.problems';
  const subscription = onUpdate((result) => {
    if (!result) {
      item.hide();
      return;
    }
    const minutes = result.duration.stated ?? result.duration.computed;
    const problems = `${result.problems} problem${result.problems === 1 ? '' : 's'}`;
    item.text = `$(pulse) ${problems}${minutes !== null ? ` · ${formatMinutes(minutes)}` : ''}`;
    item.tooltip = new vscode.MarkdownString(
      [
        // The title is the document's and the template's name may be the workspace's: literal text.
        `**${markdownText(result.title ?? 'Postmortem')}**`,
        `${problems} — click to open the Problems view`,
        result.duration.stated !== null ? `Stated duration: ${formatMinutes(result.duration.stated)}` : 'No duration stated',
        result.duration.computed !== null ? `From the timeline or milestones: ${formatMinutes(result.duration.computed)}` : '',
        `Template: ${markdownText(result.template.name)}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.accessibilityInformation = { label: `Postmortem: ${problems}${minutes !== null ? `, duration ${formatMinutes(minutes)}` : ''}` };
    item.show();
  });
  return {
    item,
    dispose: () => {
      subscription.dispose();
      item.dispose();
    },
  };
}
