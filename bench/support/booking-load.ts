import { randomBytes } from 'node:crypto';
import type { BookingPlanData } from './booking-plan.js';
import { type LoadSummary, runLoad } from './load.js';
import type { BookingOrg } from './seed.js';

export interface BookingLoadOptions {
  connections: number;
  seconds: number;
  warmup: number;
  conflictShare: number;
  idempotencyKeys: boolean;
}

/** Books distinct grid slots of `org` through the HTTP API at `base` under autocannon load. */
export function runBookingLoad(base: string, org: BookingOrg, o: BookingLoadOptions): Promise<LoadSummary> {
  const data: BookingPlanData = {
    orgSlug: org.slug,
    serviceId: org.service.id,
    grid: org.grid,
    conflictShare: o.conflictShare,
    idempotencyKeys: o.idempotencyKeys,
    runId: randomBytes(4).toString('hex'),
  };
  return runLoad({
    url: base,
    connections: o.connections,
    seconds: o.seconds,
    warmupSeconds: o.warmup,
    plan: { module: new URL('./booking-plan.ts', import.meta.url).href, data },
  });
}
