import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { type TestUser, PENDING_COOKIE, addUser, me, pendingHeaders, post, sessionFrom, setCookie, signIn, startSignIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { seedShop } from './support/fixtures.js';
import { VirtualAuthenticator } from './support/virtual-authenticator.js';

describe.each(ENGINES)('passkeys (WebAuthn) on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let admin: TestUser;
  let key: VirtualAuthenticator;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    admin = await addUser(rt, 'shop', 'admin', 'ada@example.org');
    key = new VirtualAuthenticator(rt.ctx.publicUrl);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('registers a passkey bound to our origin as the second factor an admin must enrol', async () => {
    const enrolling = await signIn(app, admin);
    const options = await post(app, '/auth/mfa/passkeys/options', enrolling.headers);
    expect(options.statusCode).toBe(200);
    expect(options.json().rp).toEqual({ name: 'Slotguard', id: 'book.example.test' });

    const phished = await post(app, '/auth/mfa/passkeys', enrolling.headers, { response: key.register(options.json(), 'https://book-example.test') });
    expect(phished.statusCode).toBe(401);

    const again = await post(app, '/auth/mfa/passkeys/options', enrolling.headers);
    const done = await post(app, '/auth/mfa/passkeys', enrolling.headers, { response: key.register(again.json()), label: 'YubiKey' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ stage: 'full' });
    expect(done.json().recoveryCodes).toHaveLength(10);
    const factors = await app.inject({ method: 'GET', url: '/api/v1/auth/mfa/factors', headers: sessionFrom(done).headers });
    expect(factors.json().factors).toEqual([expect.objectContaining({ kind: 'webauthn', label: 'YubiKey' })]);
  });

  it('uses the passkey as the second factor after the password', async () => {
    const s = await startSignIn(app, admin);
    expect(s.methods).toEqual(['webauthn', 'recovery_code']);
    const options = await post(app, '/auth/mfa/webauthn/options', s.headers);
    expect(options.json().allowCredentials).toEqual([expect.objectContaining({ id: key.credentialId.toString('base64url') })]);
    const forged = key.authenticate({ challenge: 'c29tZS1vdGhlci1jaGFsbGVuZ2U' });
    expect((await post(app, '/auth/mfa/verify', s.headers, { method: 'webauthn', assertion: forged })).statusCode).toBe(401);
    const ok = await post(app, '/auth/mfa/verify', s.headers, { method: 'webauthn', assertion: key.authenticate(options.json()) });
    expect(ok.statusCode).toBe(200);
    expect((await me(app, sessionFrom(ok))).json().session.authMethods).toEqual(['password', 'webauthn']);
  });

  it('signs in without a password with a user-verified passkey; the challenge works once', async () => {
    const start = await post(app, '/auth/passkey/options', { origin: rt.ctx.publicUrl });
    expect(start.statusCode).toBe(200);
    expect(start.json().options.userVerification).toBe('required');
    const headers = pendingHeaders(setCookie(start, PENDING_COOKIE)?.value ?? '', start.json().csrfToken);
    const assertion = key.authenticate(start.json().options);
    const signedIn = await post(app, '/auth/passkey/login', headers, { assertion });
    expect(signedIn.statusCode).toBe(200);
    const who = (await me(app, sessionFrom(signedIn))).json();
    expect(who).toMatchObject({ user: { id: admin.id }, session: { stage: 'full', authMethods: ['passkey'] } });
    expect((await post(app, '/auth/passkey/login', headers, { assertion: key.authenticate(start.json().options) })).statusCode).toBe(401);
  });

  it('refuses a passwordless sign-in without user verification or from another origin', async () => {
    for (const answer of [
      (o: { challenge: string }) => key.authenticate(o, { userVerified: false }),
      (o: { challenge: string }) => key.authenticate(o, { origin: 'https://evil.example' }),
    ]) {
      const start = await post(app, '/auth/passkey/options', { origin: rt.ctx.publicUrl });
      const headers = pendingHeaders(setCookie(start, PENDING_COOKIE)?.value ?? '', start.json().csrfToken);
      const res = await post(app, '/auth/passkey/login', headers, { assertion: answer(start.json().options) });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const audit = await rt.auditReader.list({ action: 'auth.passkey', limit: 2 });
    expect(audit.map((a) => a.outcome)).toEqual(['failure', 'failure']);
  });
});
