import type { Kysely, Selectable } from 'kysely';
import type { SessionRepository } from '../../app/auth/account-ports.js';
import type { Session, SessionStage } from '../../app/auth/session-model.js';
import { isRole } from '../../app/access/roles.js';
import type { SessionsTable } from '../account-schema.js';
import type { DB } from '../schema.js';

/** Sessions by the hash of their cookie value; the value itself is never stored. */
export class KyselySessionRepository implements SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(s: Session, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: s.id,
        token_hash: tokenHash,
        user_id: s.userId,
        org_id: s.orgId,
        role: s.role,
        stage: s.stage,
        created_at: s.createdAt,
        last_seen_at: s.lastSeenAt,
        idle_timeout_ms: s.idleTimeoutMs,
        expires_at: s.expiresAt,
        auth_at: s.authAt,
        auth_methods: JSON.stringify(s.authMethods),
        ip: s.ip,
        user_agent: s.userAgent ? s.userAgent.slice(0, 256) : null,
        revoked_at: null,
        revoke_reason: null,
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<Session | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async findById(userId: string, id: string): Promise<Session | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async listForUser(userId: string, now: number): Promise<Session[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .execute();
    return rows.map(toSession);
  }

  async touch(id: string, at: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).where('last_seen_at', '<', at).execute();
  }

  async rotate(id: string, tokenHash: string, change: { stage?: SessionStage; authAt?: number; authMethods?: string[] }): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({
        token_hash: tokenHash,
        ...(change.stage ? { stage: change.stage } : {}),
        ...(change.authAt !== undefined ? { auth_at: change.authAt } : {}),
        ...(change.authMethods ? { auth_methods: JSON.stringify(change.authMethods) } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async setOrg(id: string, orgId: string | null, role: Session['role'], idleTimeoutMs: number, expiresAt: number): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ org_id: orgId, role, idle_timeout_ms: idleTimeoutMs, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  }

  async revoke(id: string, reason: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('sessions')
      .set({ revoked_at: at, revoke_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeAllForUser(userId: string, reason: string, at: number, exceptId: string | null = null): Promise<string[]> {
    let q = this.db.selectFrom('sessions').select('id').where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (exceptId) q = q.where('id', '!=', exceptId);
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length > 0) {
      await this.db.updateTable('sessions').set({ revoked_at: at, revoke_reason: reason }).where('id', 'in', ids).execute();
    }
    return ids;
  }

  async history(userId: string, userAgent: string | null): Promise<{ sessions: number; sameBrowser: boolean }> {
    const rows = await this.db.selectFrom('sessions').select('user_agent').where('user_id', '=', userId).execute();
    const agent = userAgent ? userAgent.slice(0, 256) : null;
    return { sessions: rows.length, sameBrowser: rows.some((r) => r.user_agent === agent) };
  }
}

function toSession(r: Selectable<SessionsTable>): Session {
  return {
    id: r.id,
    userId: r.user_id,
    orgId: r.org_id,
    role: isRole(r.role) ? r.role : null,
    stage: r.stage as SessionStage,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    idleTimeoutMs: r.idle_timeout_ms,
    expiresAt: r.expires_at,
    authAt: r.auth_at,
    authMethods: JSON.parse(r.auth_methods) as string[],
    ip: r.ip,
    userAgent: r.user_agent,
    revokedAt: r.revoked_at,
  };
}
