import type { Kysely, Selectable } from 'kysely';
import type { Membership } from '../../app/auth/account-model.js';
import type { MembershipRepository } from '../../app/auth/account-ports.js';
import { isRole } from '../../app/access/roles.js';
import type { MembershipsTable } from '../account-schema.js';
import type { DB } from '../schema.js';

export class KyselyMembershipRepository implements MembershipRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async forUser(userId: string): Promise<Membership[]> {
    const rows = await this.db.selectFrom('memberships').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
    return rows.map(toMembership);
  }

  async find(userId: string, orgId: string): Promise<Membership | null> {
    const row = await this.db
      .selectFrom('memberships')
      .selectAll()
      .where('user_id', '=', userId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row ? toMembership(row) : null;
  }

  async upsert(m: Membership): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ user_id: m.userId, org_id: m.orgId, role: m.role, expires_at: m.expiresAt, created_at: m.createdAt })
      .onConflict((oc) => oc.columns(['user_id', 'org_id']).doUpdateSet({ role: m.role, expires_at: m.expiresAt }))
      .execute();
  }

  async listOrg(orgId: string): Promise<Membership[]> {
    const rows = await this.db.selectFrom('memberships').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute();
    return rows.map(toMembership);
  }
}

function toMembership(r: Selectable<MembershipsTable>): Membership {
  if (!isRole(r.role)) throw new Error(`Unknown role in membership of user ${r.user_id}`);
  return { userId: r.user_id, orgId: r.org_id, role: r.role, expiresAt: r.expires_at, createdAt: r.created_at };
}
