import { type Kysely, sql } from 'kysely';
import type { HoldExpiries } from '../../app/ports.js';
import type { DB } from '../schema.js';

/**
 * Reads the partial index of live holds (migration 0009: staff_id, hold_expires_at where
 * status = 'held'; the literal 'held' lets the planner use it), one range per staff member
 * of the service. A hold of any service counts: it takes the staff member's time.
 */
export class KyselyHoldExpiries implements HoldExpiries {
  constructor(private readonly db: Kysely<DB>) {}

  async nextOfService(orgId: string, serviceId: string, now: number): Promise<number | null> {
    const { rows } = await sql<{ next: number | string | null }>`
      SELECT MIN(b.hold_expires_at) AS next FROM service_staff ss
        JOIN bookings b ON b.staff_id = ss.staff_id AND b.status = 'held'
      WHERE ss.org_id = ${orgId} AND ss.service_id = ${serviceId} AND b.hold_expires_at > ${now}`.execute(this.db);
    const next = rows[0]?.next;
    return next === null || next === undefined ? null : Number(next);
  }
}
