import { findConfigFileSteps, loadConfigSteps, type ConfigProblem, type LoadedConfig } from '../config/load-config.js';
import { runAsync, type WorkspaceFiles } from '../config/workspace-files.js';

/**
 * Config files by the folder that holds the document, read once and dropped
 * when a config file changes. Reading never throws: a broken file yields its
 * problems, and the valid parts (or the defaults) apply. Files are read through
 * the host (the disk on Node, the client's workspace.fs in the browser).
 */
export class WorkspaceConfig {
  private readonly byFolder = new Map<string, Promise<string | null>>();
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();
  /** What was loaded, for problems(): filled in as loads finish. */
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly files: WorkspaceFiles) {}

  /** The config for a document URI, or null (untitled documents and documents with no config file above them). */
  async forDocument(uri: string): Promise<LoadedConfig | null> {
    const path = this.files.fileOf(uri);
    if (path === null) return null;
    const folder = this.files.dirname(path);
    let file = this.byFolder.get(folder);
    if (file === undefined) {
      file = runAsync(findConfigFileSteps(this.files, folder), this.files);
      this.byFolder.set(folder, file);
    }
    const found = await file;
    if (found === null) return null;
    let loading = this.byFile.get(found);
    if (!loading) {
      const started = runAsync(loadConfigSteps(this.files, found), this.files).then((loaded) => {
        const withBase = loaded.includeBase === undefined ? loaded : { ...loaded, includeBase: this.files.globBase(loaded.includeBase) };
        if (this.byFile.get(found) === started) this.loaded.set(found, withBase);
        return withBase;
      });
      loading = started;
      this.byFile.set(found, loading);
    }
    return loading;
  }

  /** The URI of a config file named in a problem. */
  uriOf(file: string): string {
    return this.files.uriOf(file);
  }

  /** Every problem of every config file read so far, by file. */
  problems(): Map<string, ConfigProblem[]> {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const loaded of this.loaded.values()) {
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
    this.loaded.clear();
  }
}
