import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { totpCode } from '../src/security/mfa/totp.js';
import { ORIGIN, type TestUser, addUser, login, me, post, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, seedShop } from './support/fixtures.js';
import { lastNotice } from './support/sent-codes.js';

const linkIn = (text: string | null, path: string) => new RegExp(`https://book\\.example\\.test/${path}#([A-Za-z0-9_-]{43})`).exec(text ?? '')?.[1] ?? '';

describe.each(ENGINES)('security notices and "this wasn\'t me" on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let nina: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    shop = await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    nina = await addUser(rt, 'shop', 'receptionist', 'nina@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('tells the user about a sign-in from a new browser, with a "this wasn\'t me" link', async () => {
    await signIn(app, nina, { 'user-agent': 'Laptop/1.0' });
    await signIn(app, nina, { 'user-agent': 'Laptop/1.0' });
    expect(await lastNotice(rt, nina.id)).toBeNull();
    await signIn(app, nina, { 'user-agent': 'Phone/2.0' });
    const notice = await lastNotice(rt, nina.id);
    expect(notice).toMatch(/new device or browser/);
    expect(linkIn(notice, 'not-me')).not.toBe('');
  });

  it('ends every session, blocks the password, mails a reset link and alerts the admins when it wasn\'t them', async () => {
    const device = await signIn(app, nina, { 'user-agent': 'Phone/2.0' });
    await signIn(app, nina, { 'user-agent': 'Tablet/3.0' });
    const token = linkIn(await lastNotice(rt, nina.id), 'not-me');
    const report = await post(app, '/auth/not-me', { origin: ORIGIN }, { token });
    expect(report.statusCode).toBe(200);
    expect((await me(app, device)).statusCode).toBe(401);
    expect((await login(app, nina.email, nina.password)).statusCode).toBe(401);
    expect((await post(app, '/auth/not-me', { origin: ORIGIN }, { token })).statusCode).toBe(400);
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'security.report_not_me', limit: 1 });
    expect(audit[0]).toMatchObject({ outcome: 'success', objectIds: expect.arrayContaining([nina.id]) });

    const reset = linkIn(await lastNotice(rt, nina.id), 'reset-password');
    const newPassword = 'quietly humming velvet fjords';
    expect((await post(app, '/auth/password/reset', { origin: ORIGIN }, { token: reset, password: newPassword })).statusCode).toBe(200);
    expect((await login(app, nina.email, newPassword)).statusCode).toBe(200);
  });

  it('sends a notice when a second factor is added', async () => {
    const owner = await addUser(rt, 'shop', 'owner', 'otto@example.org');
    const enrolling = await signIn(app, owner);
    const setup = (await post(app, '/auth/mfa/totp', enrolling.headers)).json();
    await post(app, '/auth/mfa/totp/confirm', enrolling.headers, { factorId: setup.factorId, code: totpCode(setup.secret, rt.clock.now()) });
    expect(await lastNotice(rt, owner.id)).toMatch(/second factor was added/);
  });
});
