import type { Service } from '../../domain/model.js';
import { formatInstant } from '../../domain/time/format-instant.js';
import { offeredSlotsUntil, slotRules } from '../booking/offered-slots.js';
import type { AppContext, Repositories } from '../ports.js';
import { localDateRange, requireTimeZone } from '../time-window.js';
import { candidateStaff, requireOrg, requireService } from './load-public.js';
import { SlotAnswer, type SlotView } from './slot-answer-cache.js';

export interface SlotsQuery {
  orgSlug: string;
  serviceId: string;
  from: string;
  to: string;
  timeZone: string;
  staffId?: string | null;
}

export interface SlotsAnswer {
  timeZone: string;
  slots: SlotView[];
}

/** Free times of a service over local dates in the customer's zone (at most 62 days). */
export async function findSlots(ctx: AppContext, q: SlotsQuery): Promise<SlotsAnswer> {
  const { answer, now } = await slotAnswer(ctx, q);
  return answer.slotsAt(now);
}

/** findSlots ready to send: the JSON text of SlotsAnswer, and gzip of it when that is cheap. */
export interface SlotsBody {
  /** For an answer from the cache as UTF-8 bytes, encoded once and kept; else the text. */
  json: string | Buffer;
  /** For an answer from the cache: the same body gzip-compressed (once, then kept). Else null. */
  gzip: (() => Buffer) | null;
}

export async function findSlotsBody(ctx: AppContext, q: SlotsQuery): Promise<SlotsBody> {
  const { answer, now, cached } = await slotAnswer(ctx, q);
  // A fresh answer may never be asked for again: encoding or compressing it ahead would only add work.
  if (!cached) return { json: answer.jsonAt(now), gzip: null };
  return { json: answer.utf8At(now), gzip: () => answer.gzipAt(now) };
}

/**
 * From this process's cache when nothing that decides these slots has changed, else computed.
 * The version is read BEFORE the slots are computed: whatever the computation reads is at
 * least as new as the version it is stored under, so a change committed in between can only
 * make the entry stale early (recomputed at the next request), never hide the change.
 * A hit skips the input checks: only answers to valid queries are ever stored under a key.
 */
async function slotAnswer(ctx: AppContext, q: SlotsQuery): Promise<{ answer: SlotAnswer; now: number; cached: boolean }> {
  const key = JSON.stringify([q.orgSlug, q.serviceId, q.staffId ?? null, q.from, q.to, q.timeZone]);
  return ctx.uow.read(async (repos) => {
    const version = await repos.availability.ofService(q.orgSlug, q.serviceId);
    const now = ctx.clock.now();
    const cached = version === null ? null : ctx.slotAnswers.get(key, version, now);
    if (cached) return { answer: cached, now, cached: true };
    const answer = await computeAnswer(repos, q, version ?? '', now);
    if (version !== null) ctx.slotAnswers.set(key, answer);
    return { answer, now, cached: false };
  });
}

async function computeAnswer(repos: Repositories, q: SlotsQuery, version: string, now: number): Promise<SlotAnswer> {
  const timeZone = requireTimeZone(q.timeZone);
  const range = localDateRange(timeZone, q.from, q.to);
  const org = await requireOrg(repos, q.orgSlug);
  const service = await requireService(repos, org, q.serviceId);
  const staffIds = candidateStaff(service, q.staffId);
  const { slots, changesAt } = await offeredSlotsUntil(repos, {
    orgId: org.id,
    service: withoutClockLimits(service),
    staffIds,
    ...range,
    now,
  });
  return new SlotAnswer({
    version,
    computedAt: now,
    changesAt,
    timeZone,
    range,
    rules: slotRules(service),
    starts: slots.map((s) => s.start),
    slots: slots.map((s) => ({ start: formatInstant(timeZone, s.start), end: formatInstant(timeZone, s.end), staffIds: s.staffIds })),
  });
}

/** Minimum notice and maximum advance move with the clock: SlotAnswer applies them per request. */
function withoutClockLimits(service: Service): Service {
  return { ...service, minNoticeMin: 0, maxAdvanceDays: null };
}
