import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestRuntime, testRuntime } from '../../../test/support/databases.js';
import { DomainError } from '../../domain/errors.js';
import type { Actor } from '../ports.js';
import { findSlots } from '../public/find-slots.js';
import { addDateOverride } from './add-date-override.js';
import { createOrganization } from './create-organization.js';
import { createService } from './create-service.js';
import { createStaffMember } from './create-staff-member.js';
import { setWorkingHours } from './set-working-hours.js';

const admin: Actor = { type: 'cli', id: 'tester' };

async function failure(work: Promise<unknown>): Promise<DomainError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

describe.each(ENGINES)('admin use cases on %s', (engine) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    // Monday 1 March 2027, 01:00 in Berlin.
    rt = await testRuntime(engine, '2027-03-01T00:00:00Z');
  });
  afterAll(async () => {
    await rt?.dispose();
  });

  it('sets up a bookable business: org, staff, service, hours and date overrides shape the slots', async () => {
    const ctx = rt.ctx;
    const org = await createOrganization(ctx, { slug: 'velo', name: 'Velo', timeZone: 'Europe/Berlin', locale: 'en' }, admin);
    expect(org).toMatchObject({ slug: 'velo', timeZone: 'Europe/Berlin', policies: { holdMinutes: 10 } });

    const ana = await createStaffMember(ctx, { orgSlug: 'velo', name: 'Ana' }, admin);
    expect(ana).toMatchObject({ orgId: org.id, name: 'Ana', timeZone: 'Europe/Berlin' });

    const service = await createService(ctx, { orgSlug: 'velo', name: 'Check-up', durationMin: 30, staffIds: [ana.id] }, admin);
    expect(service).toMatchObject({
      orgId: org.id,
      slotIntervalMin: 30,
      capacity: 1,
      minNoticeMin: 60,
      maxAdvanceDays: 90,
      cutoffMin: 24 * 60,
      priceCents: null,
      requiresApproval: false,
      staffIds: [ana.id],
    });

    const hours = await setWorkingHours(
      ctx,
      {
        orgSlug: 'velo',
        staffId: ana.id,
        hours: [
          { weekday: 1, start: 13 * 60, end: 14 * 60 },
          { weekday: 1, start: 9 * 60, end: 10 * 60 },
          { weekday: 2, start: 9 * 60, end: 10 * 60 },
        ],
      },
      admin,
    );
    expect(hours.hours[0]).toEqual({ weekday: 1, start: 540, end: 600 });

    await addDateOverride(ctx, { orgSlug: 'velo', staffId: ana.id, date: '2027-03-02', kind: 'off', intervals: [] }, admin);
    await addDateOverride(
      ctx,
      { orgSlug: 'velo', staffId: ana.id, date: '2027-03-06', kind: 'extra', intervals: [{ start: 600, end: 660 }] },
      admin,
    );

    const { slots } = await findSlots(ctx, { orgSlug: 'velo', serviceId: service.id, from: '2027-03-01', to: '2027-03-07', timeZone: 'Europe/Berlin' });
    expect(slots.map((s) => s.start)).toEqual([
      '2027-03-01T09:00:00+01:00',
      '2027-03-01T09:30:00+01:00',
      '2027-03-01T13:00:00+01:00',
      '2027-03-01T13:30:00+01:00',
      // Tuesday is a day off; Saturday has extra hours.
      '2027-03-06T10:00:00+01:00',
      '2027-03-06T10:30:00+01:00',
    ]);

    // A second override for the same date replaces the first.
    await addDateOverride(ctx, { orgSlug: 'velo', staffId: ana.id, date: '2027-03-02', kind: 'hours', intervals: [{ start: 720, end: 750 }] }, admin);
    const tuesday = await findSlots(ctx, { orgSlug: 'velo', serviceId: service.id, from: '2027-03-02', to: '2027-03-02', timeZone: 'Europe/Berlin' });
    expect(tuesday.slots.map((s) => s.start)).toEqual(['2027-03-02T12:00:00+01:00']);

    const audit = await rt.auditReader.list({ orgId: org.id, limit: 20 });
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual(
      expect.arrayContaining(['organization.create:success', 'staff.create:success', 'service.create:success', 'staff.hours.set:success', 'staff.override.set:success']),
    );
    // Audit entries carry ids, never names.
    expect(JSON.stringify(audit)).not.toContain('Ana');
  });

  it('refuses a slug that is taken with 409 conflict, and audits the failure', async () => {
    await createOrganization(rt.ctx, { slug: 'taken', name: 'One', timeZone: 'Asia/Shanghai', locale: 'zh-CN' }, admin);
    const e = await failure(createOrganization(rt.ctx, { slug: 'taken', name: 'Two', timeZone: 'Asia/Shanghai', locale: 'zh-CN' }, admin));
    expect(e.code).toBe('conflict');
    const entries = await rt.auditReader.list({ action: 'organization.create', limit: 50 });
    expect(entries.filter((a) => a.outcome === 'failure')).toEqual([
      expect.objectContaining({ orgId: null, reason: 'conflict', actor: expect.objectContaining({ type: 'cli', id: 'tester' }) }),
    ]);
  });

  it('lists every problem with an organization at once', async () => {
    const e = await failure(
      createOrganization(rt.ctx, { slug: '-Bad_Slug', name: ' ', timeZone: 'Mars/Olympus', locale: 'fr' as 'en', policies: { holdMinutes: 0 } }, admin),
    );
    expect(e.code).toBe('invalid_request');
    expect(e.details?.map((d) => d.path)).toEqual(['slug', 'name', 'timeZone', 'locale', 'policies.holdMinutes']);
  });

  it('checks service fields and refuses staff of another organization', async () => {
    await createOrganization(rt.ctx, { slug: 'svc-a', name: 'A', timeZone: 'Europe/Berlin', locale: 'en' }, admin);
    await createOrganization(rt.ctx, { slug: 'svc-b', name: 'B', timeZone: 'Europe/Berlin', locale: 'en' }, admin);
    const outsider = await createStaffMember(rt.ctx, { orgSlug: 'svc-b', name: 'Bo' }, admin);

    const bad = await failure(
      createService(
        rt.ctx,
        { orgSlug: 'svc-a', name: 'X', durationMin: 2, capacity: 0, priceCents: 100, currency: 'euro', bufferAfterMin: -5, staffIds: [] },
        admin,
      ),
    );
    expect(bad.code).toBe('invalid_request');
    expect(bad.details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['durationMin', 'currency', 'staffIds', 'bufferAfterMin', 'capacity']),
    );

    const foreign = await failure(createService(rt.ctx, { orgSlug: 'svc-a', name: 'X', durationMin: 30, staffIds: [outsider.id] }, admin));
    expect(foreign.code).toBe('invalid_request');
    expect(foreign.details).toEqual([{ path: 'staffIds[0]', message: 'is not a staff member of this organization' }]);

    const hoursElsewhere = await failure(setWorkingHours(rt.ctx, { orgSlug: 'svc-a', staffId: outsider.id, hours: [] }, admin));
    expect(hoursElsewhere.code).toBe('not_found');
  });

  it('refuses overlapping or out-of-day working hours and malformed overrides', async () => {
    await createOrganization(rt.ctx, { slug: 'hours', name: 'H', timeZone: 'Europe/Berlin', locale: 'en' }, admin);
    const s = await createStaffMember(rt.ctx, { orgSlug: 'hours', name: 'Sam', timeZone: 'America/New_York' }, admin);
    expect(s.timeZone).toBe('America/New_York');

    const overlap = await failure(
      setWorkingHours(
        rt.ctx,
        {
          orgSlug: 'hours',
          staffId: s.id,
          hours: [
            { weekday: 1, start: 540, end: 720 },
            { weekday: 1, start: 700, end: 800 },
            { weekday: 7, start: 540, end: 600 },
            { weekday: 2, start: 600, end: 1500 },
          ],
        },
        admin,
      ),
    );
    expect(overlap.details).toEqual([
      { path: 'hours[2].weekday', message: 'must be a whole number from 0 to 6' },
      { path: 'hours[1]', message: 'must not overlap 09:00-12:00 (hours[0])', reason: 'interval_overlap' },
      { path: 'hours[3].end', message: 'must be a whole number from 1 to 1440' },
    ]);

    const off = await failure(
      addDateOverride(rt.ctx, { orgSlug: 'hours', staffId: s.id, date: '2027-02-30', kind: 'off', intervals: [{ start: 1, end: 2 }] }, admin),
    );
    expect(off.details?.map((d) => d.path)).toEqual(['date', 'intervals']);
    const empty = await failure(addDateOverride(rt.ctx, { orgSlug: 'hours', staffId: s.id, date: '2027-03-03', kind: 'extra', intervals: [] }, admin));
    expect(empty.details?.map((d) => d.path)).toEqual(['intervals']);
  });
});
