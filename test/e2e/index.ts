// The extension-host test entry: both launchers (the offline one and
// @vscode/test-electron) load this bundle and call run(). The result also
// goes to $E2E_RESULT_FILE or <workspace>/.e2e-result.json, because the
// offline launcher runs the workbench in a browser page and cannot see
// run()'s promise (contract: scripts/vscode/e2e-offline.mjs).
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Result {
  passed: number;
  failed: number;
  failures: Array<{ title: string; error: string }>;
  log: string[];
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  const result: Result = { passed: 0, failed: 0, failures: [], log: [] };
  // Defines describe/it on the global object before the suites' modules run.
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  await import('./suite/extension.test.js');
  await import('./suite/client-protocol.test.js');
  await import('./suite/timeline.test.js');
  await import('./suite/table-completion.test.js');

  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      result.passed++;
      log(result, `[e2e] ✓ ${test.fullTitle()}`);
    });
    runner.on('fail', (test, error: Error) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: error.stack ?? error.message });
      log(result, `[e2e] ✗ ${test.fullTitle()}: ${error.message}`);
    });
  });

  const folder = vscode.workspace.workspaceFolders?.[0];
  const resultFile = process.env['E2E_RESULT_FILE'] ?? (folder ? join(folder.uri.fsPath, '.e2e-result.json') : undefined);
  if (resultFile) {
    // Written whole, then renamed, so the launcher never reads half a file.
    writeFileSync(`${resultFile}.tmp`, JSON.stringify(result, null, 2));
    renameSync(`${resultFile}.tmp`, resultFile);
  }
  log(result, `[e2e] ${result.passed} passed, ${result.failed} failed`);
  if (result.failed > 0 || result.passed === 0) throw new Error(`${result.failed} of ${result.passed + result.failed} extension-host tests failed`);
}

function log(result: Result, line: string): void {
  result.log.push(line);
  console.log(line);
}
