import type { Request } from 'autocannon';

/**
 * What a load-generator thread sends: one list of requests per connection (autocannon's
 * `setupClient`), plus the plan's own counts of what came back.
 */
export interface LoadPlan {
  connectionRequests(connection: number): Request[];
  /** Counts since the last reset, e.g. bookings created and conflicts. */
  tally(): Record<string, number>;
  reset(): void;
}

/** A plan module exports `createPlan(data)`; `data` crosses the thread boundary (structured clone). */
export type PlanFactory = (data: never) => LoadPlan;
