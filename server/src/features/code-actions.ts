import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDiagnosticData } from './diagnostics.js';

/**
 * Quick fixes from the fix data the diagnostics carry. A diagnostic computed
 * for another version of the document gets nothing: a stale edit could land on
 * the wrong text.
 */
export function codeActions(document: TextDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'postmortem' || !isDiagnosticData(diagnostic.data)) continue;
    const { version, fix } = diagnostic.data;
    if (!fix || version !== document.version) continue;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: fix.edits } },
    });
  }
  return actions;
}
