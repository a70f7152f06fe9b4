import { bookAppointment } from '../../src/app/booking/book-appointment.js';
import { cancelManagedBooking } from '../../src/app/booking/manage-booking.js';
import type { Actor } from '../../src/app/ports.js';
import { findSlots } from '../../src/app/public/find-slots.js';
import type { Runtime } from '../../src/main.js';
import type { TestRuntime } from './databases.js';
import type { Shop } from './fixtures.js';

export interface FreeStart {
  staffId: string;
  start: string;
}

/** A confirmed booking as the test made it, with the personal data it gave. */
export interface Booked {
  id: string;
  name: string;
  notes: string;
  at: FreeStart;
  manageToken: string;
}

const ACTOR: Actor = { type: 'system', id: 'backup-test' };

/** Every haircut start from 2 March to 29 May 2027 for each of the shop's two staff members. */
export async function freeStarts(rt: TestRuntime, shop: Shop): Promise<FreeStart[]> {
  const starts: FreeStart[] = [];
  for (const [from, to] of [
    ['2027-03-02', '2027-04-30'],
    ['2027-05-01', '2027-05-29'],
  ] as const) {
    for (const staffId of [shop.staff.ana, shop.staff.ben]) {
      const q = { orgSlug: shop.orgSlug, serviceId: shop.haircut.id, from, to, timeZone: 'Europe/Berlin', staffId };
      for (const slot of (await findSlots(rt.ctx, q)).slots) starts.push({ staffId, start: slot.start });
    }
  }
  return starts;
}

/** Books one haircut through the booking use case, with personal data unique to `n`. */
export async function bookHaircut(rt: TestRuntime, shop: Shop, at: FreeStart, n: number): Promise<Booked> {
  const name = `Backup Customer ${n}`;
  const notes = `backup-note-${n}`;
  const result = await bookAppointment(
    rt.ctx,
    shop.orgSlug,
    {
      serviceId: shop.haircut.id,
      staffId: at.staffId,
      start: at.start,
      timeZone: 'Europe/Berlin',
      customer: { name, email: `backup${n}@example.com` },
      notes,
      consent: { privacyNoticeVersion: '2027-01' },
    },
    null,
    ACTOR,
  );
  if (result.booking.status !== 'confirmed') throw new Error(`booking ${n} is ${result.booking.status}`);
  return { id: result.booking.id, name, notes, at, manageToken: result.manageToken };
}

export interface BookingStream {
  /** Every booking confirmed so far, in order. */
  written: Booked[];
  stop(): Promise<void>;
}

/**
 * Books haircuts one after another until stopped, starting with `starts[first]`. When every
 * start is taken it cancels its own oldest booking to free one, so it never runs dry however
 * long the work beside it takes.
 */
export function keepBooking(rt: TestRuntime, shop: Shop, starts: readonly FreeStart[], first: number): BookingStream {
  const written: Booked[] = [];
  let running = true;
  const loop = (async () => {
    let next = first;
    let oldest = 0;
    for (let n = first; running; n++) {
      let at = starts[next];
      if (at) next++;
      else {
        const freed = written[oldest++] as Booked;
        await cancelManagedBooking(rt.ctx, freed.manageToken, null, ACTOR);
        at = freed.at;
      }
      written.push(await bookHaircut(rt, shop, at, n));
      // SQLite answers synchronously: without a turn of the event loop nothing else (a child
      // process finishing, say) would ever be noticed.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })();
  return {
    written,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** The bookings among `expected` that `rt` cannot show as confirmed with their own name and notes. */
export async function missingBookings(rt: Runtime, orgId: string, expected: readonly Booked[]): Promise<string[]> {
  return rt.ctx.uow.read(async (r) => {
    const missing: string[] = [];
    for (const b of expected) {
      const booking = await r.bookings.findById(orgId, b.id);
      const customer = booking?.customerId ? await r.customers.findById(orgId, booking.customerId) : null;
      if (booking?.status !== 'confirmed' || booking.notes !== b.notes || customer?.name !== b.name) missing.push(b.id);
    }
    return missing;
  });
}

/** The ids among `bookings` that `rt` holds, whatever their status. */
export async function heldBookingIds(rt: Runtime, orgId: string, bookings: readonly Booked[]): Promise<string[]> {
  return rt.ctx.uow.read(async (r) => {
    const held: string[] = [];
    for (const b of bookings) if (await r.bookings.findById(orgId, b.id)) held.push(b.id);
    return held;
  });
}
