import type { Kysely } from 'kysely';
import type { OneTimeCode, OneTimeCodeRepository, RecoveryCodeRepository } from '../../app/auth/account-ports.js';
import { newId } from '../../security/ids.js';
import type { DB } from '../schema.js';

/** Recovery codes, stored only as hashes; each works once. */
export class KyselyRecoveryCodeRepository implements RecoveryCodeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async replaceAll(userId: string, codeHashes: string[], at: number): Promise<void> {
    await this.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (codeHashes.length === 0) return;
    await this.db
      .insertInto('recovery_codes')
      .values(codeHashes.map((code_hash) => ({ id: newId(at), user_id: userId, code_hash, used_at: null, created_at: at })))
      .execute();
  }

  async use(userId: string, codeHash: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countUnused(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

/** Email and SMS one-time codes, stored only as keyed hashes. */
export class KyselyOneTimeCodeRepository implements OneTimeCodeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(c: OneTimeCode): Promise<void> {
    await this.db
      .insertInto('one_time_codes')
      .values({
        id: c.id,
        user_id: c.userId,
        bound_to: c.boundTo,
        channel: c.channel,
        code_hash: c.codeHash,
        failures: c.failures,
        created_at: c.createdAt,
        expires_at: c.expiresAt,
        used_at: c.usedAt,
      })
      .execute();
  }

  async latest(boundTo: string, channel: 'email' | 'sms'): Promise<OneTimeCode | null> {
    const r = await this.db
      .selectFrom('one_time_codes')
      .selectAll()
      .where('bound_to', '=', boundTo)
      .where('channel', '=', channel)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      userId: r.user_id,
      boundTo: r.bound_to,
      channel: r.channel as 'email' | 'sms',
      codeHash: r.code_hash,
      failures: r.failures,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
    };
  }

  async countFor(boundTo: string): Promise<number> {
    const row = await this.db
      .selectFrom('one_time_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('bound_to', '=', boundTo)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async recordFailure(id: string): Promise<void> {
    await this.db.updateTable('one_time_codes').set((eb) => ({ failures: eb('failures', '+', 1) })).where('id', '=', id).execute();
  }

  async markUsed(id: string, at: number): Promise<boolean> {
    const result = await this.db.updateTable('one_time_codes').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
