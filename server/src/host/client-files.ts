// The workspace files of the browser server: URIs, read by the client through
// workspace.fs (the server in a web worker has no file system of its own).
import type { Connection } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { ListWorkspaceFolderRequest, ReadWorkspaceFileRequest, WorkspaceFileExistsRequest, type ReadWorkspaceFileResult } from '../protocol.js';
import type { WorkspaceFiles, WorkspaceRead } from '../config/workspace-files.js';

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

/** The client's answer in the words the Node reader uses, so messages read the same on every host. */
function asRead(result: ReadWorkspaceFileResult, cap: number): WorkspaceRead {
  if (result.ok) return result;
  switch (result.refusal) {
    case 'missing':
      return { ok: false, reason: 'does not exist' };
    case 'folder':
      return { ok: false, reason: 'is a folder, not a file' };
    case 'not-a-file':
      return { ok: false, reason: 'is not a regular file' };
    case 'too-large':
      return { ok: false, reason: `is larger than ${formatBytes(cap)} (the most a config or template file may be)` };
    default:
      return { ok: false, reason: `cannot be read (${result.detail ?? 'unknown error'})` };
  }
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function clientWorkspaceFiles(connection: Connection): WorkspaceFiles {
  return {
    dirname: (file) => Utils.dirname(URI.parse(file)).toString(),
    basename: (file) => Utils.basename(URI.parse(file)),
    join: (folder, name) => Utils.joinPath(URI.parse(folder), name).toString(),
    resolve: (folder, relative) => (HAS_SCHEME.test(relative) ? URI.parse(relative).toString() : Utils.resolvePath(URI.parse(folder), relative).toString()),
    read: async (file, cap) => {
      try {
        return asRead(await connection.sendRequest(ReadWorkspaceFileRequest, { uri: file, cap }), cap);
      } catch (error) {
        return { ok: false, reason: `cannot be read (${error instanceof Error ? error.message : String(error)})` };
      }
    },
    exists: (file) => connection.sendRequest(WorkspaceFileExistsRequest, { uri: file }).catch(() => false),
    list: (folder) => connection.sendRequest(ListWorkspaceFolderRequest, { uri: folder }).catch(() => []),
    fileOf: (uri) => {
      try {
        return URI.parse(uri).scheme === 'untitled' ? null : URI.parse(uri).toString();
      } catch {
        return null;
      }
    },
    uriOf: (file) => file,
    globBase: (folder) => URI.parse(folder).path,
  };
}
