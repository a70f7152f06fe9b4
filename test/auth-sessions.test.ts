import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { ARGON2_PARAMS, hashPassword } from '../src/security/passwords/password-hasher.js';
import { GOOD_PASSWORD, ORIGIN, SESSION_COOKIE, type TestUser, addUser, browser, login, me, setCookie, signIn } from './support/accounts.js';
import { dumpDatabase } from './support/database-dump.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { seedShop } from './support/fixtures.js';

const MINUTE = 60_000;

describe.each(ENGINES)('sign-in and sessions on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let reception: TestUser;
  let customer: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    reception = await addUser(rt, 'shop', 'receptionist', 'rita@example.org');
    customer = await addUser(rt, 'shop', 'customer', 'carl@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('signs in with a __Host- session cookie (HttpOnly, Secure, SameSite=Lax, Path=/) holding 256 random bits', async () => {
    const res = await login(app, 'RITA@example.org', GOOD_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mfaRequired: false, stage: 'full', userId: reception.id });
    const cookie = setCookie(res, SESSION_COOKIE);
    expect(cookie?.raw).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookie?.raw).not.toMatch(/Domain=/);
    expect(Buffer.from(cookie?.value ?? '', 'base64url')).toHaveLength(32);

    const who = await me(app, browser(cookie?.value ?? '', ''));
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: { id: reception.id, email: 'rita@example.org' }, org: { slug: 'shop', role: 'receptionist' } });
    expect(who.json().csrfToken).toBe(res.json().csrfToken);
    expect(await dumpDatabase(rt)).not.toContain(cookie?.value);
  });

  it('stores a new Argon2id hash at sign-in when the stored one used older parameters', async () => {
    const old = await hashPassword(GOOD_PASSWORD, { ...ARGON2_PARAMS, memoryCost: 8192, timeCost: 3 });
    await rt.ctx.uow.write((r) => r.accounts.users.setPassword(customer.id, old, rt.clock.now(), false));
    expect((await login(app, customer.email, GOOD_PASSWORD)).statusCode).toBe(200);
    const stored = await rt.ctx.uow.read((r) => r.accounts.users.findById(customer.id));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(app, customer.email, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 401 unauthenticated without a session, and never adopts a session id chosen by the client', async () => {
    const none = await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('unauthenticated');
    const planted = 'A'.repeat(43);
    const res = await login(app, reception.email, reception.password, { cookie: `${SESSION_COOKIE}=${planted}` });
    expect(setCookie(res, SESSION_COOKIE)?.value).not.toBe(planted);
    expect((await me(app, browser(planted, ''))).statusCode).toBe(401);
  });

  it('gives the same 401 invalid_credentials for a wrong password and an unknown user', async () => {
    const wrong = await login(app, reception.email, 'not the password at all');
    const unknown = await login(app, 'nobody@example.org', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(setCookie(wrong, SESSION_COOKIE)).toBeUndefined();
    const audit = await rt.auditReader.list({ action: 'auth.login', limit: 5 });
    expect(audit.slice(0, 2).map((a) => a.outcome)).toEqual(['failure', 'failure']);
    expect(JSON.stringify(audit)).not.toContain('not the password');
  });

  it('ends a staff session after 15 idle minutes and a customer session after 60, on the server', async () => {
    const staff = await signIn(app, reception);
    const cust = await signIn(app, customer);
    rt.clock.advance(14 * MINUTE);
    expect((await me(app, staff)).statusCode).toBe(200);
    rt.clock.advance(14 * MINUTE);
    expect((await me(app, staff)).statusCode).toBe(200);
    rt.clock.advance(15 * MINUTE + 1);
    expect((await me(app, staff)).statusCode).toBe(401);
    expect((await me(app, cust)).statusCode).toBe(200);
    const ended = await rt.auditReader.list({ action: 'session.end', limit: 1 });
    expect(ended[0]).toMatchObject({ outcome: 'success', reason: 'idle_timeout' });
  });

  it('ends a busy staff session 12 hours after sign-in', async () => {
    const staff = await signIn(app, reception);
    for (let i = 0; i < 71; i++) {
      rt.clock.advance(10 * MINUTE);
      expect((await me(app, staff)).statusCode).toBe(200);
    }
    rt.clock.advance(10 * MINUTE);
    expect((await me(app, staff)).statusCode).toBe(401);
  });

  it('lists my devices and signs out one of them, or all', async () => {
    const laptop = await signIn(app, customer, { 'user-agent': 'Laptop/1.0' });
    const phone = await signIn(app, customer, { 'user-agent': 'Phone/2.0' });
    const list = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: laptop.headers });
    expect(list.statusCode).toBe(200);
    const sessions = list.json().sessions as { id: string; current: boolean; userAgent: string }[];
    const phoneSession = sessions.find((s) => s.userAgent === 'Phone/2.0');
    expect(sessions.find((s) => s.current)?.userAgent).toBe('Laptop/1.0');
    expect(phoneSession).toBeDefined();

    const revoke = await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneSession?.id}`, headers: laptop.headers });
    expect(revoke.statusCode).toBe(204);
    expect((await me(app, phone)).statusCode).toBe(401);
    expect((await me(app, laptop)).statusCode).toBe(200);

    const other = await signIn(app, reception);
    const foreign = await app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${sessions[0]?.id}`, headers: other.headers });
    expect(foreign.statusCode).toBe(404);

    const tablet = await signIn(app, customer);
    const all = await app.inject({ method: 'POST', url: '/api/v1/auth/sessions/revoke-all', payload: { keepCurrent: true }, headers: tablet.headers });
    expect(all.json().revoked).toBeGreaterThanOrEqual(1);
    expect((await me(app, laptop)).statusCode).toBe(401);
    expect((await me(app, tablet)).statusCode).toBe(200);
  });

  it('signs out with Clear-Site-Data and a cleared cookie; the old cookie is dead', async () => {
    const b = await signIn(app, reception);
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: b.headers });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    expect(setCookie(out, SESSION_COOKIE)?.value).toBe('');
    expect((await me(app, b)).statusCode).toBe(401);
    const audit = await rt.auditReader.list({ action: 'auth.logout', limit: 1 });
    expect(audit[0]?.actor.id).toBe(reception.id);
  });

  it('refuses a cookie-authenticated state change without the CSRF token or from another origin', async () => {
    const b = await signIn(app, reception);
    const { 'x-csrf-token': _token, ...withoutToken } = b.headers;
    const missing = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: withoutToken });
    expect(missing.statusCode).toBe(403);
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...b.headers, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const crossSite = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...b.headers, origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
    const crossLogin = await login(app, reception.email, reception.password, { origin: 'https://evil.example' });
    expect(crossLogin.statusCode).toBe(403);
    expect((await me(app, b)).statusCode).toBe(200);
    // State changes are never reachable by GET.
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/logout', headers: b.headers })).statusCode).toBe(404);
    expect((await me(app, b)).statusCode).toBe(200);
    expect(ORIGIN).toBe(rt.ctx.publicUrl);
  });

  it('uses a plain sg_session cookie without Secure when the public URL is http', async () => {
    const local = await buildHttpApp({ ...rt, ctx: { ...rt.ctx, publicUrl: 'http://localhost:3000' } });
    try {
      const res = await login(local, reception.email, reception.password, { origin: 'http://localhost:3000' });
      const cookie = setCookie(res, 'sg_session');
      expect(cookie?.raw).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(setCookie(res, SESSION_COOKIE)).toBeUndefined();
    } finally {
      await local.close();
    }
  });
});
