import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireAccess } from '../src/app/access/require-access.js';
import { resolveApiKey } from '../src/app/auth/resolve-api-key.js';
import { DomainError } from '../src/domain/errors.js';
import { buildHttpApp } from '../src/http/app.js';
import { newId } from '../src/security/ids.js';
import { type Browser, ORIGIN, type TestUser, addUser, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { dumpDatabase } from './support/database-dump.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody } from './support/fixtures.js';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(ENGINES)('API keys on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let other: Shop;
  let ownerUser: TestUser;
  let otherOwnerUser: TestUser;
  // Signed in afresh by each test: tests move the clock past idle timeouts and the step-up window.
  let owner: Browser;
  let otherOwner: Browser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    ({ shop, other } = await seedTwoShopsWithoutMfa(rt));
    app = await buildHttpApp(rt);
    ownerUser = await addUser(rt, 'shop', 'owner', 'olga@example.org');
    otherOwnerUser = await addUser(rt, 'other-shop', 'owner', 'otto@example.org');
  });
  beforeEach(async () => {
    owner = await signIn(app, ownerUser);
    otherOwner = await signIn(app, otherOwnerUser);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  async function createKey(b: Browser, body: Record<string, unknown>) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: b.headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; key: string; prefix: string; scopes: string[]; lastUsedAt: string | null };
  }
  const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const listKeys = async () => (await get('/org/api-keys', owner.headers)).json().keys as { id: string; lastUsedAt: string | null; revokedAt: string | null }[];

  it('shows a new key once, in the sgk_<id>_<secret> form, and stores only its hash', async () => {
    const created = await createKey(owner, { name: 'Calendar sync', scopes: ['org:read', 'bookings:read'] });
    expect(created.key).toMatch(new RegExp(`^sgk_${created.id}_[A-Za-z0-9_-]{43}$`));
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const listed = await get('/org/api-keys', owner.headers);
    expect(listed.statusCode).toBe(200);
    const row = listed.json().keys.find((k: { id: string }) => k.id === created.id);
    expect(row).toMatchObject({ name: 'Calendar sync', prefix: created.prefix, scopes: ['org:read', 'bookings:read'], expiresAt: null, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed.json())).not.toContain(created.key.slice(created.prefix.length));
    const raw = await rt.database.db.selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(raw.secret_hash).not.toContain(created.key.slice(created.prefix.length));
    const secret = created.key.slice(created.prefix.length);
    expect(await dumpDatabase(rt)).not.toContain(secret);
  });

  it('lets a key do exactly what its scopes allow, in its own organization, without cookies or a CSRF token', async () => {
    const { key } = await createKey(owner, { name: 'Reader', scopes: ['org:read'] });
    const policy = await get('/org/security-policy', bearer(key));
    expect(policy.statusCode, policy.body).toBe(200);
    // Not in its scopes: members (members:read) and the audit trail (audit:read).
    for (const url of ['/org/members', '/org/audit', '/org/api-keys']) {
      const refused = await get(url, bearer(key));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
    // Key operations and policy changes need a step-up, which a key never has; no CSRF token is asked for.
    const make = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: bearer(key), payload: { name: 'x', scopes: ['org:read'] } });
    expect(make.statusCode).toBe(403);
    expect(make.json().error.message).toMatch(/API key/);
    // A session cookie sent along is ignored: the key alone decides.
    const both = await get('/org/members', { ...bearer(key), cookie: owner.headers.cookie ?? '' });
    expect(both.statusCode).toBe(403);
    // Account routes are for people.
    expect((await get('/auth/me', bearer(key))).statusCode).toBe(403);
  });

  it('never lets a key be given a permission that needs a step-up or reads the audit trail', async () => {
    for (const scope of ['keys:manage', 'roles:grant', 'security_policy:manage', 'audit:read', 'health_notes:read', 'members:read']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: owner.headers, payload: { name: 'Too much', scopes: [scope] } });
      expect(res.statusCode, scope).toBe(400);
    }
    const unknownField = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: owner.headers, payload: { name: 'x', scopes: ['org:read'], orgId: other.orgId } });
    expect(unknownField.statusCode).toBe(400);
  });

  it("keeps a key inside its organization: another organization's objects are not found", async () => {
    const { key } = await createKey(owner, { name: 'Tenant', scopes: ['org:read'] });
    const auth = await resolveApiKey(rt.ctx, key, { ip: '203.0.113.5', userAgent: 'sync/1.0' });
    expect(auth.orgId).toBe(shop.orgId);
    await expect(requireAccess(rt.ctx, auth, 'org:read', [{ type: 'service', id: shop.haircut.id }])).resolves.toMatchObject({ orgId: shop.orgId, apiKeyId: auth.apiKey?.id });
    const foreign = requireAccess(rt.ctx, auth, 'org:read', [{ type: 'service', id: other.haircut.id }]);
    await expect(foreign).rejects.toBeInstanceOf(DomainError);
    await expect(foreign).rejects.toMatchObject({ code: 'not_found' });
    const access = await requireAccess(rt.ctx, auth, 'org:read');
    expect(access.allows('bookings:read')).toBe(false);
    expect(access.allows('org:read')).toBe(true);
    // Another organization's owner cannot revoke it: it does not exist for them.
    const foreignRevoke = await app.inject({ method: 'DELETE', url: `/api/v1/org/api-keys/${auth.apiKey?.id}`, headers: otherOwner.headers });
    expect(foreignRevoke.statusCode).toBe(404);
    expect((await get('/org/security-policy', bearer(key))).statusCode).toBe(200);
  });

  it("reads the staff calendar with bookings:read, never health notes, and never another organization's booking", async () => {
    const book = (org: string, shopOf: Shop) =>
      app.inject({ method: 'POST', url: `/api/v1/orgs/${org}/bookings`, payload: bookingBody(shopOf, '2027-03-03T10:00:00+01:00') });
    const ours = await book('shop', shop);
    const theirs = await book('other-shop', other);
    expect(ours.statusCode, ours.body).toBe(201);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().booking.id).toMatch(/^[0-9a-f-]{36}$/);
    const reader = await createKey(owner, { name: 'Calendar reader', scopes: ['bookings:read'] });
    const orgOnly = await createKey(owner, { name: 'Org only', scopes: ['org:read'] });
    const range = '/org/bookings?from=2027-03-01&to=2027-03-07&timeZone=Europe/Berlin';
    const list = await get(range, bearer(reader.key));
    expect(list.statusCode, list.body).toBe(200);
    const ids = (list.json().bookings as { id: string }[]).map((b) => b.id);
    expect(ids).toContain(ours.json().booking.id);
    expect(ids).not.toContain(theirs.json().booking.id);
    expect(list.body).not.toContain('First visit');
    expect((await get(`/org/bookings/${ours.json().booking.id}`, bearer(reader.key))).statusCode).toBe(200);
    expect((await get(`/org/bookings/${theirs.json().booking.id}`, bearer(reader.key))).statusCode).toBe(404);
    expect((await get(range, bearer(orgOnly.key))).statusCode).toBe(403);
    // Read-only: no bookings:write scope, so no change either.
    const cancel = await app.inject({ method: 'POST', url: `/api/v1/org/bookings/${ours.json().booking.id}/cancel`, headers: bearer(reader.key), payload: {} });
    expect(cancel.statusCode).toBe(403);
  });

  it('answers revoked, expired, unknown and malformed keys with the same 401 invalid_api_key', async () => {
    const revoked = await createKey(owner, { name: 'Old', scopes: ['org:read'] });
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/org/api-keys/${revoked.id}`, headers: owner.headers });
    expect(del.statusCode).toBe(204);
    expect((await listKeys()).find((k) => k.id === revoked.id)?.revokedAt).not.toBeNull();
    const soon = new Date(rt.clock.now() + 60 * 60_000).toISOString();
    const expiring = await createKey(owner, { name: 'Trial', scopes: ['org:read'], expiresAt: soon });
    expect((await get('/org/security-policy', bearer(expiring.key))).statusCode).toBe(200);
    rt.clock.advance(60 * 60_000);
    const wrongSecret = `${revoked.prefix}${'A'.repeat(43)}`;
    const unknownId = `sgk_${newId()}_${'B'.repeat(43)}`;
    const bodies = new Set<string>();
    for (const key of [revoked.key, expiring.key, wrongSecret, unknownId, 'sgk_garbage', 'not-a-key-at-all']) {
      const res = await get('/org/security-policy', bearer(key));
      expect(res.statusCode, key).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      bodies.add(res.body);
    }
    const bare = await app.inject({ method: 'GET', url: '/api/v1/org/security-policy', headers: { authorization: 'Bearer' } });
    expect(bare.statusCode).toBe(401);
    bodies.add(bare.body);
    expect([...bodies]).toEqual([JSON.stringify({ error: { code: 'invalid_api_key', message: 'The API key is not valid' } })]);
    const failures = await rt.auditReader.list({ orgId: shop.orgId, action: 'api_key.use', limit: 50 });
    expect(failures.filter((e) => e.outcome === 'failure').map((e) => e.reason).sort()).toEqual(['expired', 'revoked', 'wrong_secret']);
  });

  it('records uses in the audit trail under the key, and the last-used time at most once a minute', async () => {
    const created = await createKey(owner, { name: 'Audited', scopes: ['org:read'] });
    const lastUsed = async () => (await listKeys()).find((k) => k.id === created.id)?.lastUsedAt ?? null;
    const ua = { 'user-agent': 'sync/2.0' };
    expect((await get('/org/security-policy', { ...bearer(created.key), ...ua })).statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).toBe(new Date(rt.clock.now()).toISOString());
    rt.clock.advance(30_000);
    expect((await get('/org/security-policy', bearer(created.key))).statusCode).toBe(200);
    expect(await lastUsed()).toBe(first);
    rt.clock.advance(31_000);
    expect((await get('/org/members', bearer(created.key))).statusCode).toBe(403);
    expect(await lastUsed()).toBe(new Date(rt.clock.now()).toISOString());
    const entries = await rt.auditReader.list({ orgId: shop.orgId, limit: 200 });
    const byKey = entries.filter((e) => e.actor.type === 'api_key' && e.actor.id === created.id);
    expect(byKey.filter((e) => e.action === 'api_key.use' && e.outcome === 'success')).toHaveLength(2);
    expect(byKey.find((e) => e.action === 'access.members:read')).toMatchObject({ outcome: 'denied', reason: 'forbidden' });
    expect(byKey[byKey.length - 1]?.actor.userAgent).toBe('sync/2.0');
    const made = entries.find((e) => e.action === 'api_key.create' && e.objectIds.includes(created.id));
    expect(made?.actor.type).toBe('user');
  });

  it('needs a fresh sign-in (step-up) to make or revoke a key', async () => {
    const admin = await signIn(app, await addUser(rt, 'shop', 'admin', 'ada@example.org'));
    // Active all along (idle timeout 15 minutes), but the sign-in is now 16 minutes old.
    rt.clock.advance(10 * 60_000);
    expect((await get('/org/api-keys', admin.headers)).statusCode).toBe(200);
    rt.clock.advance(6 * 60_000);
    const res = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: admin.headers, payload: { name: 'Late', scopes: ['org:read'] } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('reauth_required');
    const del = await app.inject({ method: 'DELETE', url: `/api/v1/org/api-keys/${newId()}`, headers: admin.headers });
    expect(del.json().error.code).toBe('reauth_required');
  });

  it('does not let a key take part in a cookie state change check: a keyless POST still needs its CSRF token', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: { cookie: owner.headers.cookie ?? '', origin: ORIGIN }, payload: { name: 'x', scopes: ['org:read'] } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/CSRF/);
  });
});
