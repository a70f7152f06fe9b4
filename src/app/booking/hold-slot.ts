import { notFound, slotUnavailable } from '../../domain/errors.js';
import type { Booking } from '../../domain/model.js';
import { formatInstant } from '../../domain/time/format-instant.js';
import { MS_PER_MINUTE } from '../../domain/time/units.js';
import { newId } from '../../security/ids.js';
import { hashToken, newSecretToken } from '../../security/tokens.js';
import { audited } from '../audited.js';
import type { Actor, AppContext } from '../ports.js';
import { candidateStaff, requireOrg, requireService } from '../public/load-public.js';
import { parseInstant, requireTimeZone } from '../time-window.js';
import { assignStaff } from './assign-staff.js';
import { offeredSlots } from './offered-slots.js';

export interface HoldRequest {
  serviceId: string;
  start: string;
  staffId?: string | null;
  timeZone: string;
}

export interface HoldResult {
  holdToken: string;
  expiresAt: string;
  start: string;
  end: string;
  staffId: string;
}

/** Keeps a slot for a few minutes while the customer fills in the form. */
export async function holdSlot(ctx: AppContext, orgSlug: string, request: HoldRequest, actor: Actor): Promise<HoldResult> {
  const timeZone = requireTimeZone(request.timeZone);
  const start = parseInstant(request.start);
  const { org, service } = await ctx.uow.read(async (repos) => {
    const org = await requireOrg(repos, orgSlug);
    return { org, service: await requireService(repos, org, request.serviceId) };
  });
  const staffIds = candidateStaff(service, request.staffId);
  const audit = { orgId: org.id, actor, action: 'booking.hold', objectType: 'booking', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(
      async (repos) => {
        const now = ctx.clock.now();
        await repos.bookings.expireHolds(staffIds, now);
        const slots = await offeredSlots(repos, { orgId: org.id, service, staffIds, from: start, to: start + 1, now });
        const free = slots.find((s) => s.start === start)?.staffIds ?? [];
        if (free.length === 0) throw slotUnavailable();
        const assignment = await assignStaff(repos, org, free, start, request.staffId);
        const token = newSecretToken();
        const hold: Booking = {
          id: newId(now),
          orgId: org.id,
          serviceId: service.id,
          staffId: assignment.chosen,
          customerId: null,
          status: 'held',
          start,
          end: start + service.durationMin * MS_PER_MINUTE,
          busyStart: start - service.bufferBeforeMin * MS_PER_MINUTE,
          busyEnd: start + (service.durationMin + service.bufferAfterMin) * MS_PER_MINUTE,
          capacityOne: service.capacity === 1,
          customerTimeZone: timeZone,
          notes: null,
          assignment,
          holdExpiresAt: now + org.policies.holdMinutes * MS_PER_MINUTE,
          privacyNoticeVersion: null,
          cancelReason: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await repos.bookings.insert(hold, hashToken(token));
        await repos.audit.record({ ...audit, objectIds: [hold.id], outcome: 'success' });
        return {
          holdToken: token,
          expiresAt: formatInstant(timeZone, hold.holdExpiresAt as number),
          start: formatInstant(timeZone, hold.start),
          end: formatInstant(timeZone, hold.end),
          staffId: hold.staffId,
        };
      },
      { lockStaffIds: staffIds },
    ),
  );
}

/**
 * Gives a held slot back at once (the customer picked another time or left the page), so
 * nobody waits for the hold to run out. The hold token is the credential.
 */
export async function releaseHold(ctx: AppContext, orgSlug: string, holdToken: string, actor: Actor): Promise<void> {
  const org = await ctx.uow.read((repos) => requireOrg(repos, orgSlug));
  const audit = { orgId: org.id, actor, action: 'booking.hold.release', objectType: 'booking', objectIds: [] };
  await audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const id = await repos.bookings.releaseHold(org.id, hashToken(holdToken), ctx.clock.now());
      if (!id) throw notFound('Hold');
      await repos.audit.record({ ...audit, objectIds: [id], outcome: 'success' });
    }),
  );
}
