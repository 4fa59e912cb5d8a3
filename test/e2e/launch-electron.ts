// The online launcher: @vscode/test-electron downloads VS Code and runs the
// same extension-host suite as scripts/vscode/e2e-offline.mjs. For machines that can
// reach Microsoft's update servers (a laptop, public CI); this project's own
// machines cannot, so `npm test` uses the offline launcher instead.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'postmortem-e2e-'));
cpSync(join(root, 'test', 'fixtures'), workspace, { recursive: true });

try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'e2e', 'index.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`The extension-host tests failed: ${String(error)}`);
  process.exitCode = 1;
}
