import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../engine/analyze.js';
import { sortTimelineEdits } from '../engine/sort-timeline.js';
import type { TextEdit } from '../rules/types.js';
import { CodeActionKinds } from '../protocol.js';
import { isDiagnosticData } from './diagnostics.js';

const wants = (params: CodeActionParams, kind: string): boolean => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));

/** Edits of fixes that do not overlap one another, in the order of the findings. */
function compatibleEdits(result: Analysis): TextEdit[] {
  const lines = result.analysis.doc.lines;
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  for (const finding of result.findings) {
    if (!finding.fix) continue;
    const spans = finding.fix.edits.map((edit) => [lines.offsetAt(edit.range.start), lines.offsetAt(edit.range.end)] as [number, number]);
    if (spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && e > ts) || (s === ts && e === te)))) continue;
    taken.push(...spans);
    edits.push(...finding.fix.edits);
  }
  return edits;
}

/**
 * Quick fixes from the fix data the diagnostics carry, and the source actions:
 * fix all, sort the timeline. A diagnostic computed for another version of
 * the document gets nothing: a stale edit could land on the wrong text.
 */
export function codeActions(document: TextDocument, params: CodeActionParams, result: Analysis): CodeAction[] {
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]): CodeAction['edit'] => ({ changes: { [document.uri]: edits } });
  const ours = params.context.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.source === 'postmortem' && isDiagnosticData(diagnostic.data));
  const sort = sortTimelineEdits(result.analysis);

  if (wants(params, CodeActionKind.QuickFix)) {
    for (const diagnostic of ours) {
      if (!isDiagnosticData(diagnostic.data)) continue;
      const { version, fix } = diagnostic.data;
      if (version !== document.version) continue;
      if (fix) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(fix.edits) });
      if (diagnostic.code === 'timeline-out-of-order' && sort) {
        actions.push({ title: 'Sort the timeline chronologically', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(sort) });
      }
    }
  }
  // Source actions only when asked for by kind (codeActionsOnSave, "Source Action…", the commands), never in every light bulb.
  if (params.context.only && wants(params, CodeActionKinds.fixAll)) {
    const edits = compatibleEdits(result);
    if (edits.length > 0) actions.push({ title: 'Fix all postmortem problems that have a safe fix', kind: CodeActionKinds.fixAll, edit: edit(edits) });
  }
  if (sort && params.context.only && wants(params, CodeActionKinds.sortTimeline)) {
    actions.push({ title: 'Sort the timeline chronologically', kind: CodeActionKinds.sortTimeline, edit: edit(sort) });
  }
  return actions;
}
