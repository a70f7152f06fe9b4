import { createHash } from 'node:crypto';
import type { AppContext } from '../ports.js';
import { requireOrg, requireService } from './load-public.js';

/** What a booking page hears: the slots of this service may have changed. No personal data. */
export interface AvailabilityChange {
  serviceId: string;
  /** Opaque; another value means "ask for the slots again". */
  version: string;
}

export type AvailabilityListener = (change: AvailabilityChange) => void;

export interface AvailabilityWatchOptions {
  /** How often each watched service's availability version is read, ms. */
  checkEveryMs: number;
  /** Hears a failed check or a listener's error; the watch carries on. */
  onError: (error: unknown) => void;
}

export interface AvailabilitySubscription {
  /** The service's version when the subscription started. */
  readonly version: string;
  stop(): void;
}

interface Watched {
  orgSlug: string;
  orgId: string;
  serviceId: string;
  /** AvailabilityVersions.ofService as last read. */
  counters: string | null;
  /** The next hold expiry after the last check (HoldExpiries), or null. */
  nextExpiry: number | null;
  /** The last hold expiry passed: part of the version, since it changes the slots with no write. */
  expiryPassed: number | null;
  version: string;
  listeners: Set<AvailabilityListener>;
}

export const DEFAULT_CHECK_EVERY_MS = 1_000;

/**
 * Tells subscribers when a service's free times may have changed, for every service with at
 * least one subscriber: one timer for the process, and per watched service one version read
 * a tick (on SQLite nothing at all while nothing was written, see VersionMemo; on PostgreSQL
 * one small query, which also sees what other app processes wrote). The versions move with
 * every booking, cancellation, hold, release, hours, override, service or staff change (the
 * triggers of migration 0006); a hold that lapses writes nothing, so the watch also fires
 * when the earliest live hold it knows of expires (HoldExpiries), read again after each change.
 */
export class AvailabilityWatch {
  private readonly watched = new Map<string, Watched>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private checking: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly ctx: Pick<AppContext, 'uow' | 'clock'>,
    private readonly options: AvailabilityWatchOptions,
  ) {}

  /**
   * Starts hearing about one service of an org. An unknown org, or a service it does not
   * offer (inactive or another org's), is not_found, as for its slot list.
   */
  async subscribe(orgSlug: string, serviceId: string, listener: AvailabilityListener): Promise<AvailabilitySubscription> {
    const key = `${orgSlug}/${serviceId}`;
    const now = this.ctx.clock.now();
    const state = await this.ctx.uow.read(async (repos) => {
      const org = await requireOrg(repos, orgSlug);
      await requireService(repos, org, serviceId);
      const counters = await repos.availability.ofService(orgSlug, serviceId);
      const nextExpiry = await repos.holdExpiries.nextOfService(org.id, serviceId, now);
      return { orgId: org.id, counters, nextExpiry };
    });
    if (this.closed) return { version: '', stop: () => {} };
    // Already watched: its state stays as the last check left it, so no subscriber misses a change.
    let watched = this.watched.get(key);
    if (!watched) {
      const { orgId, counters, nextExpiry } = state;
      watched = { orgSlug, orgId, serviceId, counters, nextExpiry, expiryPassed: null, version: versionOf(counters, null), listeners: new Set() };
      this.watched.set(key, watched);
    }
    const entry = watched;
    entry.listeners.add(listener);
    this.startTimer();
    return {
      version: entry.version,
      stop: () => {
        entry.listeners.delete(listener);
        if (entry.listeners.size === 0 && this.watched.get(key) === entry) this.watched.delete(key);
        if (this.watched.size === 0) this.stopTimer();
      },
    };
  }

  /** Stops watching everything; waits for a check in flight, so the database may close after. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopTimer();
    this.watched.clear();
    await this.checking;
  }

  /** One round over the watched services (the timer calls it); rounds never overlap. */
  check(): Promise<void> {
    this.checking ??= this.checkAll().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async checkAll(): Promise<void> {
    for (const watched of [...this.watched.values()]) {
      if (this.closed) return;
      if (watched.listeners.size === 0) continue;
      try {
        await this.checkOne(watched);
      } catch (e) {
        this.options.onError(e);
      }
    }
  }

  private async checkOne(w: Watched): Promise<void> {
    const now = this.ctx.clock.now();
    const counters = await this.ctx.uow.read((repos) => repos.availability.ofService(w.orgSlug, w.serviceId));
    const lapsed = w.nextExpiry !== null && now >= w.nextExpiry ? w.nextExpiry : null;
    if (counters === w.counters && lapsed === null) return;
    w.counters = counters;
    if (lapsed !== null) w.expiryPassed = lapsed;
    w.nextExpiry = await this.ctx.uow.read((repos) => repos.holdExpiries.nextOfService(w.orgId, w.serviceId, now));
    const version = versionOf(counters, w.expiryPassed);
    if (version === w.version) return;
    w.version = version;
    const change: AvailabilityChange = { serviceId: w.serviceId, version };
    for (const listener of [...w.listeners]) {
      try {
        listener(change);
      } catch (e) {
        this.options.onError(e);
      }
    }
  }

  private startTimer(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.check(), this.options.checkEveryMs);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * The counters name the service's staff, so they are hashed: the page needs only "changed or
 * not".
 */
function versionOf(counters: string | null, expiryPassed: number | null): string {
  return createHash('sha256').update(`${counters ?? 'none'}|${expiryPassed ?? ''}`).digest('base64url').slice(0, 16);
}
