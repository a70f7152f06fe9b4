import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Only a hold carries a token hash; every other booking has NULL there, and the full index
 * still took an entry for each of them. Partial now: a lookup by `hold_token_hash = ?` implies
 * the column is not NULL, so both engines keep using it, and a booking made without a hold
 * writes one index entry less.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('bookings_hold_token_set')
    .on('bookings')
    .column('hold_token_hash')
    .where(sql.ref('hold_token_hash'), 'is not', null)
    .execute();
  await db.schema.dropIndex('bookings_hold_token').execute();
}
