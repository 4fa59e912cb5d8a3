// Every regular expression in server/src, and the engine functions they
// drive, against long adversarial lines (≥ 50,000 repetitions and ≥ 100,000
// characters of digits, colons, spaces, "a ", "1 2 ", "from 10:00 to ",
// "some "…, then a character no pattern expects) under a time budget: 2 s each,
// generous for work that takes milliseconds when linear. Each run happens in a
// worker thread that is terminated at the budget, so a catastrophic backtrack
// costs 2 s of the suite, not minutes.
//
// This file must not import server code statically: the patterns built with
// `new RegExp` are caught as the engine builds them (regex-inventory.ts).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CORPUS, FIXTURES, fixtureFiles } from '../support/fixtures.js';
import { ADVERSARIAL_UNITS, describeUnit } from './support/adversarial.js';
import { analysisBudgetMs, calibrate, DeadlinePool, describeOutcome, formatMs, type Outcome } from './support/deadline-pool.js';
import { LINE_CONTEXTS } from './support/hostile-documents.js';
import { captureConstructed, scanSources, type InventoriedRegex } from './support/regex-inventory.js';

/** The budget for one regular expression, or one engine function, over one adversarial line. */
const REGEX_BUDGET_MS = 2_000;

// The `new RegExp` patterns, caught while the engine analyses every fixture and corpus document.
const constructed = await captureConstructed(async () => {
  const { analyze } = await import('../../server/src/engine/analyze.js');
  for (const file of [...fixtureFiles(FIXTURES), ...fixtureFiles(CORPUS)]) analyze(readFileSync(file, 'utf8'), { force: true });
});
const { literals, constructorSites } = scanSources();
const regexes: InventoriedRegex[] = [...literals, ...constructed];
// The engine functions exist only in the worker's copy of the engine; their names are listed there.
const { TEXT_FUNCTIONS } = await import('./support/engine-worker.js');

const pool = new DeadlinePool(2);
after(() => pool.close());
/** analyze() budgets: 2 s plus four times what a benign document of the same size takes here and now. */
const msPerCharacter = await calibrate(pool);
const budgetFor = (characters: number): number => analysisBudgetMs(msPerCharacter, characters);

/** A template file's own section patterns are the user's regular expressions, not the engine's. */
const USER_PATTERN_SITES = new Set(['templates/template-file.ts']);

test(`the inventory: ${literals.length} regex literals and ${constructed.length} built with new RegExp, from every new RegExp site in server/src`, (t) => {
  const seenSites = new Set(constructed.map((regex) => regex.site));
  const unseen = constructorSites.filter((site) => !seenSites.has(site) && !USER_PATTERN_SITES.has(site.split(':')[0]!));
  assert.deepEqual(unseen, [], 'every new RegExp site was reached while analysing the fixtures and corpus (or is listed as a user pattern)');
  assert.ok(literals.length >= 150, `the parser found the regex literals (${literals.length})`);
  t.diagnostic(`${regexes.length} regular expressions × ${ADVERSARIAL_UNITS.length} adversarial lines = ${regexes.length * ADVERSARIAL_UNITS.length} runs; user-pattern site left out: ${[...USER_PATTERN_SITES].join(', ')}`);
});

// Queue every run now so that both workers stay busy; the tests below collect the results file by file.
const runs = regexes.flatMap((regex) => ADVERSARIAL_UNITS.map((unit) => ({ regex, unit, outcome: pool.run({ kind: 'regex', source: regex.source, flags: regex.flags, unit }, REGEX_BUDGET_MS) })));
const byFile = new Map<string, typeof runs>();
for (const run of runs) {
  const file = run.regex.site.split(':')[0]!;
  byFile.set(file, [...(byFile.get(file) ?? []), run]);
}

function failed(outcome: Outcome): boolean {
  return outcome.status !== 'ok' || outcome.result.threw !== undefined || outcome.result.ms > REGEX_BUDGET_MS;
}

for (const [file, fileRuns] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
  const count = new Set(fileRuns.map((run) => `${run.regex.site} ${run.regex.source}`)).size;
  test(`regex: the ${count} pattern${count === 1 ? '' : 's'} of ${file}, each under ${formatMs(REGEX_BUDGET_MS)} on every adversarial line`, async (t) => {
    const slow: string[] = [];
    let slowest = 0;
    for (const run of fileRuns) {
      const outcome = await run.outcome;
      if (outcome.status === 'ok') slowest = Math.max(slowest, outcome.result.ms);
      if (failed(outcome)) slow.push(`${run.regex.site} /${run.regex.source.length > 120 ? `${run.regex.source.slice(0, 120)}…` : run.regex.source}/${run.regex.flags} (${run.regex.origin}) on ${describeUnit(run.unit)}: ${describeOutcome(outcome)}`);
    }
    t.diagnostic(`slowest passing run: ${formatMs(slowest)}`);
    assert.deepEqual(slow, []);
  });
}

// The engine's text functions: they run several patterns over the same text and combine the matches (findTimestamps, for one, compares every match with every other).
const functionRuns = Object.keys(TEXT_FUNCTIONS).map((name) => ({ name, runs: ADVERSARIAL_UNITS.map((unit) => ({ unit, outcome: pool.run({ kind: 'function', name, unit }, REGEX_BUDGET_MS) })) }));
for (const { name, runs: unitRuns } of functionRuns) {
  test(`function: ${name} on every adversarial line, each under ${formatMs(REGEX_BUDGET_MS)}`, async () => {
    const slow: string[] = [];
    for (const run of unitRuns) {
      const outcome = await run.outcome;
      if (failed(outcome)) slow.push(`${name} on ${describeUnit(run.unit)}: ${describeOutcome(outcome)}`);
    }
    assert.deepEqual(slow, []);
  });
}

// The whole engine, with the line where a person would type it: after a timeline time. Lines of 100,000
// characters (the engine functions above get the full ≥ 50,000 repetitions, and read the impact statement).
const FULL_LENGTH = 100_000;
const FULL_SIZE_CONTEXTS = ['timeline-entry'] as const;
const analysisRuns = FULL_SIZE_CONTEXTS.map((context) => ({
  context,
  runs: ADVERSARIAL_UNITS.map((unit) => ({ unit, outcome: pool.run({ kind: 'line', unit, context, length: FULL_LENGTH }, budgetFor(FULL_LENGTH + 1000)) })),
}));
for (const { context, runs: unitRuns } of analysisRuns) {
  test(`analyze(): each adversarial line (${FULL_LENGTH.toLocaleString('en-US')} characters) as the text of a timeline ${context === 'timeline-entry' ? 'entry' : context}, within ${formatMs(budgetFor(FULL_LENGTH + 1000))}, no throw, ranges inside`, async () => {
    const problems: string[] = [];
    for (const run of unitRuns) {
      const outcome = await run.outcome;
      if (outcome.status !== 'ok' || outcome.result.threw !== undefined || outcome.result.violations.length > 0) {
        problems.push(`${JSON.stringify(run.unit)} repeated to ${FULL_LENGTH.toLocaleString('en-US')} characters: ${describeOutcome(outcome)}${outcome.status === 'ok' ? ` ${outcome.result.violations.slice(0, 2).join('; ')}` : ''}`);
      }
    }
    assert.deepEqual(problems, []);
  });
}

// The other places, with shorter lines (3,000 characters): what a long line does to each reader, not how long it takes.
const SWEEP_LENGTH = 3_000;
const SWEEP_CONTEXTS = LINE_CONTEXTS.filter((context) => context !== 'timeline-entry' && context !== 'summary');
const sweepRuns = SWEEP_CONTEXTS.flatMap((context) => ADVERSARIAL_UNITS.map((unit) => ({ context, unit, outcome: pool.run({ kind: 'line', unit, context, length: SWEEP_LENGTH }, budgetFor(SWEEP_LENGTH + 1000)) })));
test(`analyze(): every adversarial line cut to ${SWEEP_LENGTH.toLocaleString('en-US')} characters, in each of ${SWEEP_CONTEXTS.length} more places (${SWEEP_CONTEXTS.join(', ')}; ${sweepRuns.length} documents): no throw, ranges inside, within budget`, async () => {
  const problems: string[] = [];
  for (const run of sweepRuns) {
    const outcome = await run.outcome;
    if (outcome.status !== 'ok' || outcome.result.threw !== undefined || outcome.result.violations.length > 0) {
      problems.push(`${JSON.stringify(run.unit)} in ${run.context}: ${describeOutcome(outcome)}${outcome.status === 'ok' ? ` ${outcome.result.violations.slice(0, 2).join('; ')}` : ''}`);
    }
  }
  assert.deepEqual(problems, []);
});

// Completion reads the line being typed with patterns of its own.
const COMPLETION_PREFIXES = ['', '## ', 'Severity: ', 'All times in '];
const completionRuns = COMPLETION_PREFIXES.flatMap((prefix) => ADVERSARIAL_UNITS.map((unit) => ({ prefix, unit, outcome: pool.run({ kind: 'completion', unit, prefix }, REGEX_BUDGET_MS) })));
test(`completion at the end of a line being typed: each adversarial line after ${COMPLETION_PREFIXES.length} prefixes, under ${formatMs(REGEX_BUDGET_MS)}`, async () => {
  const slow: string[] = [];
  for (const run of completionRuns) {
    const outcome = await run.outcome;
    if (failed(outcome)) slow.push(`completion after ${JSON.stringify(run.prefix)} + ${describeUnit(run.unit)}: ${describeOutcome(outcome)}`);
  }
  assert.deepEqual(slow, []);
});
