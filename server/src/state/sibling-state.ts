import type { Settings } from '../config/settings.js';
import type { EffectiveSettings } from '../config/effective-settings.js';
import type { SectionKind } from '../model/schema.js';

type Kinds = ReadonlySet<SectionKind>;

/** The section kinds of a document's neighbours, read in the background (features/sibling-templates.ts reads them from disk). */
export interface SiblingSource {
  /** Resolves when the document's folder has been read. Never rejects. */
  load(uri: string): Promise<void>;
  /** The siblings' kinds, or undefined while the folder is still being read. */
  current(uri: string): ReadonlyArray<Kinds> | undefined;
  saved(uri: string, text: string): void;
  forget(uri: string): void;
  clear(): void;
}

/**
 * The team's own template, from the other postmortems in each document's
 * folder (as the CLI does). Documents analysed before their folder was read
 * are remembered; once it is, `stale` is told which to check again.
 */
export class SiblingState {
  private readonly source: SiblingSource;
  private readonly servedWithout = new Set<string>();
  // Settings with the siblings on top, one object per (settings, siblings) pair: analyses are cached by the settings object.
  private readonly memo = new WeakMap<Settings, WeakMap<object, EffectiveSettings>>();

  constructor(
    create: (loaded: (folder: string) => void) => SiblingSource,
    private readonly folderOf: (uri: string) => string | undefined,
    private readonly stale: (uris: string[]) => void,
  ) {
    this.source = create((folder) => this.loaded(folder));
  }

  load(uri: string): Promise<void> {
    return this.source.load(uri);
  }

  /** The settings a document is analysed with: its own, and its siblings' sections once they are known. */
  withSiblings(settings: Settings, uri: string): Settings {
    const found = this.source.current(uri);
    if (found === undefined) this.servedWithout.add(uri);
    if (found === undefined || found.length === 0) return settings;
    let bySiblings = this.memo.get(settings);
    if (!bySiblings) this.memo.set(settings, (bySiblings = new WeakMap()));
    let derived = bySiblings.get(found);
    if (!derived) bySiblings.set(found, (derived = { ...settings, siblingSections: found }));
    return derived;
  }

  saved(uri: string, text: string): void {
    this.source.saved(uri, text);
  }

  closed(uri: string): void {
    this.servedWithout.delete(uri);
    this.source.forget(uri);
  }

  clear(): void {
    this.source.clear();
  }

  private loaded(folder: string): void {
    const stale = [...this.servedWithout].filter((uri) => this.folderOf(uri) === folder);
    for (const uri of stale) this.servedWithout.delete(uri);
    if (stale.length > 0) this.stale(stale);
  }
}
