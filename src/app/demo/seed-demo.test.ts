import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestRuntime, testRuntime } from '../../../test/support/databases.js';
import { listServices } from '../public/list-services.js';
import { seedDemo } from './seed-demo.js';

describe.each(ENGINES)('demo seed on %s', (engine) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    // A Thursday: the coming days cross a weekend.
    rt = await testRuntime(engine, '2027-03-04T02:00:00Z');
  });
  afterAll(async () => {
    await rt?.dispose();
  });

  it('creates two businesses with services, staff and bookings, and only once', async () => {
    const actor = { type: 'cli' as const, id: 'tester' };
    const first = await seedDemo(rt.ctx, actor);
    expect(first.created).toBe(true);
    // Every planned booking found a real slot: 3 people in the clinic's class, 2 in the shop's workshop.
    expect(first.orgs).toEqual([
      { slug: 'demo-clinic', services: 4, staff: 3, bookings: 6 },
      { slug: 'demo-shop', services: 4, staff: 3, bookings: 5 },
    ]);

    const clinic = await listServices(rt.ctx, 'demo-clinic');
    expect(clinic.org).toMatchObject({ timeZone: 'Asia/Shanghai', locale: 'zh-CN' });
    expect(clinic.services.some((s) => s.capacity > 1)).toBe(true);
    expect(clinic.services.some((s) => s.requiresApproval)).toBe(true);
    expect(clinic.services.map((s) => s.name)).toContain('全科门诊');

    const again = await seedDemo(rt.ctx, actor);
    expect(again).toEqual({ ...first, created: false });
  });
});
