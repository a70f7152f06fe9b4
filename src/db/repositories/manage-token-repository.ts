import type { Kysely } from 'kysely';
import type { ManageTokenRepository } from '../../app/ports.js';
import { PreparedQuery } from '../prepared-query.js';
import type { DB, ManageTokensTable } from '../schema.js';

const insertQuery = new PreparedQuery((db, row: ManageTokensTable) => db.insertInto('manage_tokens').values(row));

export class KyselyManageTokenRepository implements ManageTokenRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(tokenHash: string, orgId: string, bookingId: string, expiresAt: number, now: number): Promise<void> {
    await insertQuery.run(this.db, { token_hash: tokenHash, org_id: orgId, booking_id: bookingId, expires_at: expiresAt, created_at: now });
  }

  async find(tokenHash: string): Promise<{ orgId: string; bookingId: string; expiresAt: number } | null> {
    const row = await this.db
      .selectFrom('manage_tokens')
      .select(['org_id', 'booking_id', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? { orgId: row.org_id, bookingId: row.booking_id, expiresAt: row.expires_at } : null;
  }

  async extend(bookingId: string, expiresAt: number): Promise<void> {
    await this.db.updateTable('manage_tokens').set({ expires_at: expiresAt }).where('booking_id', '=', bookingId).execute();
  }
}
