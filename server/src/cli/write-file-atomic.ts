import { accessSync, closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, realpathSync, renameSync, unlinkSync, writeSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RefusedFile, openRegular, readOpen } from './regular-file.js';

/**
 * Replaces a file's content without ever leaving it half written, and only
 * if it is a regular file this process may write (root included: a file
 * with no write bit is left alone). Refuses when the file no longer holds
 * `expected` (someone saved it meanwhile): never clobber.
 *
 * Usually the new content is written to a temporary file beside it, given
 * the original's owner, group and mode, then renamed over it. A file with
 * other hard links, or whose owner this process cannot give away, is
 * rewritten in place instead (a rename would split the links or change the
 * owner), with a copy of the original beside it until the write is done and
 * the original content put back if the write fails.
 */
export function writeFileAtomic(path: string, expected: Buffer, content: Buffer): void {
  // Through a symlink, fix its target and keep the link.
  const file = realpathSync(path);
  const { fd, stats } = openRegular(file);
  let current: Buffer;
  try {
    current = readOpen(fd, stats.size);
  } finally {
    closeSync(fd);
  }
  if (!current.equals(expected)) throw new Error('it changed on disk while being fixed; not overwritten');
  if ((stats.mode & 0o222) === 0) throw new RefusedFile(`it is read-only (mode ${(stats.mode & 0o7777).toString(8).padStart(4, '0')}); not changed`);
  // Permission to write the file itself, not only the folder a rename needs.
  accessSync(file, constants.W_OK);
  if (stats.nlink > 1 || !replaceByRename(file, stats, content)) rewriteInPlace(file, expected, content);
}

function temporaryBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** A new file renamed over the old one, with its owner, group and mode; false when the owner cannot be kept. */
function replaceByRename(file: string, stats: Stats, content: Buffer): boolean {
  const temporary = temporaryBeside(file);
  try {
    const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    let ownerKept: boolean;
    try {
      writeAll(fd, content);
      ownerKept = chownLike(fd, stats);
      // After chown, which clears set-id bits.
      if (ownerKept) fchmodSync(fd, stats.mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (!ownerKept) {
      removeQuietly(temporary);
      return false;
    }
    renameSync(temporary, file);
    return true;
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/** Gives the open file the original's owner and group; false when this process may not. */
function chownLike(fd: number, stats: Stats): boolean {
  const own = fstatSync(fd);
  if (own.uid === stats.uid && own.gid === stats.gid) return true;
  try {
    fchownSync(fd, stats.uid, stats.gid);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPERM') return false;
    throw error;
  }
}

function writeAll(fd: number, content: Buffer): void {
  let written = 0;
  while (written < content.length) written += writeSync(fd, content, written, content.length - written, written);
}

/** The same inode gets the new content; on failure, the old content back. A copy of the old one waits beside it meanwhile. */
function rewriteInPlace(file: string, expected: Buffer, content: Buffer): void {
  const backup = temporaryBeside(file);
  writeFileSync(backup, expected, { flag: 'wx', mode: 0o600 });
  let fd: number;
  try {
    fd = openRegular(file, constants.O_WRONLY).fd;
  } catch (error) {
    removeQuietly(backup);
    throw error;
  }
  try {
    writeAll(fd, content);
    ftruncateSync(fd, content.length);
    fsyncSync(fd);
  } catch (error) {
    try {
      writeAll(fd, expected);
      ftruncateSync(fd, expected.length);
      fsyncSync(fd);
    } catch {
      closeSync(fd);
      // Nothing is lost: the copy stays, and the message says where.
      throw new Error(`${error instanceof Error ? error.message : String(error)}; the original content could not be put back, it is in ${backup}`);
    }
    closeSync(fd);
    removeQuietly(backup);
    throw error;
  }
  closeSync(fd);
  removeQuietly(backup);
}
