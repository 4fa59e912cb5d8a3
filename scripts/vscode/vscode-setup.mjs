#!/usr/bin/env node
// Installs a real VS Code (the 1.100.3 server + web workbench shipped inside the
// npm package code-server@4.100.3) into the git-ignored folder .cache/vscode/,
// without internet access beyond the npm registry and Debian apt.
//
// Recipe: docs in /work/shared/docs/real-vscode-offline.md. code-server's own
// install script downloads ripgrep and prebuilt binaries from GitHub, so we
// install with --ignore-scripts and finish by hand (native rebuilds against the
// system Node headers, ripgrep from the OS).
//
// Usage:  node scripts/vscode/vscode-setup.mjs          (idempotent; instant once done)
//         node scripts/vscode/vscode-setup.mjs --force  (redo every step)
// As a module: `await ensureVSCode()` returns the paths below.
//
// Exit codes: 0 ready, 1 a step failed, 2 system packages missing and we may not
// install them (not root, or not Debian).

import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, hasCommand } from '../system-packages.mjs';

export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = path.join(repoRoot, '.cache', 'vscode');
export const vscodeDir = path.join(cacheDir, 'node_modules', 'code-server', 'lib', 'vscode');
export const serverMain = path.join(vscodeDir, 'out', 'server-main.js');
const markerFile = path.join(cacheDir, '.setup-complete.json');
const lockDir = path.join(cacheDir, '.setup-lock');
const logFile = path.join(cacheDir, 'setup.log');

// Native modules the server loads, and the binary that proves each one built.
// @vscode/deviceid only builds an empty "windows" target off Windows, but the
// server still resolves it, so we build it too (and don't try to load it).
const NATIVE_MODULES = [
  { name: '@vscode/spdlog', binary: 'build/Release/spdlog.node', load: true },
  { name: 'node-pty', binary: 'build/Release/pty.node', load: true },
  { name: 'native-watchdog', binary: 'build/Release/watchdog.node', load: true },
  { name: 'kerberos', binary: 'build/Release/kerberos.node', load: true },
  { name: '@vscode/deviceid', binary: 'build/Release/windows.node', load: false },
];

// System requirements. On Debian we ask dpkg; elsewhere we probe for a file or
// command so the message can still name what is missing.
const SYSTEM_PACKAGES = [
  { pkg: 'libkrb5-dev', probe: () => exists('/usr/include/gssapi/gssapi.h') || exists('/usr/include/krb5.h') },
  { pkg: 'libx11-dev', probe: () => exists('/usr/include/X11/Xlib.h') },
  { pkg: 'libxkbfile-dev', probe: () => exists('/usr/include/X11/extensions/XKBfile.h') },
  { pkg: 'libsecret-1-dev', probe: () => exists('/usr/include/libsecret-1') },
  { pkg: 'pkg-config', probe: () => hasCommand('pkg-config') },
  { pkg: 'ripgrep', probe: () => hasCommand('rg') },
  { pkg: 'chromium', probe: () => exists('/usr/bin/chromium') },
  // The compilers node-gyp needs (usually present, but not on a minimal image).
  { pkg: 'make', probe: () => hasCommand('make') },
  { pkg: 'g++', probe: () => hasCommand('g++') },
  { pkg: 'python3', probe: () => hasCommand('python3') },
];

function exists(p) {
  return fs.existsSync(p);
}

function log(msg) {
  process.stdout.write(`[vscode-setup] ${msg}\n`);
}

// Runs a command, appending its output to setup.log (npm is very chatty here).
// Returns the exit status; never throws.
function run(cmd, args, cwd, { env } = {}) {
  fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
  const fd = fs.openSync(logFile, 'a');
  try {
    const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
    return r.status ?? 1;
  } finally {
    fs.closeSync(fd);
  }
}

function fail(msg, code = 1) {
  let tail = '';
  try {
    tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  } catch { /* no log yet */ }
  const err = new Error(`${msg}${tail ? `\n--- last lines of ${logFile} ---\n${tail}` : ''}`);
  err.exitCode = code;
  throw err;
}

// System packages (scripts/system-packages.mjs): installed with apt-get when root
// on Debian, otherwise an error with exitCode 2 that names them.
function ensureSystemPackages() {
  ensureDebianPackages(SYSTEM_PACKAGES, {
    why: 'to build and run VS Code',
    log,
    run: (cmd, args, options) => run(cmd, args, cacheDir, options),
    fail,
  });
}

// node-gyp must compile against the headers of the Node that runs the server.
// Without internet it cannot download them, so point it at the local install
// (~/.npmrc may already say nodedir=/usr; the env var covers fresh machines).
function nodeGypEnv() {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (exists(path.join(prefix, 'include', 'node', 'node.h'))) {
    return { npm_config_nodedir: process.env.npm_config_nodedir || prefix };
  }
  log(`warning: no Node headers under ${prefix}/include/node; node-gyp will try to download them`);
  return {};
}

function npmGlobalRoot() {
  try {
    return execFileSync('npm', ['root', '-g'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path.resolve(path.dirname(process.execPath), '..', 'lib', 'node_modules');
  }
}

function buildNativeModules(force) {
  const env = nodeGypEnv();
  for (const mod of NATIVE_MODULES) {
    const modDir = path.join(vscodeDir, 'node_modules', mod.name);
    const binary = path.join(modDir, mod.binary);
    if (!force && exists(binary)) continue;
    log(`building native module ${mod.name}`);
    // npm 11 blocks dependency install scripts unless approved in allowScripts,
    // but an explicit `npm rebuild <name>` does run the named package's build.
    // node-pty's post-install step then fails (it runs `npx node-gyp` to write
    // compile_commands.json) after pty.node is built: judge by the binary.
    const status = run('npm', ['rebuild', '--foreground-scripts', mod.name], vscodeDir, { env });
    if (exists(binary)) continue;
    // Fallback for an npm that refuses to run the script: call npm's bundled
    // node-gyp directly in the module folder.
    log(`npm rebuild ${mod.name} exited ${status} without ${mod.binary}; trying node-gyp directly`);
    const nodeGyp = path.join(npmGlobalRoot(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const args = [nodeGyp, 'rebuild'];
    if (env.npm_config_nodedir) args.push(`--nodedir=${env.npm_config_nodedir}`);
    run(process.execPath, args, modDir, { env });
    if (!exists(binary)) fail(`could not build ${mod.name}: ${binary} is missing`);
  }
  // Prove the binaries load in this Node (ABI and shared libraries, e.g. libkrb5).
  const loadable = NATIVE_MODULES.filter((m) => m.load).map((m) => path.join(vscodeDir, 'node_modules', m.name, m.binary));
  const check = spawnSync(process.execPath, ['-e', `for (const f of ${JSON.stringify(loadable)}) require(f)`], { encoding: 'utf8' });
  if (check.status !== 0) fail(`native modules do not load:\n${check.stderr}`);
}

function ensureSymlink(target, linkPath) {
  try {
    if (fs.readlinkSync(linkPath) === target) return;
    fs.rmSync(linkPath, { force: true, recursive: true });
  } catch (e) {
    if (e.code === 'EINVAL') fs.rmSync(linkPath, { force: true, recursive: true }); // a real file/dir
  }
  fs.mkdirSync(path.dirname(linkPath), { recursive: true });
  fs.symlinkSync(target, linkPath);
}

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(markerFile, 'utf8'));
  } catch {
    return null;
  }
}

function isComplete() {
  const m = readMarker();
  return m?.codeServer === CODE_SERVER_VERSION && exists(serverMain);
}

// A crude cross-process lock so `npm test` and `npm start` started together do
// not both run npm in the same folder. Stale locks (dead pid) are taken over.
async function withLock(fn) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = NaN;
      try { pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = false;
      if (pid) { try { process.kill(pid, 0); alive = true; } catch { alive = false; } }
      if (pid && !alive) { fs.rmSync(lockDir, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) fail(`timed out waiting for the setup lock ${lockDir}`);
      await new Promise((r) => setTimeout(r, 500)); // another setup is running
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Makes sure VS Code is installed in .cache/vscode. Fast path: the marker file.
 * @returns {{ cacheDir: string, vscodeDir: string, serverMain: string }}
 */
export async function ensureVSCode({ force = false } = {}) {
  const result = { cacheDir, vscodeDir, serverMain };
  if (!force && isComplete()) return result;
  return withLock(async () => {
    if (!force && isComplete()) return result; // finished by whoever held the lock
    const started = Date.now();
    fs.rmSync(markerFile, { force: true });
    fs.writeFileSync(logFile, `vscode-setup ${new Date().toISOString()}\n`);
    log(`installing VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}) into ${path.relative(repoRoot, cacheDir)}/ — log: ${path.relative(repoRoot, logFile)}`);

    ensureSystemPackages();

    // 1. code-server itself, into the cache's own tiny project (not ours).
    const pkgJson = path.join(cacheDir, 'package.json');
    if (!exists(pkgJson)) fs.writeFileSync(pkgJson, JSON.stringify({ name: 'vscode-cache', private: true }, null, 2) + '\n');
    let installed = null;
    try {
      installed = JSON.parse(fs.readFileSync(path.join(cacheDir, 'node_modules', 'code-server', 'package.json'), 'utf8')).version;
    } catch { /* not installed */ }
    if (force || installed !== CODE_SERVER_VERSION) {
      log(`npm install code-server@${CODE_SERVER_VERSION}`);
      if (run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], cacheDir) !== 0) {
        fail('npm install code-server failed');
      }
    }
    if (!exists(serverMain)) fail(`${serverMain} is missing after installing code-server`);

    // 2. The VS Code server's own runtime dependencies.
    if (force || !exists(path.join(vscodeDir, 'node_modules', '@vscode', 'spdlog', 'package.json'))) {
      log('npm install (lib/vscode)');
      if (run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir) !== 0) {
        fail('npm install in lib/vscode failed');
      }
    }

    // 3. Native modules, built against the local Node headers.
    buildNativeModules(force);

    // 4. ripgrep from the OS (search, quick open); the npm package would download it.
    const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
    ensureSymlink(rg, path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
    // The server resolves some modules through node_modules.asar, as in the desktop build.
    ensureSymlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));

    // 5. Dependencies shared by the built-in extensions (TypeScript for the TS/JS features).
    const extDir = path.join(vscodeDir, 'extensions');
    if (force || !exists(path.join(extDir, 'node_modules', 'typescript', 'package.json'))) {
      log('npm install (lib/vscode/extensions)');
      if (run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], extDir) !== 0) {
        fail('npm install in lib/vscode/extensions failed');
      }
    }

    fs.writeFileSync(markerFile, JSON.stringify({ codeServer: CODE_SERVER_VERSION, vscode: VSCODE_VERSION, node: process.version, completedAt: new Date().toISOString() }, null, 2) + '\n');
    log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
    return result;
  });
}

// CLI entry point.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { serverMain: main } = await ensureVSCode({ force: process.argv.includes('--force') });
    log(`ready: ${path.relative(repoRoot, main)}`);
  } catch (e) {
    process.stderr.write(`[vscode-setup] ${e.message}\n`);
    process.exit(e.exitCode ?? 1);
  }
}
