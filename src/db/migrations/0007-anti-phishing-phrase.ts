import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * A user's personal anti-phishing phrase, shown in every security message sent to them: a
 * message without it is not ours. Sealed with the user's own key, like their name and email.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('users').addColumn('anti_phishing_enc', 'text').execute();
}
