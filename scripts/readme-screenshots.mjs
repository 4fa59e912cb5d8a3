// The README's pictures, taken from the real VS Code (scripts/screenshot.mjs):
// `npm run screenshots` rewrites docs/images/*.png.
import { takeScreenshots } from './screenshot.mjs';

const palette = (command) => [
  { keys: ['Control+Shift+P'], waitFor: '.quick-input-widget input' },
  { type: command, waitFor: '.quick-input-list .monaco-list-row' },
  { keys: ['Enter'] },
];

const written = await takeScreenshots([
  { open: 'postmortems/2023-02-01-checkout-latency.md', waitFor: '.squiggly-error' },
  ...palette('View: Focus on Incident Outline View'),
  { waitFor: '.monaco-list-row[aria-label*="Root Causes"]' },
  ...palette('View: Focus Problems'),
  { waitFor: '.markers-panel .monaco-list-row', out: 'docs/images/workbench.png' },
]);
console.log(written.map((file) => `wrote ${file}`).join('\n'));
