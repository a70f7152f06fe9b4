import { formatInstant } from '../../domain/time/format-instant.js';
import { offeredSlots } from '../booking/offered-slots.js';
import type { AppContext } from '../ports.js';
import { localDateRange, requireTimeZone } from '../time-window.js';
import { candidateStaff, requireOrg, requireService } from './load-public.js';

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
  slots: { start: string; end: string; staffIds: string[] }[];
}

/** Free times of a service over local dates in the customer's zone (at most 62 days). */
export async function findSlots(ctx: AppContext, q: SlotsQuery): Promise<SlotsAnswer> {
  const timeZone = requireTimeZone(q.timeZone);
  const range = localDateRange(timeZone, q.from, q.to);
  return ctx.uow.read(async (repos) => {
    const org = await requireOrg(repos, q.orgSlug);
    const service = await requireService(repos, org, q.serviceId);
    const staffIds = candidateStaff(service, q.staffId);
    const slots = await offeredSlots(repos, { orgId: org.id, service, staffIds, ...range, now: ctx.clock.now() });
    return {
      timeZone,
      slots: slots.map((s) => ({
        start: formatInstant(timeZone, s.start),
        end: formatInstant(timeZone, s.end),
        staffIds: s.staffIds,
      })),
    };
  });
}
