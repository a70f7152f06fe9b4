import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/app/auth/account-model.js';
import { createUser } from '../src/app/auth/create-user.js';
import { newId } from '../src/security/ids.js';
import { dumpDatabase } from './support/database-dump.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, seedShop } from './support/fixtures.js';

const person = (over: Partial<User> = {}): User => ({
  id: newId(),
  email: 'Quentin.Markerby@Example.org',
  name: 'Quentin Markerby',
  phone: '+4915712345678',
  locale: 'en',
  passwordHash: null,
  passwordChangedAt: null,
  passwordCompromised: false,
  disabledAt: null,
  createdAt: Date.parse('2027-03-01T00:00:00Z'),
  ...over,
});

describe.each(ENGINES)('users and memberships on %s', (engine) => {
  let rt: TestRuntime;
  let shop: Shop;
  let other: Shop;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    shop = await seedShop(rt, 'shop');
    other = await seedShop(rt, 'other-shop');
  });
  afterAll(async () => {
    await rt?.dispose();
  });

  it('finds a user by email whatever its case, while the database holds no readable email, name or phone', async () => {
    const user = person();
    await rt.ctx.uow.write((r) => r.accounts.users.insert(user));
    const found = await rt.ctx.uow.read((r) => r.accounts.users.findByEmail('  quentin.markerby@example.ORG '));
    expect(found).toMatchObject({ id: user.id, email: user.email, name: user.name, phone: user.phone });
    expect(await rt.ctx.uow.read((r) => r.accounts.users.findByEmail('nobody@example.org'))).toBeNull();

    const dump = (await dumpDatabase(rt)).toLowerCase();
    for (const marker of ['markerby', '15712345678']) expect(dump).not.toContain(marker);
  });

  it('refuses a second user with the same email (409 conflict)', async () => {
    const first = person({ email: 'twice@example.org' });
    await rt.ctx.uow.write((r) => r.accounts.users.insert(first));
    await expect(rt.ctx.uow.write((r) => r.accounts.users.insert(person({ email: 'TWICE@example.org' })))).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('gives a user one role per organization, and an auditor an expiry', async () => {
    const user = person({ email: 'multi@example.org' });
    const now = rt.clock.now();
    await rt.ctx.uow.write(async (r) => {
      await r.accounts.users.insert(user);
      await r.accounts.memberships.upsert({ userId: user.id, orgId: shop.orgId, role: 'staff', expiresAt: null, createdAt: now });
      await r.accounts.memberships.upsert({ userId: user.id, orgId: other.orgId, role: 'auditor', expiresAt: now + 86_400_000, createdAt: now });
      await r.accounts.memberships.upsert({ userId: user.id, orgId: shop.orgId, role: 'receptionist', expiresAt: null, createdAt: now });
    });
    const memberships = await rt.ctx.uow.read((r) => r.accounts.memberships.forUser(user.id));
    expect(memberships.map((m) => [m.orgId, m.role, m.expiresAt])).toEqual(
      expect.arrayContaining([
        [shop.orgId, 'receptionist', null],
        [other.orgId, 'auditor', now + 86_400_000],
      ]),
    );
    expect(memberships).toHaveLength(2);
    expect((await rt.ctx.uow.read((r) => r.accounts.memberships.listOrg(other.orgId))).map((m) => m.userId)).toEqual([user.id]);
  });

  it('creates a user only with a password that passes the org rules (length by MFA policy)', async () => {
    const actor = { type: 'cli' as const, id: 'test' };
    const base = { orgSlug: 'shop', email: 'rosa@example.org', name: 'Rosa Ruiz', locale: 'en' as const };
    // Receptionists need no MFA by default: 15 characters; owners must use MFA: 8 suffice.
    await expect(createUser(rt.ctx, { ...base, role: 'receptionist', password: 'k7#vmq2zx' }, actor)).rejects.toMatchObject({
      code: 'weak_password',
      details: [{ reason: 'too_short', i18n: { 'zh-CN': expect.stringMatching(/15/) } }],
    });
    await expect(createUser(rt.ctx, { ...base, role: 'owner', password: 'password1' }, actor)).rejects.toMatchObject({
      code: 'weak_password',
    });
    expect(await rt.ctx.uow.read((r) => r.accounts.users.findByEmail(base.email))).toBeNull();

    const created = await createUser(rt.ctx, { ...base, role: 'owner', password: 'k7#vmq2zx' }, actor);
    const user = await rt.ctx.uow.read((r) => r.accounts.users.findByEmail(base.email));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await rt.ctx.uow.read((r) => r.accounts.memberships.find(created.id, shop.orgId))).toMatchObject({ role: 'owner' });
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'user.create', limit: 10 });
    expect(audit.map((a) => a.outcome)).toEqual(['success']);
    expect(JSON.stringify(audit)).not.toContain('k7#vmq2zx');
  });
});
