// What must hold for every analysis of every document, checked independently
// of the engine's own line index: positions are converted with LSP's rules
// (vscode-languageserver-textdocument: "\r\n", "\r" and "\n" end a line,
// characters are UTF-16 code units), and fixes are spliced by hand here and
// compared with what the engine's applyEdits makes of them.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions } from '../../../server/src/engine/analyze.js';
import { applyEdits, fixAll } from '../../../server/src/engine/apply-edits.js';
import type { Finding, TextEdit } from '../../../server/src/rules/types.js';
import type { Position, Range } from '../../../server/src/model/schema.js';

/** The length of each line as LSP counts it (UTF-16 code units, line ending excluded). */
export function lspLineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

/** Text for a message: JSON, cut to 40 characters. */
export function short(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** Every range the analysis hands out, with a label saying where it came from. */
export function labelledRanges(result: Analysis): Array<[string, Range]> {
  const ranges: Array<[string, Range]> = [];
  const { model } = result.analysis;
  result.findings.forEach((finding, i) => {
    ranges.push([`finding ${i} (${finding.rule})`, finding.range]);
    finding.fix?.edits.forEach((edit, j) => ranges.push([`finding ${i} (${finding.rule}) fix edit ${j}`, edit.range]));
    finding.related?.forEach((related, j) => ranges.push([`finding ${i} (${finding.rule}) related ${j}`, related.range]));
  });
  model.sections.forEach((section, i) => {
    ranges.push([`section ${i} ${short(section.heading)}`, section.range], [`section ${i} ${short(section.heading)} heading`, section.headingRange]);
  });
  model.timeline.forEach((entry, i) => {
    ranges.push([`timeline entry ${i} ${short(entry.timeText)}`, entry.range], [`timeline entry ${i} ${short(entry.timeText)} time`, entry.timeRange]);
  });
  if (model.duration.range) ranges.push(['duration', model.duration.range]);
  if (model.impact) {
    ranges.push(['impact', model.impact.range]);
    model.impact.metrics.forEach((metric, i) => ranges.push([`impact metric ${i} ${short(metric.text)}`, metric.range]));
  }
  model.milestones.forEach((milestone, i) => ranges.push([`milestone ${i} (${milestone.kind})`, milestone.range]));
  model.actionItems.forEach((item, i) => ranges.push([`action item ${i}`, item.range]));
  if (result.analysis.titleRange) ranges.push(['title', result.analysis.titleRange]);
  return ranges;
}

function positionProblem(text: string, lineStarts: readonly number[], lengths: readonly number[], position: Position): string | null {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return `position ${JSON.stringify(position)} is not two non-negative integers`;
  if (line >= lengths.length) return `line ${line} is past the last line (${lengths.length} lines)`;
  if (character > lengths[line]!) return `character ${character} is past the end of line ${line} (length ${lengths[line]!})`;
  const offset = lineStarts[line]! + character;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (character > 0 && before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `${line}:${character} splits a surrogate pair`;
  return null;
}

function lspLineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges outside the document, reversed, or splitting a character: one message each. */
export function rangeViolations(text: string, result: Analysis): string[] {
  const lengths = lspLineLengths(text);
  const starts = lspLineStarts(text);
  const problems: string[] = [];
  for (const [label, range] of labelledRanges(result)) {
    const start = positionProblem(text, starts, lengths, range.start);
    const end = positionProblem(text, starts, lengths, range.end);
    if (start) problems.push(`${label}: start ${start}`);
    if (end) problems.push(`${label}: end ${end}`);
    if (!start && !end && before(range.end, range.start)) problems.push(`${label}: ends (${range.end.line}:${range.end.character}) before it starts (${range.start.line}:${range.start.character})`);
  }
  return problems;
}

/**
 * Rules that threw: runRules turns each into an "internal-error" finding
 * ("Rule X failed on this document: …"). The engine also uses that id for a
 * notice that it declined a document (too deeply nested to parse): declining
 * with a message is not a crash, so only the former count.
 */
export function ruleFailures(findings: readonly Finding[]): string[] {
  return findings.filter((finding) => finding.rule === 'internal-error' && /^Rule \S+ failed on this document/.test(finding.message)).map((finding) => `a rule threw: ${finding.message}`);
}

/** A JSON snapshot of what an analysis says, for comparing two of them. */
export function snapshot(result: Analysis): string {
  return JSON.stringify({ isPostmortem: result.isPostmortem, template: result.template.id, findings: result.findings, model: result.analysis.model });
}

/** Where an offset of the original text is after the edits: text after an edit moves by what the edit added. */
function mapOffset(offset: number, spans: ReadonlyArray<{ start: number; end: number; newText: string }>): number {
  let shift = 0;
  for (const span of spans) {
    if (offset >= span.end) shift += span.newText.length - (span.end - span.start);
    else if (offset > span.start) return span.start + shift;
  }
  return offset + shift;
}

export interface FixCheck {
  problems: string[];
  /** The text after the fix (spliced by hand), when the fix could be applied. */
  fixed: string | null;
}

/**
 * One fix, applied alone: the edits must not overlap, the engine's applyEdits
 * must give exactly the hand splice (so everything outside the edits is
 * byte-identical), the result must analyse with valid ranges, and the
 * finding (same rule, same message, at the same place) must be gone.
 */
export function checkFix(text: string, finding: Finding, options: AnalyzeOptions): FixCheck {
  const problems: string[] = [];
  const edits: readonly TextEdit[] = finding.fix?.edits ?? [];
  const document = TextDocument.create('file:///fix.md', 'markdown', 1, text);
  const spans = edits.map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  if (spans.length === 0) problems.push('the fix has no edits');
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end || (spans[i]!.start === spans[i - 1]!.start && spans[i]!.end === spans[i - 1]!.end)) problems.push(`edits ${i - 1} and ${i} overlap`);
  }
  if (problems.length > 0) return { problems, fixed: null };

  let expected = '';
  let cursor = 0;
  for (const span of spans) {
    expected += text.slice(cursor, span.start) + span.newText;
    cursor = span.end;
  }
  expected += text.slice(cursor);

  const applied = applyEdits(text, edits);
  if (applied.skipped !== 0 || applied.applied !== edits.length) problems.push(`applyEdits applied ${applied.applied} and skipped ${applied.skipped} of ${edits.length} edits`);
  if (applied.text !== expected) problems.push(`applyEdits changed text outside the fix's edits (result ${JSON.stringify(applied.text.slice(0, 200))}…, expected ${JSON.stringify(expected.slice(0, 200))}…)`);

  let after: Analysis;
  try {
    after = analyze(expected, options);
  } catch (error) {
    problems.push(`the fixed text no longer analyses: ${String(error)}`);
    return { problems, fixed: expected };
  }
  problems.push(...rangeViolations(expected, after).map((problem) => `after the fix: ${problem}`));
  const start = mapOffset(document.offsetAt(finding.range.start), spans);
  const afterDocument = TextDocument.create('file:///fixed.md', 'markdown', 2, expected);
  const again = after.findings.find((other) => other.rule === finding.rule && other.message === finding.message && afterDocument.offsetAt(other.range.start) === start);
  if (again) problems.push(`the finding is still reported after its own fix ("${finding.fix?.title ?? ''}"): ${again.rule} at ${again.range.start.line}:${again.range.start.character}`);
  return { problems, fixed: expected };
}

/** fixAll twice: the second run must find nothing to fix and change nothing. */
export function fixAllProblems(text: string, options: AnalyzeOptions): string[] {
  const lint = (source: string): Finding[] => analyze(source, options).findings;
  const once = fixAll(text, lint);
  const twice = fixAll(once.text, lint);
  const problems: string[] = [];
  if (twice.text !== once.text) problems.push(`fixAll is not idempotent: a second run changed ${JSON.stringify(once.text.slice(0, 120))}… into ${JSON.stringify(twice.text.slice(0, 120))}…`);
  if (twice.fixed !== 0) problems.push(`fixAll is not idempotent: a second run applied ${twice.fixed} more fixes`);
  return problems;
}

/** Everything the properties demand of one document, as messages (empty: all good). */
export function documentProblems(text: string, options: AnalyzeOptions): { problems: string[]; fixes: number; findings: number } {
  let first: Analysis;
  let second: Analysis;
  try {
    first = analyze(text, options);
    second = analyze(text, options);
  } catch (error) {
    return { problems: [`analyze threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], fixes: 0, findings: 0 };
  }
  const problems = rangeViolations(text, first);
  if (snapshot(first) !== snapshot(second)) problems.push('two analyses of the same text differ');
  problems.push(...ruleFailures(first.findings));
  let fixes = 0;
  for (const finding of first.findings) {
    if (!finding.fix) continue;
    fixes++;
    problems.push(...checkFix(text, finding, options).problems.map((problem) => `fix of ${finding.rule} ("${finding.message.slice(0, 80)}"): ${problem}`));
  }
  try {
    problems.push(...fixAllProblems(text, options));
  } catch (error) {
    problems.push(`fixAll threw: ${String(error)}`);
  }
  return { problems, fixes, findings: first.findings.length };
}
