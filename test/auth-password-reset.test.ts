import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupLink } from '../src/app/auth/first-run-setup.js';
import { buildHttpApp } from '../src/http/app.js';
import { totpCode } from '../src/security/mfa/totp.js';
import { ORIGIN, SESSION_COOKIE, type TestUser, addUser, login, me, post, sessionFrom, setCookie, signIn, startSignIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { seedShop } from './support/fixtures.js';
import { lastNotice } from './support/sent-codes.js';

const NEW_PASSWORD = 'quietly humming velvet fjords';
const forgot = (app: FastifyInstance, email: string, headers: Record<string, string> = {}) =>
  post(app, '/auth/password/forgot', { origin: ORIGIN, ...headers }, { email });
const reset = (app: FastifyInstance, token: string, password: string) => post(app, '/auth/password/reset', { origin: ORIGIN }, { token, password });

async function resetToken(rt: TestRuntime, userId: string): Promise<string> {
  const notice = (await lastNotice(rt, userId)) ?? '';
  const match = /https:\/\/book\.example\.test\/reset-password#([A-Za-z0-9_-]{43})/.exec(notice);
  expect(match, notice).not.toBeNull();
  return match?.[1] ?? '';
}

describe.each(ENGINES)('password reset and first-run setup on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let rita: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    rita = await addUser(rt, 'shop', 'receptionist', 'rita@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('answers the same for known and unknown emails, and mails a link built from the public URL only', async () => {
    const known = await forgot(app, rita.email, { host: 'evil.example', 'x-forwarded-host': 'evil.example' });
    const unknown = await forgot(app, 'nobody@example.org');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());
    const token = await resetToken(rt, rita.id);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(await lastNotice(rt, rita.id)).not.toContain('evil.example');
  });

  it('sets a new password once, ends every session, signs nobody in, and tells the user', async () => {
    const before = await signIn(app, rita);
    await forgot(app, rita.email);
    const token = await resetToken(rt, rita.id);
    const weak = await reset(app, token, 'password1234567');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error).toMatchObject({ code: 'weak_password', details: [{ i18n: { en: expect.any(String), 'zh-CN': expect.any(String) } }] });

    const done = await reset(app, token, NEW_PASSWORD);
    expect(done.statusCode).toBe(200);
    expect(setCookie(done, SESSION_COOKIE)).toBeUndefined();
    expect((await me(app, before)).statusCode).toBe(401);
    expect(await lastNotice(rt, rita.id)).toMatch(/password was reset.*not-me#/);
    expect((await reset(app, token, 'another velvet marmot phrase')).statusCode).toBe(400);
    expect((await login(app, rita.email, rita.password)).statusCode).toBe(401);
    rita = { ...rita, password: NEW_PASSWORD };
    expect((await login(app, rita.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('lets a link work for 30 minutes only', async () => {
    await forgot(app, rita.email);
    const token = await resetToken(rt, rita.id);
    rt.clock.advance(31 * 60_000);
    expect((await reset(app, token, 'yet another velvet marmot')).statusCode).toBe(400);
  });

  it('never removes a second factor', async () => {
    const owner = await addUser(rt, 'shop', 'owner', 'owen@example.org');
    const enrolling = await signIn(app, owner);
    const setup = (await post(app, '/auth/mfa/totp', enrolling.headers)).json();
    await post(app, '/auth/mfa/totp/confirm', enrolling.headers, { factorId: setup.factorId, code: totpCode(setup.secret, rt.clock.now()) });
    await forgot(app, owner.email);
    expect((await reset(app, await resetToken(rt, owner.id), NEW_PASSWORD)).statusCode).toBe(200);
    const s = await startSignIn(app, { ...owner, password: NEW_PASSWORD });
    expect(s.methods).toContain('totp');
  });

  it('limits reset requests from one address (429)', async () => {
    rt.clock.advance(2 * 60 * 60_000);
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await forgot(app, `someone${i}@example.org`, {})).statusCode);
    expect(answers.slice(0, 20)).toEqual(Array(20).fill(202));
    expect(answers[20]).toBe(429);
    rt.clock.advance(2 * 60 * 60_000);
  });

  it('creates the first owner from a one-time setup link on a fresh install', async () => {
    const fresh = await testRuntime(engine);
    const freshApp = await buildHttpApp(fresh);
    try {
      await seedShop(fresh, 'demo-shop');
      const link = (await issueSetupLink(fresh.ctx)) ?? '';
      expect(link).toMatch(/^https:\/\/book\.example\.test\/setup#[A-Za-z0-9_-]{43}$/);
      const token = link.split('#')[1] ?? '';
      const body = { token, email: 'first@example.org', name: 'First Owner', password: 'k7#vmq2zx-lake', orgSlug: 'demo-shop' };
      const created = await post(freshApp, '/auth/setup', { origin: ORIGIN }, body);
      expect(created.statusCode).toBe(201);
      expect((await post(freshApp, '/auth/setup', { origin: ORIGIN }, { ...body, email: 'second@example.org' })).statusCode).toBe(400);
      expect(await issueSetupLink(fresh.ctx)).toBeNull();
      const first = await login(freshApp, 'first@example.org', 'k7#vmq2zx-lake');
      expect(first.json()).toMatchObject({ mfaRequired: false, stage: 'mfa_enrolment' });
      expect((await me(freshApp, sessionFrom(first))).json().org).toMatchObject({ slug: 'demo-shop', role: 'owner' });
    } finally {
      await freshApp.close();
      await fresh.dispose();
    }
  });

  it('changes a password with the current one, rotating the session and optionally ending the others', async () => {
    const user = await addUser(rt, 'shop', 'receptionist', 'carla@example.org');
    const here = await signIn(app, user);
    const there = await signIn(app, user);
    const change = (b: typeof here, body: Record<string, unknown>) => post(app, '/auth/password/change', b.headers, body);
    expect((await change(here, { currentPassword: 'not the current one at all', newPassword: NEW_PASSWORD })).statusCode).toBe(401);
    const weak = await change(here, { currentPassword: user.password, newPassword: 'carla password 1' });
    expect(weak.statusCode).toBe(422);
    const done = await change(here, { currentPassword: user.password, newPassword: NEW_PASSWORD, endOtherSessions: true });
    expect(done.statusCode).toBe(200);
    const rotated = sessionFrom(done);
    expect(rotated.cookie).not.toBe(here.cookie);
    expect((await me(app, here)).statusCode).toBe(401);
    expect((await me(app, there)).statusCode).toBe(401);
    expect((await me(app, rotated)).statusCode).toBe(200);
    expect(await lastNotice(rt, user.id)).toMatch(/changed from a signed-in session/);
  });

  it('makes a user whose password is known to be compromised replace it before anything else', async () => {
    const user = await addUser(rt, 'shop', 'receptionist', 'cora@example.org');
    const stored = await rt.ctx.uow.read((r) => r.accounts.users.findById(user.id));
    await rt.ctx.uow.write((r) => r.accounts.users.setPassword(user.id, stored?.passwordHash ?? '', rt.clock.now(), true));
    const res = await login(app, user.email, user.password);
    expect(res.json()).toMatchObject({ mfaRequired: false, stage: 'password_change' });
    const b = sessionFrom(res);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: b.headers })).statusCode).toBe(403);
    const changed = await post(app, '/auth/password/change', b.headers, { currentPassword: user.password, newPassword: NEW_PASSWORD });
    expect(changed.json().stage).toBe('full');
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: sessionFrom(changed).headers })).statusCode).toBe(200);
  });
});
