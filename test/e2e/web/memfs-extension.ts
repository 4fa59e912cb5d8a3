// A test-only extension for the web-host run of the extension-host suite: a
// memfs: file system holding a copy of the test workspace, so the suite runs on
// a folder that is not on a `file:` (or any disk) file system, as on github.dev.
// The launcher opens memfs:/workspace; the workbench activates this extension
// for it (onFileSystem:memfs) and waits for the provider.
import * as vscode from 'vscode';

type Entry = { type: vscode.FileType.File; data: Uint8Array; mtime: number } | { type: vscode.FileType.Directory; mtime: number };

class MemFs implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  constructor(private readonly loaded: Promise<void>) {}

  static parentOf(path: string): string {
    const cut = path.lastIndexOf('/');
    return cut <= 0 ? '/' : path.slice(0, cut);
  }

  put(path: string, data: Uint8Array | null): void {
    for (let parent = MemFs.parentOf(path); !this.entries.has(parent); parent = MemFs.parentOf(parent)) this.entries.set(parent, { type: vscode.FileType.Directory, mtime: Date.now() });
    this.entries.set(path, data ? { type: vscode.FileType.File, data, mtime: Date.now() } : { type: vscode.FileType.Directory, mtime: Date.now() });
  }

  private async entry(uri: vscode.Uri): Promise<Entry> {
    await this.loaded;
    const entry = this.entries.get(uri.path.replace(/\/+$/, '') || '/');
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const entry = await this.entry(uri);
    return { type: entry.type, ctime: 0, mtime: entry.mtime, size: entry.type === vscode.FileType.File ? entry.data.byteLength : 0 };
  }

  async readDirectory(uri: vscode.Uri): Promise<Array<[string, vscode.FileType]>> {
    await this.entry(uri);
    const folder = uri.path.replace(/\/+$/, '');
    return [...this.entries].filter(([path]) => path !== '/' && MemFs.parentOf(path) === (folder || '/')).map(([path, entry]) => [path.slice(path.lastIndexOf('/') + 1), entry.type]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const entry = await this.entry(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    await this.loaded;
    const exists = this.entries.has(uri.path);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    this.put(uri.path, content);
    this.changes.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    await this.loaded;
    this.put(uri.path, null);
    this.changes.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await this.entry(uri);
    for (const path of [...this.entries.keys()]) if (path === uri.path || path.startsWith(`${uri.path}/`)) this.entries.delete(path);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  async rename(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    const entry = await this.entry(from);
    this.entries.delete(from.path);
    this.entries.set(to.path, entry);
    this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to }]);
  }
}

/** Copies a folder (read through the extension's own file system: the VS Code server's disk) into memfs under `into`. */
async function copyInto(memfs: MemFs, from: vscode.Uri, into: string): Promise<void> {
  for (const [name, type] of await vscode.workspace.fs.readDirectory(from)) {
    const source = vscode.Uri.joinPath(from, name);
    if (type & vscode.FileType.Directory) await copyInto(memfs, source, `${into}/${name}`);
    else memfs.put(`${into}/${name}`, await vscode.workspace.fs.readFile(source));
  }
}

export function activate(context: vscode.ExtensionContext): void {
  let ready: () => void = () => undefined;
  let failed: (error: unknown) => void = () => undefined;
  const loaded = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  const memfs = new MemFs(loaded);
  // Registered before anything is awaited: the workbench is waiting for it.
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider('memfs', memfs, { isCaseSensitive: true }));
  memfs.put('/workspace', null);
  copyInto(memfs, vscode.Uri.joinPath(context.extensionUri, 'files'), '/workspace').then(ready, failed);
}
