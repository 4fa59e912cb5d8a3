// The README's pictures, taken from the real VS Code (scripts/vscode/screenshot.mjs):
// `npm run screenshots` rewrites docs/images/*.png.
import { takeScreenshots } from './screenshot.mjs';

const palette = (command) => [
  { keys: ['Control+Shift+P'], waitFor: '.quick-input-widget input' },
  { type: command, waitFor: '.quick-input-list .monaco-list-row' },
  { keys: ['Enter'] },
];
const goToLine = (line) => [{ keys: ['Control+G'], waitFor: '.quick-input-widget input' }, { type: String(line) }, { keys: ['Enter'] }];

const only = process.argv[2];
const shots = [
  [
    { open: 'postmortems/2023-02-01-checkout-latency.md', waitFor: '.squiggly-error' },
    ...palette('View: Focus on Incident Outline View'),
    { waitFor: '.monaco-list-row[aria-label*="Root Causes"]' },
    ...palette('View: Focus Problems'),
    { waitFor: '.markers-panel .monaco-list-row', out: 'docs/images/workbench.png' },
  ],
  [
    { open: 'postmortems/2023-02-01-checkout-latency.md', waitFor: '.squiggly-warning' },
    ...goToLine(7),
    { keys: ['Control+Period'], waitFor: '.action-widget', out: 'docs/images/quick-fix.png' },
  ],
  [
    // Take the Action Items away, then ask for a heading where they were.
    { open: 'postmortems/2023-02-01-checkout-latency.md', waitFor: '.squiggly-warning' },
    ...goToLine(33),
    { keys: ['Control+Shift+K', 'Control+Shift+K', 'Control+Shift+K', 'Control+Shift+K', 'Control+Shift+K', 'Control+Shift+K'] },
    { type: '## ' },
    { keys: ['Control+Space'], waitFor: '.suggest-widget.visible .monaco-list-row', out: 'docs/images/completion.png' },
  ],
  [
    // The command is offered once the server has read the file (the status bar shows its count): not before.
    { open: 'postmortems/2024-06-12-dns-resolver-outage.md', waitFor: 'text=/problems? ·/' },
    ...palette('Postmortem: Show Incident Timeline'),
    { waitFor: 'iframe.webview.ready', out: 'docs/images/timeline.png' },
  ],
];

for (const steps of only ? shots.filter((steps) => steps.some((step) => step.out?.includes(only))) : shots) {
  const written = await takeScreenshots(steps);
  console.log(written.map((file) => `wrote ${file}`).join('\n'));
}
