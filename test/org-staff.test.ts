import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkStaffUser } from '../src/app/admin/update-staff-member.js';
import { DEFAULT_SECURITY_POLICY } from '../src/app/auth/security-policy.js';
import { buildHttpApp } from '../src/http/app.js';
import { newId } from '../src/security/ids.js';
import { type Browser, type TestUser, addUser, login, me, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';
import { lastNotice } from './support/sent-codes.js';

const MINUTE = 60_000;

describe.each(ENGINES)('staff, working hours, date overrides and member access API on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let other: Shop;
  const users: Record<'owner' | 'admin' | 'sam' | 'tina' | 'otherOwner', TestUser> = {} as never;

  beforeAll(async () => {
    // Monday 1 March 2027, 07:00 in Berlin.
    rt = await testRuntime(engine, '2027-03-01T06:00:00Z');
    ({ shop, other } = await seedTwoShopsWithoutMfa(rt));
    app = await buildHttpApp(rt);
    users.owner = await addUser(rt, 'shop', 'owner', 'olga@example.org');
    users.admin = await addUser(rt, 'shop', 'admin', 'adam@example.org');
    users.sam = await addUser(rt, 'shop', 'staff', 'sam@example.org');
    users.tina = await addUser(rt, 'shop', 'staff', 'tina@example.org');
    users.otherOwner = await addUser(rt, 'other-shop', 'owner', 'oscar@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  const call = (b: Browser, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url: `/api/v1${url}`, headers: b.headers, ...(payload ? { payload } : {}) });
  const slots = async (serviceId: string, date: string) =>
    (await app.inject({ method: 'GET', url: `/api/v1/orgs/shop/services/${serviceId}/slots?from=${date}&to=${date}&timeZone=Europe/Berlin` }))
      .json()
      .slots.map((s: { start: string }) => s.start.slice(11, 16));
  const paths = (res: { json(): { error: { details: { path: string; reason?: string }[] } } }) =>
    res.json().error.details.map((d) => (d.reason ? `${d.path}:${d.reason}` : d.path));

  it("adds staff linked to a member's account, with work contact sealed on disk and shown only to those who may see it", async () => {
    const owner = await signIn(app, users.owner);
    const created = await call(owner, 'POST', '/org/staff', {
      name: 'Cleo',
      timeZone: 'Europe/Lisbon',
      userId: users.sam.id,
      email: 'cleo@shop.example',
      phone: '+351 912 345-678',
      serviceIds: [shop.haircut.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const cleo = created.json();
    expect(cleo).toEqual({
      id: expect.any(String),
      name: 'Cleo',
      timeZone: 'Europe/Lisbon',
      active: true,
      userId: users.sam.id,
      email: 'cleo@shop.example',
      phone: '+351912345678',
      serviceIds: [shop.haircut.id],
    });
    const row = await rt.database.db.selectFrom('staff_members').selectAll().where('id', '=', cleo.id).executeTakeFirstOrThrow();
    expect(`${row.email_enc} ${row.phone_enc}`).not.toMatch(/cleo|912345678/);
    expect((await rt.ctx.uow.read((r) => r.services.findById(shop.orgId, shop.haircut.id)))?.staffIds).toContain(cleo.id);

    const ana = await call(owner, 'PUT', `/org/staff/${shop.staff.ana}`, { email: 'ana@shop.example', phone: null });
    expect(ana.statusCode, ana.body).toBe(200);
    expect(ana.json()).toMatchObject({ name: 'Ana', email: 'ana@shop.example', phone: null, serviceIds: expect.arrayContaining([shop.haircut.id, shop.yoga.id]) });

    const byOwner = (await call(owner, 'GET', '/org/staff')).json().staff;
    expect(byOwner.map((s: { name: string }) => s.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(byOwner.find((s: { id: string }) => s.id === shop.staff.ana).email).toBe('ana@shop.example');
    // Sam is Cleo: his own contact, nobody else's.
    const bySam = (await call(await signIn(app, users.sam), 'GET', '/org/staff')).json().staff;
    expect(bySam.find((s: { id: string }) => s.id === cleo.id)).toMatchObject({ email: 'cleo@shop.example', phone: '+351912345678' });
    expect(bySam.find((s: { id: string }) => s.id === shop.staff.ana)).toMatchObject({ email: null, phone: null });
    const reads = await rt.auditReader.list({ orgId: shop.orgId, action: 'staff.contact.read', limit: 5 });
    expect(reads[0]).toMatchObject({ outcome: 'success', actor: expect.objectContaining({ id: users.sam.id }), objectIds: [cleo.id] });
    expect(JSON.stringify(await rt.auditReader.list({ orgId: shop.orgId, limit: 50 }))).not.toMatch(/cleo@|912345678/);
  });

  it('links one staff record per user, only to members of the same organization, and checks every field', async () => {
    const admin = await signIn(app, users.admin);
    const twice = await call(admin, 'PUT', `/org/staff/${shop.staff.ben}`, { userId: users.sam.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('conflict');
    const outsider = await call(admin, 'PUT', `/org/staff/${shop.staff.ben}`, { userId: users.otherOwner.id });
    expect(outsider.statusCode).toBe(404);
    const bad = await call(admin, 'POST', '/org/staff', { name: ' ', timeZone: 'Mars/Olympus', email: 'not an email', phone: '12', serviceIds: [other.haircut.id] });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['name', 'timeZone', 'email', 'phone']);
    const foreignService = await call(admin, 'PUT', `/org/staff/${shop.staff.ben}`, { serviceIds: [other.haircut.id] });
    expect(paths(foreignService)).toEqual(['serviceIds[0]']);
    expect((await call(admin, 'PUT', `/org/staff/${other.staff.ana}`, { name: 'Mine' })).statusCode).toBe(404);
    expect((await call(await signIn(app, users.tina), 'PUT', `/org/staff/${shop.staff.ben}`, { name: 'X' })).statusCode).toBe(403);

    // The CLI's "staff link" goes through the same checks.
    const linked = await linkStaffUser(rt.ctx, { orgSlug: 'shop', staffId: shop.staff.ben, email: users.tina.email }, { type: 'cli', id: 'test' });
    expect(linked.userId).toBe(users.tina.id);
    await expect(linkStaffUser(rt.ctx, { orgSlug: 'shop', staffId: shop.staff.ana, email: users.tina.email }, { type: 'cli', id: 'test' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(linkStaffUser(rt.ctx, { orgSlug: 'shop', staffId: shop.staff.ana, email: users.otherOwner.email }, { type: 'cli', id: 'test' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('sets a week with breaks in ISO weekdays, which shapes the slots, and refuses overlapping or inverted intervals', async () => {
    const owner = await signIn(app, users.owner);
    const week = [
      { weekday: 1, start: '13:00', end: '14:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 7, start: '10:00', end: '11:00' },
    ];
    const set = await call(owner, 'PUT', `/org/staff/${shop.staff.ben}/hours`, { hours: week });
    expect(set.statusCode, set.body).toBe(200);
    const expected = { timeZone: 'Europe/Berlin', hours: [week[1], week[0], week[2]] };
    expect(set.json()).toEqual(expected);
    expect((await call(await signIn(app, users.sam), 'GET', `/org/staff/${shop.staff.ben}/hours`)).json()).toEqual(expected);
    // Sunday is weekday 0 inside.
    const [schedule] = await rt.ctx.uow.read((r) => r.staff.schedules(shop.orgId, [shop.staff.ben]));
    expect(schedule?.weekly.map((h) => h.weekday).sort()).toEqual([0, 1, 1]);
    // The consultation is Ben's alone: 30 minutes every 30.
    expect(await slots(shop.consult.id, '2027-03-08')).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30']);
    expect(await slots(shop.consult.id, '2027-03-07')).toEqual(['10:00', '10:30']);
    expect(await slots(shop.consult.id, '2027-03-09')).toEqual([]);

    const refused = await call(owner, 'PUT', `/org/staff/${shop.staff.ben}/hours`, {
      hours: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
        { weekday: 2, start: '15:00', end: '14:00' },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('invalid_request');
    expect(paths(refused)).toEqual(['hours[1]:interval_overlap', 'hours[2]:interval_inverted']);
    for (const hours of [[{ weekday: 0, start: '09:00', end: '10:00' }], [{ weekday: 1, start: '09:00', end: '25:00' }]]) {
      expect((await call(owner, 'PUT', `/org/staff/${shop.staff.ben}/hours`, { hours })).statusCode).toBe(400);
    }
    expect((await call(owner, 'GET', `/org/staff/${shop.staff.ben}/hours`)).json()).toEqual(expected);
    expect((await call(owner, 'GET', `/org/staff/${other.staff.ana}/hours`)).statusCode).toBe(404);
    expect((await call(owner, 'PUT', `/org/staff/${other.staff.ana}/hours`, { hours: [] })).statusCode).toBe(404);
  });

  it('adds days off and special hours, lists them by date range, and removes them again', async () => {
    const owner = await signIn(app, users.owner);
    const url = `/org/staff/${shop.staff.ben}/overrides`;
    const off = await call(owner, 'POST', url, { date: '2027-03-08', kind: 'day_off' });
    expect(off.statusCode, off.body).toBe(201);
    expect(off.json()).toEqual({ id: expect.any(String), date: '2027-03-08', kind: 'day_off', intervals: [], note: null });
    const special = await call(owner, 'POST', url, { date: '2027-03-09', kind: 'hours', intervals: [{ start: '15:00', end: '16:00' }], note: null });
    expect(special.statusCode, special.body).toBe(201);
    expect(await slots(shop.consult.id, '2027-03-08')).toEqual([]);
    expect(await slots(shop.consult.id, '2027-03-09')).toEqual(['15:00', '15:30']);

    const staff = await signIn(app, users.sam);
    expect((await call(staff, 'GET', `${url}?from=2027-03-01&to=2027-03-08`)).json().overrides).toEqual([off.json()]);
    expect((await call(staff, 'GET', url)).json().overrides).toEqual([off.json(), special.json()]);
    expect((await call(staff, 'GET', `${url}?from=2027-03-09&to=2027-03-08`)).statusCode).toBe(400);
    expect((await call(staff, 'DELETE', `${url}/${off.json().id}`)).statusCode).toBe(403);

    expect((await call(owner, 'DELETE', `${url}/${off.json().id}`)).statusCode).toBe(204);
    expect(await slots(shop.consult.id, '2027-03-08')).toHaveLength(8);
    expect((await call(owner, 'DELETE', `${url}/${off.json().id}`)).statusCode).toBe(404);
    expect((await call(owner, 'GET', url)).json().overrides).toEqual([special.json()]);
    const removed = await rt.auditReader.list({ orgId: shop.orgId, action: 'staff.override.remove', limit: 5 });
    expect(removed.map((a) => a.outcome)).toEqual(['failure', 'success']);

    expect(paths(await call(owner, 'POST', url, { date: '2027-03-10', kind: 'day_off', intervals: [{ start: '09:00', end: '10:00' }] }))).toEqual(['intervals']);
    expect(paths(await call(owner, 'POST', url, { date: '2027-03-10', kind: 'extra', intervals: [] }))).toEqual(['intervals']);
    expect((await call(owner, 'POST', url, { date: '2027-03-10', kind: 'day_off', note: 'dentist' })).statusCode).toBe(400);
    expect((await call(owner, 'POST', `/org/staff/${other.staff.ana}/overrides`, { date: '2027-03-10', kind: 'day_off' })).statusCode).toBe(404);
    expect((await call(owner, 'GET', `/org/staff/${other.staff.ana}/overrides`)).statusCode).toBe(404);
  });

  it("disables a member (their sessions end, sign-in is refused) and enables them again; never oneself, and admins not owners", async () => {
    const admin = await signIn(app, users.admin);
    const samDevice = await signIn(app, users.sam);
    const disabled = await call(admin, 'POST', `/org/members/${users.sam.id}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ userId: users.sam.id, role: 'staff', disabledAt: new Date(rt.clock.now()).toISOString() });
    expect((await me(app, samDevice)).statusCode).toBe(401);
    expect((await login(app, users.sam.email, users.sam.password)).statusCode).toBe(401);
    const listed = (await call(admin, 'GET', '/org/members')).json().members;
    expect(listed.find((m: { userId: string }) => m.userId === users.sam.id).disabledAt).not.toBeNull();

    const enabled = await call(admin, 'POST', `/org/members/${users.sam.id}/enable`);
    expect(enabled.json().disabledAt).toBeNull();
    expect((await login(app, users.sam.email, users.sam.password)).statusCode).toBe(200);

    expect((await call(admin, 'POST', `/org/members/${users.admin.id}/disable`)).statusCode).toBe(409);
    expect((await call(admin, 'POST', `/org/members/${users.owner.id}/disable`)).statusCode).toBe(403);
    expect((await call(admin, 'POST', `/org/members/${users.otherOwner.id}/disable`)).statusCode).toBe(404);

    // One organization must not lock a person out of another's.
    const shared = await addUser(rt, 'shop', 'receptionist', 'rita@example.org');
    await rt.ctx.uow.write((r) => r.accounts.memberships.upsert({ userId: shared.id, orgId: other.orgId, role: 'staff', expiresAt: null, createdAt: rt.clock.now() }));
    expect((await call(admin, 'POST', `/org/members/${shared.id}/disable`)).statusCode).toBe(409);
    expect((await login(app, shared.email, shared.password)).statusCode).toBe(200);

    const audit = await rt.auditReader.list({ orgId: shop.orgId, limit: 30 });
    expect(audit.filter((a) => a.objectIds.includes(users.sam.id) && a.action.startsWith('member.')).map((a) => `${a.action}:${a.outcome}`)).toEqual([
      'member.enable:success',
      'member.disable:success',
    ]);
  });

  it("resets a member's second factors: they are told, signed out, and enrol again at their next sign-in", async () => {
    const tinaDevice = await signIn(app, users.tina);
    const now = rt.clock.now();
    await rt.ctx.uow.write(async (r) => {
      await r.accounts.factors.insert({
        id: newId(now),
        userId: users.tina.id,
        kind: 'totp',
        label: 'Phone',
        secret: 'JBSWY3DPEHPK3PXP',
        credentialId: null,
        publicKey: null,
        signCount: 0,
        transports: [],
        confirmedAt: now,
        createdAt: now,
        lastUsedAt: null,
      });
      await r.accounts.recoveryCodes.replaceAll(users.tina.id, ['hash-1', 'hash-2'], now);
      await r.accounts.securityPolicies.save(shop.orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: ['staff'] });
    });
    const owner = await signIn(app, users.owner);
    const reset = await call(owner, 'POST', `/org/members/${users.tina.id}/mfa/reset`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ userId: users.tina.id, disabledAt: null });
    expect(await rt.ctx.uow.read((r) => r.accounts.factors.listForUser(users.tina.id))).toEqual([]);
    expect(await rt.ctx.uow.read((r) => r.accounts.recoveryCodes.countUnused(users.tina.id))).toBe(0);
    expect((await me(app, tinaDevice)).statusCode).toBe(401);
    expect(await lastNotice(rt, users.tina.id)).toMatch(/An administrator removed every second factor/);
    const next = await login(app, users.tina.email, users.tina.password);
    expect(next.json()).toMatchObject({ mfaRequired: false, stage: 'mfa_enrolment' });
    await rt.ctx.uow.write((r) => r.accounts.securityPolicies.save(shop.orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] }));

    expect((await call(owner, 'POST', `/org/members/${users.owner.id}/mfa/reset`)).statusCode).toBe(409);
    expect((await call(await signIn(app, users.sam), 'POST', `/org/members/${users.tina.id}/mfa/reset`)).statusCode).toBe(403);
  });

  it('asks for a fresh authentication before acting on a member', async () => {
    const admin = await signIn(app, users.admin);
    rt.clock.advance(10 * MINUTE);
    expect((await me(app, admin)).statusCode).toBe(200);
    rt.clock.advance(10 * MINUTE);
    const res = await call(admin, 'POST', `/org/members/${users.sam.id}/disable`);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('reauth_required');
    expect((await login(app, users.sam.email, users.sam.password)).statusCode).toBe(200);
  });
});
