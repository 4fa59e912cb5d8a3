import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

import { WORKSPACE_FILE_CAP_BYTES, type WorkspaceRead } from '../config/workspace-files.js';

export { WORKSPACE_FILE_CAP_BYTES, type WorkspaceRead };

function kindOf(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
  if (stats.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a symbolic link that loops';
  return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/**
 * Reads a file a repository names (its config, what that extends, a template)
 * only when it is a regular file after following links, and at most `cap`
 * bytes of it. A link to /dev/zero, /dev/stdin, a FIFO or a folder is refused
 * before it is opened for reading; the file is opened non-blocking and checked
 * again by its descriptor, so one swapped in between the two looks is refused
 * too. Never throws: the reason reads after the file's name ("… is a device").
 */
export function readWorkspaceFile(file: string, cap = WORKSPACE_FILE_CAP_BYTES): WorkspaceRead {
  let descriptor: number | null = null;
  try {
    const before = kindOf(statSync(file));
    if (before) return { ok: false, reason: before };
    descriptor = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
    const stats = fstatSync(descriptor);
    const after = kindOf(stats);
    if (after) return { ok: false, reason: after };
    const tooLarge = { ok: false as const, reason: `is larger than ${formatBytes(cap)} (the most a config or template file may be)` };
    if (stats.size > cap) return tooLarge;
    // Read up to one byte past the cap whatever the size says: files in /proc say 0 bytes and have more, and a file may grow while it is read.
    const buffer = Buffer.alloc(cap + 1);
    let length = 0;
    while (length <= cap) {
      const read = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > cap) return tooLarge;
    return { ok: true, text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  } finally {
    if (descriptor !== null) closeSync(descriptor);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}
