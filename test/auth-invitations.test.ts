import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { type Browser, ORIGIN, type TestUser, addUser, login, me, post, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { dumpDatabase } from './support/database-dump.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';

const accept = (app: FastifyInstance, headers: Record<string, string>, body: Record<string, unknown>) => post(app, '/auth/invitations/accept', headers, body);
const tokenOf = (link: string) => link.split('#')[1] ?? '';

describe.each(ENGINES)('invitations on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let boss: Browser;
  let outsider: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    ({ shop } = await seedTwoShopsWithoutMfa(rt));
    app = await buildHttpApp(rt);
    boss = await signIn(app, await addUser(rt, 'shop', 'owner', 'boss@example.org'));
    outsider = await addUser(rt, 'other-shop', 'receptionist', 'olivia@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('makes a single-use link from the public URL, stored only hashed; a newcomer creates their account with it', async () => {
    const invited = await post(app, '/org/invitations', boss.headers, { role: 'staff' });
    expect(invited.statusCode).toBe(201);
    const { link } = invited.json();
    expect(link).toMatch(/^https:\/\/book\.example\.test\/invite#[A-Za-z0-9_-]{43}$/);
    expect(await dumpDatabase(rt)).not.toContain(tokenOf(link));

    const weak = await accept(app, { origin: ORIGIN }, { token: tokenOf(link), email: 'sven@example.org', name: 'Sven', password: 'password123' });
    expect(weak.statusCode).toBe(422);
    const password = 'orbiting velvet marmots hum';
    const joined = await accept(app, { origin: ORIGIN }, { token: tokenOf(link), email: 'sven@example.org', name: 'Sven', password });
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ orgId: shop.orgId, role: 'staff' });
    expect((await accept(app, { origin: ORIGIN }, { token: tokenOf(link), email: 'eve@example.org', name: 'Eve', password })).statusCode).toBe(400);
    expect((await login(app, 'sven@example.org', password)).statusCode).toBe(200);
  });

  it('lets a signed-in person of another organization join with the invited role, once', async () => {
    const { link } = (await post(app, '/org/invitations', boss.headers, { role: 'auditor' })).json();
    const b = await signIn(app, outsider);
    const joined = await accept(app, b.headers, { token: tokenOf(link) });
    expect(joined.statusCode).toBe(201);
    expect((await me(app, b)).json().memberships.map((m: { slug: string; role: string }) => `${m.slug}:${m.role}`).sort()).toEqual([
      'other-shop:receptionist',
      'shop:auditor',
    ]);
    const again = (await post(app, '/org/invitations', boss.headers, { role: 'staff' })).json();
    expect((await accept(app, b.headers, { token: tokenOf(again.link) })).statusCode).toBe(409);
  });

  it('expires after 7 days, and lets only owners invite owners', async () => {
    const { link } = (await post(app, '/org/invitations', boss.headers, { role: 'customer' })).json();
    rt.clock.advance(7 * 86_400_000 + 1);
    expect((await accept(app, { origin: ORIGIN }, { token: tokenOf(link), email: 'late@example.org', name: 'Late', password: 'orbiting velvet marmots hum' })).statusCode).toBe(400);
    const admin = await signIn(app, await addUser(rt, 'shop', 'admin', 'ada@example.org'));
    expect((await post(app, '/org/invitations', admin.headers, { role: 'owner' })).statusCode).toBe(403);
    expect((await post(app, '/org/invitations', admin.headers, { role: 'admin' })).statusCode).toBe(201);
  });
});
