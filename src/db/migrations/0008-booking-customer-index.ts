import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/** A customer's bookings (the desk's customer view, erasure) without scanning the organization's. */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.createIndex('bookings_org_customer').on('bookings').columns(['org_id', 'customer_id']).execute();
}
