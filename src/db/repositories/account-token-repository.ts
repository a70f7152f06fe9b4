import type { Kysely } from 'kysely';
import type { AccountToken, AccountTokenPurpose, AccountTokenRepository } from '../../app/auth/account-ports.js';
import type { DB } from '../schema.js';

export class KyselyAccountTokenRepository implements AccountTokenRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(tokenHash: string, t: AccountToken): Promise<void> {
    await this.db
      .insertInto('account_tokens')
      .values({
        token_hash: tokenHash,
        purpose: t.purpose,
        user_id: t.userId,
        org_id: t.orgId,
        role: t.role,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        used_at: t.usedAt,
      })
      .execute();
  }

  async find(tokenHash: string): Promise<AccountToken | null> {
    const r = await this.db.selectFrom('account_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!r) return null;
    return {
      purpose: r.purpose as AccountTokenPurpose,
      userId: r.user_id,
      orgId: r.org_id,
      role: r.role,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      usedAt: r.used_at,
    };
  }

  async markUsed(tokenHash: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('account_tokens')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async expireAll(purpose: AccountTokenPurpose, userId: string | null, at: number): Promise<void> {
    let q = this.db.updateTable('account_tokens').set({ used_at: at }).where('purpose', '=', purpose).where('used_at', 'is', null);
    if (userId !== null) q = q.where('user_id', '=', userId);
    await q.execute();
  }
}
