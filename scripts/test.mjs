// `npm test`: everything, in the order that fails fastest. Builds, checks
// that generated files are current, lints, runs the unit, protocol and
// reliability tests (node:test) against the built server,
// then the extension-host suite in a real VS Code (offline launcher), in the
// Node extension host and in the web-worker one, and
// closes with one "N passed, N failed" line over all of them.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, hasCommand } from './system-packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const totals = { passed: 0, failed: 0 };

/** Runs a command with inherited output, or captures it when a parser is given. */
function run(command, args, { parse, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: parse ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...env } });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      if (parse) parse(output);
      resolve(code ?? 1);
    });
  });
}

function step(name) {
  console.log(`\n=== ${name}`);
}

function count(label, output, passPattern, failPattern) {
  const passed = Number(passPattern.exec(output)?.[1] ?? 0);
  const failed = Number(failPattern.exec(output)?.[1] ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  console.log(`${label}: ${passed} passed, ${failed} failed`);
}

const failures = [];

step('build (tsc -b, esbuild)');
if ((await run('npm', ['run', '--silent', 'build'])) !== 0) {
  console.error('The build failed; nothing was tested.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

step('generated files are current (npm run generate:check)');
if ((await run(process.execPath, ['scripts/generate/all.mjs', '--check'])) !== 0) failures.push('generated files (run npm run generate)');

step('lint (eslint)');
if ((await run('npx', ['eslint', '.'])) !== 0) failures.push('lint');

step('unit, protocol and reliability tests (node:test)');
// test/protocol/neovim.test.ts runs Debian's Neovim against the server. Installed
// here when root on Debian; otherwise the message says how, and those tests fail.
ensureDebianPackages([{ pkg: 'neovim', probe: () => hasCommand('nvim') }], { why: 'for the Neovim test', required: false, rerun: 'npm test' });
const unitCode = await run(process.execPath, ['--test', '--test-reporter=spec', 'out/test/unit/', 'out/test/protocol/', 'out/test/reliability/'], {
  parse: (output) => count('node:test', output, /ℹ pass (\d+)/, /ℹ fail (\d+)/),
});
if (unitCode !== 0) failures.push('unit, protocol and reliability tests');

step('extension-host tests in a real VS Code (offline launcher)');
const e2eCode = await run(process.execPath, ['scripts/vscode/e2e-offline.mjs'], {
  parse: (output) => count('VS Code', output, /^(\d+) passed, \d+ failed$/m, /^\d+ passed, (\d+) failed$/m),
});
if (e2eCode !== 0) failures.push('extension-host tests');

step('the same suite in the web-worker extension host (VS Code for the Web), on a memfs: folder');
const webCode = await run(process.execPath, ['scripts/vscode/e2e-offline.mjs'], {
  env: { E2E_HOST: 'web' },
  parse: (output) => count('VS Code for the Web', output, /^(\d+) passed, \d+ failed$/m, /^\d+ passed, (\d+) failed$/m),
});
if (webCode !== 0) failures.push('extension-host tests in the web-worker host');

step('the packaged .vsix, installed with --install-extension, under the same suite');
const vsixCode = await run(process.execPath, ['scripts/vscode/vsix-e2e.mjs'], {
  parse: (output) => count('VS Code (.vsix)', output, /^(\d+) passed, \d+ failed$/m, /^\d+ passed, (\d+) failed$/m),
});
if (vsixCode !== 0) failures.push('packaged extension');

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}.`);
const failed = totals.failed + (failures.length > 0 && totals.failed === 0 ? failures.length : 0);
console.log(`${totals.passed} passed, ${failed} failed`);
process.exit(failures.length > 0 ? 1 : 0);
