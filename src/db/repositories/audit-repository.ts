import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLog, AuditReader, Clock, StoredAuditEntry } from '../../app/ports.js';
import { newId } from '../../security/ids.js';
import { PreparedQuery } from '../prepared-query.js';
import type { AuditLogTable, DB } from '../schema.js';

const recordQuery = new PreparedQuery((db, row: AuditLogTable) => db.insertInto('audit_log').values(row));

/** The one place every change and every read of personal data is recorded. */
export class KyselyAuditLog implements AuditLog, AuditReader {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  async record(e: AuditEntry): Promise<void> {
    const at = this.clock.now();
    await recordQuery.run(this.db, {
        id: newId(at),
        at,
        org_id: e.orgId,
        actor_type: e.actor.type,
        actor_id: e.actor.id,
        action: e.action,
        object_type: e.objectType,
        object_ids: JSON.stringify(e.objectIds),
        outcome: e.outcome,
        reason: e.reason ?? null,
        ip: e.actor.ip ?? null,
        user_agent: e.actor.userAgent ? e.actor.userAgent.slice(0, 256) : null,
      });
  }

  async list(filter: { orgId?: string | null; action?: string; limit: number }): Promise<StoredAuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit);
    if (filter.orgId !== undefined) q = filter.orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', filter.orgId);
    if (filter.action) q = q.where('action', '=', filter.action);
    const rows = await q.execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      orgId: r.org_id,
      actor: { type: r.actor_type as AuditEntry['actor']['type'], id: r.actor_id, ip: r.ip, userAgent: r.user_agent },
      action: r.action,
      objectType: r.object_type,
      objectIds: JSON.parse(r.object_ids) as string[],
      outcome: r.outcome as AuditEntry['outcome'],
      reason: r.reason,
    }));
  }
}
