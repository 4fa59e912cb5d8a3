import { closeSync } from 'node:fs';
import { MAX_DOCUMENT_BYTES } from '../engine/limits.js';
import { openRegular, readOpen } from './regular-file.js';

/**
 * A file the CLI checks: its bytes, or its size when it is too large to be
 * worth reading (UTF-32, four bytes a character, cannot bring it under the
 * cap). Throws RefusedFile for FIFOs, devices and folders.
 */
export function readTarget(path: string): { bytes: Buffer } | { tooLarge: number } {
  const { fd, stats } = openRegular(path);
  try {
    if (stats.size > MAX_DOCUMENT_BYTES * 4) return { tooLarge: stats.size };
    return { bytes: readOpen(fd, stats.size) };
  } finally {
    closeSync(fd);
  }
}
