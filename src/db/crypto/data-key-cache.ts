/**
 * Unwrapped data keys kept in memory so that a hot path does not unwrap on every row. Bounded
 * in size and age: a key destroyed by another process stops working here within `ttlMs`.
 */
export class DataKeyCache {
  private readonly entries = new Map<string, { key: Buffer; at: number }>();
  /** Owner -> id of its active key, for owners whose active key never changes. */
  private readonly fixedActive = new Map<string, string>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(id: string): Buffer | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    // Refresh recency: Map iteration order is insertion order, so the oldest is first.
    this.entries.delete(id);
    this.entries.set(id, e);
    return e.key;
  }

  set(id: string, key: Buffer): void {
    this.entries.delete(id);
    this.entries.set(id, { key, at: this.now() });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  /**
   * The active key of an owner whose active key is never replaced (an org's blind-index key:
   * rotation keeps it), as long as the key itself is still cached: same bound, same age limit.
   */
  fixedActiveKey(owner: string): { id: string; key: Buffer } | undefined {
    const id = this.fixedActive.get(owner);
    const key = id === undefined ? undefined : this.get(id);
    if (id === undefined || key === undefined) {
      this.fixedActive.delete(owner);
      return undefined;
    }
    return { id, key };
  }

  setFixedActiveKey(owner: string, id: string, key: Buffer): void {
    this.set(id, key);
    this.fixedActive.delete(owner);
    this.fixedActive.set(owner, id);
    if (this.fixedActive.size > this.maxEntries) {
      const oldest = this.fixedActive.keys().next().value;
      if (oldest !== undefined) this.fixedActive.delete(oldest);
    }
  }

  forgetFixedActiveKey(owner: string): void {
    this.fixedActive.delete(owner);
  }

  clear(): void {
    this.entries.clear();
    this.fixedActive.clear();
  }
}
