import { URI } from 'vscode-uri';
import { formatProblem, type ConfigProblem, type LoadedConfig } from '../config/load-config.js';
import type { ClientHost } from './client-host.js';
import type { ReportOnce } from './report-once.js';

/**
 * Where config files come from: found above each document and read once
 * (features/workspace-config.ts reads them from disk). The one place the
 * server's state reads workspace files for config: a host that reads them
 * another way (the client's workspace.fs) hands in its own.
 */
export interface ConfigFiles {
  forDocument(uri: string): LoadedConfig | null | Promise<LoadedConfig | null>;
  /** Every problem of every config file read so far, by file (files without problems too). */
  problems(): Map<string, ConfigProblem[]>;
  clear(): void;
}

/**
 * Config files above documents, and their problems: shown on the files
 * themselves (diagnostics on the config file's URI), and once as a message.
 * Fixed files get their diagnostics cleared the next time problems are published.
 */
export class ConfigDiscovery {
  private readonly filesWithProblems = new Set<string>();

  constructor(
    private readonly files: ConfigFiles,
    private readonly host: Pick<ClientHost, 'publishDiagnostics'>,
    private readonly once: ReportOnce,
    private readonly uriOfFile: (file: string) => string = (file) => URI.file(file).toString(),
  ) {}

  /** The config governing a document (null: none), with the problems of every file read so far published. */
  async forDocument(uri: string): Promise<LoadedConfig | null> {
    const config = await this.files.forDocument(uri);
    this.publishProblems();
    return config;
  }

  /** A watched config file changed: every file is read again when next asked for. */
  filesChanged(): void {
    this.files.clear();
  }

  publishProblems(): void {
    for (const [file, problems] of this.files.problems()) {
      const uri = this.uriOfFile(file);
      if (problems.length === 0 && !this.filesWithProblems.has(uri)) continue;
      void this.host.publishDiagnostics({
        uri,
        diagnostics: problems.map((problem) => ({
          range: problem.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 1,
          source: 'postmortem',
          code: 'config',
          message: `${problem.path ? `${problem.path}: ` : ''}${problem.message}. The defaults apply there.`,
        })),
      });
      if (problems.length > 0) {
        this.filesWithProblems.add(uri);
        this.once.report(`Postmortem Writer: ${problems.map(formatProblem).join('; ')}. The defaults apply there.`);
      } else this.filesWithProblems.delete(uri);
    }
  }
}
