// The packaged extension, for real: builds the .vsix (npm run package),
// installs it with VS Code's own `--install-extension` into a fresh extensions
// folder, and runs the extension-host suite against the installed copy, so
// what users install is what the tests pass on. Prints the launcher's
// "N passed, N failed" line.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureVSCode, repoRoot, serverMain } from './vscode-setup.mjs';
import { makeTempDir } from './vscode-server.mjs';

const { name, version, publisher } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${name}-${version}.vsix`);

execFileSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
await ensureVSCode();
const extensionsDir = makeTempDir('pmw-vsix-');
const install = spawnSync(process.execPath, [serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'], { encoding: 'utf8' });
process.stdout.write(install.stdout);
const installed = path.join(extensionsDir, `${publisher}.${name}-${version}`);
if (install.status !== 0 || !fs.existsSync(path.join(installed, 'dist', 'server.cjs'))) {
  console.error(`Installing ${path.basename(vsix)} failed (exit ${install.status}):\n${install.stderr}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
console.log(`installed ${path.basename(vsix)} into ${installed}`);
// The installed copy must stand alone: no node_modules, nothing from the repository.
if (fs.existsSync(path.join(installed, 'node_modules'))) {
  console.error('The .vsix ships node_modules; it should ship bundles only.');
  process.exit(1);
}
const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'vscode', 'e2e-offline.mjs')], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, E2E_EXTENSION_PATH: installed } });
fs.rmSync(extensionsDir, { recursive: true, force: true });
process.exit(run.status ?? 1);
