import { gzipSync } from 'node:zlib';
import type { SlotRules } from '../../domain/slots/types.js';
import { startBounds } from '../../domain/slots/slot-finder.js';

/** One offered slot as the API shows it. */
export interface SlotView {
  start: string;
  end: string;
  staffIds: string[];
}

export interface SlotAnswerParts {
  /** The availability version (AvailabilityVersions.ofService) read before computing. */
  version: string;
  computedAt: number;
  /** From this instant on the answer may grow by itself (a hold in it expires). */
  changesAt: number;
  timeZone: string;
  /** The query's start instants, [from, to). */
  range: { from: number; to: number };
  rules: SlotRules;
  /**
   * Computed at `computedAt` WITHOUT minimum notice and maximum advance, sorted by start:
   * those two limits move with the clock and are applied when serving (startBounds).
   */
  starts: readonly number[];
  slots: readonly SlotView[];
}

/**
 * A computed slot answer that stays right while "now" moves: each request cuts the sorted
 * slots to the bounds of its own instant, so a slot is gone from the very moment it becomes
 * too soon, and one entering the advance window appears when it does. Each slot is
 * serialized once; the JSON of an answer is the same text fast-json-stringify would write
 * for the route's response schema (only the declared fields exist here).
 */
export class SlotAnswer {
  readonly version: string;
  readonly computedAt: number;
  readonly changesAt: number;
  /** Rough size in memory, for the cache's cap. */
  readonly bytes: number;
  private readonly parts: SlotAnswerParts;
  private readonly json: string[];
  private readonly prefix: string;
  private lastBody: { first: number; end: number; text: string; utf8: Buffer | null; gzip: Buffer | null } | null = null;

  constructor(parts: SlotAnswerParts) {
    this.parts = parts;
    this.version = parts.version;
    this.computedAt = parts.computedAt;
    this.changesAt = parts.changesAt;
    this.json = parts.slots.map((s) => JSON.stringify({ start: s.start, end: s.end, staffIds: s.staffIds }));
    this.prefix = `{"timeZone":${JSON.stringify(parts.timeZone)},"slots":[`;
    // Per slot: its view object, its JSON, and its share of the last body served (the text,
    // its UTF-8 bytes and its gzip copy, a fraction of the text).
    this.bytes = 256 + this.json.reduce((n, s) => n + 4.5 * s.length + 128, 0);
  }

  /** Whether this answer is still the answer at `now`, with nothing written since `version`. */
  servesAt(version: string, now: number): boolean {
    return version === this.version && now >= this.computedAt && now < this.changesAt;
  }

  slotsAt(now: number): { timeZone: string; slots: SlotView[] } {
    const [first, end] = this.window(now);
    return { timeZone: this.parts.timeZone, slots: this.parts.slots.slice(first, end) };
  }

  jsonAt(now: number): string {
    return this.bodyAt(now).text;
  }

  /**
   * jsonAt as gzip, compressed once per body and kept: the body of a popular answer is sent
   * again and again, and most of a request's cost is writing its bytes (an answer of a week
   * is about 25 KiB of JSON, about 2 KiB compressed). Slot answers hold no secret, so
   * compressing them gives a BREACH-style attack nothing to find.
   */
  gzipAt(now: number): Buffer {
    const body = this.bodyAt(now);
    body.gzip ??= gzipSync(body.text);
    return body.gzip;
  }

  /** jsonAt as UTF-8 bytes, encoded once per body and kept (sent again and again as well). */
  utf8At(now: number): Buffer {
    const body = this.bodyAt(now);
    body.utf8 ??= Buffer.from(body.text, 'utf8');
    return body.utf8;
  }

  private bodyAt(now: number): { text: string; utf8: Buffer | null; gzip: Buffer | null } {
    const [first, end] = this.window(now);
    const last = this.lastBody;
    if (last && last.first === first && last.end === end) return last;
    const body = { first, end, text: `${this.prefix}${this.json.slice(first, end).join(',')}]}`, utf8: null, gzip: null };
    this.lastBody = body;
    return body;
  }

  /** Indexes [first, end) of the slots offered at `now`. */
  private window(now: number): [number, number] {
    const [lower, upper] = startBounds(this.parts.rules, this.parts.range.from, this.parts.range.to, now);
    const starts = this.parts.starts;
    const first = firstAtLeast(starts, lower);
    return [first, Math.max(first, firstAtLeast(starts, upper))];
  }
}

function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SlotAnswerCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

const DEFAULT_LIMITS: SlotAnswerCacheLimits = { maxEntries: 2_000, maxBytes: 32 * 1024 * 1024 };

/**
 * Slot answers of this process, least recently used dropped first, bounded in count and size.
 * Never trusted on its own: every request first reads the availability version from the
 * database (one indexed statement, or on SQLite nothing when nothing was written since it was
 * last read: see VersionMemo) and an entry serves only under the same version. That is
 * what keeps several app processes (PostgreSQL) or a CLI next to the server (SQLite) right:
 * their changes raise the version in their own transaction, and the next request here sees it.
 */
export class SlotAnswerCache {
  private readonly entries = new Map<string, SlotAnswer>();
  private bytes = 0;
  private readonly limits: SlotAnswerCacheLimits;
  /** Lookups answered from the cache and not (for tests and benchmarks). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(limits: Partial<SlotAnswerCacheLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** The answer stored under `key` if it is still right at `now` under `version`. */
  get(key: string, version: string, now: number): SlotAnswer | null {
    const entry = this.entries.get(key);
    if (!entry || !entry.servesAt(version, now)) {
      this.drop(key);
      this.stats.misses += 1;
      return null;
    }
    this.stats.hits += 1;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, answer: SlotAnswer): void {
    this.drop(key);
    if (answer.bytes > this.limits.maxBytes) return;
    this.entries.set(key, answer);
    this.bytes += answer.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
