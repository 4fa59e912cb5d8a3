import type * as vscode from 'vscode';

/** A diagnostic's rule id: VS Code turns `code` into `{ value, target }` when the server links the rule's page. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
