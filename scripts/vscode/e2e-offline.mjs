#!/usr/bin/env node
// Offline launcher for the extension-host (e2e) test suite: runs the same suite
// that @vscode/test-electron runs, but in the real VS Code 1.100.3 server +
// web workbench installed from npm (scripts/vscode/vscode-setup.mjs), shown in
// headless Chromium. Used by `npm run test:e2e`.
//
// ─── Contract between this launcher and the test module ──────────────────────
// The test module (default <repo>/out/test/e2e/index.cjs) is CommonJS and
// exports `run(): Promise<void>`; VS Code calls it inside the extension host,
// with the extension under development (default: the repo root) loaded and a
// fresh copy of test/e2e/workspace open as the only workspace folder.
//
// 1. Result file. Before run() settles, the suite writes its result as JSON to
//      process.env.E2E_RESULT_FILE
//    falling back, when that variable is unset, to
//      path.join(vscode.workspace.workspaceFolders[0].uri.fsPath, '.e2e-result.json')
//    (the extension host runs on this machine, so fsPath is a real path; the
//    variable reaches it because the extension host inherits the VS Code
//    server's environment, and the launcher starts the server with it).
//    Write it atomically: write `<file>.tmp`, then rename to `<file>`.
//    Shape:
//      { "passed": 3, "failed": 1,
//        "failures": [ { "title": "full test title", "error": "message + stack" } ],
//        "log": [ "free-form lines, printed by the launcher when something failed" ] }
// 2. Exit status. run() resolves when every test passed and rejects otherwise
//    (like with @vscode/test-electron). The workbench reports that status to
//    the page (window.codeAutomationExit), which tells the launcher the run is
//    over even if no result file was written.
// 3. Progress. console.log lines containing "[e2e]" (from the suite or the
//    extension) are forwarded by the workbench to the page console and echoed
//    here, e.g. console.log('[e2e] ✓ diagnostics appear').
// 4. Tests never sleep: they wait on VS Code events. Only this launcher polls
//    (for the result file).
//
// The launcher prints each failure, then exactly one line "N passed, N failed",
// and exits 0 only if failed == 0 and passed > 0. A run that times out (default
// 5 min, E2E_TIMEOUT_MS), crashes, or ends without a result counts as one
// failure; then the tail of the page console and server log is printed.
//
// Overrides (handy for trying the launcher on another extension):
//   E2E_EXTENSION_PATH  extension under development   (default: repo root)
//   E2E_TESTS_PATH      test module                   (default: out/test/e2e/index.cjs)
//   E2E_WORKSPACE       folder copied and opened      (default: test/fixtures)
//   E2E_TIMEOUT_MS      overall timeout               (default: 300000)
//   E2E_KEEP_TMP=1      keep the temp folder (workspace copy, VS Code logs)
//   E2E_VERBOSE=1       echo every page console message and server line
//   E2E_HOST=web        run in the web-worker extension host (VS Code for the Web):
//                       a copy of the extension whose manifest keeps only `browser`,
//                       the suite's browser build (default out/test/e2e/web-host/index.js),
//                       and the workspace copy on a memfs: file system served by
//                       test-only code (out/test/e2e/web-host/memfs) that the copy
//                       runs before the unchanged browser entry. There the
//                       suite reports its result as one console line
//                       "[e2e] RESULT {json}" (no file system to write a file to).
// SCREENSHOT_DIR is ignored here: screenshots are scripts/vscode/screenshot.mjs's job.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { ensureVSCode, repoRoot } from './vscode-setup.mjs';
import { startVSCodeServer, workbenchUrl, launchBrowser, makeTempDir } from './vscode-server.mjs';

const webHost = process.env.E2E_HOST === 'web';
const extensionPath = path.resolve(process.env.E2E_EXTENSION_PATH || repoRoot);
const testsPath = path.resolve(process.env.E2E_TESTS_PATH || path.join(repoRoot, 'out', 'test', 'e2e', ...(webHost ? ['web-host', 'index.js'] : ['index.cjs'])));
const workspaceSrc = path.resolve(process.env.E2E_WORKSPACE || path.join(repoRoot, 'test', 'fixtures'));
const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 300_000);
const verbose = !!process.env.E2E_VERBOSE;
const TAIL = 60;

function say(line) {
  process.stdout.write(`${line}\n`);
}

function checkInputs() {
  const problems = [];
  if (!fs.existsSync(path.join(extensionPath, 'package.json'))) problems.push(`no extension at ${extensionPath} (package.json missing)`);
  else {
    const entry = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'))[webHost ? 'browser' : 'main'];
    if (entry && !fs.existsSync(path.resolve(extensionPath, entry))) problems.push(`extension entry ${entry} is missing in ${extensionPath}: run \`npm run build\` first`);
  }
  if (!fs.existsSync(testsPath)) problems.push(`test module ${testsPath} is missing: run \`npm run build\` first`);
  if (!fs.statSync(workspaceSrc, { throwIfNoEntry: false })?.isDirectory()) problems.push(`test workspace ${workspaceSrc} is missing`);
  if (problems.length) {
    for (const p of problems) process.stderr.write(`[e2e] ${p}\n`);
    process.exit(1);
  }
}

// Turns a page console message into plain text. Messages forwarded from the
// extension host arrive as "%c[Extension Host] %c<text> color: blue color: "
// style strings; we cut from the "[e2e]" marker and drop the CSS arguments.
function e2eLine(text) {
  const i = text.indexOf('[e2e]');
  if (i < 0) return null;
  return text.slice(i).replace(/(\s+(color|font-weight|background)[^%]*)+$/, '').trimEnd();
}

// The web host's result, from its console line (see E2E_HOST above).
let consoleResult = null;

/**
 * The web-host copy of the extension: the manifest without `main` (so VS Code
 * runs the `browser` entry in the web-worker extension host, as vscode.dev does)
 * and the files that entry uses. The workbench takes one extensionDevelopmentPath
 * from the URL, so the test-only memfs: file system (which holds the workspace
 * copy) rides in the same copy: its entry runs the memfs extension's bundle and
 * then the unchanged dist/browser/client.js, each in its own CommonJS scope.
 */
function prepareWebHost(tmp) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  delete manifest.main;
  // The web host refuses ES modules: with no main, "type": "module" would mark the CommonJS browser entry as one.
  // (The real manifest's main ends in .cjs, which keeps its browser entry CommonJS on vscode.dev.)
  delete manifest.type;
  const copy = path.join(tmp, 'web-extension');
  fs.mkdirSync(copy, { recursive: true });
  for (const part of ['dist/browser', 'dist/webview', 'client/media', 'snippets', 'syntaxes', 'schemas', 'images']) {
    if (fs.existsSync(path.join(extensionPath, part))) fs.cpSync(path.join(extensionPath, part), path.join(copy, part), { recursive: true });
  }
  const scoped = (file) => `(function () {\nconst module = { exports: {} };\nconst exports = module.exports;\n${fs.readFileSync(file, 'utf8')}\nreturn module.exports;\n})()`;
  const entry = [
    '// Generated by scripts/vscode/e2e-offline.mjs for the web-host run: memfs, then the extension.',
    `const memfs = ${scoped(path.join(path.dirname(testsPath), 'memfs', 'extension.js'))};`,
    `const extension = ${scoped(path.join(copy, manifest.browser))};`,
    'exports.activate = (context) => { memfs.activate(context); return extension.activate(context); };',
    'exports.deactivate = () => extension.deactivate();',
    '',
  ].join('\n');
  fs.mkdirSync(path.join(copy, 'e2e'), { recursive: true });
  fs.writeFileSync(path.join(copy, 'e2e', 'extension.js'), entry);
  manifest.browser = './e2e/extension.js';
  manifest.activationEvents = [...(manifest.activationEvents ?? []), 'onFileSystem:memfs'];
  fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
  // VS Code runs the tests in the host of the extension whose folder holds them: inside the copy, they run in the web worker.
  const tests = path.join(copy, 'e2e', 'index.js');
  fs.copyFileSync(testsPath, tests);
  // E2E_WEB_FS=disk: the workspace copy on the server's disk instead (vscode-remote:).
  if (process.env.E2E_WEB_FS === 'disk') return { extension: copy, folder: path.join(tmp, 'workspace'), tests };
  fs.cpSync(workspaceSrc, path.join(copy, 'files'), { recursive: true });
  return { extension: copy, folderUri: 'memfs:/workspace', tests };
}

function readResult(files) {
  if (consoleResult) return { file: 'the page console', result: consoleResult };
  for (const f of files) {
    try {
      return { file: f, result: JSON.parse(fs.readFileSync(f, 'utf8')) };
    } catch { /* not there yet, or (with a non-atomic writer) half written */ }
  }
  return null;
}

async function main() {
  checkInputs();
  await ensureVSCode();

  const tmp = makeTempDir('pmw-e2e-');
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(workspaceSrc, workspace, { recursive: true });
  const resultFile = path.join(tmp, 'e2e-result.json');
  const resultFiles = [resultFile, path.join(workspace, '.e2e-result.json')];

  const consoleTail = [];
  const serverTail = [];
  const pushTail = (arr, line) => { arr.push(line); if (arr.length > TAIL) arr.shift(); };

  const server = await startVSCodeServer({
    dataDir: path.join(tmp, 'vscode-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    env: { E2E_RESULT_FILE: resultFile },
    onLog: (line) => {
      pushTail(serverTail, line);
      if (verbose) say(`[server] ${line}`);
    },
  });
  const { page, close: closeBrowser } = await launchBrowser();

  let finish;
  const done = new Promise((resolve) => { finish = resolve; });

  // The workbench calls window.codeAutomationExit(code) when run() settles
  // (VS Code's browser extension service; @vscode/test-web relies on it too).
  await page.exposeFunction('codeAutomationExit', (code) => finish({ kind: 'exit', code: Number(code) }));
  page.on('console', (msg) => {
    const text = msg.text();
    pushTail(consoleTail, `[${msg.type()}] ${text}`);
    const line = e2eLine(text);
    if (line?.startsWith('[e2e] RESULT ')) {
      try {
        consoleResult = JSON.parse(line.slice('[e2e] RESULT '.length));
      } catch { /* a line cut short: the exit code still ends the run */ }
    } else if (line) say(line);
    else if (verbose) say(`[page ${msg.type()}] ${text}`);
  });
  page.on('pageerror', (err) => pushTail(consoleTail, `[pageerror] ${err.message}`));
  // Failed loads (the webview iframes' too): a missing resource otherwise shows only as a page that never gets ready.
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const line = `[http ${response.status()}] ${response.url()}`;
    pushTail(consoleTail, line);
    if (verbose) say(line);
  });
  page.on('requestfailed', (request) => {
    const line = `[request failed: ${request.failure()?.errorText ?? 'unknown'}] ${request.url()}`;
    pushTail(consoleTail, line);
    if (verbose) say(line);
  });
  page.on('crash', () => finish({ kind: 'error', message: 'the browser page crashed' }));
  server.exited.then(({ code, signal }) => finish({ kind: 'error', message: `the VS Code server exited (code ${code}, signal ${signal})` }));

  // Polling the result file is the fallback if the exit call never comes. The
  // exit call is preferred: it arrives after the suite's last console lines.
  let grace = null;
  const poll = setInterval(() => {
    if (!grace && readResult(resultFiles)) grace = setTimeout(() => finish({ kind: 'file' }), 3000);
  }, 250);
  const timer = setTimeout(() => finish({ kind: 'error', message: `timed out after ${timeoutMs / 1000} s` }), timeoutMs);

  const web = webHost ? prepareWebHost(tmp) : null;
  const url = web
    ? workbenchUrl({ port: server.port, folder: web.folder, folderUri: web.folderUri, extensionDevelopmentPath: web.extension, extensionTestsPath: web.tests })
    : workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: extensionPath, extensionTestsPath: testsPath });
  say(`[e2e] VS Code ${server.url} — extension ${web ? `${web.extension} (web-worker extension host, folder ${web.folderUri ?? web.folder})` : extensionPath}`);
  if (verbose) say(`[e2e] ${url}`);
  page.goto(url).catch((e) => finish({ kind: 'error', message: `could not open the workbench: ${e.message}` }));

  const outcome = await done;
  clearInterval(poll);
  clearTimeout(timer);
  clearTimeout(grace);

  const found = readResult(resultFiles);
  let passed = 0;
  let failed = 0;
  let failures = [];
  let log = [];
  let launcherProblem = null;
  if (found) {
    ({ passed = 0, failed = 0, failures = [], log = [] } = found.result);
    if (outcome.kind === 'exit' && outcome.code !== 0 && failed === 0) {
      launcherProblem = `run() rejected (exit code ${outcome.code}) although the result file reports no failure`;
    }
  } else if (outcome.kind === 'exit') {
    launcherProblem = `the test runner finished with exit code ${outcome.code} without writing ${resultFile}` +
      ' (did run() throw before writing it, or is the test module path wrong?)';
  } else {
    launcherProblem = outcome.message;
  }
  if (launcherProblem) {
    failed += 1;
    failures = [...failures, { title: 'e2e launcher', error: launcherProblem }];
  }

  if ((failed > 0 || verbose) && log.length) {
    say('\n--- test log ---');
    for (const l of log) say(String(l));
  }
  for (const [i, f] of failures.entries()) {
    say(`\n${i + 1}) ${f.title}\n${String(f.error).replace(/^/gm, '   ')}`);
  }
  if (launcherProblem || (passed === 0 && failed === 0)) {
    say(`\n--- page console (last ${consoleTail.length} messages) ---`);
    for (const l of consoleTail) say(l);
    say(`\n--- VS Code server log (last ${serverTail.length} lines) ---`);
    for (const l of serverTail) say(l);
  }

  await closeBrowser();
  await server.stop();
  if (process.env.E2E_KEEP_TMP) say(`[e2e] kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });

  say(`\n${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`[e2e] ${err.stack || err.message}\n`);
    say('0 passed, 1 failed');
    process.exit(err.exitCode === 2 ? 2 : 1);
  },
);
