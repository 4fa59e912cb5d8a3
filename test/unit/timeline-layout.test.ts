// The Incident Timeline picture's layout pieces, on what the server answers
// for real documents: the time scale and its ticks, wall-clock readings
// across a daylight saving change, milestone flags, entry lanes, gaps, text fitting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { incident } from '../../server/src/features/incident.js';
import type { IncidentResult } from '../../server/src/protocol.js';
import type * as Clock from '../../client/src/timeline/picture/clock.js';
import type * as Describe from '../../client/src/timeline/picture/describe.js';
import type * as Flags from '../../client/src/timeline/picture/flags.js';
import type * as Gaps from '../../client/src/timeline/picture/gaps.js';
import type * as Input from '../../client/src/timeline/picture/input.js';
import type * as Lanes from '../../client/src/timeline/picture/lanes.js';
import type * as Scale from '../../client/src/timeline/picture/scale.js';
import type * as Text from '../../client/src/timeline/picture/text.js';
import { CORPUS, SEED } from '../support/fixtures.js';

async function clientModule<T>(name: string): Promise<T> {
  const url = new URL(`../../client/src/timeline/picture/${name}`, import.meta.url);
  if (!existsSync(url)) throw new Error(`client/src/timeline/picture/${name} is not built: run tsc -b`);
  return (await import(url.href)) as T;
}
const { clockOf } = await clientModule<typeof Clock>('clock.js');
const { describeEntries } = await clientModule<typeof Describe>('describe.js');
const { layoutFlags, milestoneKeys } = await clientModule<typeof Flags>('flags.js');
const { gapsOf } = await clientModule<typeof Gaps>('gaps.js');
const { placedEntries } = await clientModule<typeof Input>('input.js');
const { layoutMarks } = await clientModule<typeof Lanes>('lanes.js');
const { scaleOver, ticksOf } = await clientModule<typeof Scale>('scale.js');
const { fontScale, measure } = await clientModule<typeof Text>('text.js');

const DNS_EXAMPLE = fileURLToPath(new URL('../../../examples/postmortems/2024-06-12-dns-resolver-outage.md', import.meta.url));
const MINUTE = 60_000;

function incidentOf(path: string): IncidentResult {
  return incident(pathToFileURL(path).href, 1, analyze(readFileSync(path, 'utf8'), { path, force: true }));
}

test('the scale spans every entry with 3% to spare, and its ticks fall on round wall-clock times', () => {
  const dns = incidentOf(DNS_EXAMPLE);
  const keys = placedEntries(dns.entries).map((p) => p.key);
  const scale = scaleOver(keys, 900);
  const span = Math.max(...keys) - Math.min(...keys);
  assert.equal(scale.d0, Math.min(...keys) - span * 0.03);
  assert.equal(scale.x(scale.d0), 20);
  assert.equal(scale.x(scale.d1), 880);
  const clock = clockOf(dns.picture.zone, dns.picture.twelveHour);
  const ticks = ticksOf(scale, clock);
  assert.deepEqual(ticks.map((tick) => clock.time(tick, true)), ['08:15', '08:20', '08:25', '08:30', '08:35', '08:40', '08:45', '08:50', '08:55', '09:00']);
  // The narrowest: fewer ticks, on rounder times.
  assert.deepEqual(ticksOf(scaleOver(keys, 480), clock).map((tick) => clock.time(tick, true)), ['08:20', '08:30', '08:40', '08:50', '09:00']);
  // A single instant still gets a ten-minute window.
  const one = scaleOver([keys[0]!], 900);
  assert.equal(one.d1 - one.d0, 10 * MINUTE + 2 * MINUTE);
});

test('wall-clock readings follow the server\'s zone table across the night clocks fall back', () => {
  const dst = incidentOf(join(CORPUS, 'billing-cron-dst-double-run.md'));
  const clock = clockOf(dst.picture.zone, false);
  const readings = placedEntries(dst.entries).slice(0, 4).map((p) => `${clock.time(p.key)} ${clock.zoneName(p.key)}`);
  // 01:30 happens twice: first in daylight time, then again in standard time.
  assert.deepEqual(readings, ['01:30 PDT', '01:52 PDT', '01:00 PST', '01:30 PST']);
  const scale = scaleOver(placedEntries(dst.entries).map((p) => p.key), 1200);
  const labels = ticksOf(scale, clock).map((tick) => clock.time(tick, true));
  assert.ok(labels.every((label) => label.endsWith(':00')), labels.join(' '));
});

test('milestone flags: one per instant, in time order, labels packed into rows that never overlap', () => {
  const sre = incidentOf(join(CORPUS, 'sre-shakespeare-search-outage.md'));
  const keys = milestoneKeys(sre.milestones);
  const clock = clockOf(sre.picture.zone, sre.picture.twelveHour);
  for (const width of [480, 900]) {
    const flags = layoutFlags(keys, scaleOver([...keys.values()], width), clock, measure());
    // Impact ended before the incident was called resolved.
    assert.deepEqual(flags.map((flag) => flag.kinds.join('+')), ['impact-start', 'detected', 'mitigated', 'impact-end', 'resolved']);
    assert.ok(flags.every((flag, i) => i === 0 || flag.key >= flags[i - 1]!.key));
    for (const [i, a] of flags.entries()) {
      for (const b of flags.slice(i + 1)) if (a.row === b.row) assert.ok(a.box.to + 12 <= b.box.from || b.box.to + 12 <= a.box.from, `${width}px: ${a.text} and ${b.text} overlap`);
    }
  }
});

test('entry labels: packed into lanes where no two labels in a lane overlap, each cut only as far as its lane needs', () => {
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.md')).map((name) => join(CORPUS, name));
  let checked = 0;
  for (const path of [SEED, DNS_EXAMPLE, ...files]) {
    const input = incidentOf(path);
    const placed = placedEntries(input.entries);
    if (placed.length === 0) continue;
    const infos = describeEntries(input);
    const scale = scaleOver(placed.map((p) => p.key), 700);
    const layout = layoutMarks(placed, infos, scale, measure());
    if (!layout.showLabels) continue;
    checked++;
    assert.ok(layout.laneCount <= 12, path);
    for (const [i, a] of layout.boxes.entries()) {
      for (const [j, b] of layout.boxes.entries()) if (j > i && layout.lanes[i] === layout.lanes[j]) assert.ok(a.to <= b.from || b.to <= a.from, `${path}: labels ${i} and ${j} overlap`);
      const info = infos[placed[i]!.index]!;
      const full = `${info.approximate ? '~' : ''}${info.text || placed[i]!.entry.timeText}`;
      assert.ok(layout.labels[i] === full || layout.labels[i]!.endsWith('…'), `${path}: label ${i} is the text or cut with …`);
    }
  }
  assert.ok(checked >= 20, `${checked} documents checked`);
});

test('gaps: stretches longer than a quarter of the span and at least 10 minutes', () => {
  const dns = incidentOf(DNS_EXAMPLE);
  const placed = placedEntries(dns.entries);
  const span = placed[placed.length - 1]!.key - placed[0]!.key;
  assert.deepEqual(gapsOf(placed, span, 0.25).map((gap) => (gap.to - gap.from) / MINUTE), [21, 22]);
  assert.deepEqual(gapsOf(placed, span, 0.9), []);
  assert.deepEqual(gapsOf(placed.slice(0, 2), span, 0.25), [], 'two entries have no gap between them worth marking');
});

test('text: fitting cuts with an ellipsis, and the measured font scales every width', () => {
  const narrow = measure(1);
  const wide = measure(1.5);
  const text = 'Error-rate alert pages the on-call engineer.';
  assert.equal(wide.width(text, 12), narrow.width(text, 12) * 1.5);
  const cut = narrow.fit(text, 100, 12);
  assert.ok(cut.endsWith('…') && narrow.width(cut, 12) <= 100, cut);
  assert.equal(narrow.fit(text, 1000, 12), text);
  assert.equal(fontScale(Number.NaN), 1);
  assert.equal(fontScale(10 ** 6), 1.6, 'clamped');
});
