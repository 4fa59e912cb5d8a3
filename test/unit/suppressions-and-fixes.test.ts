import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { applyEdits, fixAll } from '../../server/src/engine/apply-edits.js';
import { readFixture } from '../support/fixtures.js';
import { DEFAULT_SETTINGS } from '../../server/src/config/settings.js';

const rulesOf = (text: string): string[] => analyze(text, { force: true }).findings.map((finding) => `${finding.range.start.line}:${finding.rule}`);

test('postmortem-disable-next-line silences one rule on the next line only', () => {
  const text = readFixture('seed-variants/swapped-entries.md').replace('  - 09:05 AM', '  <!-- postmortem-disable-next-line timeline-out-of-order -->\n  - 09:05 AM');
  assert.ok(!rulesOf(text).some((entry) => entry.endsWith(':timeline-out-of-order')));
});

test('postmortem-disable and postmortem-enable bracket a region', () => {
  const text = `<!-- postmortem-disable action-item-missing-owner -->\n${readFixture('load-balancer-coffee-break.md')}`;
  const found = rulesOf(text);
  assert.ok(!found.some((entry) => entry.endsWith(':action-item-missing-owner')));
  assert.ok(found.some((entry) => entry.endsWith(':action-item-missing-ticket')), 'other rules still run');
  const reenabled = `<!-- postmortem-disable -->\n# T\n<!-- postmortem-enable -->\n${readFixture('load-balancer-coffee-break.md')}`;
  assert.ok(rulesOf(reenabled).some((entry) => entry.endsWith(':action-item-missing-owner')));
});

test('applyEdits applies edits from the end and skips overlapping ones', () => {
  const result = applyEdits('abcdef', [
    { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: 'X' },
    { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: 'Y' },
    { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, newText: '!' },
  ]);
  assert.deepEqual(result, { text: 'abYe!f', applied: 2, skipped: 1 });
});

test('fix-all fixes every fixable finding, re-analysing between rounds, and a second run changes nothing', () => {
  const text = readFixture('seed-variants/no-duration.md');
  const lint = (source: string) => analyze(source, { force: true, settings: { ...DEFAULT_SETTINGS, template: 'google-sre' } }).findings;
  const first = fixAll(text, lint);
  // The duration and the Detection section (the seed states its resolution in a field, so that one is not missing).
  assert.ok(first.fixed >= 2, `fixed ${first.fixed}`);
  const remaining = lint(first.text).filter((finding) => finding.fix);
  assert.deepEqual(remaining, []);
  assert.deepEqual(fixAll(first.text, lint), { text: first.text, fixed: 0 });
  // Only insertions: every line of the original is still there, in order.
  const originalLines = text.split('\n');
  let cursor = 0;
  const fixedLines = first.text.split('\n');
  for (const line of originalLines) {
    cursor = fixedLines.indexOf(line, cursor);
    assert.ok(cursor >= 0, `lost line: ${line}`);
  }
});

test('missing-section offers no fix when the document ends inside an unclosed code fence or HTML comment, and fix-all leaves it alone', () => {
  const lint = (source: string) => analyze(source, { force: true }).findings;
  for (const text of ['# Postmortem: x\n\n```\n', '# Postmortem: x\n\n<!-- an unclosed comment\n', '# Postmortem: x\r\r~~~\rlog\r']) {
    const missing = lint(text).filter((finding) => finding.rule === 'missing-section');
    assert.ok(missing.length > 0);
    assert.ok(missing.every((finding) => finding.fix === undefined && /No quick fix/.test(finding.message)), JSON.stringify(text));
    assert.deepEqual(fixAll(text, lint), { text, fixed: 0 });
  }
  // Closed, the block is no obstacle: the sections are appended after it, once.
  const closed = '# Postmortem: x\n\n```\nlog\n```\n';
  const fixed = fixAll(closed, lint);
  assert.ok(fixed.text.startsWith(closed));
  assert.deepEqual(lint(fixed.text).filter((finding) => finding.rule === 'missing-section'), []);
  assert.deepEqual(fixAll(fixed.text, lint), { text: fixed.text, fixed: 0 });
});
