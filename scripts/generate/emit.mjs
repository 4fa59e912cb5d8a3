// Writes generated files, or with --check compares them and writes nothing:
// a stale file names itself and the command that regenerates it, and the
// process exits non-zero (npm test runs the check before anything slow).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** True when the module whose import.meta.url is given is the script node was started with. */
export function isMain(moduleUrl) {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/**
 * Each output is { file (relative to the repository), command (regenerates it), generate () => text }.
 * Returns true when every file is (or now is) what its generator writes.
 */
export async function emit(outputs, { check = process.argv.includes('--check') } = {}) {
  let fresh = true;
  for (const output of outputs) {
    const text = await output.generate();
    const file = path.join(repoRoot, output.file);
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (committed === text) {
      console.log(`${output.file}: up to date`);
    } else if (check) {
      fresh = false;
      console.error(`${output.file} is stale: it differs from what its generator writes. Run \`${output.command}\` and commit the result.`);
    } else {
      writeFileSync(file, text);
      console.log(`${output.file}: written`);
    }
  }
  if (!fresh) process.exitCode = 1;
  return fresh;
}
