import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../src/app/auth/security-policy.js';
import { buildHttpApp } from '../src/http/app.js';
import { type Browser, GOOD_PASSWORD, type TestUser, addUser, me, post, seedTwoShopsWithoutMfa, sessionFrom, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PASSWORD_RULES = { mfaRequiredRoles: [], passwordComposition: false, passwordChangeReminderDays: null };

describe.each(ENGINES)('session limits per role as an organization policy on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let admin: TestUser;
  let staff: TestUser;
  let reception: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    ({ shop } = await seedTwoShopsWithoutMfa(rt));
    app = await buildHttpApp(rt);
    admin = await addUser(rt, 'shop', 'admin', 'ada@example.org');
    staff = await addUser(rt, 'shop', 'staff', 'stan@example.org');
    reception = await addUser(rt, 'shop', 'receptionist', 'rita@example.org');
  });
  beforeEach(async () => {
    // Each test starts from the defaults (and without MFA, as seeded).
    await rt.ctx.uow.write((r) => r.accounts.securityPolicies.save(shop.orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] }));
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  const setPolicy = (b: Browser, sessionTimeouts?: Record<string, unknown>) =>
    app.inject({ method: 'PUT', url: '/api/v1/org/security-policy', headers: b.headers, payload: { ...PASSWORD_RULES, ...(sessionTimeouts ? { sessionTimeouts } : {}) } });
  const alive = async (b: Browser) => (await me(app, b)).statusCode === 200;

  it('starts every role at 15 idle minutes and 12 hours, and shows them to every staff role', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: (await signIn(app, reception)).headers });
    expect(res.statusCode).toBe(200);
    const limits = { idleMinutes: 15, absoluteHours: 12 };
    expect(res.json().sessionTimeouts).toEqual({ owner: limits, admin: limits, staff: limits, receptionist: limits, auditor: limits });
  });

  it('saves the limits of the roles a change names, keeps the others, and records which roles changed', async () => {
    const a = await signIn(app, admin);
    const res = await setPolicy(a, { staff: { idleMinutes: 5, absoluteHours: 8 }, auditor: { idleMinutes: 30, absoluteHours: 2 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sessionTimeouts).toMatchObject({ staff: { idleMinutes: 5, absoluteHours: 8 }, auditor: { idleMinutes: 30, absoluteHours: 2 }, owner: { idleMinutes: 15, absoluteHours: 12 } });
    // A change that leaves the limits out keeps them.
    expect((await setPolicy(a)).json().sessionTimeouts.staff).toEqual({ idleMinutes: 5, absoluteHours: 8 });
    const read = await app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: a.headers });
    expect(read.json().sessionTimeouts.auditor).toEqual({ idleMinutes: 30, absoluteHours: 2 });
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'security_policy.update', limit: 2 });
    expect(audit[1]).toMatchObject({ outcome: 'success', actor: { type: 'user', id: admin.id }, reason: 'sessionTimeouts.staff sessionTimeouts.auditor' });
  });

  it('refuses limits outside 5-60 idle minutes and 1-24 hours with 400 invalid_request naming each field, and saves nothing', async () => {
    const a = await signIn(app, admin);
    const res = await setPolicy(a, { staff: { idleMinutes: 4, absoluteHours: 25 }, owner: { idleMinutes: 61, absoluteHours: 0 }, admin: { idleMinutes: 20, absoluteHours: 6 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.sessionTimeouts.staff.idleMinutes',
      'body.sessionTimeouts.staff.absoluteHours',
      'body.sessionTimeouts.owner.idleMinutes',
      'body.sessionTimeouts.owner.absoluteHours',
    ]);
    for (const bad of [{ customer: { idleMinutes: 10, absoluteHours: 2 } }, { staff: { idleMinutes: 10 } }, { staff: { idleMinutes: 10.5, absoluteHours: 2 } }]) {
      const refused = await setPolicy(a, bad);
      expect(refused.statusCode, JSON.stringify(bad)).toBe(400);
      expect(refused.json().error.code).toBe('invalid_request');
    }
    const read = await app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: a.headers });
    expect(read.json().sessionTimeouts.admin).toEqual({ idleMinutes: 15, absoluteHours: 12 });
  });

  it('needs a fresh sign-in (step-up) to change the limits', async () => {
    const a = await signIn(app, admin);
    rt.clock.advance(10 * MINUTE);
    expect(await alive(a)).toBe(true);
    rt.clock.advance(10 * MINUTE);
    const stale = await setPolicy(a, { staff: { idleMinutes: 5, absoluteHours: 12 } });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('reauth_required');
    const fresh = sessionFrom(await post(app, '/auth/reauth', a.headers, { method: 'password', password: GOOD_PASSWORD }));
    expect((await setPolicy(fresh, { staff: { idleMinutes: 5, absoluteHours: 12 } })).statusCode).toBe(200);
  });

  it('a shorter idle limit ends a running staff session at its next request, while other roles keep theirs', async () => {
    const s = await signIn(app, staff);
    const r = await signIn(app, reception);
    expect((await setPolicy(await signIn(app, admin), { staff: { idleMinutes: 5, absoluteHours: 12 } })).statusCode).toBe(200);
    rt.clock.advance(4 * MINUTE);
    expect(await alive(s)).toBe(true);
    const who = await me(app, s);
    expect(Date.parse(who.json().session.idleExpiresAt)).toBe(rt.clock.now() + 5 * MINUTE);
    rt.clock.advance(5 * MINUTE);
    expect(await alive(s)).toBe(false);
    expect(await alive(r)).toBe(true);
    const ended = await rt.auditReader.list({ orgId: shop.orgId, action: 'session.end', limit: 1 });
    expect(ended[0]).toMatchObject({ reason: 'idle_timeout' });
  });

  it('a shorter absolute limit ends a busy running session that long after its sign-in', async () => {
    const s = await signIn(app, staff);
    for (let i = 0; i < 5; i++) {
      rt.clock.advance(10 * MINUTE);
      expect(await alive(s)).toBe(true);
    }
    expect((await setPolicy(await signIn(app, admin), { staff: { idleMinutes: 15, absoluteHours: 1 } })).statusCode).toBe(200);
    expect(Date.parse((await me(app, s)).json().session.expiresAt)).toBe(rt.clock.now() + 10 * MINUTE);
    rt.clock.advance(9 * MINUTE);
    expect(await alive(s)).toBe(true);
    rt.clock.advance(MINUTE);
    expect(await alive(s)).toBe(false);
    const ended = await rt.auditReader.list({ orgId: shop.orgId, action: 'session.end', limit: 1 });
    expect(ended[0]).toMatchObject({ reason: 'absolute_timeout' });
  });

  it('a longer absolute limit never lengthens a running session; sessions started after the change get it', async () => {
    const before = await signIn(app, staff);
    expect((await setPolicy(await signIn(app, admin), { staff: { idleMinutes: 60, absoluteHours: 24 } })).statusCode).toBe(200);
    const after = await signIn(app, staff);
    for (let i = 0; i < 12; i++) {
      rt.clock.advance(HOUR - MINUTE);
      expect(await alive(before)).toBe(true);
      expect(await alive(after)).toBe(true);
    }
    rt.clock.advance(12 * MINUTE);
    expect(await alive(before)).toBe(false);
    expect(await alive(after)).toBe(true);
    expect(Date.parse((await me(app, after)).json().session.expiresAt)).toBe(Date.parse((await me(app, after)).json().session.authAt) + 24 * HOUR);
  });

  it('"my devices" lists only the sessions the current limits keep alive, each with its end under them', async () => {
    const laptop = await signIn(app, staff, { 'user-agent': 'Laptop/1.0' });
    const phone = await signIn(app, staff, { 'user-agent': 'Phone/2.0' });
    expect((await setPolicy(await signIn(app, admin), { staff: { idleMinutes: 5, absoluteHours: 2 } })).statusCode).toBe(200);
    rt.clock.advance(4 * MINUTE);
    expect(await alive(laptop)).toBe(true);
    rt.clock.advance(2 * MINUTE);
    const list = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: laptop.headers });
    const sessions = list.json().sessions as { userAgent: string; createdAt: string; expiresAt: string }[];
    expect(sessions.map((s) => s.userAgent)).toEqual(['Laptop/1.0']);
    expect(Date.parse(sessions[0]?.expiresAt ?? '')).toBe(Date.parse(sessions[0]?.createdAt ?? '') + 2 * HOUR);
    expect(await alive(phone)).toBe(false);
  });

  it('follows the role a member holds now: a receptionist made staff gets the staff limits at the next request', async () => {
    const r = await signIn(app, reception);
    const a = await signIn(app, admin);
    expect((await setPolicy(a, { staff: { idleMinutes: 5, absoluteHours: 12 } })).statusCode).toBe(200);
    rt.clock.advance(6 * MINUTE);
    expect(await alive(r)).toBe(true);
    const granted = await app.inject({ method: 'PUT', url: `/api/v1/org/members/${reception.id}/role`, headers: a.headers, payload: { role: 'staff' } });
    expect(granted.statusCode, granted.body).toBe(200);
    rt.clock.advance(6 * MINUTE);
    expect(await alive(r)).toBe(false);
    const back = await app.inject({ method: 'PUT', url: `/api/v1/org/members/${reception.id}/role`, headers: a.headers, payload: { role: 'receptionist' } });
    expect(back.statusCode, back.body).toBe(200);
  });
});
