// A worker thread that runs one engine job at a time and reports how long it
// took. The pool (deadline-pool.ts) terminates it when a job overruns its
// budget, so a hang or a catastrophic backtrack costs the suite the budget,
// not minutes. Big inputs are built here from a recipe rather than copied in.
import { parentPort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../../server/src/engine/analyze.js';
import { completions } from '../../../server/src/features/completion.js';
import { findTimestamps } from '../../../server/src/time/timestamps.js';
import { findDurations } from '../../../server/src/time/durations.js';
import { extractMetrics } from '../../../server/src/model/metrics.js';
import { LineIndex } from '../../../server/src/model/positions.js';
import { findPlaceholders } from '../../../server/src/model/placeholders.js';
import { declaredZone } from '../../../server/src/model/zone-declaration.js';
import { sectionKindOf } from '../../../server/src/model/section-kinds.js';
import { MemoOwner } from '../../../server/src/time/memo-owner.js';
import { findTicketIds } from '../../../server/src/model/tickets.js';
import { hourOf } from '../../../server/src/model/timeline-order.js';
import { rangeViolations, ruleFailures } from './invariants.js';
import { adversarialLine, LINE_END } from './adversarial.js';
import { HOSTILE_HEAD, hostileDocument, lineInContext, type LineContext } from './hostile-documents.js';

/** The engine's text functions that regular expressions drive, called on a whole adversarial line. */
export const TEXT_FUNCTIONS: Readonly<Record<string, (line: string) => unknown>> = {
  'findTimestamps (time/timestamps.ts)': (line) => findTimestamps(line, new MemoOwner()),
  'findDurations (time/durations.ts)': (line) => findDurations(line),
  'extractMetrics (model/metrics.ts)': (line) => extractMetrics(line, 0, new LineIndex(line)),
  'findPlaceholders (model/placeholders.ts)': (line) => findPlaceholders(line),
  'declaredZone (model/zone-declaration.ts)': (line) => declaredZone(line),
  'sectionKindOf (model/section-kinds.ts)': (line) => sectionKindOf(line),
  'findTicketIds (model/tickets.ts)': (line) => findTicketIds(line),
  'hourOf (model/timeline-order.ts)': (line) => hourOf(line),
};

export type Job =
  /** analyze() on a text, then the range invariants (not timed). */
  | { kind: 'analyze'; text: string; force?: boolean; path?: string | null }
  /** analyze() on a named hostile document built here. */
  | { kind: 'hostile'; name: string }
  /** analyze() on a small postmortem with the unit's adversarial line in one context (or the unit repeated to `length` characters). */
  | { kind: 'line'; unit: string; context: LineContext; length?: number }
  /** completion at the end of the unit's adversarial line, typed on a new last line of a small postmortem. */
  | { kind: 'completion'; unit: string; prefix: string }
  /** One of TEXT_FUNCTIONS on the unit's adversarial line. */
  | { kind: 'function'; name: string; unit: string }
  /** One regular expression over the unit's adversarial line: every match when global, the first otherwise. */
  | { kind: 'regex'; source: string; flags: string; unit: string };

export interface JobResult {
  /** Milliseconds the timed part took, measured here. */
  ms: number;
  /** Characters of input. */
  size: number;
  /** What came out, in a few words. */
  summary: string;
  /** Range invariant violations, for the analysis jobs. */
  violations: string[];
  /** The job threw: its message. */
  threw?: string;
}

export type WorkerMessage = { type: 'ready' } | { type: 'result'; id: number; result: JobResult };

const lines = new Map<string, string>();
function lineOf(unit: string): string {
  let line = lines.get(unit);
  if (line === undefined) {
    line = adversarialLine(unit);
    lines.set(unit, line);
  }
  return line;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function timedAnalysis(text: string, force: boolean, path: string | null): JobResult {
  const start = performance.now();
  let result: Analysis;
  try {
    result = analyze(text, { force, path });
  } catch (error) {
    return { ms: performance.now() - start, size: text.length, summary: 'threw', violations: [], threw: describeError(error) };
  }
  const ms = performance.now() - start;
  const notices = result.findings.filter((finding) => finding.rule === 'internal-error' && ruleFailures([finding]).length === 0).map((finding) => ` (notice: ${finding.message})`);
  return {
    ms,
    size: text.length,
    summary: `${result.findings.length} findings, ${result.analysis.model.sections.length} sections, ${result.analysis.model.timeline.length} timeline entries${notices.join('')}`,
    violations: [...rangeViolations(text, result), ...ruleFailures(result.findings)],
  };
}

function run(job: Job): JobResult {
  switch (job.kind) {
    case 'analyze':
      return timedAnalysis(job.text, job.force ?? true, job.path ?? null);
    case 'hostile':
      return timedAnalysis(hostileDocument(job.name), true, null);
    case 'line': {
      const line = job.length === undefined ? lineOf(job.unit) : job.unit.repeat(Math.ceil(job.length / job.unit.length)) + LINE_END;
      return timedAnalysis(lineInContext(line, job.context), true, null);
    }
    case 'function': {
      const fn = TEXT_FUNCTIONS[job.name];
      if (!fn) throw new Error(`no text function ${job.name}`);
      const line = lineOf(job.unit);
      const start = performance.now();
      try {
        const value = fn(line);
        return { ms: performance.now() - start, size: line.length, summary: Array.isArray(value) ? `${value.length} results` : JSON.stringify(value) ?? 'nothing', violations: [] };
      } catch (error) {
        return { ms: performance.now() - start, size: line.length, summary: 'threw', violations: [], threw: describeError(error) };
      }
    }
    case 'completion': {
      // The editor asks while the line is being typed: the analysis is of the document before it.
      const analysis = analyze(HOSTILE_HEAD, { force: true });
      const text = `${HOSTILE_HEAD}${job.prefix}${lineOf(job.unit)}`;
      const document = TextDocument.create('file:///postmortems/completion.md', 'markdown', 1, text);
      const position = document.positionAt(text.length);
      const start = performance.now();
      try {
        const items = completions(document, position, analysis);
        return { ms: performance.now() - start, size: text.length, summary: `${items.length} completions`, violations: [] };
      } catch (error) {
        return { ms: performance.now() - start, size: text.length, summary: 'threw', violations: [], threw: describeError(error) };
      }
    }
    case 'regex': {
      const input = lineOf(job.unit);
      const pattern = new RegExp(job.source, job.flags);
      let matches = 0;
      const start = performance.now();
      if (pattern.global || pattern.sticky) {
        for (let match = pattern.exec(input); match !== null; match = pattern.exec(input)) {
          matches++;
          if (match[0].length === 0) pattern.lastIndex++;
        }
      } else if (pattern.exec(input) !== null) matches = 1;
      return { ms: performance.now() - start, size: input.length, summary: `${matches} matches`, violations: [] };
    }
  }
}

const port = parentPort;
if (port) {
  port.on('message', (message: { id: number; job: Job }) => {
    const result = run(message.job);
    port.postMessage({ type: 'result', id: message.id, result } satisfies WorkerMessage);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}
