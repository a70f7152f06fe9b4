import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * API keys for integrations: org-scoped, with scopes, an optional expiry and a last-used
 * time. Only the SHA-256 hash of the whole key is kept (the key carries 256 random bits);
 * the key names its own row (`sgk_<id>_<secret>`), so checking one is a lookup by id.
 * (A compromised password needs no new column: users.password_compromised exists since 0003.)
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  const ms = 'bigint' as const;
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by_type', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'text')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms)
    .addColumn('last_used_at', ms)
    .addColumn('revoked_at', ms)
    .execute();
  await db.schema.createIndex('api_keys_org').on('api_keys').column('org_id').execute();
}
