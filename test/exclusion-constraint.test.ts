import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../src/domain/model.js';
import { newId } from '../src/security/ids.js';
import { type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, seedShop } from './support/fixtures.js';

// PostgreSQL only: the EXCLUDE constraint is the last line of defence there, behind the
// per-staff lock that the booking transaction takes on both engines.
describe('PostgreSQL exclusion constraint', () => {
  let rt: TestRuntime;
  let shop: Shop;
  beforeAll(async () => {
    rt = await testRuntime('postgres');
    shop = await seedShop(rt);
  });
  afterAll(async () => rt?.dispose());

  const booking = (start: string, minutes: number, over: Partial<Booking> = {}): Booking => {
    const s = Date.parse(start);
    return {
      id: newId(),
      orgId: shop.orgId,
      serviceId: shop.haircut.id,
      staffId: shop.staff.ana,
      customerId: null,
      status: 'confirmed',
      start: s,
      end: s + minutes * 60_000,
      busyStart: s,
      busyEnd: s + minutes * 60_000,
      capacityOne: true,
      customerTimeZone: 'Europe/Berlin',
      notes: null,
      assignment: null,
      holdExpiresAt: null,
      privacyNoticeVersion: null,
      cancelReason: null,
      createdAt: 0,
      updatedAt: 0,
      version: 1,
      ...over,
    };
  };

  it('refuses an overlapping live booking even when application checks are bypassed', async () => {
    await rt.ctx.uow.write((r) => r.bookings.insert(booking('2027-03-20T09:00:00Z', 60)));
    await expect(rt.ctx.uow.write((r) => r.bookings.insert(booking('2027-03-20T09:30:00Z', 30)))).rejects.toMatchObject({
      code: 'slot_unavailable',
    });
    // Touching is fine, and so is another staff member or a cancelled booking.
    await rt.ctx.uow.write((r) => r.bookings.insert(booking('2027-03-20T10:00:00Z', 30)));
    await rt.ctx.uow.write((r) => r.bookings.insert(booking('2027-03-20T09:00:00Z', 30, { staffId: shop.staff.ben })));
    await rt.ctx.uow.write((r) => r.bookings.insert(booking('2027-03-20T09:00:00Z', 30, { status: 'cancelled' })));
  });
});
