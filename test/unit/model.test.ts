import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel } from '../../server/src/model/build-model.js';
import { sectionKindOf } from '../../server/src/model/section-kinds.js';
import { analyze } from '../../server/src/engine/analyze.js';
import { readFixture } from '../support/fixtures.js';
import { LineIndex, splitLines } from '../../server/src/model/positions.js';

test('the seed model: title, zone, sections, duration, impact and six timeline entries under their sub-labels', () => {
  const { model } = buildModel(readFixture('load-balancer-coffee-break.md'));
  assert.equal(model.title, 'Postmortem: When the Load Balancer Went on a Coffee Break ☕️');
  assert.equal(model.timezone, 'UTC');
  assert.deepEqual(
    model.sections.map((section) => section.kind),
    ['summary', 'root-cause', 'timeline', 'root-cause', 'action-items'],
  );
  assert.deepEqual(model.duration && [model.duration.start, model.duration.end, model.duration.minutes], ['2024-04-10T09:00:00Z', '2024-04-10T11:30:00Z', 150]);
  assert.deepEqual(model.impact?.metrics.map((metric) => [metric.text, metric.unit, metric.range.start.line]), [['30%', '%', 5]]);
  assert.deepEqual(
    model.timeline.map((entry) => [entry.at, entry.label, entry.range.start.line]),
    [
      ['2024-04-10T09:00:00Z', 'Detection', 13],
      ['2024-04-10T09:05:00Z', 'Actions Taken', 15],
      ['2024-04-10T09:15:00Z', 'Actions Taken', 16],
      ['2024-04-10T09:30:00Z', 'Actions Taken', 17],
      ['2024-04-10T10:00:00Z', 'Escalation', 19],
      ['2024-04-10T11:30:00Z', 'Resolution', 21],
    ],
  );
  assert.ok(model.timeline[0]?.text.startsWith('An engineer received'));
});

for (const [heading, kind] of [
  ['Issue Summary', 'summary'],
  ['Executive Summary', 'summary'],
  ['Overview', 'summary'],
  ['Root Causes', 'root-cause'],
  ['Contributing Factors', 'root-cause'],
  ['Fault', 'root-cause'],
  ['Corrective and Preventative Measures', 'action-items'],
  ['Follow-ups', 'action-items'],
  ['Next steps', 'action-items'],
  ['Chain of Events', 'timeline'],
  ['Timeline (UTC)', 'timeline'],
  ['Lessons Learned', 'lessons'],
  ["How'd We Do", 'lessons'],
  ['Impact & Metrics', 'impact'],
  ['Recovery', 'resolution'],
  ['Trigger', 'trigger'],
  ['3. Detection', 'detection'],
  ['Installation', 'other'],
] as const) {
  test(`"${heading}" is a ${kind} section`, () => {
    assert.equal(sectionKindOf(heading), kind);
  });
}

test('timeline entries from a table with a Time (UTC) column and a date line', () => {
  const text = [
    '# Postmortem: queue backlog',
    '',
    '## Timeline',
    '',
    '2023-05-02',
    '',
    '| Time (UTC) | Event |',
    '| --- | --- |',
    '| 14:02 | Alert fired |',
    '| 14:10 | Rolled back |',
    '',
  ].join('\n');
  const { model } = buildModel(text);
  assert.deepEqual(
    model.timeline.map((entry) => [entry.at, entry.text, entry.range.start.line]),
    [
      ['2023-05-02T14:02:00Z', 'Alert fired', 8],
      ['2023-05-02T14:10:00Z', 'Rolled back', 9],
    ],
  );
});

test('timeline entries under date headings, with a declared zone', () => {
  const text = ['# Incident review', '', 'All times in PST.', '', '## Timeline', '### 2024-03-09', '- 23:50 deploy', '### 2024-03-10', '- 00:10 alert', ''].join('\n');
  const { model } = buildModel(text);
  assert.equal(model.timezone, 'America/Los_Angeles');
  assert.deepEqual(
    model.timeline.map((entry) => entry.at),
    ['2024-03-09T23:50:00-08:00', '2024-03-10T00:10:00-08:00'],
  );
  assert.deepEqual(analyze(text, { force: true }).findings.filter((f) => f.rule === 'timeline-out-of-order'), []);
});

test('a document that is mostly a README is not a postmortem; the same text under postmortems/ is', () => {
  const text = readFixture('not-postmortems/README.md');
  assert.equal(analyze(text, { path: '/repo/README.md' }).isPostmortem, null);
  assert.equal(analyze(text, { path: '/repo/postmortems/2024-01-01.md' }).isPostmortem, 'path');
  assert.equal(analyze('---\ntype: postmortem\n---\n# x\n', { path: '/repo/notes.md' }).isPostmortem, 'front-matter');
  assert.equal(analyze(readFixture('load-balancer-coffee-break.md'), { path: '/repo/notes.md' }).isPostmortem, 'content');
});

test('a rule that throws becomes one internal finding and the others still run', () => {
  const result = analyze(readFixture('seed-variants/no-duration.md'), {
    force: true,
    rules: [
      { id: 'broken', description: 'throws', defaultSeverity: 'error', check: () => { throw new Error('boom'); } },
      { id: 'fine', description: 'reports', defaultSeverity: 'info', check: () => [{ message: 'ok', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }] },
    ],
  });
  assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['internal-error', 'error'], ['fine', 'info']]);
  assert.match(result.findings[0]!.message, /Rule broken failed on this document: boom/);
});

test('LineIndex breaks lines at CRLF, LF and a lone CR, as LSP does', () => {
  const lines = new LineIndex('a\r\nb\nc\rd\r\re');
  assert.equal(lines.lineCount, 6);
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => lines.lineText(line)), ['a', 'b', 'c', 'd', '', 'e']);
  assert.deepEqual(lines.positionAt(7), { line: 3, character: 0 });
  // Between the CR and the LF of a CRLF is the end of the first line.
  assert.deepEqual(lines.positionAt(2), { line: 0, character: 1 });
  assert.equal(lines.offsetAt({ line: 3, character: 9 }), 8);
  assert.deepEqual(splitLines('a\r\nb\rc\n'), [
    { text: 'a', start: 0 },
    { text: 'b', start: 3 },
    { text: 'c', start: 5 },
    { text: '', start: 7 },
  ]);
});

test('lone CR line endings give the model of the LF text', () => {
  const text = readFixture('seed-variants/swapped-entries.md');
  const lf = buildModel(text).model;
  const cr = buildModel(text.replace(/\n/g, '\r')).model;
  assert.deepEqual(cr.timeline.map((entry) => [entry.timeText, entry.range]), lf.timeline.map((entry) => [entry.timeText, entry.range]));
  assert.deepEqual(cr.sections.map((section) => section.range), lf.sections.map((section) => section.range));
  // Fixes write the document's own line ending.
  const fix = analyze(readFixture('seed-variants/no-duration.md').replace(/\n/g, '\r'), { force: true }).findings.find((finding) => finding.rule === 'missing-duration')?.fix;
  assert.ok(fix);
  for (const edit of fix.edits) assert.doesNotMatch(edit.newText, /\n/);
});

test('a BOM is a character on line 0: ranges there move one on, the rest stay, nothing else changes', () => {
  const text = readFixture('seed-variants/swapped-entries.md');
  const plain = analyze(text, { force: true });
  const bom = analyze(`\uFEFF${text}`, { force: true });
  const shift = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => ({
    start: { line: range.start.line, character: range.start.character + (range.start.line === 0 ? 1 : 0) },
    end: { line: range.end.line, character: range.end.character + (range.end.line === 0 ? 1 : 0) },
  });
  assert.deepEqual(bom.findings.map((finding) => [finding.rule, finding.range]), plain.findings.map((finding) => [finding.rule, shift(finding.range)]));
  assert.equal(bom.analysis.model.title, plain.analysis.model.title);
  assert.deepEqual(bom.analysis.model.timeline.map((entry) => entry.range), plain.analysis.model.timeline.map((entry) => entry.range));
});
