import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { type TestUser, addUser, login } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { seedShop } from './support/fixtures.js';

const WRONG = 'definitely not the password';

describe.each(ENGINES)('attacks on sign-in on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let behindProxy: FastifyInstance;
  let rita: TestUser;
  let omar: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    behindProxy = await buildHttpApp(rt, { trustProxy: ['127.0.0.1'] });
    rita = await addUser(rt, 'shop', 'receptionist', 'rita@example.org');
    omar = await addUser(rt, 'shop', 'receptionist', 'omar@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await behindProxy?.close();
    await rt?.dispose();
  });

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('slows guessing at one account from one address: 429 rate_limited with Retry-After, growing', async () => {
    const ip = from('198.51.100.1');
    for (let i = 0; i < 5; i++) expect((await login(behindProxy, rita.email, WRONG, ip)).statusCode).toBe(401);
    const limited = await login(behindProxy, rita.email, rita.password, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBe('1');
    // The same account from another address, and another account from this one, are not slowed.
    expect((await login(behindProxy, rita.email, WRONG, from('198.51.100.2'))).statusCode).toBe(401);
    expect((await login(behindProxy, omar.email, WRONG, ip)).statusCode).toBe(401);

    rt.clock.advance(1000);
    expect((await login(behindProxy, rita.email, WRONG, ip)).statusCode).toBe(401);
    expect((await login(behindProxy, rita.email, WRONG, ip)).headers['retry-after']).toBe('2');
    rt.clock.advance(2000);
    // A success clears the account's counters.
    expect((await login(behindProxy, rita.email, rita.password, ip)).statusCode).toBe(200);
    expect((await login(behindProxy, rita.email, WRONG, ip)).statusCode).toBe(401);
  });

  it('slows one address trying many accounts (credential stuffing), known or not', async () => {
    const ip = from('198.51.100.7');
    for (let i = 0; i < 20; i++) {
      expect((await login(behindProxy, `victim${i}@example.org`, WRONG, ip)).statusCode).toBe(401);
    }
    const limited = await login(behindProxy, omar.email, omar.password, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await login(behindProxy, omar.email, omar.password, from('198.51.100.8'))).statusCode).toBe(200);
    const audit = await rt.auditReader.list({ action: 'auth.login', limit: 3 });
    expect(audit.find((a) => a.reason === 'rate_limited')).toMatchObject({ outcome: 'denied' });
    rt.clock.advance(60 * 60_000);
  });

  it('ignores X-Forwarded-For from anyone but a configured proxy', async () => {
    const attempts = [];
    for (let i = 0; i < 21; i++) attempts.push(await login(app, `spoof${i}@example.org`, WRONG, from(`203.0.113.${i}`)));
    expect(attempts.slice(0, 20).map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    expect(attempts[20]?.statusCode).toBe(429);
    rt.clock.advance(2 * 60 * 60_000);
  });

  it('stops password sign-in at 100 consecutive failures, with the same answer as a wrong password', async () => {
    const victim = await addUser(rt, 'shop', 'receptionist', 'victor@example.org');
    for (let i = 0; i < 100; i++) {
      const res = await login(behindProxy, victim.email, WRONG, from(`192.0.2.${Math.floor(i / 4)}`));
      expect(res.statusCode).toBe(401);
    }
    const locked = await login(behindProxy, victim.email, victim.password, from('192.0.2.200'));
    const unknown = await login(behindProxy, 'nobody-at-all@example.org', WRONG, from('192.0.2.201'));
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(unknown.json());
    const audit = await rt.auditReader.list({ action: 'auth.login', limit: 2 });
    expect(audit.map((a) => a.reason)).toContain('invalid_credentials:hard_stop');
  });
});
