import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * The holds still marked held, per staff member. A booking first marks its staff members'
 * lapsed holds expired (on PostgreSQL the exclusion constraint would otherwise count them);
 * through `bookings_staff_busy` that read every booking the staff member ever had, so each
 * booking got slower as the calendar filled. Partial: only rows with status 'held', a handful.
 * Queries must say `status = 'held'` literally for the planner to use it.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('bookings_live_holds')
    .on('bookings')
    .columns(['staff_id', 'hold_expires_at'])
    .where(sql.ref('status'), '=', sql.lit('held'))
    .execute();
}
