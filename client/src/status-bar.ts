import * as vscode from 'vscode';
import type { OutlineResult } from '../../server/src/protocol.js';

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
    // Durations come formatted, and the title and template name as literal Markdown, from the server.
    const { stated, computed } = result.durationText;
    const duration = stated ?? computed;
    const problems = `${result.problems} problem${result.problems === 1 ? '' : 's'}`;
    item.text = `$(pulse) ${problems}${duration !== null ? ` · ${duration}` : ''}`;
    item.tooltip = new vscode.MarkdownString(
      [
        `**${result.markdown.title}**`,
        `${problems} — click to open the Problems view`,
        stated !== null ? `Stated duration: ${stated}` : 'No duration stated',
        computed !== null ? `From the timeline or milestones: ${computed}` : '',
        `Template: ${result.markdown.template}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.accessibilityInformation = { label: `Postmortem: ${problems}${duration !== null ? `, duration ${duration}` : ''}` };
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
