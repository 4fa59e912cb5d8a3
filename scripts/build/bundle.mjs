// One bundler for everything that ships or runs in VS Code: the client, the
// server and the CLI (self-contained CommonJS, so start-up reads one file),
// and the extension-host test suite.
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

// zod re-exports all of its ~40 message locales (about 280 KB minified) as a
// namespace; only English is ever used, so the namespace gets English alone.
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', resolveDir: fileURLToPath(new URL('../../node_modules/zod/v4/locales/', import.meta.url)) }));
  },
};

const common = {
  plugins: [englishOnlyZod],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer ES module builds: jsonc-parser's UMD main cannot be bundled.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  define: { PACKAGE_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};

/**
 * An executable bundle that knows its own file (import.meta.url in ESM): the
 * server starts its analysis worker from it, the CLI launcher finds its engine.
 */
const executable = (entry, outfile) => ({
  ...common,
  entryPoints: [entry],
  outfile,
  banner: { js: '#!/usr/bin/env node' },
  define: { ...common.define, 'import.meta.url': 'importMetaUrl' },
  inject: [fileURLToPath(new URL('import-meta-url.mjs', import.meta.url))],
});

const builds = [
  executable('server/src/server.ts', 'dist/server.cjs'),
  // postmortem-lint: a small launcher that loads the linter with V8's code cache (cli-launcher.ts).
  executable('server/src/cli-launcher.ts', 'dist/cli.cjs'),
  { ...common, entryPoints: ['server/src/cli-main.ts'], outfile: 'dist/cli-engine.cjs' },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] },
  // The Incident Timeline webview's script: a browser page under a strict CSP, loaded by the panel as a file.
  { bundle: true, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/timeline/webview/main.ts'], outfile: 'dist/webview/timeline.js', sourcemap: production ? false : 'linked', minify: production, logLevel: 'warning' },
];
// The extension-host suite: out/, never shipped, built in every mode so the packaged extension is tested too.
builds.push({ ...common, minify: false, sourcemap: 'linked', entryPoints: ['test/e2e/index.ts'], outfile: 'out/test/e2e/index.cjs', external: ['vscode', 'mocha'] });

if (watch) {
  for (const options of builds) await (await context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => build(options)));
}
