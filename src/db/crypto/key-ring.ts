import type { Kysely } from 'kysely';
import type { MasterKeyProvider } from '../../security/crypto/master-key.js';
import { newId } from '../../security/ids.js';
import { randomBytesPooled } from '../../security/random-pool.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DataKeysTable, DB } from '../schema.js';
import type { DataKeyCache } from './data-key-cache.js';

const activeKeyQuery = new PreparedQuery((db, p: { type: KeyOwnerType; id: string }) =>
  db
    .selectFrom('data_keys')
    .select(['id', 'master_version', 'wrapped'])
    .where('owner_type', '=', p.type)
    .where('owner_id', '=', p.id)
    .where('retired_at', 'is', null)
    .where('destroyed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1),
);

const insertKeyQuery = new PreparedQuery((db, row: DataKeysTable) => db.insertInto('data_keys').values(row));

/** Whose data a key protects: one customer (erasable alone), or the org's own secrets. */
export type KeyOwnerType = 'customer' | 'org' | 'org_index' | 'user';

/**
 * Owners whose active key is never replaced: an org's blind-index key (key rotation keeps it,
 * since every stored index would change with it; see key-rotation.ts). Their active key is
 * remembered in the key cache, which saves a `data_keys` lookup on every booking's customer
 * match. It is forgotten when destroyed here, and by the cache's age limit when another
 * process destroys it (as for every cached key).
 */
const FIXED_ACTIVE_KEY: ReadonlySet<KeyOwnerType> = new Set(['org_index']);

const ownerName = (owner: Pick<KeyOwner, 'type' | 'id'>) => `${owner.type}:${owner.id}`;

export interface KeyOwner {
  orgId: string;
  type: KeyOwnerType;
  id: string;
}

export class DataKeyDestroyedError extends Error {
  constructor(readonly keyId: string) {
    super(`Data key ${keyId} was destroyed`);
    this.name = 'DataKeyDestroyedError';
  }
}

/** Data keys stored wrapped in `data_keys`, unwrapped on demand through the master key. */
export class KeyRing {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly master: MasterKeyProvider,
    private readonly cache: DataKeyCache,
    private readonly now: () => number,
  ) {}

  /** The owner's current key, created on first use. */
  async activeKey(owner: KeyOwner): Promise<{ id: string; key: Buffer }> {
    const fixed = FIXED_ACTIVE_KEY.has(owner.type);
    if (fixed) {
      const known = this.cache.fixedActiveKey(ownerName(owner));
      if (known) return known;
    }
    const row = await activeKeyQuery.first(this.db, { type: owner.type, id: owner.id });
    if (!row?.wrapped) return this.createKey(owner);
    const key = await this.unwrapCached(row.id, row.master_version, row.wrapped);
    if (fixed) this.cache.setFixedActiveKey(ownerName(owner), row.id, key);
    return { id: row.id, key };
  }

  async createKey(owner: KeyOwner): Promise<{ id: string; key: Buffer }> {
    // A copy, so the cached key does not keep the whole pool buffer alive.
    const key = Buffer.from(randomBytesPooled(32));
    const { version, wrapped } = await this.master.wrap(key);
    const id = newId();
    await insertKeyQuery.run(this.db, {
        id,
        org_id: owner.orgId,
        owner_type: owner.type,
        owner_id: owner.id,
        master_version: version,
        wrapped,
        created_at: this.now(),
        retired_at: null,
        destroyed_at: null,
      });
    this.cache.set(id, key);
    return { id, key };
  }

  async keyById(id: string): Promise<Buffer> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = await this.db
      .selectFrom('data_keys')
      .select(['master_version', 'wrapped'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row?.wrapped) throw new DataKeyDestroyedError(id);
    return this.unwrapCached(id, row.master_version, row.wrapped);
  }

  /** Crypto-shredding: the owner's keys are gone, so every sealed copy of their data is noise. */
  async destroy(owner: Pick<KeyOwner, 'type' | 'id'>): Promise<number> {
    const rows = await this.db
      .selectFrom('data_keys')
      .select('id')
      .where('owner_type', '=', owner.type)
      .where('owner_id', '=', owner.id)
      .execute();
    for (const r of rows) this.cache.delete(r.id);
    this.cache.forgetFixedActiveKey(ownerName(owner));
    const result = await this.db
      .updateTable('data_keys')
      .set({ wrapped: null, destroyed_at: this.now() })
      .where('owner_type', '=', owner.type)
      .where('owner_id', '=', owner.id)
      .where('destroyed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private async unwrapCached(id: string, version: string, wrapped: string): Promise<Buffer> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const key = await this.master.unwrap(version, wrapped);
    this.cache.set(id, key);
    return key;
  }
}
