/** Fixtures of the HTTP benchmarks, written through the app's own repositories and use cases. */
import { bookAppointment } from '../../src/app/booking/book-appointment.js';
import { findSlots } from '../../src/app/public/find-slots.js';
import { DomainError } from '../../src/domain/errors.js';
import type { Repositories } from '../../src/app/ports.js';
import { DEFAULT_POLICIES, type Service } from '../../src/domain/model.js';
import type { WeeklyHours } from '../../src/domain/slots/types.js';
import { newId } from '../../src/security/ids.js';
import type { TestRuntime } from '../../test/support/databases.js';
import { type SlotGrid, dateRange } from './slot-grid.js';

const ZONE = 'Europe/Berlin';

function service(orgId: string, staffIds: string[], over: Partial<Service>): Service {
  return {
    id: newId(),
    orgId,
    locationId: null,
    name: 'Check-up',
    description: 'Short appointment',
    durationMin: 15,
    priceCents: 2500,
    currency: 'EUR',
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    slotIntervalMin: 15,
    minNoticeMin: 60,
    maxAdvanceDays: 365,
    capacity: 1,
    requiresApproval: false,
    cutoffMin: 120,
    active: true,
    staffIds,
    ...over,
  };
}

async function seedOrg(rt: TestRuntime, slug: string, staff: { name: string; hours: WeeklyHours[] }[], over: Partial<Service>) {
  const orgId = newId();
  const staffIds = staff.map(() => newId());
  const svc = service(orgId, staffIds, over);
  await rt.ctx.uow.write(async (r: Repositories) => {
    await r.orgs.insert({ id: orgId, slug, name: slug, timeZone: ZONE, locale: 'en', policies: DEFAULT_POLICIES, createdAt: rt.clock.now() });
    for (const [i, s] of staff.entries()) {
      const id = staffIds[i] as string;
      await r.staff.insert({ id, orgId, name: s.name, timeZone: ZONE, active: true });
      await r.staff.replaceWeeklyHours(orgId, id, s.hours);
    }
    await r.services.insert(svc);
  });
  return { orgId, slug, staffIds, service: svc };
}

export interface BookingOrg {
  slug: string;
  orgId: string;
  service: Service;
  grid: SlotGrid;
}

/**
 * The booking benchmark's org: `staffCount` staff working 06:00-22:00 every day of the week,
 * a 15-minute service every 15 minutes with no buffers; 64 slots per staff member and day.
 * The days (2027-04-01 .. 2027-10-30) lie inside summer time, so every start is +02:00.
 */
export async function seedBookingOrg(rt: TestRuntime, staffCount: number): Promise<BookingOrg> {
  const hours = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: 6 * 60, end: 22 * 60 }));
  const staff = Array.from({ length: staffCount }, (_, i) => ({ name: `Staff ${i + 1}`, hours }));
  const org = await seedOrg(rt, 'bench-bookings', staff, {});
  const grid: SlotGrid = {
    staffIds: org.staffIds,
    days: dateRange('2027-04-01', 213),
    offset: '+02:00',
    firstMinute: 6 * 60,
    slotsPerDay: 64,
    stepMin: 15,
  };
  return { slug: org.slug, orgId: org.orgId, service: org.service, grid };
}

export interface ClinicOrg {
  slug: string;
  orgId: string;
  service: Service;
  staffIds: string[];
  existingBookings: number;
}

/**
 * The availability benchmark's org: 4 staff on realistic, differing weekly hours, a 30-minute
 * service every 15 minutes with a 10-minute buffer after, and about one offered start in eight
 * booked (at pseudo-random starts, through the booking use case) from `bookedFrom` for
 * `bookedDays` days: roughly a third of the working time is taken.
 */
export async function seedClinic(rt: TestRuntime, bookedFrom: string, bookedDays: number): Promise<ClinicOrg> {
  const weekdays = (days: number[], ...spans: [number, number][]) =>
    days.flatMap((weekday) => spans.map(([start, end]) => ({ weekday, start: start * 60, end: end * 60 })));
  const staff = [
    { name: 'Ana', hours: weekdays([1, 2, 3, 4, 5], [8, 12], [13, 17]) },
    { name: 'Ben', hours: weekdays([1, 2, 3, 4, 5], [9, 13], [14, 18]) },
    { name: 'Cem', hours: [...weekdays([2, 3, 4, 5], [10, 19]), ...weekdays([6], [9, 14])] },
    { name: 'Dora', hours: weekdays([1, 3, 5], [7, 15]) },
  ];
  const org = await seedOrg(rt, 'bench-clinic', staff, { name: 'Consultation', durationMin: 30, bufferAfterMin: 10 });
  const to = dateRange(bookedFrom, bookedDays).at(-1) as string;
  let existingBookings = 0;
  let attempts = 0;
  for (const [s, staffId] of org.staffIds.entries()) {
    const { slots } = await findSlots(rt.ctx, { orgSlug: org.slug, serviceId: org.service.id, from: bookedFrom, to, timeZone: ZONE, staffId });
    for (const slot of slots) {
      // A deterministic pseudo-random eighth of the starts.
      if (Math.imul(Date.parse(slot.start) / 60_000 + s * 7919, 2654435761) >>> 29 !== 0) continue;
      attempts++;
      try {
        await bookAppointment(
          rt.ctx,
          org.slug,
          {
            serviceId: org.service.id,
            staffId,
            start: slot.start,
            timeZone: ZONE,
            customer: { name: `Patient ${attempts}`, email: `patient${attempts % 300}@example.com`, phone: '+49 30 1234567' },
            notes: null,
            consent: { privacyNoticeVersion: '2027-01' },
          },
          null,
          { type: 'system', id: null },
        );
        existingBookings++;
      } catch (e) {
        // An earlier booking's time or buffer may already cover this start: skip it.
        if (!(e instanceof DomainError && e.code === 'slot_unavailable')) throw e;
      }
    }
  }
  return { slug: org.slug, orgId: org.orgId, service: org.service, staffIds: org.staffIds, existingBookings };
}
