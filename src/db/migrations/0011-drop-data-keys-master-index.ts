import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * data_keys_master served no query: re-wrapping looks for keys NOT wrapped by the current
 * master key version (`!=` cannot use it) and now walks the keys in id order. It only cost
 * every new data key (one per new customer, so one per first booking) an index update.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.dropIndex('data_keys_master').execute();
}
