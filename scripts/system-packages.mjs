// Makes sure Debian packages the scripts need are installed.
//
//   import { ensureDebianPackages } from './system-packages.mjs';
//   ensureDebianPackages(['neovim'], { why: 'the Neovim test' });
//
// On Debian, dpkg says what is installed; missing packages are installed with
// apt-get (`apt-get update` once per process, then `apt-get install -y
// --no-install-recommends ...`) when we are root. When we are not root, or not
// on Debian, nothing is installed: the error (or, with `required: false`, the
// message printed to stderr) names exactly what to install.
//
// A package is a Debian package name, or { pkg, probe } where probe() tells
// whether it is there on a system without dpkg (a plain name is probed as a
// command of the same name there).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import process from 'node:process';

let aptUpdated = false;

export function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function isDebian() {
  return fs.existsSync('/etc/debian_version') && hasCommand('dpkg');
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** True when dpkg has the package fully installed (not merely known, removed or half-configured). */
export function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** The Debian packages among `packages` that are not installed (probed when not on Debian). */
export function missingPackages(packages, debian = isDebian()) {
  return packages
    .map((p) => (typeof p === 'string' ? { pkg: p, probe: () => hasCommand(p) } : p))
    .filter((p) => (debian ? !dpkgInstalled(p.pkg) : !p.probe()))
    .map((p) => p.pkg);
}

function defaultRun(cmd, args, { env } = {}) {
  // stdout is the caller's output; apt's progress goes to stderr so that a
  // driver parsing stdout (scripts/test.mjs) is not confused by it.
  const r = spawnSync(cmd, args, { stdio: ['ignore', 2, 2], env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function defaultLog(msg) {
  process.stderr.write(`[system-packages] ${msg}\n`);
}

function error(message, exitCode) {
  const err = new Error(message);
  err.exitCode = exitCode;
  return err;
}

/**
 * Installs the missing ones of `packages` when it can.
 *
 * @param {Array<string | { pkg: string, probe: () => boolean }>} packages Debian package names.
 * @param {object} [options]
 * @param {string} [options.why] What they are for, for the messages ("for the Neovim test").
 * @param {boolean} [options.required=true] Throw when they cannot be installed (err.exitCode: 2 when
 *   we may not install them, 1 when apt-get failed); with false, print why to stderr and return false.
 * @param {string} [options.rerun] What to run again once installed, for the message.
 * @param {(msg: string) => void} [options.log] Progress messages (default: stderr).
 * @param {(cmd: string, args: string[], opts: { env: object }) => number} [options.run] Runs apt-get,
 *   returns its exit status (default: output to stderr).
 * @param {(msg: string, exitCode: number) => never} [options.fail] Throws for a failed apt-get
 *   (default: an Error with that exitCode).
 * @returns {boolean} true when all are installed (now or already), false when not and not required.
 */
export function ensureDebianPackages(packages, { why, required = true, rerun = 'this script', log = defaultLog, run = defaultRun, fail } = {}) {
  const debian = isDebian();
  const missing = missingPackages(packages, debian);
  if (missing.length === 0) return true;
  const forWhat = why ? ` (${why})` : '';

  const give = (message, exitCode) => {
    if (required) {
      if (fail && exitCode === 1) fail(message, exitCode); // throws, with the caller's context
      throw error(message, exitCode);
    }
    process.stderr.write(`${message}\n`);
    return false;
  };

  if (!debian || !isRoot()) {
    const how = debian
      ? `sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`
      : `the equivalents of these Debian packages with your system's package manager: ${missing.join(' ')}`;
    return give(`Missing system packages${forWhat}: ${missing.join(', ')}.\nPlease install ${debian ? 'them' : ''}:\n  ${how}\nthen run ${rerun} again.`, 2);
  }

  log(`installing Debian packages${forWhat}: ${missing.join(' ')} (apt-get)`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    if (run('apt-get', ['update'], { env }) !== 0) return give('apt-get update failed', 1);
    aptUpdated = true;
  }
  if (run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env }) !== 0) {
    return give(`apt-get install ${missing.join(' ')} failed`, 1);
  }
  const still = missingPackages(packages, debian);
  if (still.length > 0) return give(`apt-get install succeeded, yet these are still not installed: ${still.join(', ')}`, 1);
  return true;
}
