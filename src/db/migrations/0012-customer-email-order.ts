import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * A returning customer is found by (org, email index), oldest first. The index did not hold
 * the creation time, so every booking's lookup sorted its matches in a temporary B-tree (on
 * SQLite about 50 µs even for no match). With created_at in the index the rows come in order.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.createIndex('customers_org_email_created').on('customers').columns(['org_id', 'email_index', 'created_at']).execute();
  await db.schema.dropIndex('customers_org_email').execute();
}
