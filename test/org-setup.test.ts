import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { type Browser, addUser, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';

describe.each(ENGINES)('organization settings and services API on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let other: Shop;
  let owner: Browser;
  let staff: Browser;
  let otherOwner: Browser;
  const webRoot = mkdtempSync(join(tmpdir(), 'slotguard-web-'));

  beforeAll(async () => {
    // Monday 1 March 2027.
    rt = await testRuntime(engine, '2027-03-01T06:00:00Z');
    ({ shop, other } = await seedTwoShopsWithoutMfa(rt));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Booking</title>');
    app = await buildHttpApp(rt, { webRoot });
    owner = await signIn(app, await addUser(rt, 'shop', 'owner', 'olga@example.org'));
    staff = await signIn(app, await addUser(rt, 'shop', 'staff', 'sam@example.org'));
    otherOwner = await signIn(app, await addUser(rt, 'other-shop', 'owner', 'oscar@example.org'));
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const call = (b: Browser, method: 'GET' | 'PUT' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url: `/api/v1${url}`, headers: b.headers, ...(payload ? { payload } : {}) });
  const frameAncestors = async (org: string) => /frame-ancestors ([^;]*)/.exec(String((await app.inject({ method: 'GET', url: `/book/${org}` })).headers['content-security-policy']))?.[1];

  it("changes the organization's settings, and its booking page may then be framed by exactly its own origins", async () => {
    const before = await call(staff, 'GET', '/org/settings');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      name: 'Shop',
      slug: 'shop',
      timeZone: 'Europe/Berlin',
      locale: 'en',
      policies: { holdMinutes: 10, defaultCutoffMinutes: 1440 },
      allowedFrameOrigins: [],
    });
    expect(await frameAncestors('shop')).toBe("'none'");

    const res = await call(owner, 'PUT', '/org/settings', {
      name: 'Shop & Co',
      locale: 'zh-CN',
      policies: { holdMinutes: 15 },
      allowedFrameOrigins: ['https://Shop.Example.com', 'https://embed.example.org:8443/', 'https://shop.example.com'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Shop & Co',
      slug: 'shop',
      timeZone: 'Europe/Berlin',
      locale: 'zh-CN',
      policies: { holdMinutes: 15, defaultCutoffMinutes: 1440 },
      allowedFrameOrigins: ['https://shop.example.com', 'https://embed.example.org:8443'],
    });
    expect((await call(staff, 'GET', '/org/settings')).json().allowedFrameOrigins).toEqual(['https://shop.example.com', 'https://embed.example.org:8443']);
    expect(await frameAncestors('shop')).toBe('https://shop.example.com https://embed.example.org:8443');
    // Another business's page, and one that does not exist, stay unframeable.
    expect(await frameAncestors('other-shop')).toBe("'none'");
    expect(await frameAncestors('no-such-shop')).toBe("'none'");
    // The hold policy is the one new holds use: the booking rules read the stored policies.
    expect((await rt.ctx.uow.read((r) => r.orgs.findBySlug('shop')))?.policies.holdMinutes).toBe(15);

    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'organization.update', limit: 5 });
    expect(audit[0]).toMatchObject({ outcome: 'success', reason: 'allowedFrameOrigins,locale,name,policies' });
  });

  it('refuses origins that are not plain https origins, naming each, and changes nothing', async () => {
    const bad = ['http://shop.example.com', 'https://*.example.com', 'https://shop.example.com/embed', "https://x.example; script-src 'unsafe-inline'", 'shop.example.com', 'https://user@shop.example.com', 'https://shop.example.com?'];
    const res = await call(owner, 'PUT', '/org/settings', { name: 'Changed', allowedFrameOrigins: ['https://ok.example.com', ...bad] });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_request');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(bad.map((_, i) => `allowedFrameOrigins[${i + 1}]`));
    expect(error.details.every((d: { reason: string }) => d.reason === 'invalid_origin')).toBe(true);
    expect((await call(owner, 'GET', '/org/settings')).json()).toMatchObject({ name: 'Shop & Co', allowedFrameOrigins: ['https://shop.example.com', 'https://embed.example.org:8443'] });

    const fields = await call(owner, 'PUT', '/org/settings', { timeZone: 'Mars/Olympus', policies: { holdMinutes: 0 }, slug: 'mine' });
    expect(fields.statusCode).toBe(400);
    expect(fields.json().error.details[0].message).toBe('unknown field "slug"');
    const values = await call(owner, 'PUT', '/org/settings', { timeZone: 'Mars/Olympus', policies: { holdMinutes: 0 } });
    expect(values.json().error.details.map((d: { path: string }) => d.path)).toEqual(['timeZone', 'policies.holdMinutes']);

    // Staff may read the settings, never change them.
    expect((await call(staff, 'PUT', '/org/settings', { name: 'Mine now' })).statusCode).toBe(403);
  });

  it('adds and changes services; an inactive one leaves the booking page but stays in the setup list', async () => {
    const created = await call(owner, 'POST', '/org/services', {
      name: 'Beard trim',
      description: 'Shape and trim',
      durationMin: 20,
      priceCents: 1500,
      currency: 'eur',
      bufferAfterMin: 5,
      staffIds: [shop.staff.ana],
    });
    expect(created.statusCode, created.body).toBe(201);
    const trim = created.json();
    expect(trim).toEqual({
      id: expect.any(String),
      name: 'Beard trim',
      description: 'Shape and trim',
      durationMin: 20,
      priceCents: 1500,
      currency: 'EUR',
      bufferBeforeMin: 0,
      bufferAfterMin: 5,
      slotIntervalMin: 20,
      minNoticeMin: 60,
      maxAdvanceDays: 90,
      capacity: 1,
      requiresApproval: false,
      cutoffMin: 1440,
      active: true,
      staffIds: [shop.staff.ana],
    });

    const changed = await call(owner, 'PUT', `/org/services/${trim.id}`, { durationMin: 25, maxAdvanceDays: null, staffIds: [shop.staff.ana, shop.staff.ben] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ durationMin: 25, slotIntervalMin: 20, maxAdvanceDays: null, priceCents: 1500, staffIds: expect.arrayContaining([shop.staff.ana, shop.staff.ben]) });

    const publicList = async () => (await app.inject({ method: 'GET', url: '/api/v1/orgs/shop/services' })).json().services.map((s: { id: string }) => s.id);
    expect(await publicList()).toContain(trim.id);
    expect((await call(owner, 'PUT', `/org/services/${trim.id}`, { active: false })).json().active).toBe(false);
    expect(await publicList()).not.toContain(trim.id);
    const slots = await app.inject({ method: 'GET', url: `/api/v1/orgs/shop/services/${trim.id}/slots?from=2027-03-02&to=2027-03-02&timeZone=Europe/Berlin` });
    expect(slots.statusCode).toBe(404);

    const setupList = await call(staff, 'GET', '/org/services');
    expect(setupList.statusCode).toBe(200);
    const listed = setupList.json().services;
    expect(listed.find((s: { id: string }) => s.id === trim.id)).toMatchObject({ active: false, durationMin: 25 });
    expect(listed.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([shop.haircut.id, shop.yoga.id, shop.colour.id, shop.consult.id]));
    expect(listed).toHaveLength(5);

    const audit = await rt.auditReader.list({ orgId: shop.orgId, limit: 20 });
    expect(audit.filter((a) => a.objectIds.includes(trim.id)).map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining(['service.create:success', 'service.update:success']),
    );
  });

  it("checks service fields, refuses another organization's staff and services, and lets staff only read", async () => {
    const bad = await call(owner, 'PUT', `/org/services/${shop.haircut.id}`, { durationMin: 2, currency: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['durationMin', 'currency']);
    const unknownField = await call(owner, 'POST', '/org/services', { name: 'X', durationMin: 30, staffIds: [shop.staff.ana], orgId: other.orgId });
    expect(unknownField.statusCode).toBe(400);
    const noStaff = await call(owner, 'POST', '/org/services', { name: 'X', durationMin: 30 });
    expect(noStaff.json().error.details).toEqual([{ path: 'staffIds', message: 'must name at least one staff member' }]);

    const foreignStaff = await call(owner, 'POST', '/org/services', { name: 'X', durationMin: 30, staffIds: [other.staff.ana] });
    expect(foreignStaff.statusCode).toBe(400);
    expect(foreignStaff.json().error.details).toEqual([{ path: 'staffIds[0]', message: 'is not a staff member of this organization' }]);
    const foreignService = await call(owner, 'PUT', `/org/services/${other.haircut.id}`, { name: 'Mine now' });
    expect(foreignService.statusCode).toBe(404);
    expect(foreignService.json().error.code).toBe('not_found');
    expect((await call(otherOwner, 'GET', '/org/services')).json().services.map((s: { id: string }) => s.id)).not.toContain(shop.haircut.id);
    expect((await rt.ctx.uow.read((r) => r.services.findById(other.orgId, other.haircut.id)))?.name).toBe('Haircut');

    expect((await call(staff, 'POST', '/org/services', { name: 'X', durationMin: 30, staffIds: [shop.staff.ana] })).statusCode).toBe(403);
    expect((await call(staff, 'PUT', `/org/services/${shop.haircut.id}`, { name: 'X' })).statusCode).toBe(403);
  });
});
