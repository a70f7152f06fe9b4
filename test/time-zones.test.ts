import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES, type Service } from '../src/domain/model.js';
import { buildHttpApp } from '../src/http/app.js';
import { newId } from '../src/security/ids.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';

/** A New York advisor seen from Berlin, Kolkata and Lord Howe, across both DST changes. */
describe.each(ENGINES)('time zones through the API on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let service: Service;

  beforeAll(async () => {
    rt = await testRuntime(engine, '2027-03-01T00:00:00Z');
    const orgId = newId();
    const staffId = newId();
    service = {
      id: newId(),
      orgId,
      locationId: null,
      name: 'Advice',
      description: '',
      durationMin: 60,
      priceCents: null,
      currency: null,
      bufferBeforeMin: 0,
      bufferAfterMin: 0,
      slotIntervalMin: 60,
      minNoticeMin: 0,
      maxAdvanceDays: null,
      capacity: 1,
      requiresApproval: false,
      cutoffMin: 0,
      active: true,
      staffIds: [staffId],
    };
    await rt.ctx.uow.write(async (r) => {
      await r.orgs.insert({ id: orgId, slug: 'nyc', name: 'NYC', timeZone: 'America/New_York', locale: 'en', policies: DEFAULT_POLICIES, createdAt: 0 });
      await r.staff.insert({ id: staffId, orgId, name: 'Sam', timeZone: 'America/New_York', active: true });
      await r.staff.replaceWeeklyHours(orgId, staffId, [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 540, end: 720 })));
      await r.services.insert(service);
    });
    app = await buildHttpApp(rt);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  const starts = async (from: string, to: string, timeZone: string): Promise<string[]> => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/orgs/nyc/services/${service.id}/slots?from=${from}&to=${to}&timeZone=${encodeURIComponent(timeZone)}`,
    });
    expect(res.statusCode).toBe(200);
    return res.json().slots.map((s: { start: string }) => s.start);
  };

  it('keeps 09:00 New York time on both sides of the US clock change, as seen from Berlin', async () => {
    const fri = await starts('2027-03-12', '2027-03-12', 'Europe/Berlin');
    expect(fri).toEqual(['2027-03-12T15:00:00+01:00', '2027-03-12T16:00:00+01:00', '2027-03-12T17:00:00+01:00']);
    const mon = await starts('2027-03-15', '2027-03-15', 'Europe/Berlin');
    expect(mon).toEqual(['2027-03-15T14:00:00+01:00', '2027-03-15T15:00:00+01:00', '2027-03-15T16:00:00+01:00']);
    const afterEu = await starts('2027-03-29', '2027-03-29', 'Europe/Berlin');
    expect(afterEu[0]).toBe('2027-03-29T15:00:00+02:00');
  });

  it('shows half-hour offsets for a customer in Kolkata and loses no slot in a two-week range', async () => {
    const two = await starts('2027-03-08', '2027-03-21', 'Asia/Kolkata');
    expect(two).toHaveLength(30);
    expect(two[0]).toBe('2027-03-08T19:30:00+05:30');
    expect(two.at(-1)).toBe('2027-03-19T20:30:00+05:30');
  });

  it('follows Lord Howe Island with its 30-minute daylight saving shift', async () => {
    // Lord Howe is UTC+11 until 2027-04-04 02:00 local, then UTC+10:30.
    const before = await starts('2027-04-02', '2027-04-03', 'Australia/Lord_Howe');
    expect(before[0]).toBe('2027-04-02T00:00:00+11:00'); // Thursday 09:00 EDT
    const after = await starts('2027-04-06', '2027-04-06', 'Australia/Lord_Howe');
    expect(after[0]).toBe('2027-04-06T00:30:00+10:30'); // Monday 10:00 EDT; 09:00 was 23:30 the day before
  });
});
