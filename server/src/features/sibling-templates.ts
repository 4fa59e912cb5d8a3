import { sectionKindsOf } from '../engine/analyze.js';
import type { WorkspaceFiles } from '../config/workspace-files.js';
import type { SectionKind } from '../model/schema.js';

/** The most sibling files read per folder: a team's habits show in a few, and a huge folder must not cost a huge read. */
export const MAX_SIBLINGS = 40;
/** A sibling larger than this is not read (a real postmortem is far smaller). */
const SIBLING_CAP_BYTES = 256 * 1024;
const MARKDOWN = /\.(?:md|markdown)$/i;

type Kinds = ReadonlySet<SectionKind>;

interface Folder {
  /** Section kinds by file path, once read; null while reading. */
  kinds: Map<string, Kinds> | null;
  loaded: Promise<void>;
  /** Per document path: the same array each time, so analyses keyed on it are reused. */
  perDocument: Map<string, ReadonlyArray<Kinds>>;
}

/**
 * The section kinds of the other postmortems in a document's folder, as the
 * CLI passes them to the engine (see missing-section: a heading every sibling
 * lacks is the team's template, not a gap). Folders are read in the
 * background, one file per turn of the event loop, through the workspace-file
 * reader (regular files only, capped), at most MAX_SIBLINGS files each.
 */
export class SiblingTemplates {
  private readonly folders = new Map<string, Folder>();

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly onLoaded: (folder: string) => void = () => undefined,
  ) {}

  /** The folder of a document the host can read, or null (untitled documents have no siblings). */
  folderOf(uri: string): { folder: string; path: string } | null {
    const path = this.files.fileOf(uri);
    return path === null ? null : { folder: this.files.dirname(path), path };
  }

  /** Resolves when the document's folder has been read (at once for documents with no folder). Never rejects. */
  load(uri: string): Promise<void> {
    const place = this.folderOf(uri);
    return place ? this.folder(place.folder).loaded : Promise.resolve();
  }

  /** The siblings' section kinds for a document, or undefined while its folder is still being read. */
  current(uri: string): ReadonlyArray<Kinds> | undefined {
    const place = this.folderOf(uri);
    if (!place) return [];
    const folder = this.folder(place.folder);
    if (!folder.kinds) return undefined;
    let list = folder.perDocument.get(place.path);
    if (!list) {
      list = [...folder.kinds].filter(([path]) => path !== place.path).map(([, kinds]) => kinds);
      folder.perDocument.set(place.path, list);
    }
    return list;
  }

  /** A document was saved: its sections are the team's too, from now on. */
  saved(uri: string, text: string): void {
    const place = this.folderOf(uri);
    const folder = place ? this.folders.get(place.folder) : undefined;
    if (!place || !folder?.kinds) return;
    const kinds = postmortemKinds(text);
    if (kinds) folder.kinds.set(place.path, kinds);
    else folder.kinds.delete(place.path);
    folder.perDocument.clear();
  }

  /** A document was closed: its list of siblings goes with it (the folder's kinds stay for its neighbours). */
  forget(uri: string): void {
    const place = this.folderOf(uri);
    if (place) this.folders.get(place.folder)?.perDocument.delete(place.path);
  }

  clear(): void {
    this.folders.clear();
  }

  private folder(path: string): Folder {
    let folder = this.folders.get(path);
    if (!folder) {
      const created: Folder = { kinds: null, loaded: Promise.resolve(), perDocument: new Map() };
      created.loaded = readFolder(this.files, path).then((kinds) => {
        // Dropped (cleared) while reading: a newer read is the one that counts.
        if (this.folders.get(path) !== created) return;
        created.kinds = kinds;
        this.onLoaded(path);
      });
      this.folders.set(path, created);
      folder = created;
    }
    return folder;
  }
}

/** The kinds of a postmortem's sections; null for a text that is not shaped like one (fewer than two named sections). */
function postmortemKinds(text: string): Kinds | null {
  const kinds = sectionKindsOf(text);
  return [...kinds].filter((kind) => kind !== 'other').length >= 2 ? kinds : null;
}

async function readFolder(files: WorkspaceFiles, folder: string): Promise<Map<string, Kinds>> {
  const kinds = new Map<string, Kinds>();
  const names = (await files.list(folder)).filter((name) => MARKDOWN.test(name));
  for (const name of names.sort().slice(0, MAX_SIBLINGS)) {
    // One file per turn: requests for open documents are answered in between.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const path = files.join(folder, name);
    const read = await files.read(path, SIBLING_CAP_BYTES);
    if (!read.ok) continue;
    try {
      const found = postmortemKinds(read.text);
      if (found) kinds.set(path, found);
    } catch {
      // A file the engine cannot read says nothing about the team's template.
    }
  }
  return kinds;
}
