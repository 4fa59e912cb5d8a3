import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze.js';
import { findTimestamps } from '../../server/src/time/timestamps.js';
import { zoneDisagreements } from '../../server/src/model/zone-pairs.js';
import { declaredZone } from '../../server/src/model/zone-declaration.js';
import { MemoOwner } from '../../server/src/time/memo-owner.js';

// One owner for the file, as a host keeps one: readings are remembered across its tests.
const memos = new MemoOwner();

// Zones and dates written in prose, as a careful reader checks them (issue #11, sections 1 and 4).

/** A small complete postmortem: only the summary line and the timeline vary. */
function doc(summaryLine: string, timeline: string, head = '# Postmortem: Cache node out of memory'): string {
  return `${head}

## Issue Summary

${summaryLine}

Impact: 1,200 API requests timed out.

Root Cause: the node's memory limit was set below its working set.

## Timeline

${timeline}

## Action Items

- [ ] Alert on cache memory use above 80% (owner: @api, API-1)
`;
}

function findings(text: string, rule: string, path: string | null = null): string[] {
  return analyze(text, { path, force: true })
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => `${finding.range.start.line + 1}: ${finding.message}`);
}

const TIMELINE = '- 10:00 AM: Node evicts keys.\n- 10:30 AM: Node replaced.';

test('a standard-time zone after a time in the summary is noted once, on its line, only in summer', () => {
  const summer = findings(doc('Duration: June 20, 2024, 10:00 AM - 10:30 AM (PST)', TIMELINE), 'ambiguous-date-reading');
  assert.equal(summer.length, 1);
  assert.match(summer[0]!, /^5: PST is written for June 20, 2024, .*\(PDT\)/);
  // The date may stand after the zone, and the time be written without a colon.
  assert.equal(findings(doc('The site failed during 0900–1300 PST on Sept. 11, 2018.', TIMELINE), 'ambiguous-date-reading').length, 1);
  // Traps: EST in January is right; EDT in June is right; the day the clocks change is neither; a year is needed.
  assert.deepEqual(findings(doc('Duration: January 10, 2024, 10:00 AM - 10:30 AM (EST)', TIMELINE), 'ambiguous-date-reading'), []);
  assert.deepEqual(findings(doc('Duration: June 20, 2024, 10:00 AM - 10:30 AM (EDT)', TIMELINE), 'ambiguous-date-reading'), []);
  assert.deepEqual(findings(doc('Duration: March 10, 2024, 10:00 AM - 10:30 AM (EST)', TIMELINE), 'ambiguous-date-reading'), []);
  assert.deepEqual(findings(doc('Duration: June 20, 10:00 AM - 10:30 AM (EST)', TIMELINE), 'ambiguous-date-reading'), []);
  // A word that is not after a time ("the EST team") says nothing about a time.
  assert.deepEqual(findings(doc('On June 20, 2024 the EST team was paged at 10:00 AM UTC.', TIMELINE), 'ambiguous-date-reading'), []);
});

test('a zone abbreviation with an offset after it is noted as not a zone, read as the abbreviation', () => {
  const text = doc('Duration of Outage: From 10:00 AM to 10:30 AM (SAST+2)', TIMELINE);
  const notes = findings(text, 'ambiguous-date-reading');
  assert.equal(notes.length, 1);
  assert.match(notes[0]!, /"SAST\+2" is not a zone: SAST is already UTC\+2/);
  assert.equal(analyze(text, { force: true }).analysis.model.timezone, 'Africa/Johannesburg');
  // Traps: offsets from UTC or GMT are zones.
  assert.deepEqual(findings(doc('Duration of Outage: From 10:00 AM to 10:30 AM (UTC+2)', TIMELINE), 'ambiguous-date-reading'), []);
  assert.deepEqual(findings(doc('Duration of Outage: From 10:00 AM to 10:30 AM (GMT+2)', TIMELINE), 'ambiguous-date-reading'), []);
});

test('one time in two zones: reported only when no reading reconciles them', () => {
  assert.equal(zoneDisagreements('16:00-17:50 UTC / 08:30-10:50 PDT: blocks missed', null, memos).length, 1);
  assert.match(zoneDisagreements('16:00-17:50 UTC / 08:30-10:50 PDT', null, memos)[0]!.reason, /16:00 UTC is 09:00 PDT, not 08:30/);
  assert.deepEqual(zoneDisagreements('15:30-16:00 UTC / 08:30-09:00 PDT', null, memos), []);
  assert.deepEqual(zoneDisagreements('14:25 UTC (10:25 EDT)', null, memos), []);
  // "PST" in August taken literally (UTC−8) or as Pacific time (UTC−7): either reading agrees.
  assert.deepEqual(zoneDisagreements('16:00 UTC / 08:00 PST', { year: 2025, month: 8, day: 18 }, memos), []);
  assert.deepEqual(zoneDisagreements('16:00 UTC / 09:00 PST', { year: 2025, month: 8, day: 18 }, memos), []);
  // Across midnight: 23:30 UTC is 16:30 PDT the day before.
  assert.deepEqual(zoneDisagreements('23:30 UTC / 16:30 PDT', null, memos), []);
  // With no day to compare on, a zone that changes its clocks may mean either offset: 18:00 is CEST's reading.
  assert.deepEqual(zoneDisagreements('16:00 UTC / 18:00 CET', null, memos), []);
  assert.equal(zoneDisagreements('16:00 UTC / 08:30 CET', null, memos).length, 1);
  // Two times that are not the same time in two zones: a range to a later time, a list.
  assert.deepEqual(zoneDisagreements('From 16:00 UTC to 08:30 PDT the next day', null, memos), []);
});

test('an ISO date joined to its time by a slash is read; a path is not', () => {
  assert.deepEqual(findTimestamps('*2023-01-04/11:34*: provider blocked the address', memos).map((stamp) => stamp.text), ['2023-01-04/11:34']);
  assert.deepEqual(findTimestamps('see https://example.org/2023-01-04/11:34 for the log', memos), []);
});

test('an entry that says the day moved on is the next day, not out of order nor a guessed rollover', () => {
  const timeline = '- 8:30 PM: Indexes added.\n- 9:00 PM: Load falls.\n- 10:00 AM: The following day, the incident is declared resolved.';
  const result = analyze(doc('Duration: May 15, 2023, 2:00 PM - May 16, 2023, 10:00 AM (EDT)', timeline), { force: true });
  const rules = result.findings.map((finding) => finding.rule);
  assert.ok(!rules.includes('timeline-out-of-order') && !rules.includes('timeline-midnight-rollover'), rules.join(', '));
  assert.equal(result.analysis.model.timeline[2]!.at, '2023-05-16T10:00:00-04:00');
  // Trap: without those words the same jump is still out of order.
  const plain = analyze(doc('Duration: May 15, 2023, 2:00 PM - 10:00 PM (EDT)', timeline.replace('The following day, the', 'The')), { force: true });
  assert.ok(plain.findings.some((finding) => finding.rule === 'timeline-out-of-order'));
});

test('date-mismatch: the title against the file name, the story weekday against the incident date', () => {
  const titled = doc('Duration: 2020-08-28, 10:00 AM - 10:30 AM UTC', TIMELINE, '# 2020-08-28 - Memory overload');
  assert.equal(findings(titled, 'date-mismatch', '/incidents/2020-10-28-memory-overload.md').length, 1);
  // Traps: a report filed days later; the same date; no file name.
  assert.deepEqual(findings(titled, 'date-mismatch', '/incidents/2020-08-31-memory-overload.md'), []);
  assert.deepEqual(findings(titled, 'date-mismatch', '/incidents/2020-08-28-memory-overload.md'), []);
  assert.deepEqual(findings(titled, 'date-mismatch'), []);

  const story = (sentence: string): string[] => findings(doc(`Outage Duration: January 10, 2024, 10:00 AM - 10:30 AM UTC. ${sentence}`, TIMELINE), 'date-mismatch');
  assert.equal(story('It began on a seemingly ordinary Tuesday morning.').length, 1);
  // Traps: the right weekday; another day of the story; plural; a weekday beside its own date.
  assert.deepEqual(story('It began on a seemingly ordinary Wednesday morning.'), []);
  assert.deepEqual(story('On the following Tuesday the fix shipped.'), []);
  assert.deepEqual(story('On Tuesdays we deploy.'), []);
  assert.deepEqual(story('On Tuesday, January 9, 2024 the config was staged.'), []);
});

test('crossing midnight inside a span of days the document states is not a guessed rollover', () => {
  const timeline = '- 11:30 PM: Export runtime alert fires.\n- 12:40 AM: Slow join found.\n- 1:30 AM: Export rerun.';
  const rollovers = (summaryLine: string, head?: string): number =>
    findings(doc(summaryLine, timeline, head), 'timeline-midnight-rollover').length;
  assert.equal(rollovers('Duration: April 13, 2024, 10:00 PM - April 14, 2024, 2:00 AM (UTC)'), 0);
  assert.equal(rollovers('Duration: 3 hours and a half (UTC).', '# Export overran, April 13-14, 2024'), 0);
  // Traps: a window within one day, or a span of other days, leaves the reader guessing.
  assert.equal(rollovers('Duration: April 13, 2024, 10:00 PM - 11:59 PM (UTC)'), 1);
  assert.equal(rollovers('Duration: 3 hours and a half (UTC).', '# Export overran on April 13, 2024 (as it did March 3-4)'), 1);
});

test('a "Timeline (zone)" heading declares its zone only at a line start, after any line break', () => {
  assert.equal(declaredZone('## Timeline (UTC)\n\n10:00 deploy')?.zone, 'UTC');
  // A lone CR ends a line too, and "#", "*" and "_" may come before the word.
  assert.equal(declaredZone('Intro text.\r  ## **Timeline** (in PST)\r10:00 deploy')?.written, 'PST');
  assert.equal(declaredZone('Intro\u2028_timeline_ (March 3, 2024, JST)')?.written, 'JST');
  // Mid-sentence it is prose, not a heading; the next line's heading still counts.
  assert.equal(declaredZone('See the timeline (UTC) below.'), null);
  assert.equal(declaredZone('See the timeline (EST) below.\n### Timeline (CET)')?.written, 'CET');
});
