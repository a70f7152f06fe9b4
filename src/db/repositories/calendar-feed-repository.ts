import type { Kysely, Selectable } from 'kysely';
import type { CalendarFeed, CalendarFeedRepository, FeedBooking } from '../../app/notifications/notification-ports.js';
import type { CalendarFeedsTable, DB } from '../schema.js';

/** Feed tokens are stored only as hashes; revoking a feed kills its URL for good. */
export class KyselyCalendarFeedRepository implements CalendarFeedRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(f: CalendarFeed, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('calendar_feeds')
      .values({ id: f.id, org_id: f.orgId, staff_id: f.staffId, token_hash: tokenHash, created_at: f.createdAt, revoked_at: f.revokedAt })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<CalendarFeed | null> {
    const row = await this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toFeed(row) : null;
  }

  async revoke(orgId: string, id: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async list(orgId: string, staffId: string): Promise<CalendarFeed[]> {
    const rows = await this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('staff_id', '=', staffId)
      .orderBy('created_at')
      .execute();
    return rows.map(toFeed);
  }

  async bookings(orgId: string, staffId: string, from: number, to: number): Promise<FeedBooking[]> {
    const rows = await this.db
      .selectFrom('bookings')
      .select(['id', 'service_id', 'customer_id', 'status', 'start_at', 'end_at', 'version'])
      .where('org_id', '=', orgId)
      .where('staff_id', '=', staffId)
      .where('status', 'in', ['pending', 'confirmed'])
      .where('start_at', '>=', from)
      .where('start_at', '<', to)
      .orderBy('start_at')
      .limit(5000)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      serviceId: r.service_id,
      customerId: r.customer_id,
      status: r.status,
      start: r.start_at,
      end: r.end_at,
      version: r.version,
    }));
  }
}

function toFeed(r: Selectable<CalendarFeedsTable>): CalendarFeed {
  return { id: r.id, orgId: r.org_id, staffId: r.staff_id, createdAt: r.created_at, revokedAt: r.revoked_at };
}
