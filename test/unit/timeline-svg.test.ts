import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/engine/analyze.js';
import { incident } from '../../server/src/features/incident.js';
import type { IncidentResult } from '../../server/src/protocol.js';
import type * as Render from '../../client/src/timeline/picture/render.js';
import type * as Describe from '../../client/src/timeline/picture/describe.js';
import type * as Table from '../../client/src/timeline/picture/table.js';
import type * as Text from '../../client/src/timeline/picture/text.js';
import type * as WebviewHtml from '../../client/src/timeline/webview-html.js';
import { CORPUS, FIXTURES, SEED } from '../support/fixtures.js';

/**
 * The client modules as built by `tsc -b`. The client project emits into
 * out/client-check/client/src (client/tsconfig.json), not beside out/test as
 * the server does, so a static '../../client/src/…' import would compile but
 * not resolve at run time.
 */
async function clientModule<T>(name: string): Promise<T> {
  for (const base of ['../../client/src/', '../../client-check/client/src/']) {
    const url = new URL(base + name, import.meta.url);
    if (existsSync(url)) return (await import(url.href)) as T;
  }
  throw new Error(`client/src/${name} is not built: run tsc -b`);
}
const { renderTimelineSvg } = await clientModule<typeof Render>('timeline/picture/render.js');
const { describeEntries } = await clientModule<typeof Describe>('timeline/picture/describe.js');
const { renderEntryTable: tableOf } = await clientModule<typeof Table>('timeline/picture/table.js');
const { formatDuration } = await clientModule<typeof Text>('timeline/picture/text.js');
const { webviewDocument } = await clientModule<typeof WebviewHtml>('timeline/webview-html.js');
const renderEntryTable = (input: IncidentResult): string => tableOf(describeEntries(input));

const DNS_EXAMPLE = fileURLToPath(new URL('../../../examples/postmortems/2024-06-12-dns-resolver-outage.md', import.meta.url));

/** What the server answers to postmortem/incident for a file, computed in-process. */
function incidentOf(path: string): IncidentResult {
  const result = analyze(readFileSync(path, 'utf8'), { path, force: true });
  return incident(pathToFileURL(path).href, 1, result);
}

function draw(input: IncidentResult, width = 900): { svg: string; marks: number; gaps: number } {
  const picture = renderTimelineSvg(input, { width });
  assert.ok(picture, 'expected a picture');
  return picture;
}

const count = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].length;
/** The <g> element of each mark, opening tag to its closing tag. */
const marksOf = (svg: string): string[] => [...svg.matchAll(/<g class="mark[^"]*"[\s\S]*?<\/g>/g)].map((match) => match[0]);

test('the seed: one focusable mark per timed entry, with its time and text for hover and screen readers', () => {
  const seed = incidentOf(SEED);
  const { svg, marks } = draw(seed);
  assert.equal(marks, 6);
  const groups = marksOf(svg);
  assert.equal(groups.length, 6);
  for (const group of groups) {
    assert.match(group, /role="button"/);
    assert.match(group, /tabindex="(0|-1)"/);
    assert.match(group, /aria-label="[^"]*T\+[^"]*"/, 'the aria-label names the T+ offset');
    assert.match(group, /<title>[^<]+<\/title>/, 'hover shows the entry through <title>');
  }
  // One tab stop for the whole picture; arrow keys move between marks.
  assert.equal(count(svg, /tabindex="0"/g), 1);
  assert.match(groups[0]!, /aria-label="09:00 AM, T\+0\. Detection: An engineer received a frantic monitoring alert/);
  // The seed's milestones: detected (its Detection sub-label) and resolved.
  assert.match(svg, /<g class="milestone ms-detected"/);
  assert.match(svg, /<g class="milestone ms-resolved"/);
  assert.equal(count(svg, /<g class="milestone /g), 2);
  assert.match(svg, />TTR 2h 30m</);
  // No impact milestones: the band comes from the stated Duration and says so.
  assert.match(svg, /<g class="span span-impact stated"/);
  // 12-hour documents get 12-hour ticks.
  assert.match(svg, /class="tick-label"[^>]*>9 AM</);
});

test('TTD, TTM and TTR are drawn between their milestones and labelled with their durations', () => {
  const { svg } = draw(incidentOf(join(CORPUS, 'sre-shakespeare-search-outage.md')));
  for (const label of ['TTD 3m', 'TTM 45m', 'TTR 1h 35m', 'Impact 1h 6m']) assert.ok(svg.includes(`>${label}<`), `${label} missing`);
  for (const kind of ['impact-start', 'detected', 'mitigated', 'resolved', 'impact-end']) assert.match(svg, new RegExp(`<g class="milestone ms-${kind}"`));
  assert.match(svg, /<g class="impact-window"[\s\S]*?<rect class="band"/);
  assert.doesNotMatch(svg, /span-ttd stated/, 'both ends are milestones on the timeline');
});

test('the DNS example: impact window from OUTAGE BEGINS to OUTAGE ENDS, TTD, and its two quiet stretches marked as gaps', () => {
  const { svg, marks, gaps } = draw(incidentOf(DNS_EXAMPLE));
  assert.equal(marks, 5);
  assert.match(svg, /<g class="milestone ms-impact-start"[^>]*aria-label="Milestone: Impact start at 08:14"/);
  assert.match(svg, /<g class="milestone ms-detected"/);
  assert.match(svg, /<g class="milestone ms-impact-end"/);
  assert.match(svg, />TTD 5m</);
  assert.match(svg, />Impact 48m</);
  assert.match(svg, /Wed 12 Jun 2024 · 08:12 – 09:02 UTC/);
  assert.equal(gaps, 2);
  assert.equal(count(svg, /<g class="gap"/g), 2);
  assert.match(svg, />21m with no entries</);
  assert.match(svg, />22m with no entries</);
  // Milestone entries are diamonds, in their milestone's class.
  assert.equal(count(svg, /<g class="mark ms-/g), 3);
});

test('a gap is a stretch longer than the given fraction of the span', () => {
  const seed = incidentOf(SEED);
  const { svg, gaps } = draw(seed);
  assert.equal(gaps, 1);
  assert.match(svg, />1h 30m with no entries</);
  assert.match(svg, /<rect class="gap-area"[^>]*fill="url\(#pmt-hatch\)"/);
  assert.equal(renderTimelineSvg(seed, { gapFraction: 0.9 })?.gaps, 0);
});

test('an out-of-order entry is drawn in the error class and says why', () => {
  const swapped = incidentOf(join(FIXTURES, 'seed-variants', 'swapped-entries.md'));
  const { svg } = draw(swapped);
  const flagged = marksOf(svg).filter((group) => group.includes('out-of-order'));
  assert.equal(flagged.length, 1);
  assert.match(flagged[0]!, /^<g class="mark plain out-of-order"/);
  assert.match(flagged[0]!, /aria-label="09:05 AM, T\+5m\. [^"]*Out of order: written after 09:15 AM but happened earlier\."/);
  assert.match(svg, /class="legend-label"[^>]*>Out of order</);
  const table = renderEntryTable(swapped);
  assert.match(table, /<tr data-index="2" class="out-of-order">/);
  assert.match(table, /<div class="problem">Out of order: written after 09:15 AM but happened earlier\.<\/div>/);
});

test('entry text is escaped: <, & and > never reach the markup raw', () => {
  const seed = incidentOf(SEED);
  const hostile: IncidentResult = {
    ...seed,
    picture: { ...seed.picture, title: 'Outage <b>&</b> "more"' },
    entries: seed.entries.map((entry, index) => (index === 1 ? { ...entry, plainText: 'Ran <script>alert(1)</script> & checked a > b', label: '<Actions>' } : entry)),
  };
  const { svg } = draw(hostile);
  assert.ok(!svg.includes('<script'), 'no raw <script> in the SVG');
  assert.ok(!svg.includes('<b>'), 'no raw markup from the title');
  assert.match(svg, /Ran &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; checked a &gt; b/);
  assert.match(svg, /Outage &lt;b&gt;&amp;&lt;\/b&gt; &quot;more&quot;/);
  // Every & in the SVG starts an entity.
  assert.equal(count(svg, /&(?!(amp|lt|gt|quot|#39);)/g), 0);
  const table = renderEntryTable(hostile);
  assert.ok(!table.includes('<script'));
  assert.match(table, /&lt;Actions&gt;/);
});

test('entries at the same or close times are stacked in lanes, never drawn on top of each other', () => {
  const seed = incidentOf(SEED);
  const key = seed.entries[0]!.key!;
  const crowded: IncidentResult = { ...seed, entries: seed.entries.map((entry, index) => ({ ...entry, key: key + (index % 3) * 30_000, milestone: null })) };
  const { svg } = draw(crowded);
  const centres = marksOf(svg).map((group) => {
    const match = /<circle class="shape" cx="([\d.]+)" cy="([\d.]+)"/.exec(group);
    assert.ok(match, 'a circle per mark');
    return { x: Number(match[1]), y: Number(match[2]) };
  });
  assert.equal(centres.length, 6);
  for (const [i, a] of centres.entries()) {
    for (const b of centres.slice(i + 1)) assert.ok(Math.abs(a.x - b.x) >= 14 || Math.abs(a.y - b.y) >= 14, `marks at ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`);
  }
});

test('the output is deterministic, and null when no entry has a time', () => {
  const dns = incidentOf(DNS_EXAMPLE);
  assert.equal(renderTimelineSvg(dns, { width: 720 })?.svg, renderTimelineSvg(incidentOf(DNS_EXAMPLE), { width: 720 })?.svg);
  assert.notEqual(renderTimelineSvg(dns, { width: 720 })?.svg, renderTimelineSvg(dns, { width: 1100 })?.svg);
  assert.equal(renderTimelineSvg({ ...dns, entries: dns.entries.map((entry) => ({ ...entry, key: null })) }), null);
  assert.equal(renderTimelineSvg(dns, { width: 10 })?.width, 480, 'narrow panels scroll instead of squashing');
});

test('the accessible list has every entry with its time, T+, text and milestone', () => {
  const dns = incidentOf(DNS_EXAMPLE);
  const table = renderEntryTable(dns);
  assert.equal(count(table, /<tr data-index=/g), 5);
  assert.equal(count(table, /<button type="button" class="row-link"/g), 5);
  assert.match(table, /<th scope="col">T\+<\/th>/);
  assert.match(table, />08:19 UTC<\/button><\/td><td class="offset">T\+5m<\/td><td class="text">Error-rate alert pages the on-call engineer\.<\/td><td class="milestone"><span class="pill ms-detected">Detected<\/span>/);
  const infos = describeEntries(dns);
  assert.deepEqual(infos.map((info) => info.offset), ['T-2m', 'T+0', 'T+5m', 'T+26m', 'T+48m']);
});

test('helpers: durations', () => {
  assert.equal(formatDuration(48), '48m');
  assert.equal(formatDuration(65), '1h 5m');
  assert.equal(formatDuration(2755), '1d 21h 55m');
  assert.equal(formatDuration(-12), '−12m');
});

test('the webview document: strict CSP, its script and stylesheet loaded as files (the script under a nonce), nothing inline', () => {
  const source = 'https://file+.vscode-resource.vscode-cdn.net';
  const html = webviewDocument({ cspSource: source, nonce: 'N0nce', documentName: 'a<b>.md', scriptUri: `${source}/ext/dist/webview/timeline.js`, styleUri: `${source}/ext/client/media/timeline.css` });
  assert.match(html, /default-src 'none'; img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net data:; style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net; script-src 'nonce-N0nce';/);
  assert.ok(!html.includes('unsafe-inline'));
  assert.doesNotMatch(html, /\son[a-z]+=/, 'no inline event handlers');
  assert.match(html, /<script nonce="N0nce" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/timeline\.js"><\/script>/);
  assert.equal(count(html, /<script/g), 1, 'one script, the bundle');
  assert.doesNotMatch(html, /<style/, 'no inline stylesheet');
  assert.match(html, /<link rel="stylesheet" href="[^"]*\/client\/media\/timeline\.css">/);
  assert.match(html, /a&lt;b&gt;\.md/);
});

test('axis ticks: at most 12 for any span (a few minutes to 125 years), at least 2, never overlapping, at every width', () => {
  const MINUTE = 60_000;
  const spans: Array<[string, number]> = [
    ['6 minutes', 6 * MINUTE],
    ['3 hours', 180 * MINUTE],
    ['2 days', 2 * 1440 * MINUTE],
    ['5 weeks', 35 * 1440 * MINUTE],
    ['a year', 365 * 1440 * MINUTE],
    ['a century', 36_525 * 1440 * MINUTE],
    ['125 years', 45_656 * 1440 * MINUTE],
  ];
  // The engine reads years 1970 to 2100.
  const start = Date.UTC(1972, 2, 3, 10, 0);
  const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
  for (const [name, span] of spans) {
    const text = ['# Postmortem: a long incident', '', '## Timeline', '', `- ${iso(start)} impact begins`, `- ${iso(start + span / 2)} still going`, `- ${iso(start + span)} resolved`, ''].join('\n');
    const result = analyze(text, { force: true });
    const input = incident('file:///work/postmortems/long.md', 1, result);
    assert.equal(input.entries.filter((entry) => entry.key !== null).length, 3, `${name}: every entry has a time`);
    for (const width of [480, 960, 4000]) {
      const { svg } = draw(input, width);
      const xs = [...svg.matchAll(/<line class="tick" x1="([\d.-]+)"/g)].map((match) => Number(match[1]));
      assert.ok(xs.length >= 2 && xs.length <= 12, `${name} at ${width}px: ${xs.length} ticks`);
      for (let i = 1; i < xs.length; i++) assert.ok(xs[i]! - xs[i - 1]! >= 30, `${name} at ${width}px: ticks ${i - 1} and ${i} are ${(xs[i]! - xs[i - 1]!).toFixed(1)} px apart`);
    }
  }
});
