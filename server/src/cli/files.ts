import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.cache', 'out', 'dist']);

export interface Target {
  file: string;
  /** Named on the command line: checked even if it does not look like a postmortem. */
  explicit: boolean;
}

function markdownFilesIn(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...markdownFilesIn(path));
    else if (entry.isFile() && /\.(?:md|markdown)$/i.test(entry.name)) files.push(path);
  }
  return files;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Files, folders and globs to a list of Markdown files; what cannot be read is reported, not thrown. */
export function expandPaths(paths: readonly string[], onError: (path: string, error: unknown) => void): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (file: string, explicit: boolean): void => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ file, explicit });
  };
  for (const path of paths) {
    // A name that exists is that file or folder, even when it reads as a glob ("incident?.md", "a[1].md").
    const scan = picomatch.scan(path);
    if (scan.isGlob && !exists(path)) {
      const base = scan.base === '' ? '.' : scan.base;
      const matcher = picomatch(path, { dot: false });
      let files: string[];
      try {
        files = markdownFilesIn(base);
      } catch (error) {
        onError(path, error);
        continue;
      }
      const matched = files.filter((file) => matcher(relative('.', file).replace(/\\/g, '/')) || matcher(file.replace(/\\/g, '/')));
      if (matched.length === 0) onError(path, Object.assign(new Error('no Markdown files match'), { code: 'NOMATCH' }));
      for (const file of matched) add(file, false);
      continue;
    }
    try {
      if (statSync(path).isDirectory()) for (const file of markdownFilesIn(path)) add(file, false);
      else add(path, true);
    } catch (error) {
      onError(path, error);
    }
  }
  return targets;
}
