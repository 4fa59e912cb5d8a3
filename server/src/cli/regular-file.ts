import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

// Only regular files are read or written. A FIFO named on the command line
// would block the read forever, /dev/zero would fill memory, and --fix on
// /dev/null would rename a regular file over the device node. Opened with
// O_NONBLOCK (a FIFO with no writer opens at once instead of waiting) and
// checked with fstat on what was opened, so nothing can be swapped in
// between the check and the read.

/** A file refused (not a regular file, read-only): the message is printed as it is, after the file's name. */
export class RefusedFile extends Error {}

/** What a file system entry is, for messages: "a FIFO (named pipe)". */
export function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export function notRegular(stats: Stats): RefusedFile {
  return new RefusedFile(`it is ${kindOf(stats)}, not a regular file`);
}

/** Opens a regular file for reading, or throws RefusedFile (or the system's error). */
export function openRegular(path: string, flags = constants.O_RDONLY): { fd: number; stats: Stats } {
  const fd = openSync(path, flags | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(stats);
    return { fd, stats };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Reads an open file's `size` bytes (fewer if it shrank meanwhile). */
export function readOpen(fd: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const count = readSync(fd, bytes, read, size - read, read);
    if (count === 0) break;
    read += count;
  }
  return read === size ? bytes : bytes.subarray(0, read);
}
