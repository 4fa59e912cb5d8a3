// Property tests: over generated postmortem-like Markdown and over mutations
// of every fixture and corpus document, analysis never throws, every range
// lies inside the document, two analyses agree, each fix changes only the
// text inside its edits and makes its own finding go away, and fix-all is
// idempotent. RELIABILITY_SEED=<n> explores other documents; RELIABILITY_RUNS
// scales the number of runs (default 1).
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CORPUS, FIXTURES, fixtureFiles } from '../support/fixtures.js';
import { DEFAULT_SETTINGS } from '../../server/src/config/settings.js';
import type { AnalyzeOptions } from '../../server/src/engine/analyze.js';
import { mutate, mutation, postmortemMarkdown } from './support/markdown-arbitrary.js';
import { documentProblems } from './support/invariants.js';

const SEED = Number(process.env['RELIABILITY_SEED'] ?? 20_240_410);
const SCALE = Number(process.env['RELIABILITY_RUNS'] ?? 1);
const GENERATED_RUNS = Math.round(300 * SCALE);
const MUTATION_RUNS = Math.round(60 * SCALE);
/** Shrinking a failure stops after this long and reports the smallest case found so far. */
const TIME_LIMIT_MS = 20_000;

const TEMPLATES = ['auto', 'auto', 'seed', 'google-sre', 'pagerduty', 'atlassian'] as const;

interface Options {
  template: (typeof TEMPLATES)[number];
  force: boolean;
  path: string | null;
}

/** The engine's options: the template, whether detection is bypassed (the CLI's named files), the path (for the include globs). */
const engineOptions: fc.Arbitrary<Options> = fc.record({ template: fc.constantFrom(...TEMPLATES), force: fc.constantFrom(true, true, true, false), path: fc.constantFrom(null, '/work/postmortems/incident.md', '/work/README.md') });

function toAnalyzeOptions({ template, force, path }: Options): AnalyzeOptions {
  return { path, force, settings: { ...DEFAULT_SETTINGS, template } };
}

function describeOptions({ template, force, path }: Options): string {
  return `template ${template}, force ${String(force)}, path ${path ?? 'none'}`;
}

const SOURCES = new Map([...fixtureFiles(FIXTURES), ...fixtureFiles(CORPUS)].map((file) => [file.slice(file.lastIndexOf('/test/') + 1), readFileSync(file, 'utf8')]));

test(`generated postmortem Markdown (${GENERATED_RUNS} documents): never throws, ranges inside, deterministic, fixes local and effective, fix-all idempotent`, (t) => {
  let cases = 0;
  let fixes = 0;
  let bytes = 0;
  let findings = 0;
  t.after(() => t.diagnostic(`${cases} generated documents checked (seed ${SEED}), ${bytes.toLocaleString('en-US')} characters, ${findings} findings, ${fixes} single fixes applied and re-analysed`));
  fc.assert(
    fc.property(postmortemMarkdown, engineOptions, ({ text }, options) => {
      cases++;
      bytes += text.length;
      const result = documentProblems(text, toAnalyzeOptions(options));
      fixes += result.fixes;
      findings += result.findings;
      if (result.problems.length > 0) throw new Error(`${describeOptions(options)}:\n${result.problems.join('\n')}`);
    }),
    { seed: SEED, numRuns: GENERATED_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
  );
});

test(`mutated fixtures and corpus (${MUTATION_RUNS} documents, ${SOURCES.size} sources): the same properties mid-edit`, (t) => {
  let cases = 0;
  let fixes = 0;
  let findings = 0;
  t.after(() => t.diagnostic(`${cases} mutated documents checked (seed ${SEED}), ${findings} findings, ${fixes} single fixes applied and re-analysed`));
  fc.assert(
    fc.property(fc.constantFrom(...SOURCES.keys()), fc.array(mutation, { minLength: 1, maxLength: 6 }), engineOptions, (file, mutations, options) => {
      cases++;
      const text = mutate(SOURCES.get(file)!, mutations);
      const result = documentProblems(text, toAnalyzeOptions(options));
      fixes += result.fixes;
      findings += result.findings;
      if (result.problems.length > 0) throw new Error(`${file} after ${JSON.stringify(mutations)} (${describeOptions(options)}):\n${result.problems.join('\n')}`);
    }),
    { seed: SEED, numRuns: MUTATION_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false },
  );
});

test(`every fixture and corpus document unmutated (${SOURCES.size} documents), with its closest template`, () => {
  const problems: string[] = [];
  for (const [file, text] of SOURCES) {
    const options: AnalyzeOptions = { force: true, settings: DEFAULT_SETTINGS };
    problems.push(...documentProblems(text, options).problems.map((problem) => `${file}: ${problem}`));
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
});
