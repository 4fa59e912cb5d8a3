import * as vscode from 'vscode';
import { ruleOf } from '../../../client/src/diagnostic-code.js';

/**
 * Resolves when `read()` returns a value that `accept` takes: checked at once
 * and again on every event, never on a timer. Mocha's timeout bounds the wait.
 */
export function waitFor<T, E>(event: vscode.Event<E>, read: () => T, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const now = read();
    if (accept(now)) {
      resolve(now);
      return;
    }
    const subscription = event(() => {
      const value = read();
      if (accept(value)) {
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

export function diagnosticSummary(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'postmortem')
    .map((diagnostic) => `${diagnostic.range.start.line}:${ruleOf(diagnostic) ?? ''}`)
    .sort();
}

export function waitForDiagnostics(uri: vscode.Uri, accept: (summary: string[]) => boolean): Promise<string[]> {
  return waitFor(vscode.languages.onDidChangeDiagnostics, () => diagnosticSummary(uri), accept);
}
