import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../src/app/auth/security-policy.js';
import type { OutboxService } from '../src/jobs/outbox-service.js';
import { type Browser, GOOD_PASSWORD, type TestUser, addUser, sessionFrom, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';
import type { SmtpSink } from './support/smtp-sink.js';

const PHRASE = 'blue heron at dawn';

describe.each(ENGINES)('anti-phishing phrase on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let app: FastifyInstance;
  let sink: SmtpSink;
  let outbox: OutboxService;
  let user: TestUser;
  let me: Browser;

  beforeAll(async () => {
    f = await messagingFixture(engine);
    ({ rt, app, sink, outbox } = f);
    await rt.ctx.uow.write((r) => r.accounts.securityPolicies.save(f.shop.orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] }));
    user = await addUser(rt, 'shop', 'staff', 'sam@shop.example');
    me = await signIn(app, user);
  });
  afterAll(() => f?.close());

  const phrase = (b: Browser, payload?: Record<string, unknown>) =>
    app.inject({ method: payload ? 'PUT' : 'GET', url: '/api/v1/auth/anti-phishing-phrase', headers: b.headers, ...(payload ? { payload } : {}) });
  const lastMailTo = async (address: string) => {
    await outbox.worker.drain();
    const mail = sink.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address).at(-1);
    if (!mail) throw new Error(`no mail to ${address}`);
    return mail;
  };

  it('appears in every security message to the user once set, and is stored sealed', async () => {
    expect((await phrase(me)).json()).toEqual({ phrase: null });
    const set = await phrase(me, { phrase: `  ${PHRASE} ` });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ phrase: PHRASE });
    expect((await phrase(me)).json()).toEqual({ phrase: PHRASE });

    // A one-time code (adding email as a second factor) ...
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/email', headers: me.headers })).statusCode).toBe(202);
    const code = await lastMailTo(user.email);
    expect(code.subject).toMatch(/^\d{6} is your verification code/);
    expect(code.text).toContain(`Your anti-phishing phrase: "${PHRASE}". A security message without it is not from us.`);
    expect(code.html).toContain(`Your anti-phishing phrase: &quot;${PHRASE}&quot;`);

    // ... and a security notice (a password change) carry it.
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password/change',
      headers: me.headers,
      payload: { currentPassword: GOOD_PASSWORD, newPassword: 'quietly humming velvet fjords' },
    });
    expect(changed.statusCode).toBe(200);
    me = sessionFrom(changed);
    user = { ...user, password: 'quietly humming velvet fjords' };
    const notice = await lastMailTo(user.email);
    expect(notice.subject).toBe('Security notice – Shop');
    expect(notice.text).toContain(`Your anti-phishing phrase: "${PHRASE}"`);

    const row = await rt.database.db.selectFrom('users').select('anti_phishing_enc').where('email_index', 'is not', null).execute();
    const stored = row.map((r) => r.anti_phishing_enc).filter((v) => v !== null);
    expect(stored).toHaveLength(1);
    expect(String(stored[0])).not.toContain('heron');
    const audit = await rt.auditReader.list({ orgId: f.shop.orgId, action: 'anti_phishing_phrase.update', limit: 5 });
    expect(audit[0]).toMatchObject({ outcome: 'success', reason: 'set', objectIds: [user.id] });
    expect(JSON.stringify(audit)).not.toContain('heron');
  });

  it('refuses a phrase that is too short, spans lines or comes with unknown fields', async () => {
    for (const payload of [{ phrase: 'ab' }, { phrase: 'two\nlines' }, { phrase: 'x'.repeat(65) }, { phrase: PHRASE, extra: 1 }]) {
      const res = await phrase(me, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    expect((await phrase(me)).json()).toEqual({ phrase: PHRASE });
  });

  it('needs a fresh sign-in to change, so a stolen session cannot plant one; removing it leaves messages without', async () => {
    rt.clock.advance(10 * 60_000);
    expect((await phrase(me)).statusCode).toBe(200);
    rt.clock.advance(10 * 60_000);
    const stale = await phrase(me, { phrase: 'attacker chosen words' });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('reauth_required');
    const refused = await rt.auditReader.list({ orgId: f.shop.orgId, action: 'anti_phishing_phrase.update', limit: 1 });
    expect(refused[0]).toMatchObject({ outcome: 'failure', reason: 'reauth_required' });
    expect((await phrase(me)).json()).toEqual({ phrase: PHRASE });

    me = await signIn(app, user);
    expect((await phrase(me, { phrase: null })).json()).toEqual({ phrase: null });
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/mfa/email', headers: me.headers })).statusCode).toBe(202);
    const code = await lastMailTo(user.email);
    expect(code.text).not.toContain('anti-phishing phrase');
  });
});
