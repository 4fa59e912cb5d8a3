// The Node server's workspace files: the disk for file: documents, the client's
// workspace.fs for documents on other file systems (a virtual workspace such as
// the GitHub Repositories extension's vscode-vfs:), which the server cannot reach.
import type { WorkspaceFiles } from '../config/workspace-files.js';

// A URI's scheme has two letters or more: a Windows drive ("C:\") is a path.
const URI_STRING = /^[a-z][a-z0-9+.-]+:/i;

export function filesByScheme(disk: WorkspaceFiles, editor: WorkspaceFiles): WorkspaceFiles {
  const pick = (file: string): WorkspaceFiles => (URI_STRING.test(file) ? editor : disk);
  return {
    dirname: (file) => pick(file).dirname(file),
    basename: (file) => pick(file).basename(file),
    join: (folder, name) => pick(folder).join(folder, name),
    resolve: (folder, relative) => pick(folder).resolve(folder, relative),
    read: (file, cap) => pick(file).read(file, cap),
    exists: (file) => pick(file).exists(file),
    list: (folder) => pick(folder).list(folder),
    fileOf: (uri) => disk.fileOf(uri) ?? editor.fileOf(uri),
    uriOf: (file) => pick(file).uriOf(file),
    globBase: (folder) => pick(folder).globBase(folder),
  };
}
