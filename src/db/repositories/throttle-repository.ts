import type { Kysely } from 'kysely';
import type { ThrottleRepository } from '../../app/auth/account-ports.js';
import type { ThrottleState } from '../../security/auth/throttle-policy.js';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { DB } from '../schema.js';
import { USERS_KEY_SCOPE } from './user-repository.js';

/** Sign-in failure counters, shared by every app process through the database. */
export class KyselyThrottleRepository implements ThrottleRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly crypto: FieldCrypto,
  ) {}

  /** Keyed (HMAC) rather than a plain hash: the IPv4 space is small enough to reverse a plain one. */
  keyFor(key: string): Promise<string> {
    return this.crypto.index(USERS_KEY_SCOPE, `throttle:${key}`);
  }

  async find(keyHash: string): Promise<ThrottleState | null> {
    const row = await this.db.selectFrom('login_throttles').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    return row ? { failures: row.failures, lastFailureAt: row.last_failure_at, blockedUntil: row.blocked_until } : null;
  }

  async save(keyHash: string, s: ThrottleState): Promise<void> {
    const values = { failures: s.failures, last_failure_at: s.lastFailureAt, blocked_until: s.blockedUntil };
    await this.db
      .insertInto('login_throttles')
      .values({ key_hash: keyHash, ...values })
      .onConflict((oc) => oc.column('key_hash').doUpdateSet(values))
      .execute();
  }

  async clear(keyHash: string): Promise<void> {
    await this.db.deleteFrom('login_throttles').where('key_hash', '=', keyHash).execute();
  }
}
