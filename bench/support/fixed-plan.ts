/** A plan of fixed requests: connection k cycles through them starting at request k. */
import type { Request } from 'autocannon';
import type { LoadPlan } from './plan.js';

export interface FixedPlanData {
  requests: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string> }[];
}

export function createPlan(data: FixedPlanData): LoadPlan {
  return {
    connectionRequests(connection: number): Request[] {
      const n = data.requests.length;
      return Array.from({ length: n }, (_, i) => ({ ...(data.requests[(connection + i) % n] as Request) }));
    },
    tally: () => ({}),
    reset: () => {},
  };
}
