import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/app/auth/create-user.js';
import { buildHttpApp } from '../src/http/app.js';
import { totpCode } from '../src/security/mfa/totp.js';
import {
  type Browser,
  GOOD_PASSWORD,
  type TestUser,
  addUser,
  login,
  me,
  post,
  sessionFrom,
  signIn,
  startSignIn,
} from './support/accounts.js';
import { dumpDatabase } from './support/database-dump.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { seedShop } from './support/fixtures.js';
import { lastCode } from './support/sent-codes.js';

const MINUTE = 60_000;

describe.each(ENGINES)('multi-factor authentication on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let owner: TestUser;
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    rt = await testRuntime(engine);
    await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    owner = await addUser(rt, 'shop', 'owner', 'olga@example.org');
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  const code = (offsetMs = 0) => totpCode(secret, rt.clock.now() + offsetMs);

  it('walks an owner through enrolment before a full session, then rotates the session', async () => {
    const enrolling = await signIn(app, owner);
    expect((await me(app, enrolling)).json().session.stage).toBe('mfa_enrolment');
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: enrolling.headers });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('mfa_required');

    const setup = await post(app, '/auth/mfa/totp', enrolling.headers);
    expect(setup.statusCode).toBe(200);
    secret = setup.json().secret;
    expect(setup.json().uri).toMatch(/^otpauth:\/\/totp\/Slotguard:olga%40example\.org\?/);
    const wrong = await post(app, '/auth/mfa/totp/confirm', enrolling.headers, { factorId: setup.json().factorId, code: '000000' });
    expect(wrong.statusCode).toBe(401);
    const confirmed = await post(app, '/auth/mfa/totp/confirm', enrolling.headers, { factorId: setup.json().factorId, code: code() });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().stage).toBe('full');
    recoveryCodes = confirmed.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const full = sessionFrom(confirmed);
    expect(full.cookie).not.toBe(enrolling.cookie);
    expect((await me(app, enrolling)).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: full.headers })).statusCode).toBe(200);

    const dump = await dumpDatabase(rt);
    expect(dump).not.toContain(secret);
    for (const c of recoveryCodes) expect(dump).not.toContain(c);
  });

  it('asks for the second factor after the password and accepts each TOTP code once (±1 step)', async () => {
    rt.clock.advance(MINUTE);
    const first = await startSignIn(app, owner);
    expect(first.methods).toEqual(['totp', 'recovery_code']);
    const bad = await post(app, '/auth/mfa/verify', first.headers, { method: 'totp', code: '123456' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('invalid_credentials');
    const used = code(-30_000);
    const ok = await post(app, '/auth/mfa/verify', first.headers, { method: 'totp', code: used });
    expect(ok.statusCode).toBe(200);
    expect((await me(app, sessionFrom(ok))).json().session.authMethods).toEqual(['password', 'totp']);

    const second = await startSignIn(app, owner);
    expect((await post(app, '/auth/mfa/verify', second.headers, { method: 'totp', code: used })).statusCode).toBe(401);
    expect((await post(app, '/auth/mfa/verify', second.headers, { method: 'totp', code: code() })).statusCode).toBe(200);
    // The pending sign-in is spent.
    expect((await post(app, '/auth/mfa/verify', second.headers, { method: 'totp', code: code(30_000) })).statusCode).toBe(401);
    const audit = await rt.auditReader.list({ action: 'auth.mfa', limit: 10 });
    expect(audit.some((a) => a.outcome === 'failure' && a.reason === 'invalid_factor:totp')).toBe(true);
  });

  it('accepts a recovery code once, and ends a pending sign-in after five wrong answers', async () => {
    const a = await startSignIn(app, owner);
    expect((await post(app, '/auth/mfa/verify', a.headers, { method: 'recovery_code', code: recoveryCodes[0]?.toLowerCase() })).statusCode).toBe(200);
    const b = await startSignIn(app, owner);
    expect((await post(app, '/auth/mfa/verify', b.headers, { method: 'recovery_code', code: recoveryCodes[0] })).statusCode).toBe(401);
    for (let i = 0; i < 4; i++) await post(app, '/auth/mfa/verify', b.headers, { method: 'totp', code: '000000' });
    const gone = await post(app, '/auth/mfa/verify', b.headers, { method: 'totp', code: code() });
    expect(gone.statusCode).toBe(401);
    expect(gone.json().error.code).toBe('unauthenticated');
    rt.clock.advance(20 * MINUTE);
  });

  it('needs a fresh authentication within 15 minutes for sensitive actions (401 reauth_required), and rotates at step-up', async () => {
    const s = await startSignIn(app, owner);
    let b: Browser = sessionFrom(await post(app, '/auth/mfa/verify', s.headers, { method: 'totp', code: code() }));
    expect((await post(app, '/auth/mfa/recovery-codes', b.headers)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) {
      rt.clock.advance(8 * MINUTE);
      expect((await me(app, b)).statusCode).toBe(200);
    }
    const stale = await post(app, '/auth/mfa/recovery-codes', b.headers);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('reauth_required');

    expect((await post(app, '/auth/reauth', b.headers, { method: 'password', password: 'wrong password here' })).statusCode).toBe(401);
    const again = await post(app, '/auth/reauth', b.headers, { method: 'password', password: GOOD_PASSWORD });
    expect(again.statusCode).toBe(200);
    const old = b;
    b = sessionFrom(again);
    expect((await me(app, old)).statusCode).toBe(401);
    const fresh = await post(app, '/auth/mfa/recovery-codes', b.headers);
    expect(fresh.statusCode).toBe(200);
    recoveryCodes = fresh.json().recoveryCodes;
    expect((await rt.auditReader.list({ action: 'auth.step_up', limit: 2 })).map((a) => a.outcome)).toEqual(['success', 'failure']);
  });

  it('lets a user with a second factor in from a clean address after the hard stop, never with the password alone', async () => {
    const proxied = await buildHttpApp(rt, { trustProxy: ['127.0.0.1'] });
    try {
      for (let i = 0; i < 100; i++) await login(proxied, owner.email, 'wrong password again', { 'x-forwarded-for': `192.0.2.${Math.floor(i / 4)}` });
      const tainted = await login(proxied, owner.email, owner.password, { 'x-forwarded-for': '192.0.2.1' });
      expect(tainted.statusCode).toBe(401);
      const clean = await login(proxied, owner.email, owner.password, { 'x-forwarded-for': '198.51.100.99' });
      expect(clean.statusCode).toBe(200);
      expect(clean.json().mfaRequired).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('sends email codes through the outbox (sealed), single use, tied to one sign-in, at most three per sign-in', async () => {
    const user = await addUser(rt, 'shop', 'staff', 'emil@example.org');
    const enrolling = await signIn(app, user);
    expect((await post(app, '/auth/mfa/email', enrolling.headers)).statusCode).toBe(202);
    const enrolCode = await lastCode(rt, user.id, 'email');
    expect(enrolCode.to).toBe('emil@example.org');
    const enrolled = await post(app, '/auth/mfa/email/confirm', enrolling.headers, { code: enrolCode.code });
    expect(enrolled.statusCode).toBe(200);
    expect(enrolled.json().stage).toBe('full');

    const s = await startSignIn(app, user);
    expect(s.methods).toEqual(['email', 'recovery_code']);
    for (let i = 0; i < 3; i++) expect((await post(app, '/auth/mfa/send', s.headers, { method: 'email' })).statusCode).toBe(202);
    const flood = await post(app, '/auth/mfa/send', s.headers, { method: 'email' });
    expect(flood.statusCode).toBe(429);
    const sent = await lastCode(rt, user.id, 'email');
    expect(await dumpDatabase(rt)).not.toContain(`"${sent.code}"`);
    const ok = await post(app, '/auth/mfa/verify', s.headers, { method: 'email', code: sent.code });
    expect(ok.statusCode).toBe(200);

    // A code is tied to the sign-in it was sent for.
    const one = await startSignIn(app, user);
    await post(app, '/auth/mfa/send', one.headers, { method: 'email' });
    const oneCode = await lastCode(rt, user.id, 'email');
    const other = await startSignIn(app, user);
    expect((await post(app, '/auth/mfa/verify', other.headers, { method: 'email', code: oneCode.code })).statusCode).toBe(401);
  });

  it('sends SMS codes through the provider interface with a warning, to the account phone', async () => {
    const actor = { type: 'cli' as const, id: 'test' };
    const created = await createUser(rt.ctx, { orgSlug: 'shop', email: 'sami@example.org', name: 'Sami', role: 'staff', password: GOOD_PASSWORD, phone: '+49 151 2345 6789' }, actor);
    const enrolling = await signIn(app, { id: created.id, email: 'sami@example.org', password: GOOD_PASSWORD });
    expect((await post(app, '/auth/mfa/sms', enrolling.headers)).statusCode).toBe(202);
    const sms = await lastCode(rt, created.id, 'sms');
    expect(sms.to).toBe('+4915123456789');
    expect((await post(app, '/auth/mfa/sms/confirm', enrolling.headers, { code: sms.code })).statusCode).toBe(200);
    const s = await startSignIn(app, { id: created.id, email: 'sami@example.org', password: GOOD_PASSWORD });
    const send = await post(app, '/auth/mfa/send', s.headers, { method: 'sms' });
    expect(send.json().warning).toMatch(/intercepted/);
    const verify = await post(app, '/auth/mfa/verify', s.headers, { method: 'sms', code: (await lastCode(rt, created.id, 'sms')).code });
    expect(verify.statusCode).toBe(200);
  });
});
