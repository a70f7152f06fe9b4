import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/app/access/roles.js';
import { eraseCustomer } from '../src/app/privacy/erase-customer.js';
import { buildHttpApp } from '../src/http/app.js';
import { type TestUser, addUser, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { bookPublicly, deskClient, linkStaffUser } from './support/desk.js';
import type { Shop } from './support/fixtures.js';

interface CustomerItem {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  erased: boolean;
  bookingCount: number;
}

describe.each(ENGINES)('staff calendar API (customers) on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  const users = new Map<string, TestUser>();
  const booking: Record<string, string> = {};
  const customer: Record<string, string> = {};

  const as = async (who: string) => {
    const user = users.get(who);
    if (!user) throw new Error(who);
    return deskClient(app, await signIn(app, user));
  };
  const emails = (items: CustomerItem[]) => items.map((c) => c.email).sort();

  beforeAll(async () => {
    rt = await testRuntime(engine);
    ({ shop } = await seedTwoShopsWithoutMfa(rt));
    app = await buildHttpApp(rt);
    for (const role of ['owner', 'staff', 'receptionist', 'auditor', 'customer'] as Role[]) {
      users.set(role, await addUser(rt, 'shop', role, `${role}@example.org`));
    }
    users.set('outsider', await addUser(rt, 'other-shop', 'owner', 'outsider@example.org'));
    await linkStaffUser(rt, shop.staff.ana, users.get('staff')?.id ?? '');
    const person = (name: string, email: string) => ({ customer: { name, email } });
    booking.miaWithAna = await bookPublicly(app, shop, '2027-03-02T09:00:00+01:00', { staffId: shop.staff.ana, notes: 'Allergic to latex' });
    booking.leoWithBen = await bookPublicly(app, shop, '2027-03-02T10:00:00+01:00', { staffId: shop.staff.ben, ...person('Leo Lang', 'leo@example.com') });
    booking.miaWithBen = await bookPublicly(app, shop, '2027-03-02T11:00:00+01:00', { staffId: shop.staff.ben, notes: 'Second visit' });
    booking.zoeWithAna = await bookPublicly(app, shop, '2027-03-02T13:00:00+01:00', { staffId: shop.staff.ana, ...person('Zoe Zed', 'zoe@example.com') });
    const owner = await as('owner');
    for (const [key, email] of [
      ['mia', 'mia@example.com'],
      ['leo', 'leo@example.com'],
      ['zoe', 'zoe@example.com'],
    ]) {
      customer[key as string] = (await owner.get(`/org/customers?email=${email}`)).json().customers[0].id;
    }
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('pages through customers with their booking counts, and audits which ones were read', async () => {
    const owner = await as('owner');
    const first = await owner.get('/org/customers?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().customers).toHaveLength(2);
    expect(first.json().nextCursor).toEqual(expect.any(String));
    const second = await owner.get(`/org/customers?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().customers).toHaveLength(1);
    expect(second.json().nextCursor).toBeNull();
    const all: CustomerItem[] = [...first.json().customers, ...second.json().customers];
    expect(emails(all)).toEqual(['leo@example.com', 'mia@example.com', 'zoe@example.com']);
    expect(all.find((c) => c.email === 'mia@example.com')).toMatchObject({ name: 'Mia Muster', phone: '+49301234567', bookingCount: 2, erased: false });
    const [entry] = await rt.auditReader.list({ action: 'customer.list', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'success', objectType: 'customer', objectIds: second.json().customers.map((c: CustomerItem) => c.id) });
  });

  it('finds one customer by exact email (any case), and nobody for an unknown one', async () => {
    const rita = await as('receptionist');
    const found = await rita.get('/org/customers?email=MIA@Example.com');
    expect(found.json()).toEqual({ customers: [expect.objectContaining({ id: customer.mia, bookingCount: 2 })], nextCursor: null });
    expect((await rita.get('/org/customers?email=mia2@example.com')).json().customers).toEqual([]);
    const bad = await rita.get('/org/customers?email=not-an-email');
    expect(bad.statusCode).toBe(400);
  });

  it('shows a customer with their bookings: notes for the owner, none for the receptionist', async () => {
    const res = await (await as('owner')).get(`/org/customers/${customer.mia}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().customer).toMatchObject({ id: customer.mia, name: 'Mia Muster', bookingCount: 2 });
    expect(res.json().bookings.map((b: { id: string; notes: string }) => [b.id, b.notes])).toEqual([
      [booking.miaWithAna, 'Allergic to latex'],
      [booking.miaWithBen, 'Second visit'],
    ]);
    expect(res.json().bookings[0].start).toBe('2027-03-02T09:00:00+01:00');
    const [entry] = await rt.auditReader.list({ action: 'customer.view', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'success', reason: 'with_health_notes', objectIds: [customer.mia, booking.miaWithAna, booking.miaWithBen] });

    const rita = await (await as('receptionist')).get(`/org/customers/${customer.mia}?timeZone=Asia/Shanghai`);
    expect(rita.json().bookings[0].start).toBe('2027-03-02T16:00:00+08:00');
    for (const b of rita.json().bookings) expect(Object.keys(b)).not.toContain('notes');
    expect(rita.body).not.toContain('latex');
  });

  it("shows a staff member only their own customers and their own bookings with them", async () => {
    const ana = await as('staff');
    const list = await ana.get('/org/customers');
    expect(list.json().customers.map((c: CustomerItem) => [c.email, c.bookingCount]).sort()).toEqual([
      ['mia@example.com', 1],
      ['zoe@example.com', 1],
    ]);
    expect((await ana.get('/org/customers?email=leo@example.com')).json().customers).toEqual([]);
    const leo = await ana.get(`/org/customers/${customer.leo}`);
    expect(leo.statusCode).toBe(404);
    const mia = await ana.get(`/org/customers/${customer.mia}`);
    expect(mia.json().bookings.map((b: { id: string }) => b.id)).toEqual([booking.miaWithAna]);
    expect(mia.json().customer.bookingCount).toBe(1);
  });

  it('refuses customers and strangers; another organization does not see these customers', async () => {
    expect((await (await as('customer')).get('/org/customers')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/org/customers' })).statusCode).toBe(401);
    const outsider = await as('outsider');
    expect((await outsider.get('/org/customers')).json().customers).toEqual([]);
    expect((await outsider.get('/org/customers?email=mia@example.com')).json().customers).toEqual([]);
    const res = await outsider.get(`/org/customers/${customer.mia}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const auditor = await as('auditor');
    expect((await auditor.get(`/org/customers/${customer.mia}`)).statusCode).toBe(200);
    for (const query of ['limit=0', 'limit=201', 'cursor=../x', 'orgId=x']) {
      const bad = await auditor.get(`/org/customers?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code).toBe('invalid_request');
    }
  });

  it('shows an erased customer as erased, without any personal data, in the list, the detail and the calendar', async () => {
    await eraseCustomer(rt.ctx, { orgSlug: 'shop', customerId: customer.zoe }, { type: 'cli', id: 'test' });
    const owner = await as('owner');
    const erased = { id: customer.zoe, name: '', email: '', phone: null, erased: true };
    const all: CustomerItem[] = (await owner.get('/org/customers')).json().customers;
    expect(all.find((c) => c.id === customer.zoe)).toEqual({ ...erased, bookingCount: 1 });
    const detail = await owner.get(`/org/customers/${customer.zoe}`);
    expect(detail.json().customer).toEqual({ ...erased, bookingCount: 1 });
    expect(detail.body).not.toContain('Zoe');
    const calendar = await owner.get('/org/bookings?from=2027-03-02&to=2027-03-02&timeZone=Europe/Berlin');
    const zoes = calendar.json().bookings.find((b: { id: string }) => b.id === booking.zoeWithAna);
    expect(zoes.customer).toEqual(erased);
    expect(calendar.body).not.toContain('zoe@example.com');
    expect((await owner.get('/org/customers?email=zoe@example.com')).json().customers).toEqual([]);
  });
});
