import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Accounts: users and their memberships, sessions, MFA factors, one-time codes, account
 * tokens (password reset, first-run setup, invitations) and login throttles. Personal
 * fields are sealed (`_enc`); every secret is stored only as a hash.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  const ms = 'bigint' as const;

  // One row whose update serializes the first creation of the users' blind-index key.
  await db.schema
    .createTable('account_directory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('touched_at', ms, (c) => c.notNull())
    .execute();
  await db.insertInto('account_directory' as never).values({ id: 'users', touched_at: 0 } as never).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_enc', 'text', (c) => c.notNull())
    .addColumn('email_index', 'text', (c) => c.notNull().unique())
    .addColumn('name_enc', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('password_changed_at', ms)
    .addColumn('password_compromised', 'integer', (c) => c.notNull())
    .addColumn('disabled_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('expires_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'org_id'])
    .execute();
  await db.schema.createIndex('memberships_org').on('memberships').column('org_id').execute();

  await db.schema
    .createTable('org_security_policies')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  // A session's public id names it in "my devices"; only the hash of its cookie value is kept.
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text')
    .addColumn('role', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('last_seen_at', ms, (c) => c.notNull())
    .addColumn('idle_timeout_ms', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('auth_at', ms, (c) => c.notNull())
    .addColumn('auth_methods', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', ms)
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  // A login between its password and its second factor, or a passkey ceremony in flight.
  await db.schema
    .createTable('login_challenges')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('methods', 'text', (c) => c.notNull())
    .addColumn('webauthn_challenge', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mfa_factors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('secret_enc', 'text')
    .addColumn('credential_id', 'text', (c) => c.unique())
    .addColumn('public_key', 'text')
    .addColumn('sign_count', ms, (c) => c.notNull())
    .addColumn('transports', 'text')
    .addColumn('last_used_step', ms)
    .addColumn('confirmed_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('last_used_at', ms)
    .execute();
  await db.schema.createIndex('mfa_factors_user').on('mfa_factors').column('user_id').execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', ms)
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

  // Email and SMS one-time codes, tied to the login challenge or session they were sent for.
  await db.schema
    .createTable('one_time_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('bound_to', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('used_at', ms)
    .execute();
  await db.schema.createIndex('one_time_codes_bound').on('one_time_codes').column('bound_to').execute();

  await db.schema
    .createTable('account_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('org_id', 'text')
    .addColumn('role', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('used_at', ms)
    .execute();
  await db.schema.createIndex('account_tokens_user').on('account_tokens').columns(['user_id', 'purpose']).execute();

  // Keys are hashes of "account", "account+IP" or "IP": neither an email nor an address on disk.
  await db.schema
    .createTable('login_throttles')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', ms, (c) => c.notNull())
    .addColumn('blocked_until', ms, (c) => c.notNull())
    .execute();
}
