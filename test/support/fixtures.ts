import type { Repositories } from '../../src/app/ports.js';
import { DEFAULT_POLICIES, type Service } from '../../src/domain/model.js';
import type { WeeklyHours } from '../../src/domain/slots/types.js';
import { newId } from '../../src/security/ids.js';
import type { TestRuntime } from './databases.js';

export interface Shop {
  orgSlug: string;
  orgId: string;
  staff: { ana: string; ben: string };
  haircut: Service;
  yoga: Service;
  /** 60 minutes, offered every 30 minutes, by Ana only: overlaps haircuts at other starts. */
  colour: Service;
  /** Needs the business's approval before it is confirmed. */
  consult: Service;
}

const weekdays = (start: number, end: number): WeeklyHours[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

/**
 * A Berlin shop: Ana and Ben work Mon-Fri 09:00-12:00 and 13:00-17:00; a 30-minute haircut
 * every 30 minutes with a 10-minute buffer after, and a 60-minute yoga class for 3 people.
 */
export async function seedShop(rt: TestRuntime, slug = 'shop'): Promise<Shop> {
  const orgId = newId();
  const ana = newId();
  const ben = newId();
  const service = (over: Partial<Service>): Service => ({
    id: newId(),
    orgId,
    locationId: null,
    name: 'Haircut',
    description: 'Wash, cut, dry',
    durationMin: 30,
    priceCents: 3500,
    currency: 'EUR',
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    slotIntervalMin: 30,
    minNoticeMin: 60,
    maxAdvanceDays: 90,
    capacity: 1,
    requiresApproval: false,
    cutoffMin: 120,
    active: true,
    staffIds: [ana, ben],
    ...over,
  });
  const haircut = service({});
  const yoga = service({ name: 'Yoga class', durationMin: 60, slotIntervalMin: 60, capacity: 3, staffIds: [ana] });
  const colour = service({ name: 'Colour', durationMin: 60, slotIntervalMin: 30, staffIds: [ana] });
  const consult = service({ name: 'Consultation', requiresApproval: true, staffIds: [ben] });
  await rt.ctx.uow.write(async (r: Repositories) => {
    await r.orgs.insert({
      id: orgId,
      slug,
      name: 'Shop',
      timeZone: 'Europe/Berlin',
      locale: 'en',
      policies: DEFAULT_POLICIES,
      createdAt: rt.clock.now(),
    });
    for (const [id, name] of [
      [ana, 'Ana'],
      [ben, 'Ben'],
    ] as const) {
      await r.staff.insert({ id, orgId, name, timeZone: 'Europe/Berlin', active: true });
      await r.staff.replaceWeeklyHours(orgId, id, [...weekdays(540, 720), ...weekdays(780, 1020)]);
    }
    await r.services.insert(haircut);
    await r.services.insert(yoga);
    await r.services.insert(colour);
    await r.services.insert(consult);
  });
  return { orgSlug: slug, orgId, staff: { ana, ben }, haircut, yoga, colour, consult };
}

export function bookingBody(shop: Shop, start: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceId: shop.haircut.id,
    start,
    timeZone: 'Europe/Berlin',
    customer: { name: 'Mia Muster', email: 'mia@example.com', phone: '+49 30 1234567' },
    notes: 'First visit',
    consent: { privacyNoticeVersion: '2027-01' },
    ...over,
  };
}
