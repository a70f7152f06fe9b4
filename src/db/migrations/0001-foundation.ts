import { type Kysely, sql } from 'kysely';
import type { Engine } from '../engine.js';

/** Organizations, services, staff, schedules, customers, bookings and the audit log. */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const ms = 'bigint' as const;

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('policies', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('location_id', 'text', (c) => c.references('locations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('price_cents', 'integer')
    .addColumn('currency', 'text')
    .addColumn('buffer_before_min', 'integer', (c) => c.notNull())
    .addColumn('buffer_after_min', 'integer', (c) => c.notNull())
    .addColumn('slot_interval_min', 'integer', (c) => c.notNull())
    .addColumn('min_notice_min', 'integer', (c) => c.notNull())
    .addColumn('max_advance_days', 'integer')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('requires_approval', 'integer', (c) => c.notNull())
    .addColumn('cutoff_min', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('services_org').on('services').column('org_id').execute();

  await db.schema
    .createTable('staff_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('last_assigned_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_members_org').on('staff_members').column('org_id').execute();

  await db.schema
    .createTable('service_staff')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_members.id'))
    .addPrimaryKeyConstraint('service_staff_pk', ['service_id', 'staff_id'])
    .execute();

  await db.schema
    .createTable('working_hours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_members.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_min', 'integer', (c) => c.notNull())
    .addColumn('end_min', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('working_hours_staff').on('working_hours').column('staff_id').execute();

  await db.schema
    .createTable('date_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_members.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start_min', 'integer')
    .addColumn('end_min', 'integer')
    .execute();
  await db.schema.createIndex('date_overrides_staff_date').on('date_overrides').columns(['staff_id', 'date']).execute();

  // Envelope encryption: each data key is stored only wrapped by a master key. Destroying a
  // customer's key (crypto-shredding) makes every copy of their fields unreadable, backups too.
  await db.schema
    .createTable('data_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('master_version', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('retired_at', ms)
    .addColumn('destroyed_at', ms)
    .execute();
  await db.schema.createIndex('data_keys_owner').on('data_keys').columns(['owner_type', 'owner_id']).execute();
  await db.schema.createIndex('data_keys_master').on('data_keys').column('master_version').execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('email_enc', 'text', (c) => c.notNull())
    .addColumn('email_index', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('erased_at', ms)
    .execute();
  await db.schema.createIndex('customers_org_email').on('customers').columns(['org_id', 'email_index']).execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_members.id'))
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('start_at', ms, (c) => c.notNull())
    .addColumn('end_at', ms, (c) => c.notNull())
    .addColumn('busy_start', ms, (c) => c.notNull())
    .addColumn('busy_end', ms, (c) => c.notNull())
    .addColumn('capacity_one', 'integer', (c) => c.notNull())
    .addColumn('customer_time_zone', 'text', (c) => c.notNull())
    .addColumn('notes_enc', 'text')
    .addColumn('assignment', 'text')
    .addColumn('hold_expires_at', ms)
    .addColumn('hold_token_hash', 'text')
    .addColumn('privacy_notice_version', 'text')
    .addColumn('cancel_reason_enc', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addCheckConstraint('bookings_time_order', sql`start_at < end_at AND busy_start <= start_at AND end_at <= busy_end`)
    .execute();
  await db.schema.createIndex('bookings_staff_busy').on('bookings').columns(['staff_id', 'busy_start']).execute();
  await db.schema.createIndex('bookings_org_start').on('bookings').columns(['org_id', 'start_at']).execute();
  await db.schema.createIndex('bookings_hold_token').on('bookings').column('hold_token_hash').execute();

  if (engine === 'postgres') {
    // The last line of defence against double booking: two live capacity-1 bookings of one
    // staff member can never overlap, whatever the application code does.
    // Extensions are database-wide: serialize their creation so that concurrent migrations
    // (several app processes or test runs starting at once) do not race.
    await sql`SELECT pg_advisory_xact_lock(584501)`.execute(db);
    await sql`CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public`.execute(db);
    await sql`ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
        staff_id WITH =, int8range(busy_start, busy_end) WITH &&
      ) WHERE (capacity_one = 1 AND status IN ('held', 'pending', 'confirmed'))`.execute(db);
  }

  await db.schema
    .createTable('booking_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('booking_events_booking').on('booking_events').column('booking_id').execute();

  await db.schema
    .createTable('manage_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['org_id', 'key'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_ids', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('audit_log_org_at').on('audit_log').columns(['org_id', 'at']).execute();
}
