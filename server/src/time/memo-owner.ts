// The memo tables of one engine instance. A host (the server's analysis cache,
// the analysis worker, a CLI run) owns one and passes it to every analysis, so
// readings of unchanged lines are reused across its analyses; two owners share
// nothing, and nothing is remembered process-wide.

/** A kind of memo table: each owner makes its own with `create`, the first time it is used. */
export interface MemoSlot<T> {
  readonly create: () => T;
}

/** Declares a memo table (a module keeps the slot, never the table). */
export function memoSlot<T>(create: () => T): MemoSlot<T> {
  return { create };
}

export class MemoOwner {
  private readonly tables = new Map<MemoSlot<unknown>, unknown>();

  /** This owner's table for `slot`. */
  of<T>(slot: MemoSlot<T>): T {
    let table = this.tables.get(slot) as T | undefined;
    if (table === undefined) {
      table = slot.create();
      this.tables.set(slot, table);
    }
    return table;
  }

  /** How many entries its tables hold (tables without a size count none): for tests and diagnostics. */
  get entries(): number {
    let count = 0;
    for (const table of this.tables.values()) {
      const size = (table as { size?: unknown }).size;
      if (typeof size === 'number') count += size;
    }
    return count;
  }
}
