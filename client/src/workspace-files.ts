// Answers the server's requests for workspace files through workspace.fs: the
// browser server has no file system, and workspace.fs reaches every file system
// the editor has (the disk, github.dev's repository, a memfs provider).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListWorkspaceFolderRequest, ReadWorkspaceFileRequest, WorkspaceFileExistsRequest, type ReadWorkspaceFileResult } from '../../server/src/protocol.js';

function isMissing(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound');
}

async function readFile(uri: vscode.Uri, cap: number): Promise<ReadWorkspaceFileResult> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { ok: false, refusal: 'folder' };
    if (!(stat.type & vscode.FileType.File)) return { ok: false, refusal: 'not-a-file' };
    if (stat.size > cap) return { ok: false, refusal: 'too-large' };
    const bytes = await vscode.workspace.fs.readFile(uri);
    // The size may have changed since the stat.
    if (bytes.byteLength > cap) return { ok: false, refusal: 'too-large' };
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
  } catch (error) {
    if (isMissing(error)) return { ok: false, refusal: 'missing' };
    return { ok: false, refusal: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

async function listFiles(uri: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(uri)).filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
  } catch {
    return [];
  }
}

/** Registers the handlers on a client before it starts. */
export function answerWorkspaceFileRequests(client: BaseLanguageClient): vscode.Disposable {
  const handlers = [
    client.onRequest(ReadWorkspaceFileRequest, ({ uri, cap }) => readFile(vscode.Uri.parse(uri), cap)),
    client.onRequest(WorkspaceFileExistsRequest, ({ uri }) => isFile(vscode.Uri.parse(uri))),
    client.onRequest(ListWorkspaceFolderRequest, ({ uri }) => listFiles(vscode.Uri.parse(uri))),
  ];
  return vscode.Disposable.from(...handlers);
}
