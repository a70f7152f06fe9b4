import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * A staff member may be the person behind a user account (so a staff user sees their own
 * calendar) and has a work email and phone for staff notices, sealed with the organization's
 * data key like every other personal field.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('staff_members').addColumn('user_id', 'text').execute();
  await db.schema.alterTable('staff_members').addColumn('email_enc', 'text').execute();
  await db.schema.alterTable('staff_members').addColumn('phone_enc', 'text').execute();
  // One staff record per user in an organization.
  await db.schema.createIndex('staff_members_org_user').on('staff_members').columns(['org_id', 'user_id']).unique().execute();
}
