// Starts the real VS Code server installed by vscode-setup.mjs, builds workbench
// URLs for it, and launches the headless Chromium that shows the workbench.
//
//   const server = await startVSCodeServer({ dataDir, extensionsDir });
//   const url = workbenchUrl({ port: server.port, folder, extensionDevelopmentPath });
//   const { page, close } = await launchBrowser();
//   await page.goto(url); await waitForWorkbench(page); ... await close(); await server.stop();
//
// Facts this relies on (checked against VS Code 1.100.3 / code-server 4.100.3):
// - The web workbench reads user settings from <user-data-dir>/User/settings.json
//   on the server (code-server stores them remotely, not in IndexedDB).
// - The server prints "Web UI available at http://localhost:PORT" once listening;
//   it binds 127.0.0.1 only, so URLs use 127.0.0.1 (localhost may resolve to ::1).
// - Environment variables cannot travel in the URL, but the remote extension host
//   is forked by the server and inherits the server's environment: pass `env` to
//   startVSCodeServer() to reach extension and test code.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { serverMain } from './vscode-setup.mjs';

// Settings that keep the workbench quiet and deterministic: no trust prompt, no
// welcome page, no network calls for updates/recommendations/telemetry.
export const DEFAULT_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'chat.commandCenter.enabled': false,
  // Built-in git would scan the workspace and log noise; nothing here uses it.
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'npm.autoDetect': 'off',
  // Tests edit documents; they must not be written to disk behind their back.
  'files.autoSave': 'off',
};

const READY_RE = /Web UI available at https?:\/\/[^:\s]+:(\d+)/;
// The server logs this and keeps running without listening: fail fast instead.
const IN_USE_RE = /EADDRINUSE/;
const LOG_TAIL_LINES = 200;

// Servers run in their own process group (see spawn below), so a Ctrl-C in the
// terminal does not reach them. Kill every live group when we are told to stop;
// if the script has no signal handler of its own, exit as the signal would.
const liveGroups = new Set();
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, function onSignal() {
    for (const pid of liveGroups) { try { process.kill(-pid, 'SIGTERM'); } catch { /* gone */ } }
    if (process.listenerCount(signal) === 1) process.exit(code);
  });
}

/** Resolves true when nothing listens on 127.0.0.1:port. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A fresh temp directory (removed by the caller, or left in /tmp). */
export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Merges our defaults into settings.json without overriding what a user set in a
// persistent profile. Settings files may contain comments (JSONC): if it does
// not parse as JSON we leave it untouched rather than destroy it.
function writeUserSettings(userDataDir, settings) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let current = {};
  if (fs.existsSync(file)) {
    try {
      current = JSON.parse(fs.readFileSync(file, 'utf8') || '{}');
    } catch {
      process.stderr.write(`[vscode-server] ${file} is not plain JSON; leaving it as is\n`);
      return file;
    }
  }
  fs.writeFileSync(file, JSON.stringify({ ...settings, ...current }, null, 2) + '\n');
  return file;
}

/**
 * Starts the VS Code server.
 * @param {object} o
 * @param {string} o.dataDir        root for server state: <dataDir>/server and <dataDir>/user-data
 * @param {string} o.extensionsDir  installed (non-development) extensions
 * @param {number} [o.port]         0 or omitted: a free port chosen by the OS
 * @param {object} [o.settings]     extra user settings (win over DEFAULT_SETTINGS)
 * @param {object} [o.env]          extra environment for the server and its extension hosts
 * @param {(line: string) => void} [o.onLog] every server output line (default: kept in logTail only)
 * @param {number} [o.timeoutMs]    how long to wait for the ready line
 * @returns {Promise<{url: string, port: number, userDataDir: string, serverDataDir: string, logTail: () => string[], exited: Promise<{code: number|null, signal: string|null}>, stop: () => Promise<void>}>}
 */
export async function startVSCodeServer({ dataDir, extensionsDir, port = 0, settings = {}, env = {}, onLog, timeoutMs = 60_000 }) {
  if (!fs.existsSync(serverMain)) {
    throw new Error(`VS Code is not installed (${serverMain} missing): run node scripts/vscode/vscode-setup.mjs`);
  }
  const serverDataDir = path.join(dataDir, 'server');
  const userDataDir = path.join(dataDir, 'user-data');
  for (const d of [serverDataDir, userDataDir, extensionsDir]) fs.mkdirSync(d, { recursive: true });
  writeUserSettings(userDataDir, { ...DEFAULT_SETTINGS, ...settings });

  const args = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--telemetry-level', 'off',
    '--server-data-dir', serverDataDir,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  // Our own process group (detached), so stop() also ends the extension hosts
  // and language servers the server forks, and nothing else.
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    // EXTENSIONS_GALLERY={} (read by code-server's product config) turns the
    // marketplace off: no requests to open-vsx.org, which is unreachable here
    // and would only add errors to the logs.
    env: { EXTENSIONS_GALLERY: '{}', ...process.env, ...env },
  });

  const tail = [];
  const record = (line) => {
    tail.push(line);
    if (tail.length > LOG_TAIL_LINES) tail.shift();
    onLog?.(line);
  };

  let exited = false;
  liveGroups.add(child.pid);
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = true;
    liveGroups.delete(child.pid);
    resolve({ code, signal });
  }));
  // If our own process dies first, don't leave the server behind.
  const killOnExit = () => { if (!exited) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', killOnExit);

  const readyPort = await new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => finish(new Error(`VS Code server did not become ready in ${timeoutMs} ms`)), timeoutMs);
    function finish(err, value) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        err.message += `\n--- server output ---\n${tail.join('\n')}`;
        killOnExit();
        reject(err);
      } else resolve(value);
    }
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buf += chunk;
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).replace(/\r$/, '');
          buf = buf.slice(nl + 1);
          record(line);
          const m = READY_RE.exec(line);
          if (m) finish(null, Number(m[1]));
          if (IN_USE_RE.test(line)) finish(Object.assign(new Error(`port ${port} is already in use`), { code: 'EADDRINUSE' }));
        }
      });
    }
    child.once('error', (e) => finish(e));
    exitPromise.then(({ code, signal }) => finish(new Error(`VS Code server exited (code ${code}, signal ${signal}) before it was ready`)));
  });

  return {
    url: `http://127.0.0.1:${readyPort}/`,
    port: readyPort,
    userDataDir,
    serverDataDir,
    logTail: () => [...tail],
    /** Settles when the server process ends (by itself or through stop()). */
    exited: exitPromise,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exitPromise;
      clearTimeout(timer);
      // Extension hosts may outlive server-main briefly; make sure the group is gone.
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
}

/** A vscode-remote:// URI for an absolute path on the server's machine. */
export function remoteUri(port, absPath, host = '127.0.0.1') {
  const p = path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${host}:${port}${p}`;
}

/**
 * The workbench URL for a folder, optionally with an extension under development,
 * a test module (extensionTestsPath) and a file to open. `folderUri` opens a
 * folder on a file system an extension provides instead of a path on the server.
 * The web workbench takes these from `payload`, a JSON array of [key, value]
 * pairs whose values are vscode-remote:// URIs (VS Code's browser workbench.js).
 * Note: there is no payload key for environment variables; pass them to
 * startVSCodeServer({ env }) instead (the extension host inherits them).
 */
export function workbenchUrl({ port, folder, folderUri, extensionDevelopmentPath, extensionTestsPath, openFile, host = '127.0.0.1' }) {
  const payload = [];
  for (const p of [extensionDevelopmentPath].flat().filter(Boolean)) payload.push(['extensionDevelopmentPath', remoteUri(port, p, host)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath, host)]);
  if (openFile) payload.push(['openFile', remoteUri(port, openFile, host)]);
  const params = new URLSearchParams();
  if (folder) params.set('folder', path.resolve(folder));
  // A folder on another file system (e.g. memfs:/workspace), which the workbench parses as a URI.
  else if (folderUri) params.set('folder', folderUri);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  const query = params.toString();
  return `http://${host}:${port}/${query ? `?${query}` : ''}`;
}

/**
 * Headless Chromium (the Debian package) with a fresh profile: Playwright's
 * launch() always gives Chromium a new temporary user-data-dir and deletes it
 * on close.
 * @returns {Promise<{browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void>}>}
 */
export async function launchBrowser({ headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page, close: () => browser.close().catch(() => {}) };
}

/**
 * Resolves once the workbench has settled: extensions registered (performance
 * mark code/didLoadExtensions, so contributed views, languages and themes are
 * in place), the last startup phase reached (code/LifecyclePhase/Eventually,
 * which VS Code enters a few seconds after restoring; late contributions such
 * as the Problems status item appear by then), and, for a non-empty folder, the
 * explorer lists its files. Event-driven (Playwright re-checks on animation
 * frames / DOM changes); no fixed sleeps of ours.
 */
export async function waitForWorkbench(page, { folder = true, timeout = 60_000 } = {}) {
  await page.waitForFunction(() => {
    const marks = new Set(performance.getEntriesByType('mark').map((m) => m.name));
    return marks.has('code/didLoadExtensions') && marks.has('code/LifecyclePhase/Eventually');
  }, null, { timeout });
  if (folder) await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
}
