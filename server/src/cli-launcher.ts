import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

// `postmortem-lint` starts here. Most of a one-file run is V8 compiling the
// linter the first time each function runs; this loads the linter bundle
// with V8's code cache from the previous run, taken after that run (so it
// holds the functions compiled lazily too, which a cache taken at load time,
// as v8-compile-cache does, misses). About 35 ms of 165 on one file here.
// The cache lives in the user's cache folder; V8 rejects a stale or foreign
// one and it is written again. POSTMORTEM_LINT_CODE_CACHE=0 turns it off.

// A one-file run executes most of the linter's ~500 patterns a few times
// each, so compiling them is most of the work. V8 by default compiles a
// pattern to bytecode first (slow for big alternations: up to 50 ms for one
// with a case-insensitive list of nouns) and again to machine code on its
// second use, with optimisations that pay off only on long texts. One plain
// compile each is about a third faster on one file and on 100. Matching is the
// same; only how the patterns are compiled changes. Set before the linter
// loads, so that its code cache is taken and checked under the same flags.
setFlagsFromString('--no-regexp-tier-up');
setFlagsFromString('--no-regexp-optimization');

const here = dirname(fileURLToPath(import.meta.url));
const engine = join(here, 'cli-engine.cjs');
const source = readFileSync(engine, 'utf8');

function cacheFile(): string | null {
  if (process.env['POSTMORTEM_LINT_CODE_CACHE'] === '0') return null;
  try {
    const folder = join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'postmortem-writer');
    const { size, mtimeMs } = statSync(engine);
    return join(folder, `cli-${process.version}-${process.arch}-${size}-${Math.round(mtimeMs)}.v8cache`);
  } catch {
    return null;
  }
}

const file = cacheFile();
let cachedData: Buffer | undefined;
try {
  if (file) cachedData = readFileSync(file);
} catch {
  // First run, or no cache folder: compile from source.
}
const script = new Script(wrap(source), { filename: engine, ...(cachedData ? { cachedData } : {}) });
if (file && (!cachedData || script.cachedDataRejected === true)) {
  process.once('exit', () => {
    try {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${String(process.pid)}`;
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, file);
    } catch {
      // A read-only home or a full disk: the next run compiles from source again.
    }
  });
}
const module = { exports: {} };
const load = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
load.call(module.exports, module.exports, createRequire(engine), module, engine, here);
