import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/app/auth/create-user.js';
import { buildHttpApp } from '../src/http/app.js';
import { GOOD_PASSWORD, type TestUser, addUser, me, post, sessionFrom, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';

const MINUTE = 60_000;

describe.each(ENGINES)('access control on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let owner: TestUser;
  let admin: TestUser;
  let rita: TestUser;
  let outsider: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    ({ shop } = await seedTwoShopsWithoutMfa(rt));
    app = await buildHttpApp(rt);
    owner = await addUser(rt, 'shop', 'owner', 'owner@example.org');
    admin = await addUser(rt, 'shop', 'admin', 'admin@example.org');
    rita = await addUser(rt, 'shop', 'receptionist', 'rita@example.org');
    outsider = await addUser(rt, 'other-shop', 'owner', 'outsider@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  const put = (url: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
    app.inject({ method: 'PUT', url: `/api/v1${url}`, headers, payload });

  it("answers 404 for another organization's member and records the refusal", async () => {
    const b = await signIn(app, outsider);
    const res = await put(`/org/members/${rita.id}/role`, b.headers, { role: 'admin' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const audit = await rt.auditReader.list({ action: 'access.roles:grant', limit: 1 });
    expect(audit[0]).toMatchObject({ outcome: 'denied', reason: 'not_found', objectIds: [rita.id] });
    const members = await app.inject({ method: 'GET', url: '/api/v1/org/members', headers: b.headers });
    expect(members.json().members.map((m: { email: string }) => m.email)).toEqual(['outsider@example.org']);
  });

  it('takes the tenant from the session only: a request naming an org is refused', async () => {
    const b = await signIn(app, owner);
    const res = await put('/org/security-policy', b.headers, { mfaRequiredRoles: [], passwordComposition: false, passwordChangeReminderDays: null, orgId: 'other' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toMatch(/unknown field/);
  });

  it('applies a role change at the next request, and needs a fresh authentication to grant one', async () => {
    const reception = await signIn(app, rita);
    expect((await app.inject({ method: 'GET', url: '/api/v1/org/audit', headers: reception.headers })).statusCode).toBe(403);
    const boss = await signIn(app, owner);
    const granted = await put(`/org/members/${rita.id}/role`, boss.headers, { role: 'auditor' });
    expect(granted.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/org/audit', headers: reception.headers })).statusCode).toBe(200);
    const grants = await rt.auditReader.list({ orgId: shop.orgId, action: 'role.grant', limit: 1 });
    expect(grants[0]).toMatchObject({ outcome: 'success', reason: 'receptionist->auditor', objectIds: [rita.id] });

    for (let i = 0; i < 2; i++) {
      rt.clock.advance(8 * MINUTE);
      expect((await me(app, boss)).statusCode).toBe(200);
    }
    const stale = await put(`/org/members/${rita.id}/role`, boss.headers, { role: 'receptionist' });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('reauth_required');
    const fresh = sessionFrom(await post(app, '/auth/reauth', boss.headers, { method: 'password', password: GOOD_PASSWORD }));
    expect((await put(`/org/members/${rita.id}/role`, fresh.headers, { role: 'receptionist' })).statusCode).toBe(200);
  });

  it('lets only an owner make owners, and keeps the last owner', async () => {
    const a = await signIn(app, admin);
    expect((await put(`/org/members/${rita.id}/role`, a.headers, { role: 'owner' })).statusCode).toBe(403);
    const o = await signIn(app, owner);
    const demote = await put(`/org/members/${owner.id}/role`, o.headers, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
  });

  it("ends an outside auditor's access when their membership expires", async () => {
    const actor = { type: 'cli' as const, id: 'test' };
    const expiresAt = rt.clock.now() + 30 * MINUTE;
    await createUser(rt.ctx, { orgSlug: 'shop', email: 'reviewer@example.org', name: 'Reviewer', role: 'auditor', password: GOOD_PASSWORD, expiresAt }, actor);
    const b = await signIn(app, { id: '', email: 'reviewer@example.org', password: GOOD_PASSWORD });
    expect((await app.inject({ method: 'GET', url: '/api/v1/org/audit', headers: b.headers })).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) {
      rt.clock.advance(10 * MINUTE + 1);
      await me(app, b);
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/org/audit', headers: b.headers })).statusCode).toBe(401);
    const again = await post(app, '/auth/login', { origin: rt.ctx.publicUrl }, { email: 'reviewer@example.org', password: GOOD_PASSWORD });
    const session = sessionFrom(again);
    expect((await me(app, session)).json().org).toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/v1/org/audit', headers: session.headers })).statusCode).toBe(403);
  });
});
