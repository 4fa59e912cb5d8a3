import { dirname } from 'node:path';
import { URI } from 'vscode-uri';
import { findConfigFile, loadConfig, type ConfigProblem, type LoadedConfig } from '../config/load-config.js';

/**
 * Config files by the folder that holds the document, read once and dropped
 * when a config file changes. Reading never throws: a broken file yields its
 * problems, and the valid parts (or the defaults) apply.
 */
export class WorkspaceConfig {
  private readonly byFolder = new Map<string, string | null>();
  private readonly byFile = new Map<string, LoadedConfig>();

  /** The config for a document URI, or null (untitled documents and documents with no config file above them). */
  forDocument(uri: string): LoadedConfig | null {
    let parsed: URI;
    try {
      parsed = URI.parse(uri);
    } catch {
      return null;
    }
    if (parsed.scheme !== 'file') return null;
    const folder = dirname(parsed.fsPath);
    let file = this.byFolder.get(folder);
    if (file === undefined) {
      file = findConfigFile(folder);
      this.byFolder.set(folder, file);
    }
    if (file === null) return null;
    let loaded = this.byFile.get(file);
    if (!loaded) {
      loaded = loadConfig(file);
      this.byFile.set(file, loaded);
    }
    return loaded;
  }

  /** Every problem of every config file read so far, by file. */
  problems(): Map<string, ConfigProblem[]> {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const loaded of this.byFile.values()) {
      for (const file of loaded.files) if (!byFile.has(file)) byFile.set(file, []);
      for (const problem of loaded.problems) {
        const list = byFile.get(problem.file) ?? [];
        list.push(problem);
        byFile.set(problem.file, list);
      }
    }
    return byFile;
  }

  clear(): void {
    this.byFolder.clear();
    this.byFile.clear();
  }
}
