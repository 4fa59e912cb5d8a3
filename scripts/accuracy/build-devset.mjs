// Rebuilds the development set (test/accuracy/devset.json) into .devset/docs/<id>.md.
// The documents are public postmortems written by others: they are read, never committed.
// Each one is taken from a local mirror (/work/.mirror/owner+name/repo, or $DEVSET_MIRROR)
// when present, otherwise from GitHub with a shallow git fetch of the pinned commit.
//
//   node scripts/accuracy/build-devset.mjs [--force] [--only id,id]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifestPath = join(root, 'test', 'accuracy', 'devset.json');
const outDir = join(root, '.devset', 'docs');
const mirrorRoot = process.env.DEVSET_MIRROR ?? '/work/.mirror';

const args = process.argv.slice(2);
const force = args.includes('--force');
const onlyArg = args[args.indexOf('--only') + 1];
const only = args.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
mkdirSync(outDir, { recursive: true });

/** The git directory of a mirrored repository, or null. Mirrors are bare or have a .git inside. */
function mirrorGitDir(repo) {
  const base = join(mirrorRoot, repo.replace('/', '+'), 'repo');
  if (existsSync(join(base, '.git'))) return join(base, '.git');
  if (existsSync(join(base, 'HEAD'))) return base;
  return null;
}

function gitShow(gitDir, commit, path) {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Fetches one commit from GitHub into a throwaway bare repository and reads the file. */
function fromNetwork(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'devset-'));
  try {
    const git = (...a) => execFileSync('git', ['--git-dir', dir, ...a], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    execFileSync('git', ['init', '--bare', '--quiet', dir], { stdio: 'ignore' });
    git('fetch', '--quiet', '--depth=1', `https://github.com/${entry.repo}.git`, entry.commit);
    return gitShow(dir, entry.commit, entry.path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const failures = [];
let written = 0;
let kept = 0;
for (const entry of manifest) {
  if (only && !only.has(entry.id)) continue;
  const target = join(outDir, `${entry.id}.md`);
  if (existsSync(target) && !force) {
    kept++;
    continue;
  }
  let text = null;
  const reasons = [];
  const gitDir = mirrorGitDir(entry.repo);
  if (gitDir) {
    try {
      text = gitShow(gitDir, entry.commit, entry.path);
    } catch (err) {
      reasons.push(`mirror ${gitDir} has no ${entry.commit.slice(0, 10)}:${entry.path} (${String(err.stderr ?? err.message).trim().split('\n')[0]})`);
    }
  } else {
    reasons.push(`no mirror under ${mirrorRoot}`);
  }
  if (text === null) {
    try {
      text = fromNetwork(entry);
    } catch (err) {
      reasons.push(`git fetch from github.com failed (${String(err.stderr ?? err.message).trim().split('\n')[0]})`);
    }
  }
  if (text === null) {
    failures.push({ id: entry.id, reasons });
    continue;
  }
  writeFileSync(target, text);
  written++;
}

const total = only ? manifest.filter((e) => only.has(e.id)).length : manifest.length;
console.log(`devset: ${written} written, ${kept} already present, ${failures.length} missing, of ${total} in ${outDir}`);
for (const f of failures) {
  console.error(`  MISSING ${f.id}: neither source worked:\n    - ${f.reasons.join('\n    - ')}`);
}
process.exitCode = failures.length > 0 ? 1 : 0;
