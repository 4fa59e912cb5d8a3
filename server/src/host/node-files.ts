// The workspace files of the Node hosts (the CLI and the Node language server): paths, read with fs.
import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { findConfigFileSteps, loadConfigSteps, type LoadedConfig } from '../config/load-config.js';
import { readWorkspaceFile } from './read-workspace-file.js';
import { runSync, type FilePaths, type SyncFiles, type WorkspaceFiles } from '../config/workspace-files.js';

const paths: FilePaths = { dirname, basename, join, resolve: (folder, relative) => resolve(folder, relative) };

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

export const nodeSyncFiles: SyncFiles = { ...paths, read: readWorkspaceFile, exists };

export const nodeWorkspaceFiles: WorkspaceFiles = {
  ...paths,
  read: (file, cap) => Promise.resolve(readWorkspaceFile(file, cap)),
  exists: (file) => Promise.resolve(exists(file)),
  list: async (folder) => {
    try {
      return (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name);
    } catch {
      return [];
    }
  },
  fileOf: (uri) => {
    try {
      const parsed = URI.parse(uri);
      return parsed.scheme === 'file' ? parsed.fsPath : null;
    } catch {
      return null;
    }
  },
  uriOf: (file) => URI.file(file).toString(),
  globBase: (folder) => folder,
};

/** The nearest config file at or above a folder on disk, or null. */
export function findConfigFile(folder: string, stopAt?: string): string | null {
  return runSync(findConfigFileSteps(paths, folder, stopAt), nodeSyncFiles);
}

/** Loads a config file on disk and what it extends. Never throws. */
export function loadConfig(file: string): LoadedConfig {
  return runSync(loadConfigSteps(paths, file), nodeSyncFiles);
}
