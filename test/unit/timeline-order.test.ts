// The timeline's chronological reading is made once, when the model is built,
// and everything that needs the order reads it from the analysis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { sortTimelineEdits } from '../../server/src/engine/sort-timeline.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;

const overnight = doc(
  '# Nightly load overran',
  '',
  '**Date:** 2024-03-05',
  '',
  '## Timeline',
  '',
  '- 23:40 UTC - Nightly load started.',
  '- 23:55 UTC - Load slowed down; alert fired.',
  '- 00:20 UTC - Load finished; reports back.',
);

test('an entry the reading moves past midnight is made with the next day, and the order holds the analysis\'s own entries', () => {
  const { analysis } = analyze(overnight, { force: true });
  const { entries, keyOf } = analysis.timelineOrder;
  assert.equal(entries.length, 3);
  assert.deepEqual(entries.map((entry) => entry.rolledOver), [false, false, true]);
  // "23:40" says the clock is a 24-hour one.
  assert.equal(analysis.timelineOrder.twelveHourClock, false);
  for (const entry of entries) assert.ok(analysis.timeline.includes(entry.item), 'the order points at the analysis\'s entries');
  const last = entries[2]!;
  assert.equal(last.item.entry.at, '2024-03-06T00:20:00Z');
  assert.equal(last.item.entry.dateSource, 'rollover');
  // The key as written stays on the entry; the order holds the key as read.
  assert.equal(last.key - last.item.sortKey!, 24 * 60 * 60 * 1000);
  assert.equal(keyOf.get(last.item), last.key);
  // Read in order, the timeline needs no sorting.
  assert.equal(sortTimelineEdits(analysis), null);
});

test('a timeline out of order is sorted on the order the model read', () => {
  const { analysis } = analyze(doc('# Outage', '', '## Timeline', '', '- 10:20 UTC - Rolled back.', '- 10:05 UTC - Alert fired.'), { force: true });
  assert.deepEqual(analysis.timelineOrder.entries.map((entry) => entry.item.entry.timeText), ['10:20 UTC', '10:05 UTC']);
  // No hour past 12: the clock may be a 12-hour one.
  assert.equal(analysis.timelineOrder.twelveHourClock, true);
  const edits = sortTimelineEdits(analysis);
  assert.deepEqual(edits?.map((edit) => edit.newText), ['- 10:05 UTC - Alert fired.', '- 10:20 UTC - Rolled back.']);
});

/** Every TypeScript file under a folder. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('only the model build computes the order; the rest reads it from the analysis', () => {
  const computing = [...sources(join(root, 'server', 'src')), ...sources(join(root, 'client', 'src'))]
    .filter((path) => /\borderedEntries\(/.test(readFileSync(path, 'utf8')))
    .map((path) => relative(root, path).split('\\').join('/'))
    .sort();
  assert.deepEqual(computing, ['server/src/model/build-model.ts', 'server/src/model/timeline-dating.ts', 'server/src/model/timeline-order.ts']);
});

test('an entry a sub-label makes a milestone is made with it, and the order holds that entry', () => {
  const text = doc('# Outage', '', '## Timeline', '', '**Detection**:', '', '- 10:05 UTC - Looked at the dashboards.', '- 10:07 UTC - Opened a ticket.', '', '**Later**', '', '- 10:40 UTC - Went home.');
  const { analysis } = analyze(text, { force: true });
  const detected = analysis.timeline.find((item) => item.entry.milestone === 'detected');
  assert.equal(detected?.entry.label, 'Detection');
  // Its wording marks nothing: the sub-label does.
  assert.equal(detected.entry.text, 'Looked at the dashboards.');
  assert.ok(analysis.timelineOrder.entries.some((entry) => entry.item === detected), 'the order points at the entry made with its milestone');
  assert.equal(analysis.timelineOrder.keyOf.get(detected), detected.sortKey);
  assert.deepEqual(analysis.model.timeline.map((entry) => entry.milestone), ['detected', null, null]);
  assert.deepEqual(analysis.model.milestones.map((milestone) => [milestone.kind, milestone.source]), [['detected', 'timeline']]);
});
