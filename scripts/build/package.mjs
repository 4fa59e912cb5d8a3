// `npm run package`: a minified production build and a .vsix with nothing but
// the bundles and the files VS Code reads (see .vscodeignore); prints its size.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const { version, name } = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')));
const out = `${name}-${version}.vsix`;

run('npx', ['tsc', '-b']);
run(process.execPath, ['scripts/build/bundle.mjs', '--production']);
// No repository is published yet, so README links stay relative.
run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
const size = statSync(out).size;
console.log(`${out}: ${(size / 1024).toFixed(0)} KiB`);
