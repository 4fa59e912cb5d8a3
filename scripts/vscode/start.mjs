#!/usr/bin/env node
// `npm start`: builds the extension if needed, then runs a real VS Code
// (1.100.3 server + web workbench, installed offline by vscode-setup.mjs) with
// Postmortem Writer loaded and examples/ open. Open the printed URL in a browser.
// Runs until Ctrl-C.
//
// How the extension is loaded: as a *development extension* through the URL's
// `payload` (extensionDevelopmentPath = repo root), exactly like the e2e tests.
// Installing it by symlinking the repo into the extensions dir as
// postmortem-writer.postmortem-writer-0.1.0 works too (both were tried), but it
// leaves an entry in the persistent profile's extensions.json that goes stale
// when the version changes, and a profile that quietly keeps the extension.
// The development path always loads the current build: rebuild, reload the page.
// Consequence: open the full printed URL; the bare http://127.0.0.1:PORT/ shows
// VS Code without the extension.
//
// Options (env):
//   PORT=8080                port to listen on; if taken, a free one is used
//   E2E_EXTENSION_PATH, E2E_WORKSPACE   load another extension / open another
//                            folder (same overrides as e2e-offline.mjs); with
//                            E2E_EXTENSION_PATH set, nothing is built
//   VERBOSE=1                echo the VS Code server log
// Flags: --no-build          skip `npm run build`
// State (settings, UI state) persists in .cache/vscode-profile/.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureVSCode, repoRoot } from './vscode-setup.mjs';
import { startVSCodeServer, workbenchUrl, isPortFree } from './vscode-server.mjs';

export const extensionPath = path.resolve(process.env.E2E_EXTENSION_PATH || repoRoot);
export const examplesDir = path.resolve(process.env.E2E_WORKSPACE || path.join(repoRoot, 'examples'));

// Newest modification time under a folder (sources only; skips build output).
function newestMtime(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
  }
  return newest;
}

/**
 * Runs `npm run build` when dist/client.cjs is missing or older than the
 * sources. Only for our own extension (not when E2E_EXTENSION_PATH points elsewhere).
 */
export function ensureBuilt({ force = false } = {}) {
  if (extensionPath !== repoRoot) return;
  const out = path.join(repoRoot, 'dist', 'client.cjs');
  const built = fs.statSync(out, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(
    ...['client', 'server', 'package.json', 'tsconfig.json', path.join('scripts', 'build')].map((p) => newestMtime(path.join(repoRoot, p))),
  );
  if (!force && built > sources) return;
  console.log('[start] building the extension (npm run build)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    const err = new Error('npm run build failed');
    err.exitCode = r.status || 1;
    throw err;
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) ensureBuilt();
  await ensureVSCode();

  const wanted = Number(process.env.PORT || 8080);
  let port = wanted;
  if (!(await isPortFree(wanted))) {
    console.log(`[start] port ${wanted} is taken; using a free port instead`);
    port = 0;
  }

  const profile = path.join(repoRoot, '.cache', 'vscode-profile');
  const options = {
    dataDir: path.join(profile, 'data'),
    extensionsDir: path.join(profile, 'extensions'),
    onLog: process.env.VERBOSE ? (line) => console.log(`[server] ${line}`) : undefined,
  };
  let server;
  try {
    server = await startVSCodeServer({ ...options, port });
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
    // Someone took the port between our check and the server's listen().
    console.log(`[start] port ${port} is taken; using a free port instead`);
    server = await startVSCodeServer({ ...options, port: 0 });
  }

  const url = workbenchUrl({ port: server.port, folder: examplesDir, extensionDevelopmentPath: extensionPath });
  console.log(`\nPostmortem Writer is running in VS Code at: ${url}\n`);
  console.log('(The server listens on 127.0.0.1 only. Press Ctrl-C to stop.)');

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[start] ${signal}: stopping VS Code…`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const { code, signal } = await server.exited;
  if (!stopping) {
    console.error(`[start] the VS Code server stopped by itself (code ${code}, signal ${signal}). Last lines:\n${server.logTail().slice(-30).join('\n')}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[start] ${e.message}`);
    process.exit(e.exitCode ?? 1);
  });
}
