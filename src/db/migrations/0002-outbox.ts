import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * The transactional outbox (messages written with the change that causes them), its delivery
 * log, per-booking notification choices, per-org notification settings, webhook endpoints and
 * staff calendar feeds.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  const ms = 'bigint' as const;

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    // One message per key: writing it twice (a retried request, a replayed job) keeps one row.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text')
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    // Ids, instants and names of services: never personal data.
    .addColumn('data', 'text', (c) => c.notNull())
    // Address, names and secrets (manage links, codes), sealed with the recipient's data key.
    .addColumn('sealed', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('available_at', ms, (c) => c.notNull())
    .addColumn('lease_until', ms)
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('provider_ref', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('finished_at', ms)
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox_messages').columns(['status', 'available_at']).execute();
  await db.schema.createIndex('outbox_booking').on('outbox_messages').columns(['booking_id', 'status']).execute();
  await db.schema.createIndex('outbox_org_created').on('outbox_messages').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('outbox_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('outbox_messages.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_attempts_message').on('outbox_attempts').column('message_id').execute();

  await db.schema
    .createTable('booking_notice_prefs')
    .addColumn('booking_id', 'text', (c) => c.primaryKey().references('bookings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('sms_opt_in', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_endpoints_org').on('webhook_endpoints').column('org_id').execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_members.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('revoked_at', ms)
    .execute();
}
