// How the server reaches files of the workspace (config files, what they
// extend, template files, a document's siblings) without knowing the host: on
// Node they are paths read with fs, in the browser they are URIs read by the
// client through workspace.fs (virtual file systems included).

/** Config files, what they extend and template files: far larger than any real one, small enough to parse at once. */
export const WORKSPACE_FILE_CAP_BYTES = 1024 * 1024;

/** A read never throws: the reason reads after the file's name ("… does not exist"). */
export type WorkspaceRead = { ok: true; text: string } | { ok: false; reason: string };

/** Names of files, in the host's own syntax (a path on Node, a URI string in the browser). */
export interface FilePaths {
  dirname(file: string): string;
  basename(file: string): string;
  join(folder: string, name: string): string;
  /** `relative` (a name a config file wrote, e.g. "../base.json") read from `folder`; an absolute one stays as it is. */
  resolve(folder: string, relative: string): string;
}

/** What the config loader reads, answered at once (the CLI, on Node). */
export interface SyncFiles extends FilePaths {
  read(file: string, cap: number): WorkspaceRead;
  exists(file: string): boolean;
}

/** What the language server reads, answered later (the browser server asks its client). */
export interface WorkspaceFiles extends FilePaths {
  read(file: string, cap: number): Promise<WorkspaceRead>;
  exists(file: string): Promise<boolean>;
  /** The names of the files (not folders) in a folder; [] when it cannot be listed. */
  list(folder: string): Promise<string[]>;
  /** The file a document URI names, or null for one this host cannot read (untitled, another scheme). */
  fileOf(uri: string): string | null;
  /** The URI of a file, for diagnostics on config files. */
  uriOf(file: string): string;
  /** The folder as a document path (a URI's path), which include globs are matched against. */
  globBase(folder: string): string;
}

/** One thing the loader needs from the file system. */
export type FileOp = { kind: 'read'; file: string; cap: number } | { kind: 'exists'; file: string };

/** Loader code that asks for files as it goes: one loader for the sync and the async host. */
export type Steps<T> = Generator<FileOp, T, unknown>;

export function* readStep(file: string, cap = WORKSPACE_FILE_CAP_BYTES): Steps<WorkspaceRead> {
  return (yield { kind: 'read', file, cap }) as WorkspaceRead;
}

export function* existsStep(file: string): Steps<boolean> {
  return (yield { kind: 'exists', file }) as boolean;
}

export function runSync<T>(steps: Steps<T>, files: SyncFiles): T {
  let next = steps.next();
  while (!next.done) {
    const op = next.value;
    next = steps.next(op.kind === 'read' ? files.read(op.file, op.cap) : files.exists(op.file));
  }
  return next.value;
}

export async function runAsync<T>(steps: Steps<T>, files: WorkspaceFiles): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const op = next.value;
    next = steps.next(op.kind === 'read' ? await files.read(op.file, op.cap) : await files.exists(op.file));
  }
  return next.value;
}

/** A host that reads no workspace files (no config, no siblings): documents are checked with the editor's settings alone. */
export const NO_WORKSPACE_FILES: WorkspaceFiles = {
  dirname: (file) => file,
  basename: (file) => file,
  join: (folder, name) => `${folder}/${name}`,
  resolve: (_folder, relative) => relative,
  read: () => Promise.resolve({ ok: false, reason: 'cannot be read (no workspace files on this host)' }),
  exists: () => Promise.resolve(false),
  list: () => Promise.resolve([]),
  fileOf: () => null,
  uriOf: (file) => file,
  globBase: (folder) => folder,
};
