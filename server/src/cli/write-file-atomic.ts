import { readFileSync, realpathSync, renameSync, writeFileSync, unlinkSync, statSync, chmodSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces a file's content without ever leaving it half written: write a
 * temporary file beside it, then rename over it. Refuses when the file no
 * longer holds `expected` (someone saved it meanwhile): never clobber.
 */
export function writeFileAtomic(path: string, expected: Buffer, content: Buffer): void {
  // Through a symlink, fix its target and keep the link.
  const file = realpathSync(path);
  const current = readFileSync(file);
  if (!current.equals(expected)) throw new Error('it changed on disk while being fixed; not overwritten');
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    chmodSync(temporary, statSync(file).mode);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    throw error;
  }
}
