// Hostile input: binary junk, NUL bytes, pathological nesting, emphasis and
// link syntax, huge tables, timelines and heading counts, each analysed in a
// worker under a budget that grows with its size (calibrated on this machine); a 10 MB document sent to
// the real server; and the text encodings editors really send: CRLF, mixed
// and lone-CR line endings, a BOM, characters outside the BMP (positions in
// UTF-16 code units, as LSP requires, checked to the character).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { HoverRequest, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node.js';
import { analyze } from '../../server/src/engine/analyze.js';
import type { Finding } from '../../server/src/rules/types.js';
import { CORPUS, FIXTURES, fixtureFiles } from '../support/fixtures.js';
import { analysisBudgetMs, calibrate, DeadlinePool, describeOutcome, formatMs, type Outcome } from './support/deadline-pool.js';
import { HOSTILE_DOCUMENTS, HOSTILE_HEAD, hostileDocument } from './support/hostile-documents.js';
import { rangeViolations } from './support/invariants.js';
import { LspProcess, within } from './support/lsp-process.js';

const pool = new DeadlinePool(2);
after(() => pool.close());

// Budgets follow this machine's speed and load: 2 s plus four times what a benign document of the same size takes now.
const msPerCharacter = await calibrate(pool);

// Start every job now, so both workers stay busy while the tests below wait in order.
const started = Object.entries(HOSTILE_DOCUMENTS).map(([name, recipe]) => {
  const size = hostileDocument(name).length;
  const budget = analysisBudgetMs(msPerCharacter, size);
  return { name, recipe, size, budget, outcome: pool.run({ kind: 'hostile', name }, budget) };
});

test(`calibration: a benign postmortem analyses at ${(msPerCharacter * 1000).toFixed(1)} µs a character here and now`, () => {
  assert.ok(msPerCharacter > 0);
});

for (const { name, recipe, size, budget, outcome } of started) {
  test(`hostile: ${recipe.describe} (${size.toLocaleString('en-US')} characters) is analysed within ${formatMs(budget)}, without throwing, with every range inside`, async (t) => {
    const result: Outcome = await outcome;
    t.diagnostic(`${name}: ${describeOutcome(result)}`);
    assert.equal(result.status, 'ok', `${name} ${describeOutcome(result)}`);
    assert.ok(result.status === 'ok');
    assert.equal(result.result.threw, undefined, `${name} ${describeOutcome(result)}`);
    assert.deepEqual(result.result.violations.slice(0, 10), [], `${name}: ${result.result.violations.length} ranges outside the document or rules that threw`);
  });
}

test('a 10 MB document: the server keeps answering about other documents (within 5 s) and does not exit', async (t) => {
  const { server } = await LspProcess.launch();
  try {
    const small = 'file:///work/postmortems/small.md';
    await server.openAndWait(small, HOSTILE_HEAD);
    let big = HOSTILE_HEAD;
    for (let i = 0; big.length < 10_000_000; i++) big += `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} UTC step ${i} of the long incident, with some words to read\n`;
    const sent = performance.now();
    await server.open('file:///work/postmortems/ten-megabytes.md', big);
    const hover = server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 22, character: 4 } });
    const symbols = server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: small } });
    await within(Promise.all([hover, symbols]), 5_000, `the server's answer about another document while a ${(big.length / 1e6).toFixed(1)} MB document is open`);
    t.diagnostic(`answered ${formatMs(performance.now() - sent)} after a ${big.length.toLocaleString('en-US')}-character document was opened`);
    assert.equal(server.hasExited, false);
    await server.stop(10_000);
  } finally {
    await server.kill();
  }
});

// ---------------------------------------------------------------------------
// Line endings, BOM and UTF-16 positions

const SOURCES = [...fixtureFiles(FIXTURES), ...fixtureFiles(CORPUS)].map((file) => ({ file: file.slice(file.lastIndexOf('/test/') + 1), text: readFileSync(file, 'utf8') }));

/** What a client sees of the findings: rule, message and range, as one comparable string each. */
function seen(findings: readonly Finding[], shiftLineZero = 0): string[] {
  return findings.map((finding) => {
    const { start, end } = finding.range;
    const shift = (position: { line: number; character: number }): string => `${position.line}:${position.character + (position.line === 0 ? shiftLineZero : 0)}`;
    return `${shift(start)}-${shift(end)} ${finding.rule} ${finding.message}`;
  });
}

function compareEncodings(encode: (text: string) => string, shiftLineZero: number): string[] {
  const problems: string[] = [];
  for (const { file, text } of SOURCES) {
    const plain = analyze(text, { force: true });
    const encoded = encode(text);
    const other = analyze(encoded, { force: true });
    const expected = seen(plain.findings, shiftLineZero);
    const actual = seen(other.findings);
    const missing = expected.filter((line) => !actual.includes(line));
    const extra = actual.filter((line) => !expected.includes(line));
    if (missing.length > 0 || extra.length > 0) problems.push(`${file}: expected but not reported: ${JSON.stringify(missing.slice(0, 3))}; reported instead: ${JSON.stringify(extra.slice(0, 3))}`);
    if (other.analysis.model.timeline.length !== plain.analysis.model.timeline.length) problems.push(`${file}: ${other.analysis.model.timeline.length} timeline entries instead of ${plain.analysis.model.timeline.length}`);
    problems.push(...rangeViolations(encoded, other).slice(0, 3).map((problem) => `${file}: ${problem}`));
  }
  return problems;
}

test(`CRLF: every fixture and corpus document (${SOURCES.length}) gets the same findings at the same positions as with LF`, () => {
  assert.deepEqual(compareEncodings((text) => text.replace(/\n/g, '\r\n'), 0), []);
});

test('mixed line endings (LF and CRLF alternating): the same findings at the same positions', () => {
  assert.deepEqual(
    compareEncodings((text) => text.split('\n').map((line, i, lines) => (i === lines.length - 1 ? line : `${line}${i % 2 === 0 ? '\r\n' : '\n'}`)).join(''), 0),
    [],
  );
});

test('lone CR line endings (old Mac, and what LSP counts as a line break): the same findings at the same LSP positions', () => {
  // LSP: "\r\n", "\n" and "\r" all end a line, so line numbers are those of the LF text.
  assert.deepEqual(compareEncodings((text) => text.replace(/\n/g, '\r'), 0), []);
});

test('a BOM: the same findings, positions on line 0 one character later (the BOM is a character there), the same timeline', () => {
  assert.deepEqual(compareEncodings((text) => `\uFEFF${text}`, 1), []);
});

test('CRLF: the missing-duration fix inserts a CRLF line; applying it leaves every line ending CRLF', () => {
  const text = readFileSync(`${FIXTURES}seed-variants/no-duration.md`, 'utf8').replace(/\n/g, '\r\n');
  const fix = analyze(text, { force: true }).findings.find((finding) => finding.rule === 'missing-duration')?.fix;
  assert.ok(fix, 'the fixture has a missing-duration fix');
  for (const edit of fix.edits) assert.doesNotMatch(edit.newText, /(?<!\r)\n/, 'every line break the fix inserts is CRLF');
});

test('characters outside the BMP before a time and a number: ranges count UTF-16 code units, to the character', () => {
  const lines = [
    '# Postmortem: emoji 🔥',
    '',
    '## Summary',
    '',
    'A.',
    '',
    '## Impact',
    '',
    '🔥🔥 5% of users.',
    '',
    '## Timeline',
    '',
    '| 🔥 | Time | Event |',
    '| --- | --- | --- |',
    '| 🔥🔥 | 10:05 | deploy 😀 |',
    '| 😀 | 09:00 | earlier |',
    '',
  ];
  const text = lines.join('\n');
  const result = analyze(text, { force: true });
  // "🔥🔥 " is 5 UTF-16 code units (2 + 2 + 1): the metric starts at character 5, not 3.
  const metric = result.analysis.model.impact?.metrics[0];
  assert.equal(lines[8]!.indexOf('5%'), 5);
  assert.deepEqual(metric?.range, { start: { line: 8, character: 5 }, end: { line: 8, character: 7 } });
  // "| 🔥🔥 | " is 9 code units: the time starts at character 9.
  assert.equal(lines[14]!.indexOf('10:05'), 9);
  assert.deepEqual(
    result.analysis.model.timeline.map((entry) => [entry.timeText, entry.timeRange]),
    [
      ['10:05', { start: { line: 14, character: 9 }, end: { line: 14, character: 14 } }],
      ['09:00', { start: { line: 15, character: 7 }, end: { line: 15, character: 12 } }],
    ],
  );
  const outOfOrder = result.findings.find((finding) => finding.rule === 'timeline-out-of-order');
  assert.deepEqual(outOfOrder?.range, { start: { line: 15, character: 0 }, end: { line: 15, character: lines[15]!.length } });
  assert.equal(lines[15]!.length, 24, '"| 😀 | 09:00 | earlier |" is 24 code units');
  assert.deepEqual(rangeViolations(text, result), []);
});
