// The extension-host suite's entry in the web-worker extension host (VS Code for
// the Web): the same suite as ../index.ts, run by mocha's browser build. There is
// no file system here, so the result goes to the page console as one line the
// offline launcher reads ("[e2e] RESULT {json}", scripts/vscode/e2e-offline.mjs).
import 'mocha/mocha.js';

interface Result {
  passed: number;
  failed: number;
  failures: Array<{ title: string; error: string }>;
  log: string[];
}

interface BrowserMocha {
  setup(options: { ui: string; timeout: number; reporter: unknown; color: boolean }): void;
  run(done: (failures: number) => void): { on(event: 'pass', listener: (test: { fullTitle(): string }) => void): void; on(event: 'fail', listener: (test: { fullTitle(): string }, error: Error) => void): void };
}

declare const mocha: BrowserMocha;

declare const process: unknown;
declare const navigator: { userAgent?: string } | undefined;

export async function run(): Promise<void> {
  const result: Result = { passed: 0, failed: 0, failures: [], log: [] };
  // A run that landed in the Node extension host would prove nothing about the web one.
  if (typeof process !== 'undefined' || typeof navigator === 'undefined') throw new Error('the web suite is not running in the web-worker extension host');
  log(result, `[e2e] in the web-worker extension host (${navigator.userAgent ?? 'a browser'})`);
  // No reporter: the results are logged below, and the HTML reporter needs a page.
  mocha.setup({ ui: 'bdd', timeout: 60_000, reporter: function Silent() {}, color: false });
  await import('../suite/extension.test.js');
  await import('../suite/client-protocol.test.js');
  // The timeline's webview too: its script comes from dist/webview in the web copy (see prepareWebHost).
  await import('../suite/timeline.test.js');
  await import('../suite/table-completion.test.js');
  await import('./virtual-workspace.test.js');
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      result.passed++;
      log(result, `[e2e] ✓ ${test.fullTitle()}`);
    });
    runner.on('fail', (test, error) => {
      result.failed++;
      result.failures.push({ title: test.fullTitle(), error: error.stack ?? error.message });
      log(result, `[e2e] ✗ ${test.fullTitle()}: ${error.message}`);
    });
  });
  log(result, `[e2e] ${result.passed} passed, ${result.failed} failed`);
  console.log(`[e2e] RESULT ${JSON.stringify(result)}`);
  if (result.failed > 0 || result.passed === 0) throw new Error(`${result.failed} of ${result.passed + result.failed} extension-host tests failed`);
}

function log(result: Result, line: string): void {
  result.log.push(line);
  console.log(line);
}
