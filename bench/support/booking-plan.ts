/**
 * Load-generator side of the booking benchmark. Every request books the next unused
 * (staff, start) of the grid, except a controlled share that re-sends the (staff, start)
 * of a booking this same connection already got a 201 for: those must all be 409.
 */
import type { Request } from 'autocannon';
import type { LoadPlan } from './plan.js';
import { type GridSlot, type SlotGrid, gridSize, gridSlot } from './slot-grid.js';

export interface BookingPlanData {
  orgSlug: string;
  serviceId: string;
  grid: SlotGrid;
  /** Share of requests aimed at already-taken slots, 0..1. */
  conflictShare: number;
  /** Send a fresh Idempotency-Key with every request, as the web client does. */
  idempotencyKeys: boolean;
  /** Distinguishes runs in idempotency keys. */
  runId: string;
}

export function createPlan(data: BookingPlanData): LoadPlan {
  const size = gridSize(data.grid);
  const path = `/api/v1/orgs/${data.orgSlug}/bookings`;
  let next = 0;
  let seq = 0;
  const zero = () => ({
    created: 0,
    conflicts: 0,
    aimedAtTaken: 0,
    /** A 201 for a slot that had already been booked: a double booking seen from outside. */
    takenButCreated: 0,
    /** A 409 for a slot nobody had booked. */
    freeButConflict: 0,
    other: 0,
  });
  let counts = zero();

  return {
    connectionRequests(): Request[] {
      const mine: GridSlot[] = [];
      let sent = 0;
      let inFlight: { slot: GridSlot; aimed: boolean } = { slot: { staffId: '', start: '' }, aimed: false };
      return [
        {
          method: 'POST',
          path,
          setupRequest: (request) => {
            sent++;
            const aimed = mine.length > 0 && Math.floor(sent * data.conflictShare) > Math.floor((sent - 1) * data.conflictShare);
            let slot: GridSlot;
            if (aimed) {
              slot = mine[(sent * 7919) % mine.length] as GridSlot;
            } else {
              if (next >= size) throw new Error('The slot grid is used up: add staff or days');
              slot = gridSlot(data.grid, next++);
            }
            inFlight = { slot, aimed };
            const n = seq++;
            const headers: Record<string, string> = { 'content-type': 'application/json' };
            if (data.idempotencyKeys) headers['idempotency-key'] = `bench-${data.runId}-${n}`;
            return {
              ...request,
              headers,
              body: JSON.stringify({
                serviceId: data.serviceId,
                staffId: slot.staffId,
                start: slot.start,
                timeZone: 'Europe/Berlin',
                customer: { name: `Customer ${n}`, email: `customer${n}@example.com`, phone: '+49 30 1234567' },
                notes: 'First visit',
                consent: { privacyNoticeVersion: '2027-01' },
              }),
            };
          },
          onResponse: (status, body) => {
            const { slot, aimed } = inFlight;
            if (aimed) counts.aimedAtTaken++;
            if (status === 201) {
              counts.created++;
              if (aimed) counts.takenButCreated++;
              else if (mine.length < 256) mine.push(slot);
              else mine[counts.created % 256] = slot;
            } else if (status === 409 && (JSON.parse(body) as { error?: { code?: string } }).error?.code === 'slot_unavailable') {
              counts.conflicts++;
              if (!aimed) counts.freeButConflict++;
            } else {
              counts.other++;
              if (counts.other <= 3) console.error(`unexpected ${status}: ${body.slice(0, 300)}`);
            }
          },
        },
      ];
    },
    tally: () => ({ ...counts, gridUsed: next }),
    reset: () => {
      counts = zero();
    },
  };
}
