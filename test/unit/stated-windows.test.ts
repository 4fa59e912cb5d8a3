import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/engine/analyze.js';
import { rewriteTimeForms } from '../../server/src/time/time-forms.js';
import { CORPUS } from '../support/fixtures.js';

// The length a reader takes from each corpus document's stated window or phrase (null: a window is stated but cannot be read).
for (const [file, minutes] of [
  ['duration-window-military-hours.md', 90],
  ['duration-window-four-digit-range.md', 85],
  ['duration-window-french-hours.md', 46],
  ['duration-window-spaced-meridiem.md', 36],
  ['duration-window-hyphen-meridiem.md', 48],
  ['duration-window-midnight.md', 90],
  ['duration-window-noon.md', 75],
  ['duration-window-across-midnight.md', 150],
  ['duration-began-and-resolved.md', 32],
  ['duration-upper-bound-timeline.md', 120],
  ['duration-within-minutes.md', 25],
  ['duration-total-time-to-resolution.md', 75],
  ['duration-timeline-stops-at-diagnosis.md', 300],
  ['rollover-declared-by-window.md', 135],
  ['duration-window-ends-before-start.md', null],
] as const) {
  test(`${file} states a duration of ${minutes ?? 'unreadable'} minutes`, () => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const { duration } = analyze(text, { path: file, force: true }).analysis.model;
    assert.ok(duration.stated, 'a duration is stated');
    assert.equal(duration.minutes, minutes);
  });
}

for (const [written, read] of [
  ['from 0300hrs (EAT) to 0400hrs (EAT)', 'from 03:00 (EAT) to 04:00 (EAT)'],
  ['during 0900–1300 PST', 'during 09:00–13:00 PST'],
  ['Between 14h34 and 14h47', 'Between 14:34 and 14:47'],
  ['12:00 pm - 12: 48pm GMT +1', '12:00 pm - 12:48pm GMT+1'],
  ['11:26-am-GMT until 12:45-pm-GMT', '11:26 am GMT until 12:45 pm GMT'],
  ['from midnight to noon', 'from 12:00 AM to 12:00 PM'],
  // Not times: years, a compact duration, a version.
  ['through the 2021-2022 releases', 'through the 2021-2022 releases'],
  ['a 2h30 maintenance', 'a 2h30 maintenance'],
  ['v1200h', 'v1200h'],
] as const) {
  test(`"${written}" is read as "${read}"`, () => {
    assert.equal(rewriteTimeForms(written).text, read);
  });
}

test('offsets in the rewritten text map back to the written text', () => {
  const written = 'Down from __0300hrs (EAT)__ to __0400hrs (EAT)__, then midnight.';
  const { text, original } = rewriteTimeForms(written);
  const at = text.indexOf('04:00');
  assert.equal(written.slice(original(at)), written.slice(written.indexOf('0400hrs')));
  assert.equal(original(text.length), written.length);
  assert.equal(written.slice(original(text.indexOf(', then'))), ', then midnight.');
});
