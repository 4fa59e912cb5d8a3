// Readings of a line or a block remembered across analyses, so that after an
// edit only the text that changed is read again. Pure functions of their key
// only: a memo never changes a result, it only skips recomputing one. Each
// engine instance keeps its own (see memo-owner.ts).

/**
 * A memo that keeps what the recent analyses used: two generations of at most
 * `limit` entries each. A hit in the older one moves the entry to the newer
 * one; when the newer one is full it becomes the older one and the oldest is
 * dropped. So a document's lines, read again on every analysis, stay, while
 * lines of documents closed long ago go: memory stays at most 2 × `limit`
 * entries (it used to be one generation of 20,000–50,000 that only emptied
 * when full, about 65 MB over 2,000 distinct documents).
 */
export class RecentMemo<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(
    private readonly limit: number,
    /** Keys longer than this are not kept (a huge line is rarely read twice unchanged). */
    private readonly longest = 2_000,
  ) {}

  /**
   * The remembered value, or `compute(key)` remembered. A computed `undefined`
   * is not remembered, so a miss is one lookup per generation (no `has` after
   * each `get`), and none in an empty older one: the common case of a text
   * read for the first time.
   */
  get(key: string, compute: (key: string) => V): V {
    const known = this.newer.get(key);
    if (known !== undefined) return known;
    const old = this.older.size > 0 ? this.older.get(key) : undefined;
    const value = old !== undefined ? old : compute(key);
    if (value !== undefined && key.length <= this.longest) {
      if (this.newer.size >= this.limit) {
        this.older = this.newer;
        this.newer = new Map();
      }
      this.newer.set(key, value);
    }
    return value;
  }

  clear(): void {
    // Clearing a Map allocates it a new table: an empty one (most memos, between cold analyses) is left as it is.
    if (this.newer.size > 0) this.newer.clear();
    if (this.older.size > 0) this.older.clear();
  }

  get size(): number {
    return this.newer.size + this.older.size;
  }
}
