/**
 * Unwrapped data keys kept in memory so that a hot path does not unwrap on every row. Bounded
 * in size and age: a key destroyed by another process stops working here within `ttlMs`.
 */
export class DataKeyCache {
  private readonly entries = new Map<string, { key: Buffer; at: number }>();

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

  clear(): void {
    this.entries.clear();
  }
}
