import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * The busy-time search (BookingRepository.busy, run by every booking and slot computation)
 * reads a staff member's bookings with busy_start in a window of a few days and keeps those
 * that overlap the time asked about and still occupy it. With busy_end, status and
 * hold_expires_at in the index those checks need no table row: only the bookings that really
 * overlap are read from the table. The index keeps its name and its leading columns, so every
 * query that used it still can.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.dropIndex('bookings_staff_busy').execute();
  await db.schema
    .createIndex('bookings_staff_busy')
    .on('bookings')
    .columns(['staff_id', 'busy_start', 'busy_end', 'status', 'hold_expires_at'])
    .execute();
}
